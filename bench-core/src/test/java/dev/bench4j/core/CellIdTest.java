package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A cell id names prompt, model, trial and repetition, and prints as a short label. */
class CellIdTest {

    @Test
    void toStringIsPromptSlashModelSlashTrialHashRepetition() {
        assertThat(new CellId("v1", "openai:gpt-4o-mini", "t7", 0)).hasToString("v1/openai:gpt-4o-mini/t7#0");
    }

    @Test
    void cellIdsWithTheSameComponentsAreEqual() {
        assertThat(new CellId("v1", "m", "t1", 2)).isEqualTo(new CellId("v1", "m", "t1", 2))
                .hasSameHashCodeAs(new CellId("v1", "m", "t1", 2))
                .isNotEqualTo(new CellId("v1", "m", "t1", 3));
    }

    @Test
    void negativeRepetitionIsRefused() {
        assertThatThrownBy(() -> new CellId("v1", "m", "t1", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("repetition must be >= 0 but was -1");
    }

    @Test
    void nullNamesAreRefusedNamingTheComponent() {
        assertThatThrownBy(() -> new CellId(null, "m", "t1", 0))
                .isInstanceOf(NullPointerException.class).hasMessage("prompt");
        assertThatThrownBy(() -> new CellId("v1", null, "t1", 0))
                .isInstanceOf(NullPointerException.class).hasMessage("model");
        assertThatThrownBy(() -> new CellId("v1", "m", null, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("trial");
    }
}
