package dev.bench4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Run;
import dev.bench4j.core.Summary;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.RunEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/**
 * {@code @BenchmarkTest} methods run through the JUnit Platform as a user's build runs them: a gate
 * that holds passes, one that does not fails with one line per problem, {@code bench4j.updateBaseline}
 * rewrites the baseline, and {@code onlyWhenSignificant} lets a drop the data cannot tell from noise pass.
 */
class BenchExtensionTest {

    @TempDir
    Path dir;

    /** Every test class below finds its baseline next to the store folder. */
    static Path baseline(Bench bench) {
        return bench.store().resolveSibling("baseline.json");
    }

    static class PassingGate {
        @BenchmarkTest
        void holds(Bench bench) {
            bench.gate(Plans.echo("p", 2)).minScore("exact", 0.85).maxFailureRate(0.0).maxCostUsd(0.0).check();
        }
    }

    static class FailingGate {
        @BenchmarkTest
        void fallsShort(Bench bench) {
            ModelConfig flaky = ModelConfig.of("echo", "m").withParam("failure_rate", 0.3)
                    .withParam("failure_kind", "bad_request");
            bench.gate(Plans.echo("p", 6, flaky)).minScore("exact", 0.85).maxFailureRate(0.01).check();
        }
    }

    static class GoodRun {
        @BenchmarkTest
        void gated(Bench bench) {
            bench.gate(Plans.echo("p", 0)).baseline(baseline(bench)).minScore("exact", 0.5).check();
        }
    }

    static class SixWorse {
        @BenchmarkTest
        void gated(Bench bench) {
            bench.gate(Plans.echo("p", 6)).baseline(baseline(bench)).onlyWhenSignificant(0.05).minScore("exact", 0.5)
                    .check();
        }
    }

    static class OneWorse {
        @BenchmarkTest
        void gated(Bench bench) {
            bench.gate(Plans.echo("p", 1)).baseline(baseline(bench)).onlyWhenSignificant(0.05).minScore("exact", 0.5)
                    .check();
        }
    }

    static class OneWorseWithoutSignificance {
        @BenchmarkTest
        void gated(Bench bench) {
            bench.gate(Plans.echo("p", 1)).baseline(baseline(bench)).minScore("exact", 0.5).check();
        }
    }

    private EngineExecutionResults execute(Class<?> testClass, boolean update) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectClass(testClass))
                .configurationParameter(BenchExtension.STORE, dir.resolve("runs").toString());
        if (update) {
            kit.configurationParameter(BenchExtension.UPDATE_BASELINE, "true");
        }
        return kit.execute();
    }

    private static String failure(EngineExecutionResults results) {
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(0).failed(1));
        Throwable t = results.testEvents().failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow();
        assertThat(t).isInstanceOf(AssertionFailedError.class);
        return t.getMessage();
    }

    private List<RunEntry> stored() {
        return JsonRunStore.at(dir.resolve("runs")).list();
    }

    @Test
    void aGateThatHoldsPassesAndItsRunIsInTheStore() {
        execute(PassingGate.class, false).testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));

        assertThat(stored()).singleElement().satisfies(e -> assertThat(e.cells()).isEqualTo(20));
    }

    @Test
    void aGateThatFallsShortFailsWithOneLinePerProblemAndSaysWhereTheRunIs() {
        String message = failure(execute(FailingGate.class, false));

        String id = stored().get(0).id();
        Run run = JsonRunStore.at(dir.resolve("runs")).run(id).orElseThrow();
        Summary.Group g = run.summary().byModel().get("echo:m");
        assertThat(g.failed()).isBetween(1L, 19L);
        Summary.Interval ci = Summary.Interval.wilson(g.failed(), 20, 0.95).orElseThrow();
        Path runs = dir.resolve("runs");
        assertThat(message.split("\\R")).containsExactly(
                "bench4j gate failed for plan 'gate-p' (run " + id + ", 20 cells, completed): 2 problems",
                "  - echo:m: exact " + g.scores().get("exact").describe() + " is below the minimum 0.850",
                String.format(Locale.ROOT, "  - echo:m: failure rate %.3f (%d of 20 cells failed, 95%% CI %.3f–%.3f"
                        + " Wilson) is above the maximum 0.010", g.failed() / 20.0, g.failed(), ci.lower(), ci.upper()),
                "The run is stored in " + runs.toAbsolutePath() + "; open it with: bench report --store " + runs
                        + " --out report.html " + id);
    }

    @Test
    void aMissingBaselineFailsAndSaysHowToWriteIt() {
        String message = failure(execute(GoodRun.class, false));

        assertThat(message).contains("  - no baseline at " + dir.resolve("baseline.json").toAbsolutePath()
                + ": run the test with -Dbench4j.updateBaseline=true to write it");
        assertThat(dir.resolve("baseline.json")).doesNotExist();
    }

    @Test
    void theUpdateSwitchWritesTheBaselineWhichTheNextRunIsComparedWith() {
        execute(GoodRun.class, true).testEvents().assertStatistics(s -> s.started(1).succeeded(1));

        Path file = dir.resolve("baseline.json");
        assertThat(file).isRegularFile();
        Run baseline = JsonRunStore.readExported(file);
        assertThat(baseline.id()).isEqualTo(stored().get(0).id());
        assertThat(baseline.summary().byModel().get("echo:m").scores().get("exact").mean()).hasValue(1.0);

        execute(GoodRun.class, false).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(stored()).hasSize(2);
    }

    @Test
    void theUpdateSwitchDoesNotWriteABaselineThatMissesTheThresholds() {
        String message = failure(execute(FailingGate.class, true));

        assertThat(message).doesNotContain("baseline");
        assertThat(dir.resolve("baseline.json")).doesNotExist();
    }

    @Test
    void aSignificantDropFailsWithItsFiguresIntervalAndPValue() throws Exception {
        execute(GoodRun.class, true);
        String baselineId = JsonRunStore.readExported(dir.resolve("baseline.json")).id();

        String message = failure(execute(SixWorse.class, false));

        // McNemar's exact test, 6 discordant pairs all one way: p = 2 * 0.5^6 = 0.03125
        assertThat(message.split("\\R")[1]).startsWith("  - echo:m: exact dropped 1.000 -> 0.700 (-0.300, allowed 0.000)"
                + " against the baseline; paired difference -0.300, 95% CI [").endsWith("], p = 0.031 (McNemar exact, n = 20)");
        assertThat(message).contains("Compared with the baseline " + dir.resolve("baseline.json") + " (run " + baselineId
                + ").");
        assertThat(Files.size(dir.resolve("baseline.json"))).isPositive();
    }

    @Test
    void aDropTheDataCannotTellFromNoisePassesOnlyWhenSignificanceIsAsked() {
        execute(GoodRun.class, true);

        execute(OneWorse.class, false).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        String message = failure(execute(OneWorseWithoutSignificance.class, false));

        assertThat(message).contains("  - echo:m: exact dropped 1.000 -> 0.950 (-0.050, allowed 0.000) against the"
                + " baseline" + System.lineSeparator());
    }
}
