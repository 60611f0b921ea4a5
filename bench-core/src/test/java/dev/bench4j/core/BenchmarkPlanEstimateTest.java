package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bench4j.core.PlanEstimate.ModelEstimate;
import dev.bench4j.core.internal.estimate.PlanEstimator;
import dev.bench4j.core.internal.estimate.Utf8TokenEstimate;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.TokenCounter;
import dev.bench4j.core.spi.TokenCounterFactory;
import dev.bench4j.core.testing.ScriptedProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link BenchmarkPlan#estimate()}: every rendered request counted and priced, judges' calls found by
 * scoring an empty answer, and nothing called.
 */
class BenchmarkPlanEstimateTest {

    private final ScriptedProvider provider = ScriptedProvider.echoing("scripted");

    /** Two prompts × two models × three trials × two repetitions = 24 cells. */
    private BenchmarkPlan.Builder plan() {
        return BenchmarkPlan.named("estimate").provider(provider)
                .prompt(Prompt.named("short").user("Q {{x}}"))
                .prompt(Prompt.named("long").system("You answer in one word.").user("Question number {{x}}?"))
                .model(ModelConfig.of("scripted", "a").withMaxOutputTokens(100).withPrice(Price.perMillionTokens(1, 4)))
                .model(ModelConfig.of("scripted", "b"))
                .trials(List.of(Trial.of("t1", Map.of("x", "1")), Trial.of("t2", Map.of("x", "22")),
                        Trial.of("t3", Map.of("x", "333"))))
                .repetitions(2);
    }

    /** The fallback estimate of every request of one model over the plan's trials, twice. */
    private static long expectedTokens() {
        long perRepetition = 0;
        for (String x : List.of("1", "22", "333")) {
            perRepetition += Utf8TokenEstimate.INSTANCE.count(List.of(Message.user("Q " + x)));
            perRepetition += Utf8TokenEstimate.INSTANCE.count(List.of(Message.system("You answer in one word."),
                    Message.user("Question number " + x + "?")));
        }
        return 2 * perRepetition;
    }

    /** A scorer that asks {@code judge} once per cell with {@code template} filled with the answer, counting its calls. */
    private static Scorer grader(ModelConfig judge, String template, AtomicInteger scored) {
        return new Scorer() {
            @Override
            public String name() {
                return "grader";
            }

            @Override
            public List<ModelConfig> models() {
                return List.of(judge);
            }

            @Override
            public CompletionStage<Score> score(ScoreRequest request) {
                scored.incrementAndGet();
                return request.caller().call(judge, List.of(Message.user(String.format(template, request.output()))))
                        .thenApply(r -> Score.of(1));
            }
        };
    }

    @Test
    void countsEveryRequestOfEveryModelAndCallsNothing() {
        PlanEstimate e = plan().build().estimate();

        assertThat(e.cells()).isEqualTo(24);
        assertThat(e.requests()).isEqualTo(24);
        assertThat(e.judgeCalls()).isZero();
        assertThat(e.judges()).isEmpty();
        assertThat(e.models()).extracting(ModelEstimate::id).containsExactly("scripted:a", "scripted:b");
        ModelEstimate a = e.models().get(0);
        assertThat(a.calls()).isEqualTo(12);
        assertThat(a.provider()).isEqualTo("scripted");
        assertThat(a.inputTokens().atLeast()).isEqualTo(expectedTokens());
        assertThat(a.inputTokens().atMost()).hasValue(expectedTokens());
        assertThat(a.inputTokens().exact()).isFalse();
        assertThat(a.inputTokens().counter()).isEqualTo("utf8-estimate");
        assertThat(e.models().get(1).inputTokens().atLeast()).isEqualTo(expectedTokens());
        assertThat(provider.calls()).isZero();
    }

    @Test
    void pricesWhatItCanAndLeavesAnUnpricedModelUnknown() {
        PlanEstimate e = plan().build().estimate();
        ModelEstimate a = e.models().get(0);
        ModelEstimate b = e.models().get(1);

        assertThat(a.maxOutputTokens()).hasValue(100);
        assertThat(a.minCostUsd().getAsDouble()).isCloseTo(expectedTokens() * 1.0 / 1e6, within(1e-12));
        assertThat(a.maxCostUsd().getAsDouble()).isCloseTo((expectedTokens() * 1.0 + 12 * 100 * 4.0) / 1e6,
                within(1e-12));
        assertThat(b.price()).isEmpty();   // the scripted provider has no price and the table does not list it
        assertThat(b.maxOutputTokens()).isEmpty();
        assertThat(b.minCostUsd()).isEmpty();
        assertThat(e.minCostUsd()).isEmpty();
        assertThat(e.maxCostUsd()).isEmpty();
    }

