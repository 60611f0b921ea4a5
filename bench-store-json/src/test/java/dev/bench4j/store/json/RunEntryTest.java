package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Summary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RunEntryTest {

    private static final Instant T = Instant.parse("2026-11-22T18:45:01Z");

    @Test
    void listsAreCopiedAndCountsMustNotBeNegative() {
        List<String> models = new ArrayList<>(List.of("m"));
        RunEntry e = new RunEntry("id", "n", RunStatus.RUNNING, T, Optional.empty(), models, List.of("p"), 1, 0,
                OptionalDouble.empty(), OptionalDouble.empty(), Path.of("id"));
        models.add("other");

        assertThat(e.models()).containsExactly("m");
        assertThatThrownBy(() -> new RunEntry("id", "n", RunStatus.RUNNING, T, Optional.empty(), List.of(), List.of(), -1, 0,
                OptionalDouble.empty(), OptionalDouble.empty(), Path.of("id")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("trialCount must be >= 0 but was -1");
        assertThatThrownBy(() -> new RunEntry("id", "n", RunStatus.RUNNING, T, Optional.empty(), List.of(), List.of(), 0, -2,
                OptionalDouble.empty(), OptionalDouble.empty(), Path.of("id")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cells must be >= 0 but was -2");
        assertThatThrownBy(() -> new RunEntry(null, "n", RunStatus.RUNNING, T, Optional.empty(), List.of(), List.of(), 0, 0,
                OptionalDouble.empty(), OptionalDouble.empty(), Path.of("id")))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
    }

    @Test
    void successRateCarriesItsWilsonIntervalAsScipyGivesIt() {
        // scipy.stats.binomtest(7, 10).proportion_ci(0.95, method='wilson'), SciPy 1.17.1
        RunEntry e = new RunEntry("id", "n", RunStatus.COMPLETED, T, Optional.of(T), List.of("m"), List.of("p"), 10, 10,
                OptionalDouble.of(0.7), OptionalDouble.empty(), Path.of("id"));
        Summary.Interval ci = e.successRateCi95().orElseThrow();
        assertThat(ci.lower()).isCloseTo(0.39677814746114526, within(1e-12));
        assertThat(ci.upper()).isCloseTo(0.892208732593699, within(1e-12));
        assertThat(ci.method()).isEqualTo(Summary.IntervalMethod.WILSON);
        RunEntry none = new RunEntry("id", "n", RunStatus.RUNNING, T, Optional.empty(), List.of(), List.of(), 0, 0,
                OptionalDouble.empty(), OptionalDouble.empty(), Path.of("id"));
        assertThat(none.successRateCi95()).isEmpty();
    }

    @Test
    void aMetricPointMustBeFinite() {
        assertThat(new MetricPoint("id", T, 0.5).value()).isEqualTo(0.5);
        assertThatThrownBy(() -> new MetricPoint("id", T, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be finite but was NaN");
    }
}
