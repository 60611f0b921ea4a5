package dev.bench4j.scoring.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;

/** Leaderboards tie what the data cannot separate, and the gate lists what got worse than the baseline. */
class CompareTest {

    /** A run of three echo models over 20 trials, scored by {@code q(model, trial number)}. */
    private static Run run(ToDoubleBiFunction<String, Integer> q) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            trials.add(Trial.of("t" + i, Map.of("x", String.valueOf(i))));
        }
        Scorer s = Scorer.of("q", r -> Score.of(q.applyAsDouble(r.result().cell().model(),
                Integer.parseInt(r.trial().id().substring(1)))));
        return BenchmarkPlan.named("compare").prompt(Prompt.named("p").user("{{x}}"))
                .model(ModelConfig.of("echo", "a")).model(ModelConfig.of("echo", "b")).model(ModelConfig.of("echo", "c"))
                .trials(trials).scorer(s).noCache().build().run();
    }

    @Test
    void modelsWhoseIntervalsOverlapTheLeadersAreTiedForFirst() {
        // a: 0.9 ± small, b: 0.88 ± small (overlaps a), c: 0.3 (clearly worse)
        Summary s = run((m, i) -> switch (m) {
            case "echo:a" -> 0.9 + (i % 2 == 0 ? 0.05 : -0.05);
            case "echo:b" -> 0.88 + (i % 2 == 0 ? 0.05 : -0.05);
            default -> 0.3 + (i % 2 == 0 ? 0.01 : -0.01);
        }).summary();

        Leaderboard board = Leaderboard.byModel(s, "q");

        assertThat(board.entries()).extracting(Leaderboard.Entry::name).containsExactly("echo:a", "echo:b", "echo:c");
        assertThat(board.entries()).extracting(Leaderboard.Entry::rank).containsExactly(1, 1, 3);
        assertThat(board.tiedForFirst()).extracting(Leaderboard.Entry::name).containsExactly("echo:a", "echo:b");
        assertThatThrownBy(() -> Leaderboard.byModel(s, "nope")).hasMessageContaining("no group has a value for score 'nope'");
    }

    @Test
    void theGateListsEachMetricThatGotWorseByMoreThanItsThreshold() {
        Summary baseline = run((m, i) -> 0.9).summary();
        Summary candidate = run((m, i) -> m.equals("echo:b") ? 0.8 : 0.89).summary();

        List<RegressionGate.Regression> found = RegressionGate.of(baseline, candidate).metric("q", 0.02)
                .metric("success_rate", 0.0).regressions();

        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.model()).isEqualTo("echo:b");
            assertThat(r.change()).isCloseTo(-0.1, offset(1e-9));
            assertThat(r.toString()).isEqualTo("echo:b: q 0.900 -> 0.800 (-0.100, allowed 0.020)");
        });
        assertThat(RegressionGate.of(baseline, baseline).metric("q", 0).regressions()).isEmpty();
        assertThatThrownBy(() -> RegressionGate.of(baseline, candidate).regressions()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RegressionGate.of(baseline, candidate).metric("q", -1)).hasMessageContaining("must be >= 0");
    }

    @Test
    void aDropTheDataCannotTellFromNoiseIsNotARegressionWhenSignificanceIsAsked() {
        Run baseline = run((m, i) -> 1.0);
        Run oneWorse = run((m, i) -> m.equals("echo:b") && i == 0 ? 0.0 : 1.0);
        Run manyWorse = run((m, i) -> m.equals("echo:b") && i < 12 ? 0.0 : 1.0);

        assertThat(RegressionGate.of(baseline, oneWorse).metric("q", 0.01).regressions()).hasSize(1);
        assertThat(RegressionGate.of(baseline, oneWorse).metric("q", 0.01).onlyWhenSignificant(0.05).regressions())
                .isEmpty();
        List<RegressionGate.Regression> real = RegressionGate.of(baseline, manyWorse).metric("q", 0.01)
                .onlyWhenSignificant(0.05).regressions();
        assertThat(real).singleElement().satisfies(r -> {
            assertThat(r.comparison()).get().satisfies(c -> {
                assertThat(c.testName()).isEqualTo("McNemar exact");
                assertThat(c.test().pValue()).isLessThan(0.05);
                assertThat(c.describe()).startsWith("A is better by 0.600 q, 95% CI [").contains("McNemar exact, n = 20");
            });
        });
        assertThatThrownBy(() -> RegressionGate.of(baseline.summary(), oneWorse.summary()).onlyWhenSignificant(0.05))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void continuousScoresAreComparedWithWilcoxon() {
        double[] a = {0.5, 0.6, 0.7, 0.8, 0.55, 0.65, 0.75, 0.85, 0.6, 0.7};
        double[] b = {0.6, 0.7, 0.8, 0.9, 0.66, 0.74, 0.86, 0.95, 0.69, 0.81};

        PairedComparison c = PairedComparison.of("f1", a, b, 7);

        assertThat(c.testName()).isEqualTo("Wilcoxon signed-rank");
        assertThat(c.difference().value()).isCloseTo(0.101, offset(1e-9));
        assertThat(c.describe()).startsWith("B is better by 0.101 f1, 95% CI [");
        assertThat(c.test().pValue()).isLessThan(0.01);
        assertThat(PairedComparison.of("f1", a, b, 7)).isEqualTo(c);
    }
}
