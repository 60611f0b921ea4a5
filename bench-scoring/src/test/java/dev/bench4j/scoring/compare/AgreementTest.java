package dev.bench4j.scoring.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.stats.Correlation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Agreement of two rankings: over the common names, empty (not NaN) when undefined, described in one line. */
class AgreementTest {

    @Test
    void identicalRankingsAgreeFully() {
        Agreement a = Agreement.of(Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.0),
                Map.of("a", 10.0, "b", 20.0, "c", 30.0, "d", 40.0));

        assertThat(a.n()).isEqualTo(4);
        assertThat(a.kendallTauB()).get().extracting(Correlation::coefficient).isEqualTo(1.0);
        // exact distribution, n = 4, all 6 pairs concordant: 2 / 4! (scipy.stats.kendalltau: 0.08333333)
        assertThat(a.kendallTauB().get().pValue().orElseThrow()).isCloseTo(1.0 / 12, within(1e-12));
        assertThat(a.spearman()).get().extracting(Correlation::coefficient).isEqualTo(1.0);
        assertThat(a.describe()).isEqualTo("Kendall tau-b 1.00 (p = 0.083), Spearman 1.00, n = 4");
    }

    @Test
    void reversedRankingsDisagreeFully() {
        Agreement a = Agreement.of(Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.0, "e", 5.0),
                Map.of("a", 5.0, "b", 4.0, "c", 3.0, "d", 2.0, "e", 1.0));

        // -10 / sqrt(10) / sqrt(10), computed as SciPy does, is -0.9999999999999999
        assertThat(a.kendallTauB().get().coefficient()).isCloseTo(-1.0, within(1e-12));
        assertThat(a.spearman().get().coefficient()).isCloseTo(-1.0, within(1e-12));
        assertThat(a.describe()).startsWith("Kendall tau-b -1.00 (p = 0.017), Spearman -1.00, n = 5");
    }

    @Test
    void onlyTheNamesBothHoldArePairedAndTiesAreAllowed() {
        // common: a b c d; x and y are ignored. scipy.stats.kendalltau([1,2,2,3],[1,2,3,3]) = 4 / sqrt(5 * 5) = 0.8
        Agreement a = Agreement.of(Map.of("a", 1.0, "b", 2.0, "c", 2.0, "d", 3.0, "x", 9.0),
                Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 3.0, "y", -4.0));

        assertThat(a.n()).isEqualTo(4);
        assertThat(a.kendallTauB().get().coefficient()).isCloseTo(0.8, within(1e-12));
        // ranks [1, 2.5, 2.5, 4] and [1, 2, 3.5, 3.5]: 3.75 / 4.5 (scipy.stats.spearmanr: 0.8333333)
        assertThat(a.spearman().get().coefficient()).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void aConstantSideIsUndefinedNotNaN() {
        Agreement a = Agreement.of(Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.0, "e", 5.0),
                Map.of("a", 0.5, "b", 0.5, "c", 0.5, "d", 0.5, "e", 0.5));

        assertThat(a.kendallTauB()).isEmpty();
        assertThat(a.spearman()).isEmpty();
        assertThat(a.n()).isEqualTo(5);
        assertThat(a.describe()).isEqualTo("undefined (a ranking is constant), n = 5");
    }

    @Test
    void fewerThanTwoCommonNamesAreUndefinedAndTwoGiveRhoWithoutAPValue() {
        assertThat(Agreement.of(Map.of("a", 1.0), Map.of("a", 2.0, "b", 1.0)).describe())
                .isEqualTo("undefined (fewer than 2 common names), n = 1");
        assertThat(Agreement.of(Map.of(), Map.of()).n()).isZero();
        Agreement two = Agreement.of(Map.of("a", 1.0, "b", 2.0), Map.of("a", 1.0, "b", 2.0));
        assertThat(two.kendallTauB()).isPresent();
        assertThat(two.spearman()).hasValueSatisfying(rho -> {
            assertThat(rho.coefficient()).isCloseTo(1.0, within(1e-12));
            assertThat(rho.pValue()).isEmpty(); // scipy.stats.spearmanr([1, 2], [1, 2]): statistic 1.0, pvalue nan
            assertThat(rho.n()).isEqualTo(2);
        });
        assertThat(two.describe()).isEqualTo("Kendall tau-b 1.00 (p = 1.000), Spearman 1.00, n = 2");
        Agreement reversed = Agreement.of(Map.of("a", 1.0, "b", 2.0), Map.of("a", 2.0, "b", 1.0));
        assertThat(reversed.spearman().orElseThrow().coefficient()).isCloseTo(-1.0, within(1e-12));
        assertThat(reversed.describe()).isEqualTo("Kendall tau-b -1.00 (p = 1.000), Spearman -1.00, n = 2");
    }

    @Test
    void valuesMustBeFiniteAndTheMessageNamesWhere() {
        assertThatThrownBy(() -> Agreement.of(Map.of("a", 1.0, "b", Double.NaN), Map.of("a", 1.0, "b", 2.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a has NaN for 'b'; values must be finite");
        assertThatThrownBy(() -> Agreement.of(Map.of("a", 1.0), null)).hasMessage("b");
        assertThatThrownBy(() -> new Agreement(Optional.empty(), Optional.empty(), -1)).hasMessageContaining("n must be >= 0");
    }

    private static Result result(String prompt, String model, String trial, int rep, Score score) {
        Result r = Result.success(new CellId(prompt, model, trial, rep), "out", FinishReason.STOP,
                Result.Timing.of(Instant.EPOCH, Duration.ofMillis(5)));
        return score == null ? r : r.withScore("judge", score);
    }

    @Test
    void humanVsAiPairsByTrialAndRepetitionAndIgnoresResultsWithoutTheScore() {
        List<Result> results = List.of(
                result("p", "m", "t1", 0, Score.of(0.9)),
                result("p", "m", "t1", 1, Score.of(0.7)),
                result("p", "m", "t2", 0, Score.of(0.4)),
                result("p", "m", "t3", 0, Score.of(0.1)),
                result("p", "m", "t4", 0, Score.error("unparseable verdict")), // no value: left out
                result("p", "m", "t5", 0, null)); // no judge score at all: left out
        // t1#1 ranks differently from its repetition t1#0, so pairing by trial alone would be wrong
        Map<String, Double> human = Map.of("t1#0", 4.0, "t1#1", 3.0, "t2#0", 2.0, "t3#0", 1.0,
                "t4#0", 5.0, "t5#0", 0.0, "t9#0", 2.0);

        Agreement a = Agreement.humanVsAi(human, results, "judge");

        assertThat(a.n()).isEqualTo(4);
        assertThat(a.kendallTauB().get().coefficient()).isEqualTo(1.0);
        assertThat(a.spearman().get().coefficient()).isEqualTo(1.0);

        Map<String, Double> swapped = Map.of("t1#0", 3.0, "t1#1", 4.0, "t2#0", 2.0, "t3#0", 1.0);
        // one discordant pair of 6: (5 - 1) / 6
        assertThat(Agreement.humanVsAi(swapped, results, "judge").kendallTauB().get().coefficient())
                .isCloseTo(4.0 / 6, within(1e-12));
        assertThat(Agreement.humanVsAi(human, results, "other").n()).isZero();
    }

    @Test
    void humanVsAiRejectsResultsWhoseKeysCollide() {
        Score s = Score.of(1);
        assertThatThrownBy(() -> Agreement.humanVsAi(Map.of(), List.of(result("p", "a", "t1", 0, s),
                result("p", "b", "t1", 0, s)), "judge"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two results for key t1#0").hasMessageContaining("one model");
        assertThatThrownBy(() -> Agreement.humanVsAi(Map.of(), List.of(result("p", "a", "t1", 0, s),
                result("q", "a", "t2", 0, s)), "judge"))
                .hasMessage("results must be of one prompt; found 'p' and 'q'");
        assertThatThrownBy(() -> Agreement.humanVsAi(Map.of(), List.of(), null)).hasMessage("scoreName");
    }

    /** A run of four echo models over 6 trials, each model scored {@code q(model)} plus small noise. */
    private static Summary run(ToDoubleFunction<String> q) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            trials.add(Trial.of("t" + i, Map.of("x", String.valueOf(i))));
        }
        Scorer s = Scorer.of("q", r -> Score.of(q.applyAsDouble(r.result().cell().model())
                + (Integer.parseInt(r.trial().id().substring(1)) % 2 == 0 ? 0.01 : -0.01)));
        return BenchmarkPlan.named("agree").prompt(Prompt.named("p").user("{{x}}"))
                .model(ModelConfig.of("echo", "a")).model(ModelConfig.of("echo", "b"))
                .model(ModelConfig.of("echo", "c")).model(ModelConfig.of("echo", "d"))
                .trials(trials).scorer(s).noCache().build().run().summary();
    }

    @Test
    void leaderboardsOfTwoRunsAgreeWhenTheyRankModelsAlike() {
        Map<String, Double> first = Map.of("echo:a", 0.9, "echo:b", 0.7, "echo:c", 0.5, "echo:d", 0.2);
        Map<String, Double> secondSameOrder = Map.of("echo:a", 0.8, "echo:b", 0.75, "echo:c", 0.4, "echo:d", 0.3);
        Map<String, Double> secondReversed = Map.of("echo:a", 0.1, "echo:b", 0.3, "echo:c", 0.6, "echo:d", 0.9);
        Leaderboard one = Leaderboard.byModel(run(first::get), "q");

        Agreement stable = Agreement.leaderboards(one, Leaderboard.byModel(run(secondSameOrder::get), "q"));
        Agreement flipped = Agreement.leaderboards(one, Leaderboard.byModel(run(secondReversed::get), "q"));

        assertThat(stable.n()).isEqualTo(4);
        assertThat(stable.kendallTauB().get().coefficient()).isEqualTo(1.0);
        assertThat(stable.spearman().get().coefficient()).isEqualTo(1.0);
        assertThat(flipped.kendallTauB().get().coefficient()).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void leaderboardsUseTheConfigurationsBothHoldWithAMean() {
        Leaderboard a = new Leaderboard("q", List.of(entry("x", 0.9), entry("y", 0.5), entry("z", 0.1),
                entry("only-a", 0.7), new Leaderboard.Entry(0, "w", OptionalDouble.empty(), Optional.empty(), 0, false)));
        Leaderboard b = new Leaderboard("q", List.of(entry("z", 0.8), entry("y", 0.6), entry("x", 0.2),
                entry("w", 0.5), entry("only-b", 0.4)));

        Agreement agreement = Agreement.leaderboards(a, b);

        assertThat(agreement.n()).isEqualTo(3);
        assertThat(agreement.kendallTauB().get().coefficient()).isCloseTo(-1.0, within(1e-12));
    }

    private static Leaderboard.Entry entry(String name, double mean) {
        return new Leaderboard.Entry(1, name, OptionalDouble.of(mean), Optional.empty(), 1, false);
    }

    @Test
    void aTinyPValueReadsPBelowOneThousandthNotPEqualsBelow() {
        Map<String, Double> human = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            human.put("c" + i, (double) i);
        }

        // n = 12, all 66 pairs concordant: exact p = 2 / 12! (scipy.stats.kendalltau: 4.2e-9)
        assertThat(Agreement.of(human, human).describe()).isEqualTo("Kendall tau-b 1.00 (p < 0.001), Spearman 1.00, n = 12");
    }
}
