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

    /** A run of echo models named by {@code means}' keys over 20 trials, each scored its mean ± 0.05 alternately. */
    private static Summary spread(Map<String, Double> means) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            trials.add(Trial.of("t" + i, Map.of("x", String.valueOf(i))));
        }
        Scorer s = Scorer.of("q", r -> Score.of(means.get(r.result().cell().model().substring(5))
                + (Integer.parseInt(r.trial().id().substring(1)) % 2 == 0 ? 0.05 : -0.05)));
        BenchmarkPlan.Builder plan = BenchmarkPlan.named("ranks").prompt(Prompt.named("p").user("{{x}}"));
        means.keySet().forEach(m -> plan.model(ModelConfig.of("echo", m)));
        return plan.trials(trials).scorer(s).noCache().build().run().summary();
    }

    @Test
    void tiesAreSharedAtEveryRankAgainstTheRanksHeadWithoutChaining() {
        // each interval is its mean ± 0.024 (t, n = 20, sd 0.051)
        Map<String, Double> means = new java.util.LinkedHashMap<>();
        means.put("f", 0.445); // overlaps e's interval but not d's, the head of d's rank: a rank of its own
        means.put("a", 0.9);
        means.put("b", 0.88); // overlaps a
        means.put("c", 0.6); // overlaps nobody
        means.put("d", 0.5);
        means.put("e", 0.49); // overlaps d

        Leaderboard board = Leaderboard.byModel(spread(means), "q");

        assertThat(board.entries()).extracting(Leaderboard.Entry::name)
                .containsExactly("echo:a", "echo:b", "echo:c", "echo:d", "echo:e", "echo:f");
        assertThat(board.entries()).extracting(Leaderboard.Entry::rank).containsExactly(1, 1, 3, 4, 4, 6);
        assertThat(board.entries()).extracting(Leaderboard.Entry::tied).containsExactly(true, true, false, true, true, false);
        assertThat(board.entries()).extracting(Leaderboard.Entry::tiedWithLeader)
                .containsExactly(true, true, false, false, false, false);
        assertThat(board.entries().get(4).ci95().orElseThrow().upper())
                .isGreaterThanOrEqualTo(board.entries().get(5).ci95().orElseThrow().lower());
    }

    @Test
    void aLoneLeaderIsFirstButNotTied() {
        Leaderboard board = Leaderboard.byModel(spread(Map.of("a", 0.9, "b", 0.5)), "q");

        assertThat(board.entries()).extracting(Leaderboard.Entry::rank).containsExactly(1, 2);
        assertThat(board.entries()).extracting(Leaderboard.Entry::tied).containsExactly(false, false);
        assertThat(board.tiedForFirst()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("echo:a");
            assertThat(e.tied()).isFalse();
        });
    }

    @Test
    void adjustedComparisonsCarryTheFamilysPValueAndSaySo() {
        double[] a = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0};
        double[] b = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0};
        double[] c = {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0};
        PairedComparison ab = PairedComparison.of("q", a, b, 1);
        PairedComparison ac = PairedComparison.of("q", a, c, 1);

        List<PairedComparison> holm = PairedComparison.adjust(List.of(ab, ac), dev.bench4j.scoring.stats.PAdjustment.HOLM);

        // raw: McNemar exact 6 vs 0 -> 2 * 0.5^6 = 0.03125; 1 vs 0 -> 1.0; Holm: 0.0625, 1.0
        assertThat(ab.test().pValue()).isCloseTo(0.03125, offset(1e-12));
        assertThat(holm.get(0).pValue()).isCloseTo(0.0625, offset(1e-12));
        assertThat(holm.get(1).pValue()).isEqualTo(1.0);
        assertThat(holm.get(0).test()).isEqualTo(ab.test());
        assertThat(holm.get(0).adjustment()).get().satisfies(x -> assertThat(x.comparisons()).isEqualTo(2));
        assertThat(holm.get(0).describeP()).isEqualTo("p = 0.063 (Holm-adjusted)");
        assertThat(holm.get(0).describe()).endsWith("p = 0.063 (Holm-adjusted; McNemar exact, n = 12)");
        assertThat(ab.describe()).endsWith("p = 0.031 (McNemar exact, n = 12)");
        assertThat(PairedComparison.adjust(holm, dev.bench4j.scoring.stats.PAdjustment.NONE)).containsExactly(ab, ac);
        assertThat(PairedComparison.adjust(List.of(ab), dev.bench4j.scoring.stats.PAdjustment.HOLM))
                .as("one comparison has nothing to adjust for and does not say it was adjusted").containsExactly(ab);
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
