package dev.bench4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.Run;
import dev.bench4j.store.json.JsonRunStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The gate's settings are checked as they are made, and a renamed prompt is tested when paired by trial. */
class BenchGateTest {

    @TempDir
    Path dir;

    private BenchGate gate() {
        return new Bench(dir.resolve("runs"), false).gate(Plans.echo("p", 0));
    }

    @Test
    void badSettingsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> gate().minScore("exact", Double.NaN))
                .hasMessage("minimum of 'exact' must be finite but was NaN");
        assertThatThrownBy(() -> gate().maxFailureRate(1.5)).hasMessage("failure rate must be between 0 and 1 but was 1.5");
        assertThatThrownBy(() -> gate().maxCostUsd(-1)).hasMessage("cost must be >= 0 but was -1.0");
        assertThatThrownBy(() -> gate().maxDrop("exact", -0.1))
                .hasMessage("allowed drop of 'exact' must be >= 0 but was -0.1");
        assertThatThrownBy(() -> gate().onlyWhenSignificant(1)).hasMessage("level must be between 0 and 1 but was 1.0");
        assertThatThrownBy(() -> gate().minScore(null, 1)).isInstanceOf(NullPointerException.class).hasMessage("metric");
        assertThatThrownBy(() -> gate().baseline(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
        assertThatThrownBy(() -> new Bench(dir, false).gate(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("plan");
    }

    @Test
    void aGateThatChecksNothingOrABaselineWithoutAMetricIsRefusedBeforeRunning() {
        assertThatThrownBy(() -> gate().check()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the gate checks nothing: add minScore, maxFailureRate, maxCostUsd or a baseline");
        assertThatThrownBy(() -> gate().baseline(dir.resolve("b.json")).maxFailureRate(0).check())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a baseline needs a metric to compare: add minScore or maxDrop");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void theUpdateFlagReadsTrueFalseOrABareFlagAndRefusesAnythingElse() {
        assertThat(Bench.parseFlag("f", "TRUE")).isTrue();
        assertThat(Bench.parseFlag("f", "")).isTrue();
        assertThat(Bench.parseFlag("f", "false")).isFalse();
        assertThatThrownBy(() -> Bench.parseFlag("bench4j.updateBaseline", "yes"))
                .hasMessage("bench4j.updateBaseline must be true or false but was 'yes'");
    }

    @Test
    void aRenamedPromptIsTestedAgainstTheBaselineWhenPairedByTrial() {
        Bench update = new Bench(dir.resolve("runs"), true);
        Path file = dir.resolve("baselines/extract.json");
        update.gate(Plans.echo("extract-v1", 0)).baseline(file).minScore("exact", 0.5).check();
        Bench bench = new Bench(dir.resolve("runs"), false);

        Run passed = bench.gate(Plans.echo("extract-v2", 1)).baseline(file).minScore("exact", 0.5)
                .onlyWhenSignificant(0.05).pairByTrial().check();
        assertThatThrownBy(() -> bench.gate(Plans.echo("extract-v2", 1)).baseline(file).minScore("exact", 0.5)
                .onlyWhenSignificant(0.05).check())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("  - echo:m: exact dropped 1.000 -> 0.950 (-0.050, allowed 0.000) against the"
                        + " baseline; not tested for significance: fewer than 2 cells pair with the baseline (a renamed"
                        + " prompt? use pairByTrial())");
        assertThat(JsonRunStore.readExported(file).info().plan().prompts()).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("extract-v1"));
        assertThat(passed.info().plan().prompts()).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("extract-v2"));
    }
}
