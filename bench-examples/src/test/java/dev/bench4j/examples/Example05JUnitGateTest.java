package dev.bench4j.examples;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.PlanFile;
import dev.bench4j.junit.Bench;
import dev.bench4j.junit.BenchmarkTest;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * Example 5: a benchmark as a JUnit test with bench-junit. The quickstart plan (narrowed to its
 * prompt with rules, {@code extract-v2}) is gated on thresholds and on a baseline run committed
 * under {@code src/test/resources/baselines}; rewrite the baseline with
 * {@code ./mvnw test -pl bench-examples -am -Dtest=Example05JUnitGateTest -Dbench4j.updateBaseline=true}.
 * Each run is kept in {@code target/bench4j-runs}: {@code bench list --store target/bench4j-runs}.
 */
class Example05JUnitGateTest {

    private static final Path BASELINE = Path.of("src/test/resources/baselines/quickstart-v2.json");

    private static BenchmarkPlan quickstart(String prompt) {
        return PlanFile.load(Path.of("..", "examples", "quickstart", "plan.json")).toBuilder().onlyPrompts(prompt).build();
    }

    /** The gate to copy: four lines. */
    @BenchmarkTest
    void quickstartKeepsItsQuality(Bench bench) {
        bench.gate(quickstart("extract-v2")).baseline(BASELINE).onlyWhenSignificant(0.05)
                .minScore("set_f1", 0.6).maxFailureRate(0.01).maxCostUsd(0.10)
                .check();
    }

    /**
     * Going back to the plain prompt hurts the hasty model on four trials of twenty: too few for a
     * paired test at 0.05, so this gate allows a drop of 0.02 instead; it fails and says by how much.
     */
    @BenchmarkTest
    void theGateCatchesAPromptChangeThatHurtsAModel(Bench bench) {
        assertThatThrownBy(() -> bench.gate(quickstart("extract-v1")).baseline(BASELINE)
                .minScore("set_f1", 0.6).maxDrop("set_f1", 0.02).check())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("  - hasty: set_f1 dropped ");
    }
}