    @Test
    void theBundledPriceTableAndTheEchoProvidersFreePriceApply() {
        PlanEstimate e = BenchmarkPlan.named("echo").prompt(Prompt.named("p").user("Hi {{x}}"))
                .model(ModelConfig.of("echo", "echo-1").withMaxOutputTokens(10))
                .trials(List.of(Trial.of("t1", Map.of("x", "there")))).build().estimate();

        assertThat(e.models().get(0).price()).contains(Price.FREE);
        assertThat(e.minCostUsd()).hasValue(0.0);
        assertThat(e.maxCostUsd()).hasValue(0.0);
    }

    @Test
    void aJudgeIsCountedOncePerCellWithTheAnswerItWouldSeeBoundedByTheCap() {
        ModelConfig judge = ModelConfig.of("scripted", "judge").withMaxOutputTokens(20)
                .withPrice(Price.perMillionTokens(10, 10));
        AtomicInteger scored = new AtomicInteger();
        PlanEstimate e = plan().scorer(grader(judge, "Grade: [%s]", scored)).build().estimate();

        assertThat(e.judgeCalls()).isEqualTo(24);
        assertThat(scored).hasValue(12);   // the first repetition's cells; the second sends the same again
        ModelEstimate j = e.judges().get(0);
        assertThat(j.id()).isEqualTo("scripted:judge");
        assertThat(j.calls()).isEqualTo(24);
        long reviewed = Utf8TokenEstimate.INSTANCE.count(List.of(Message.user("Grade: []")));
        assertThat(j.inputTokens().atLeast()).isEqualTo(24 * reviewed);
        // model b has no max_output_tokens, so the answers the judge would read have no bound
        assertThat(j.inputTokens().atMost()).isEmpty();
        assertThat(j.minCostUsd().getAsDouble()).isCloseTo(24 * reviewed * 10.0 / 1e6, within(1e-12));
        assertThat(j.maxCostUsd()).isEmpty();
        assertThat(provider.calls()).isZero();
    }

    @Test
    void aJudgesUpperBoundAddsTheGradedModelsCap() {
        ModelConfig judge = ModelConfig.of("scripted", "judge").withMaxOutputTokens(20);
        Scorer grader = grader(judge, "Grade: %s", new AtomicInteger());
        PlanEstimate e = BenchmarkPlan.named("capped").provider(provider).prompt(Prompt.named("p").user("Q {{x}}"))
                .model(ModelConfig.of("scripted", "a").withMaxOutputTokens(100))
                .trials(List.of(Trial.of("t1", Map.of("x", "1")), Trial.of("t2", Map.of("x", "2"))))
                .scorer(grader).build().estimate();

        ModelEstimate j = e.judges().get(0);
        assertThat(j.calls()).isEqualTo(2);
        assertThat(j.inputTokens().atMost()).hasValue(j.inputTokens().atLeast() + 2 * 100);
    }

    @Test
    void aScorerThatCallsNoModelIsNotRun() {
        AtomicInteger scored = new AtomicInteger();
        Scorer plain = Scorer.of("plain", r -> {
            scored.incrementAndGet();
            return Score.of(1);
        });

        PlanEstimate e = plan().scorer(plain).build().estimate();

        assertThat(scored).hasValue(0);
        assertThat(e.judgeCalls()).isZero();
    }

    @Test
    void anInstalledCounterCountsTheModelsItKnowsAndTheRestAreEstimated() {
        TokenCounter words = new TokenCounter() {
            @Override
            public long count(List<Message> messages) {
                return messages.stream().mapToLong(m -> m.content().split(" ").length).sum();
            }

            @Override
            public boolean exact() {
                return true;
            }

            @Override
            public String name() {
                return "words";
            }
        };
        TokenCounterFactory onlyA = (providerName, config) ->
                providerName.equals("scripted") && config.model().equals("a") ? Optional.of(words) : Optional.empty();
        BenchmarkPlan p = plan().build();

        PlanEstimate e = PlanEstimator.estimate(p, p.settings(), List.of(onlyA));

        ModelEstimate a = e.models().get(0);
        // per trial and repetition: "Q x" is 2 words; "You answer in one word." 5 + "Question number x?" 3
        assertThat(a.inputTokens().atLeast()).isEqualTo(2 * 3 * (2 + 8));
        assertThat(a.inputTokens().exact()).isTrue();
        assertThat(a.inputTokens().counter()).isEqualTo("words");
        assertThat(e.models().get(1).inputTokens().exact()).isFalse();
        assertThat(e.exact()).isFalse();
    }

    @Test
    void aFailingCounterFactoryFallsBackToTheEstimate() {
        TokenCounterFactory broken = (providerName, config) -> {
            throw new IllegalStateException("boom");
        };
        BenchmarkPlan p = plan().build();

        PlanEstimate e = PlanEstimator.estimate(p, p.settings(), List.of(broken));

        assertThat(e.models().get(0).inputTokens().counter()).isEqualTo("utf8-estimate");
        assertThat(e.models().get(0).inputTokens().atLeast()).isEqualTo(expectedTokens());
    }
}
