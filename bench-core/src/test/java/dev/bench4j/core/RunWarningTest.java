package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A run warning is a validated, immutable value; a run without warnings has an empty list. */
class RunWarningTest {

    @Test
    void keepsItsComponentsAndCopiesTheModels() {
        List<String> models = new ArrayList<>(List.of("a", "b"));
        RunWarning w = RunWarning.of(RunWarning.SAMPLING_IGNORED, "configs a, b answered alike", models, 3, 4);
        models.add("c");

        assertThat(w.code()).isEqualTo("sampling_ignored");
        assertThat(w.models()).containsExactly("a", "b");
        assertThat(w.count()).isEqualTo(3);
        assertThat(w.total()).isEqualTo(4);
    }

    @Test
    void refusesABadCodeMessageOrCounts() {
        assertThatThrownBy(() -> RunWarning.of("Model-Mismatch", "m", List.of(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("code must be snake_case (a-z, 0-9, _) but was 'Model-Mismatch'");
        assertThatThrownBy(() -> RunWarning.of("x", " ", List.of(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("message must not be blank");
        assertThatThrownBy(() -> RunWarning.of("x", "two\nlines", List.of(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("message must be one line but had a line break");
        assertThatThrownBy(() -> RunWarning.of("x", "m", List.of(), -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("count and total must be >= 0 but were -1 and 0");
        assertThatThrownBy(() -> RunWarning.of("x", "m", List.of(), 5, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("count must be <= total but was 5 of 4");
        assertThatThrownBy(() -> RunWarning.of(null, "m", List.of(), 0, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("code");
        assertThatThrownBy(() -> RunWarning.of("x", null, List.of(), 0, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("message");
        assertThatThrownBy(() -> RunWarning.of("x", "m", null, 0, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("models");
    }

    @Test
    void aRunMadeWithoutWarningsHasNone() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        RunInfo info = new RunInfo("bench_00000000_20260101_000000", "n", t0,
                new PlanSnapshot("n", List.of(), List.of(), 0, "f", 1, 1, List.of(), List.of(), Map.of()),
                Environment.current());
        PlanSnapshot plan = info.plan();
        Summary summary = SummaryCollector.of(plan).build(Duration.ZERO);

        Run run = new Run(info, RunStatus.COMPLETED, Optional.empty(), t0, List.of(), summary);

        assertThat(run.warnings()).isEmpty();
        assertThatThrownBy(() -> new Run(info, RunStatus.COMPLETED, Optional.empty(), t0, List.of(), summary, null))
                .isInstanceOf(NullPointerException.class).hasMessage("warnings");
    }
}
