package dev.bench4j.store.json.testing;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Score;
import dev.bench4j.core.Secret;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Plans shared by the store's tests and the processes they fork. */
public final class StorePlans {

    /** The provider name of {@link #killable}; the resumed run must use a provider of the same name. */
    public static final String SLOW = "slow";

    private StorePlans() {
    }

    /**
     * A plan of 400 cells (100 trials x 4 repetitions, one prompt, one model {@code slow:m}) with concurrency 4.
     *
     * @param provider a provider named {@link #SLOW}
     * @return the builder
     */
    public static BenchmarkPlan.Builder killable(ScriptedProvider provider) {
        return Plans.over(provider, 100).repetitions(4).concurrency(4).noCache();
    }

    /**
     * A provider named {@link #SLOW} that echoes after a delay.
     *
     * @param delay how long each call takes
     * @return the provider
     */
    public static ScriptedProvider slow(Duration delay) {
        return ScriptedProvider.named(SLOW, r -> CompletableFuture.supplyAsync(
                () -> ScriptedProvider.answer(r.messages().get(r.messages().size() - 1).content()),
                CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS)));
    }

    /**
     * A plan with two prompts, two models (one with an API key, a price and provider extras, one
     * with an explicit id), 3 trials, 2 repetitions and a scorer {@code len}: 24 cells.
     *
     * @param provider the provider
     * @return the builder
     */
    public static BenchmarkPlan.Builder rich(ScriptedProvider provider) {
        return BenchmarkPlan.named("triage").provider(provider)
                .prompt(Prompt.named("p1").system("You classify.").user("Q {{x}}").withMetadata("tags", List.of("a")))
                .prompt(Prompt.named("p2").user("R {{x}}"))
                .model(ModelConfig.of(provider.name(), "m").withTemperature(0.0).withMaxOutputTokens(64)
                        .withApiKey(Secret.of("sk-very-secret")).withParam("num_ctx", 8192)
                        .withPrice(Price.perMillionTokens(1, 2)).withTimeout(Duration.ofMillis(1500)))
                .model(ModelConfig.of(provider.name(), "n").withId("second").withStream(true).withStop("\n\n").withSeed(7))
                .trials(Plans.trials(3)).repetitions(2).concurrency(3)
                .scorer(Scorer.of("len", r -> Score.of(r.result().output().length())))
                .noCache();
    }
}
