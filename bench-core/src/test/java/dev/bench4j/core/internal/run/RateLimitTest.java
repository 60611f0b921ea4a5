package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The rate limiter holds each endpoint to its requests per second. Only upper bounds on the rate
 * are asserted (a slow machine only makes calls later), so the test does not depend on speed.
 */
class RateLimitTest {

    @Test
    void holdsTwentyRequestsPerSecondOverThreeSeconds() {
        List<Long> starts = new CopyOnWriteArrayList<>();
        ScriptedProvider p = ScriptedProvider.named("limited", r -> {
            starts.add(System.nanoTime());
            return CompletableFuture.completedFuture(ScriptedProvider.answer("ok"));
        });
        long t0 = System.nanoTime();
        Run limited = BenchmarkPlan.named("rate").provider(p)
                .prompt(Prompt.named("p").user("Q {{x}}"))
                .model(ModelConfig.of("limited", "m").withRequestsPerSecond(20))
                .trials(Plans.trials(61)).concurrency(16).noCache().build().run();
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertThat(limited.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(limited.results()).hasSize(61);
        assertThat(seconds).as("61 requests at 20 rps need at least 3 s").isGreaterThanOrEqualTo(2.95);
        // a permit every 50 ms: call k (from 0) never starts before (k - 1) × 50 ms after the first;
        // a slow machine only delays calls, so this bound holds however loaded the machine is
        List<Long> sorted = new ArrayList<>(starts);
        sorted.sort(Long::compare);
        for (int k = 1; k < sorted.size(); k++) {
            assertThat(sorted.get(k) - sorted.get(0)).as("start of call %d", k)
                    .isGreaterThanOrEqualTo((k - 1) * 50_000_000L - 1_000_000L);
        }
    }

    @Test
    void requestsPerMinuteAndPerSecondTakeTheStricter() {
        ModelConfig m = ModelConfig.of("x", "m").withRequestsPerSecond(5).withRequestsPerMinute(120);
        assertThat(m.endpoint().effectiveRequestsPerSecond()).hasValue(2.0);
    }
}
