package dev.bench4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.scoring.PairwiseJudge.Comparison;
import dev.bench4j.scoring.PairwiseJudge.Outcome;
import dev.bench4j.scoring.compare.Agreement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pairwise and listwise judges compare the configurations' answers to each trial after the run, in a
 * run of the judge's own (priced apart), with realistic and malformed verdicts from a scripted judge.
 */
class PreferenceJudgesTest {

    private static final ModelConfig BEST = ModelConfig.of("cand", "best");
    private static final ModelConfig MID = ModelConfig.of("cand", "mid");
    private static final ModelConfig WORST = ModelConfig.of("cand", "worst");
    private static final ModelConfig JUDGE = ModelConfig.of("judge", "j").withTemperature(0)
            .withPrice(Price.perMillionTokens(1000, 2000));
    private static final Pattern ANSWER = Pattern.compile("## Answer ([AB])\\n(\\w+) answer");

    /** Candidates answer "<quality> answer to <question>". */
    private static final ScriptedProvider CANDIDATES = ScriptedProvider.named("cand", r -> CompletableFuture.completedFuture(
            ScriptedProvider.answer(quality(r.config().model()) + " answer to " + r.messages().get(0).content())));

    private static String quality(String model) {
        return switch (model) {
            case "best" -> "good";
            case "mid" -> "fair";
            default -> "poor";
        };
    }

    private static BenchmarkPlan plan() {
        return BenchmarkPlan.named("qa").prompt(Prompt.named("v1").user("{{q}}"))
                .model(BEST).model(MID).model(WORST)
                .trial(Trial.of("t1", Map.of("q", "What is 2+2?"))).trial(Trial.of("t2", Map.of("q", "Capital of France?")))
                .provider(CANDIDATES).build();
    }

    private static String lastMessage(ModelRequest r) {
        return r.messages().get(r.messages().size() - 1).content();
    }

    private static ScriptedProvider judge(Function<String, String> verdict) {
        return ScriptedProvider.named("judge", r -> CompletableFuture.completedFuture(
                ScriptedProvider.answer(verdict.apply(lastMessage(r)))));
    }

    /**
     * Prefers good over fair over poor, in several realistic shapes, except: between fair and poor it
     * always picks the answer shown first (position bias), and on t2 it cannot judge good vs poor.
     */
    private static String pairwiseVerdict(String review) {
        Matcher m = ANSWER.matcher(review);
        m.find();
        String a = m.group(2);
        m.find();
        String b = m.group(2);
        if (Set2.of(a, b).equals(Set2.of("fair", "poor"))) {
            return "{\"winner\": \"A\", \"reason\": \"A reads better.\"}";
        }
        if (review.contains("Capital of France") && Set2.of(a, b).equals(Set2.of("good", "poor"))) {
            return "Both answers have merit; I cannot decide.";
        }
        String winner = rank(a) > rank(b) ? "A" : "B";
        return review.contains("2+2") ? "```json\n{\"winner\": \"" + winner.toLowerCase() + "\", \"reason\": \"More accurate.\"}\n```"
                : "Answer " + winner + " is better. {\"winner\": \"Answer " + winner + "\"}";
    }

    private record Set2(String x, String y) {
        static Set2 of(String a, String b) {
            return a.compareTo(b) < 0 ? new Set2(a, b) : new Set2(b, a);
        }
    }

    private static int rank(String quality) {
        return switch (quality) {
            case "good" -> 3;
            case "fair" -> 2;
            default -> 1;
        };
    }

