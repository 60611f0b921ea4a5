package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunHandle;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.testing.HeldCalls;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import org.junit.jupiter.api.Test;

/** The runner never has more calls in flight than the plan, a provider or an endpoint allows. */
class ConcurrencyLimitTest {

    /** Completes held calls one by one until the run ends, checking how many wait at each step. */
    private static Run drive(RunHandle handle, HeldCalls held, int cells, int limit, ScriptedProvider p) {
        HeldCalls.Held[] first = new HeldCalls.Held[limit];
        for (int i = 0; i < limit; i++) {
            first[i] = held.next();   // `limit` calls arrive while none is answered
        }
        for (HeldCalls.Held h : first) {
            h.answer();
        }
        for (int i = limit; i < cells; i++) {
            held.next().answer();
        }
        Run run = handle.await();
        assertThat(p.maxInFlight()).isEqualTo(limit);
        return run;
    }

    /** Starts 10 trials × two model configs of the provider, with a plan-wide concurrency of 10. */
    private static RunHandle twoModels(ScriptedProvider p, ModelConfig a, ModelConfig b) {
        return BenchmarkPlan.named("two-models").provider(p).prompt(Prompt.named("p").user("Q {{x}}"))
                .model(a).model(b).trials(Plans.trials(10)).concurrency(10).noCache().build().start();
    }

    @Test
    void planWideConcurrencyIsNeverExceededAndIsReached() {
        HeldCalls held = new HeldCalls();
        ScriptedProvider p = ScriptedProvider.named("held", held::hold);
        RunHandle handle = Plans.over(p, 40).concurrency(4).noCache().build().start();
        // wait until 4 calls are in flight, then make sure no fifth arrives while none is answered
        HeldCalls.Held[] first = new HeldCalls.Held[4];
        for (int i = 0; i < 4; i++) {
            first[i] = held.next();
        }
        assertThat(held.waiting()).isZero();
        assertThat(p.maxInFlight()).isEqualTo(4);
        for (HeldCalls.Held h : first) {
            h.answer();
        }
        for (int i = 4; i < 40; i++) {
            held.next().answer();
        }
        Run run = handle.await();
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.results()).hasSize(40);
        assertThat(p.maxInFlight()).isEqualTo(4);
    }

    @Test
    void providerConcurrencyLimitsCallsAcrossModelsOfThatProvider() {
        HeldCalls held = new HeldCalls();
        ScriptedProvider p = ScriptedProvider.named("held", held::hold);
        RunHandle handle = Plans.over(p, 10).model(ModelConfig.of("held", "m2")).concurrency(10)
                .providerConcurrency("held", 2).noCache().build().start();
        Run run = drive(handle, held, 20, 2, p);
        assertThat(run.results()).hasSize(20);
    }

    @Test
    void endpointMaxConcurrencyTakesTheStrictestOfItsConfigs() {
        HeldCalls held = new HeldCalls();
        ScriptedProvider p = ScriptedProvider.named("held", held::hold);
        RunHandle handle = twoModels(p, ModelConfig.of("held", "a").withMaxConcurrency(5),
                ModelConfig.of("held", "b").withMaxConcurrency(3));
        Run run = drive(handle, held, 20, 3, p);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void configsOnDifferentBaseUrlsHaveTheirOwnLimits() {
        HeldCalls held = new HeldCalls();
        ScriptedProvider p = ScriptedProvider.named("held", held::hold);
        RunHandle handle = twoModels(p, ModelConfig.of("held", "a").withBaseUrl("http://one").withMaxConcurrency(2),
                ModelConfig.of("held", "b").withBaseUrl("http://two").withMaxConcurrency(2));
        Run run = drive(handle, held, 20, 4, p);
        assertThat(run.results()).hasSize(20);
    }
}
