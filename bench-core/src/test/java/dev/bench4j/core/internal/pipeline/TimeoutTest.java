package dev.bench4j.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Run;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A slow attempt times out and is retried; a cell that runs out of its deadline fails with
 * {@code deadline_exceeded}. Only outcomes are asserted, never how long anything took.
 */
class TimeoutTest {

    @Test
    void anAttemptThatTimesOutIsCancelledAndRetried() {
        List<CompletableFuture<ModelResponse>> hung = new CopyOnWriteArrayList<>();
        ScriptedProvider p = ScriptedProvider.named("hangs-once", r -> {
            if (r.attempt() == 1) {
                CompletableFuture<ModelResponse> never = new CompletableFuture<>();
                hung.add(never);
                return never;
            }
            return CompletableFuture.completedFuture(ScriptedProvider.answer("second time lucky"));
        });
        Run run = BenchmarkPlan.named("timeouts").provider(p)
                .prompt(Prompt.named("p").user("Q {{x}}"))
                .model(ModelConfig.of("hangs-once", "m").withTimeout(Duration.ofMillis(50)))
                .trials(Plans.trials(1)).retry(RetryPolicy.defaults().withInitialBackoff(Duration.ZERO)).build().run();

        Result r = run.results().get(0);
        assertThat(r.output()).isEqualTo("second time lucky");
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(hung).singleElement().satisfies(f -> assertThat(f.isCancelled()).isTrue());
    }

    @Test
    void anAttemptTimeoutIsRetryableAndSaysHowLongItWaited() {
        ScriptedProvider p = ScriptedProvider.named("hangs", r -> new CompletableFuture<>());
        Run run = Plans.over(p, 1).attemptTimeout(Duration.ofMillis(20))
                .retry(RetryPolicy.defaults().withMaxAttempts(2).withInitialBackoff(Duration.ZERO)).build().run();

        Result r = run.results().get(0);
        assertThat(r.error().orElseThrow().kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(r.error().orElseThrow().message()).isEqualTo("attempt 2 timed out after 20 ms");
        assertThat(r.attempts()).isEqualTo(2);
    }

    @Test
    void aCellPastItsDeadlineFailsWithDeadlineExceeded() {
        ScriptedProvider p = ScriptedProvider.named("hangs", r -> new CompletableFuture<>());
        Run run = Plans.over(p, 1).cellDeadline(Duration.ofMillis(100)).build().run();

        Result r = run.results().get(0);
        assertThat(r.error().orElseThrow().kind()).isEqualTo(ErrorKind.DEADLINE_EXCEEDED);
        assertThat(r.error().orElseThrow().message())
                .isEqualTo("cell deadline of 100 ms exceeded: the attempt in flight did not finish in time after 1 attempt(s)");
        assertThat(r.attempts()).isEqualTo(1);
    }
}
