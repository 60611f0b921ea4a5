package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Finish reasons round-trip through their wire names, and a reason the enum does not know is OTHER. */
class FinishReasonTest {

    @Test
    void wireNamesAreLowerCaseSnakeCase() {
        assertThat(FinishReason.STOP.wireName()).isEqualTo("stop");
        assertThat(FinishReason.CONTENT_FILTER.wireName()).isEqualTo("content_filter");
        assertThat(FinishReason.TOOL_CALLS.wireName()).isEqualTo("tool_calls");
    }

    @Test
    void everyReasonRoundTripsThroughItsWireName() {
        for (FinishReason r : FinishReason.values()) {
            assertThat(FinishReason.fromWireName(r.wireName())).isEqualTo(r);
        }
    }

    @Test
    void parsingIgnoresCase() {
        assertThat(FinishReason.fromWireName("LENGTH")).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void unknownReasonIsOther() {
        assertThat(FinishReason.fromWireName("end_turn")).isEqualTo(FinishReason.OTHER);
        assertThat(FinishReason.fromWireName("")).isEqualTo(FinishReason.OTHER);
    }

    @Test
    void nullNameIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> FinishReason.fromWireName(null))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
    }
}
