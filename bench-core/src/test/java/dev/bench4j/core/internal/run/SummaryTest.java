package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Usage;
import dev.bench4j.core.internal.stats.SummaryIntervalsTestAccess;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The summary's figures, checked against values worked out by hand. */
class SummaryTest {

    @Test
    void aRunsScoresOutsideTheUnitIntervalGetTheStudentTInterval() throws IOException {
        // scores 2.5, -1.0, 4.0, 3.25: the reference's t case 4 (SciPy)
        JsonNode c = SummaryIntervalsTestAccess.reference().get("t").get(4);
        Map<String, Double> byTrial = Map.of("t0", 2.5, "t1", -1.0, "t2", 4.0, "t3", 3.25);
        Scorer s = Scorer.of("s", r -> Score.of(byTrial.get(r.trial().id())));
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 4).scorer(s).build().run();

        Summary.ScoreStats stats = run.summary().overall().scores().get("s");
        assertThat(stats.n()).isEqualTo(4);
        assertThat(stats.mean().getAsDouble()).isCloseTo(c.get("mean").asDouble(), within(1e-12));
        assertThat(stats.standardDeviation().getAsDouble()).isCloseTo(c.get("sd").asDouble(), within(1e-12));
        assertThat(stats.ci95().orElseThrow().lower()).isCloseTo(c.get("lower").asDouble(), within(1e-9));
        assertThat(stats.ci95().orElseThrow().upper()).isCloseTo(c.get("upper").asDouble(), within(1e-9));
        assertThat(stats.ci95().orElseThrow().method()).isEqualTo(Summary.IntervalMethod.T);
        assertThat(stats.describe()).isEqualTo("2.188 ± 3.519 (95% CI, n = 4)");
    }

    @Test
    void aRunsPassFailScoresGetTheWilsonInterval() throws IOException {
        JsonNode c = SummaryIntervalsTestAccess.reference().get("wilson").get(0); // 1 of 2
        Scorer s = Scorer.of("s", r -> Score.of(r.trial().id().equals("t1") ? 0 : 1));
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 2).scorer(s).build().run();

        Summary.ScoreStats stats = run.summary().overall().scores().get("s");
        assertThat(stats.ci95().orElseThrow().lower()).isCloseTo(c.get("lower").asDouble(), within(1e-12));
        assertThat(stats.ci95().orElseThrow().upper()).isCloseTo(c.get("upper").asDouble(), within(1e-12));
        assertThat(stats.describe()).isEqualTo("0.500 (95% CI 0.095–0.905, Wilson, n = 2)");
    }

    @Test
    void oneValueHasNoInterval() {
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 1).scorer(Scorer.of("s", r -> Score.of(0.3))).build().run();

        Summary.ScoreStats stats = run.summary().overall().scores().get("s");
        assertThat(stats.ci95()).isEmpty();
        assertThat(stats.describe()).isEqualTo("0.300 (n = 1, too few for an interval)");
    }

    @Test
    void groupsAreKeptPerModelPromptAndPairInPlanOrder() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        Run run = BenchmarkPlan.named("groups").provider(p)
                .prompt(Prompt.named("b").user("B {{x}}")).prompt(Prompt.named("a").user("A {{x}}"))
                .model(ModelConfig.of("echoing", "z")).model(ModelConfig.of("echoing", "y"))
                .trials(Plans.trials(3)).repetitions(2).build().run();

        Summary sum = run.summary();
        assertThat(sum.byModel().keySet()).containsExactly("echoing:z", "echoing:y");
        assertThat(sum.byPrompt().keySet()).containsExactly("b", "a");
        assertThat(sum.byPromptAndModel()).hasSize(4);
        assertThat(sum.byModel().get("echoing:z").cells()).isEqualTo(12);
        assertThat(sum.forPair("a", "echoing:y").orElseThrow().cells()).isEqualTo(6);
        assertThat(sum.forPair("a", "nope")).isEmpty();
        assertThat(sum.overall().cells()).isEqualTo(24);
        assertThat(sum.overall().successRate()).hasValue(1.0);
    }

    @Test
    void costUsesTheConfigPriceWithCachedInputDiscount() {
        ScriptedProvider p = ScriptedProvider.named("priced", r -> CompletableFuture.completedFuture(ModelResponse.of("ok",
                FinishReason.STOP, Usage.of(1000, 100).withCachedInputTokens(400).withReasoningTokens(30))));
        ScriptedProvider unknown = ScriptedProvider.named("unpriced", r -> CompletableFuture.completedFuture(
                ModelResponse.of("ok", FinishReason.STOP, Usage.unknown())));
        Run run = BenchmarkPlan.named("cost").provider(p).provider(unknown).prompt(Prompt.named("p").user("Q {{x}}"))
                .model(ModelConfig.of("priced", "m").withPrice(Price.perMillionTokens(2.0, 8.0).withCachedInput(0.5)))
                .model(ModelConfig.of("unpriced", "m"))
                .trials(Plans.trials(2)).build().run();

        // (600 × 2.0 + 400 × 0.5 + 100 × 8.0) / 1e6 = 0.0022 per call
        Summary.Group priced = run.summary().byModel().get("priced:m");
        assertThat(priced.cost().totalUsd().getAsDouble()).isCloseTo(0.0044, within(1e-12));
        assertThat(priced.tokens().input()).hasValue(2000);
        assertThat(priced.tokens().output()).hasValue(200);
        assertThat(priced.tokens().reasoning()).hasValue(60);
        assertThat(priced.tokens().cachedInput()).hasValue(800);
        assertThat(priced.tokens().total()).hasValue(2200);
        assertThat(priced.tokensPerCell().orElseThrow().mean()).isEqualTo(1100.0);
        assertThat(unknownTokens(run)).as("the unpriced model reported no tokens").isTrue();
        Summary.Group unpriced = run.summary().byModel().get("unpriced:m");
        assertThat(unpriced.cost().totalUsd()).isEmpty();
        assertThat(unpriced.cost().resultsWithoutCost()).isEqualTo(2);
        assertThat(unpriced.tokens().resultsWithoutUsage()).isEqualTo(2);
        assertThat(run.summary().overall().cost().totalUsd()).isEmpty();
        assertThat(run.summary().overall().cost().knownUsd()).isCloseTo(0.0044, within(1e-12));
        assertThat(run.results()).filteredOn(r -> r.cell().model().equals("priced:m"))
                .allSatisfy(r -> assertThat(r.costUsd().getAsDouble()).isCloseTo(0.0022, within(1e-12)));
    }

    private static boolean unknownTokens(Run run) {
        Summary.Tokens t = run.summary().byModel().get("unpriced:m").tokens();
        return t.input().isEmpty() && t.output().isEmpty() && t.reasoning().isEmpty() && t.total().isEmpty();
    }

    @Test
    void failuresCountAgainstTheSuccessRateAndHaveNoLatency() {
        ScriptedProvider p = ScriptedProvider.named("half", r -> r.cell().trial().equals("t0")
                ? CompletableFuture.failedFuture(CallException.forHttpStatus(400, "bad", Optional.empty()))
                : CompletableFuture.completedFuture(ScriptedProvider.answer("ok")));
        Run run = Plans.over(p, 4).build().run();

        Summary.Group all = run.summary().overall();
        assertThat(all.failed()).isEqualTo(1);
        assertThat(all.successRate()).hasValue(0.75);
        assertThat(all.latency().orElseThrow().n()).isEqualTo(3);
        assertThat(run.results()).filteredOn(r -> !r.succeeded())
                .allSatisfy(r -> assertThat(r.error().orElseThrow().kind()).isEqualTo(ErrorKind.BAD_REQUEST));
    }

    @Test
    void timeToFirstTokenIsSummarizedOverStreamedCallsOnly() {
        ScriptedProvider p = ScriptedProvider.named("streaming", r -> CompletableFuture.completedFuture(
                r.cell().trial().equals("t0") ? ScriptedProvider.answer("whole")
                        : ScriptedProvider.answer("streamed").withTimeToFirstToken(
                                Duration.ofMillis(r.cell().trial().equals("t1") ? 100 : 300))));
        Run run = Plans.over(p, 3).build().run();

        Summary.Latency ttft = run.summary().overall().timeToFirstToken().orElseThrow();
        assertThat(ttft.n()).isEqualTo(2);
        assertThat(ttft.mean()).isEqualTo(Duration.ofMillis(200));
        assertThat(ttft.max()).isEqualTo(Duration.ofMillis(300));
        assertThat(ttft.p50().toMillis()).isBetween(99L, 101L);
        assertThat(run.summary().overall().latency().orElseThrow().n()).isEqualTo(3);
    }
}