    @Test
    void pairwiseAsksBothOrdersAndReportsDisagreementAsATieWithTheJudgeCostApart() {
        BenchmarkPlan plan = plan();
        Run run = plan.run();
        ScriptedProvider judge = judge(PreferenceJudgesTest::pairwiseVerdict);

        PairwiseJudge.Comparisons c = PairwiseJudge.of(JUDGE).withCriteria("The answer is correct.")
                .withPlan(b -> b.provider(judge)).compare(plan, run);

        assertThat(judge.requests()).hasSize(2 * 3 * 2);   // 2 trials x 3 pairs x 2 orders
        assertThat(lastMessage(judge.requests().get(0))).contains("## Criteria\nThe answer is correct.")
                .contains("## Input the models were given\nWhat is 2+2?")
                .contains("## Answer A\ngood answer to What is 2+2?").contains("## Answer B\nfair answer to What is 2+2?");
        assertThat(c.comparisons()).extracting(Comparison::trial, Comparison::a, Comparison::b, Comparison::outcome,
                Comparison::ordersAgree).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("t1", "cand:best", "cand:mid", Outcome.A_WINS, true),
                        org.assertj.core.groups.Tuple.tuple("t1", "cand:best", "cand:worst", Outcome.A_WINS, true),
                        org.assertj.core.groups.Tuple.tuple("t1", "cand:mid", "cand:worst", Outcome.TIE, false),
                        org.assertj.core.groups.Tuple.tuple("t2", "cand:best", "cand:mid", Outcome.A_WINS, true),
                        org.assertj.core.groups.Tuple.tuple("t2", "cand:best", "cand:worst", Outcome.UNSCORABLE, false),
                        org.assertj.core.groups.Tuple.tuple("t2", "cand:mid", "cand:worst", Outcome.TIE, false));
        assertThat(c.comparisons().get(2).reason().orElseThrow())
                .startsWith("the two orders disagree: cand:mid first gave a_wins, cand:worst first gave b_wins");
        assertThat(c.comparisons().get(4).error().orElseThrow())
                .startsWith("A first: judge verdict is neither JSON {\"winner\"")
                .contains("; B first: judge verdict is neither JSON");
        assertThat(c.scores("v1", "t1", 0)).containsExactly(Map.entry("cand:best", 2.0), Map.entry("cand:mid", 0.5),
                Map.entry("cand:worst", 0.5));
        assertThat(c.winRates()).containsEntry("cand:best", 1.0).containsEntry("cand:mid", 0.25)
                .containsEntry("cand:worst", 1.0 / 3);
        assertThat(c.cost().knownUsd()).isCloseTo(12 * 0.02, offset(1e-9));
        assertThat(run.summary().overall().cost().knownUsd()).isZero();
        assertThat(Agreement.of(Map.of("cand:best", 3.0, "cand:mid", 2.0, "cand:worst", 1.0), c.scores("v1", "t1", 0))
                .kendallTauB().orElseThrow().coefficient()).isCloseTo(0.8165, offset(1e-4));
    }

    @Test
    void aFailedJudgeCallMakesItsComparisonUnscorable() {
        BenchmarkPlan plan = BenchmarkPlan.named("qa").prompt(Prompt.named("v1").user("{{q}}")).model(BEST).model(MID)
                .trial(Trial.of("t1", Map.of("q", "What is 2+2?"))).provider(CANDIDATES).build();
        ScriptedProvider broken = ScriptedProvider.named("judge", r -> CompletableFuture.failedFuture(
                new dev.bench4j.core.spi.CallException(dev.bench4j.core.ErrorKind.AUTH, "invalid x-api-key")));

        PairwiseJudge.Comparisons c = PairwiseJudge.of(JUDGE).withPlan(b -> b.provider(broken)).compare(plan, plan.run());

        assertThat(c.comparisons()).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.UNSCORABLE);
            assertThat(x.error().orElseThrow()).startsWith("A first: judge 'judge:j' failed (auth): invalid x-api-key");
        });
        assertThat(c.winRates()).isEmpty();
    }

    /** Ranks by quality, in a different realistic shape per trial; on t2 forgets the worst answer. */
    private static String listwiseVerdict(String review) {
        Matcher m = Pattern.compile("## Answer (\\d)\\n(\\w+) answer").matcher(review);
        Map<String, Integer> number = new java.util.HashMap<>();
        while (m.find()) {
            number.put(m.group(2), Integer.parseInt(m.group(1)));
        }
        if (review.contains("Capital of France")) {
            return "{\"ranking\": [" + number.get("good") + ", " + number.get("fair") + "]}";
        }
        return "Here is my ranking:\n```json\n{\"ranking\": [\"Answer " + number.get("good") + "\", \"" + number.get("fair")
                + "\", " + number.get("poor") + "], \"reason\": \"Accuracy first.\"}\n```";
    }

    @Test
    void listwiseRanksAllAnswersOfATrialAsARankingTheAgreementStatisticsTake() {
        BenchmarkPlan plan = plan();
        Run run = plan.run();
        ScriptedProvider judge = judge(PreferenceJudgesTest::listwiseVerdict);

        ListwiseJudge.Rankings r = ListwiseJudge.of(JUDGE).withPlan(b -> b.provider(judge)).rank(plan, run);

        assertThat(judge.requests()).hasSize(2);
        assertThat(lastMessage(judge.requests().get(0))).contains("## Answer 1\ngood answer to What is 2+2?\n\n## Answer 2\nfair")
                .contains("Rank all 3 answers");
        ListwiseJudge.Ranking t1 = r.ranking("v1", "t1", 0).orElseThrow();
        assertThat(t1.order()).containsExactly("cand:best", "cand:mid", "cand:worst");
        assertThat(t1.reason()).contains("Accuracy first.");
        assertThat(t1.scores()).containsExactly(Map.entry("cand:best", 2.0), Map.entry("cand:mid", 1.0),
                Map.entry("cand:worst", 0.0));
        assertThat(Agreement.of(Map.of("cand:best", 1.0, "cand:mid", 3.0, "cand:worst", 2.0), t1.scores())
                .kendallTauB().orElseThrow().coefficient()).isCloseTo(-1.0 / 3, offset(1e-9));
        ListwiseJudge.Ranking t2 = r.ranking("v1", "t2", 0).orElseThrow();
        assertThat(t2.error().orElseThrow()).startsWith("judge verdict's ranking leaves out answer(s) [3]");
        assertThat(t2.scores()).isEmpty();
        assertThat(r.cost().knownUsd()).isCloseTo(2 * 0.02, offset(1e-9));
    }

    @Test
    void aPlanWithOneModelHasNothingToCompareAndSaysSo() {
        BenchmarkPlan one = BenchmarkPlan.named("solo").prompt(Prompt.named("v1").user("{{q}}")).model(BEST)
                .trial(Trial.of("t1", Map.of("q", "x"))).provider(CANDIDATES).build();
        Run run = one.run();

        assertThatThrownBy(() -> PairwiseJudge.of(JUDGE).compare(one, run)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pairwise judging needs at least two model configs; plan 'solo' has 1");
        assertThatThrownBy(() -> ListwiseJudge.of(JUDGE).rank(one, run)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("listwise judging needs at least two model configs; plan 'solo' has 1");
        assertThatThrownBy(() -> PairwiseJudge.of(JUDGE).withCriteria(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(PairwiseJudge.defaultTemplate().variables(), ListwiseJudge.defaultTemplate().variables()))
                .satisfiesExactly(v -> assertThat(v).contains("answer_a", "answer_b", "input", "criteria"),
                        v -> assertThat(v).contains("answers", "count", "input", "criteria"));
    }
}
