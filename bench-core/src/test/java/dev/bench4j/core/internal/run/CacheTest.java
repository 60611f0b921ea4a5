package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ResponseCache;
import dev.bench4j.core.testing.HeldCalls;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The response cache serves repeated requests without calling the provider, and never caches failures. */
class CacheTest {

    @Test
    void aSecondRunOfThePlanIsServedFromTheCacheWithZeroProviderCalls() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        BenchmarkPlan plan = Plans.over(p, 25).repetitions(2).build();
        Run first = plan.run();
        Run second = plan.run();

        assertThat(p.calls()).isEqualTo(50);
        assertThat(first.results()).noneMatch(Result::cached);
        assertThat(second.results()).hasSize(50).allSatisfy(r -> {
            assertThat(r.cached()).isTrue();
            assertThat(r.attempts()).isZero();
        });
        assertThat(second.summary().overall().cached()).isEqualTo(50);
        assertThat(second.summary().overall().cost().spentUsd()).isZero();
        assertThat(second.results()).extracting(Result::output).containsExactlyInAnyOrderElementsOf(
                first.results().stream().map(Result::output).toList());
    }

    @Test
    void aCachedResultKeepsTheAnswerButNotTheTimingsOfTheCallThatMadeIt() {
        ScriptedProvider p = ScriptedProvider.named("streaming", r -> CompletableFuture.completedFuture(
                ScriptedProvider.answer("ok").withTimeToFirstToken(Duration.ofMillis(40))
                        .withMetric("eval_duration_ms", 12.5)));
        BenchmarkPlan plan = Plans.over(p, 1).build();

        Result fresh = plan.run().results().get(0);
        Result cached = plan.run().results().get(0);

        assertThat(fresh.timing().timeToFirstToken()).contains(Duration.ofMillis(40));
        assertThat(fresh.metrics()).containsEntry("eval_duration_ms", 12.5);
        assertThat(cached.cached()).isTrue();
        assertThat(cached.output()).isEqualTo("ok");
        assertThat(cached.timing().timeToFirstToken()).isEmpty();
        assertThat(cached.metrics()).isEmpty();
        assertThat(cached.outputTokensPerSecond()).isEmpty();
    }

    @Test
    void repetitionsAreDistinctRequests() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        Plans.over(p, 1).repetitions(3).build().run();

        assertThat(p.calls()).isEqualTo(3);
    }

    @Test
    void identicalRequestsInFlightAtOnceAreSentOnce() {
        HeldCalls held = new HeldCalls();
        ScriptedProvider p = ScriptedProvider.named("held", held::hold);
        var handle = BenchmarkPlan.named("dup").provider(p).prompt(Prompt.named("p").user("Q {{x}}"))
                .model(ModelConfig.of("held", "m"))
                .trials(List.of(Trial.of("a", Map.of("x", "same")), Trial.of("b", Map.of("x", "same"))))
                .concurrency(2).build().start();
        held.next().answer();
        Run run = handle.await();

        assertThat(p.calls()).isEqualTo(1);
        assertThat(run.results()).hasSize(2).extracting(Result::cached).containsExactlyInAnyOrder(true, false);
        assertThat(run.results()).allSatisfy(r -> assertThat(r.output()).isEqualTo("Q same"));
    }

    @Test
    void failuresAreNeverCached() {
        AtomicInteger calls = new AtomicInteger();
        ScriptedProvider p = ScriptedProvider.named("once-bad", r -> calls.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(CallException.forHttpStatus(400, "bad", Optional.empty()))
                : CompletableFuture.completedFuture(ScriptedProvider.answer("good")));
        BenchmarkPlan plan = Plans.over(p, 1).build();
        Run first = plan.run();
        Run second = plan.run();

        assertThat(first.results().get(0).succeeded()).isFalse();
        assertThat(second.results().get(0).succeeded()).isTrue();
        assertThat(second.results().get(0).cached()).isFalse();
        assertThat(p.calls()).isEqualTo(2);
    }

    @Test
    void aChangedParameterIsADifferentRequest() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        ResponseCache shared = ResponseCache.inMemory(100);
        Plans.over(p, 3).cache(shared).build().run();
        BenchmarkPlan.named("hot").provider(p).prompt(Prompt.named("p").user("Q {{x}}"))
                .model(ModelConfig.of("echoing", "m").withTemperature(1.0)).trials(Plans.trials(3)).cache(shared).build().run();
        Plans.over(p, 3).cache(shared).build().run();

        assertThat(p.calls()).isEqualTo(6);
        assertThat(shared.estimatedSize()).isEqualTo(6);
    }

    @Test
    void noCacheCallsTheProviderEveryTime() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        BenchmarkPlan plan = Plans.over(p, 4).noCache().build();
        plan.run();
        plan.run();

        assertThat(p.calls()).isEqualTo(8);
    }
}
