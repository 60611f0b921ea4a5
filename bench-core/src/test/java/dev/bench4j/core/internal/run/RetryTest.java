package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunListener;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.core.testing.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failed attempts are retried only when it can help, as long as the policy and the deadline allow. */
class RetryTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private static CompletableFuture<ModelResponse> fail(int status, Optional<Duration> retryAfter) {
        return CompletableFuture.failedFuture(CallException.forHttpStatus(status, "HTTP " + status + " from the test", retryAfter));
    }

    @Test
    void retriesAfterRateLimitHonouringRetryAfter() {
        ScriptedProvider p = ScriptedProvider.named("flaky", r -> r.attempt() == 1
                ? fail(429, Optional.of(Duration.ofMillis(1500)))
                : CompletableFuture.completedFuture(ScriptedProvider.answer("ok")));
        List<Duration> retryDelays = new CopyOnWriteArrayList<>();
        Run run = Plans.over(p, 1).scheduler(scheduler).listener(new RunListener() {
            @Override
            public void onRetry(CellId cell, int failedAttempt, ResultError error, Duration delay) {
                retryDelays.add(delay);
            }
        }).build().run();

        Result r = run.results().get(0);
        assertThat(r.succeeded()).isTrue();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(scheduler.delays()).contains(Duration.ofMillis(1500));
        assertThat(retryDelays).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void stopsAtTheMaximumNumberOfAttemptsAndKeepsTheLastError() {
        ScriptedProvider p = ScriptedProvider.named("down", r -> fail(503, Optional.empty()));
        Run run = Plans.over(p, 1).scheduler(scheduler)
                .retry(RetryPolicy.defaults().withMaxAttempts(3).withJitter(0)).build().run();

        Result r = run.results().get(0);
        assertThat(p.calls()).isEqualTo(3);
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(r.error()).contains(new ResultError(ErrorKind.SERVER, "HTTP 503 from the test", OptionalInt.of(503)));
        assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(run.summary().overall().attempts()).isEqualTo(3);
    }

    @Test
    void backoffJitterStaysWithinItsShare() {
        ScriptedProvider p = ScriptedProvider.named("down", r -> fail(500, Optional.empty()));
        Plans.over(p, 20).scheduler(scheduler).retry(RetryPolicy.defaults().withMaxAttempts(2).withJitter(0.5)).build().run();

        assertThat(scheduler.delays()).hasSize(20)
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500)));
        assertThat(scheduler.delays().stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void badRequestsAndAuthErrorsAreNotRetried() {
        ScriptedProvider p = ScriptedProvider.named("strict", r -> fail(r.cell().trial().equals("t0") ? 400 : 401, Optional.empty()));
        Run run = Plans.over(p, 2).scheduler(scheduler).build().run();

        assertThat(p.calls()).isEqualTo(2);
        assertThat(run.results()).extracting(r -> r.error().orElseThrow().kind())
                .containsExactlyInAnyOrder(ErrorKind.BAD_REQUEST, ErrorKind.AUTH);
        assertThat(run.results()).allSatisfy(r -> assertThat(r.attempts()).isEqualTo(1));
        assertThat(scheduler.delays()).isEmpty();
    }

    @Test
    void aRetryThatWouldPassTheCellDeadlineIsNotMade() {
        ScriptedProvider p = ScriptedProvider.named("slowdown", r -> fail(429, Optional.of(Duration.ofMinutes(10))));
        Run run = Plans.over(p, 1).scheduler(scheduler).cellDeadline(Duration.ofMinutes(1)).build().run();

        Result r = run.results().get(0);
        assertThat(p.calls()).isEqualTo(1);
        assertThat(r.error().orElseThrow().kind()).isEqualTo(ErrorKind.DEADLINE_EXCEEDED);
        assertThat(r.error().orElseThrow().message())
                .isEqualTo("cell deadline of 1 min exceeded: a retry in 10 min would pass it; last error: HTTP 429 from the test after 1 attempt(s)");
        assertThat(r.error().orElseThrow().httpStatus()).hasValue(429);
    }

    @Test
    void retriesAreCountedInProgress() {
        ScriptedProvider p = ScriptedProvider.named("flaky", r -> r.attempt() < 3 ? fail(502, Optional.empty())
                : CompletableFuture.completedFuture(ScriptedProvider.answer("ok")));
        var handle = Plans.over(p, 3).scheduler(scheduler).build().start();
        handle.await();

        assertThat(handle.progress().retries()).isEqualTo(6);
        assertThat(handle.progress().succeeded()).isEqualTo(3);
    }
}
