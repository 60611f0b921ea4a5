package dev.bench4j.core.internal.pipeline;

import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelResponse;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries failed attempts with resilience4j's {@link Retry}, scheduled on the run's scheduler (no
 * thread sleeps): only retryable errors, up to the policy's attempts, waiting the provider's
 * {@code Retry-After} or an exponential backoff with jitter, never past the cell's deadline. A
 * retry also takes a permit of the endpoint's rate limiter, so retries count against the rate.
 */
final class RetryStage implements CallStage {

    private final Retry retry;
    private final RetryPolicy policy;
    private final ScheduledExecutorService scheduler;
    private final Optional<RateLimiter> limiter;

    RetryStage(String name, RetryPolicy policy, ScheduledExecutorService scheduler, Optional<RateLimiter> limiter) {
        this.policy = policy;
        this.scheduler = scheduler;
        this.limiter = limiter;
        RetryConfig config = RetryConfig.<ModelResponse>custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(t -> t instanceof AttemptFailed af && af.cause.retryable())
                .intervalBiFunction(this::delayMillis)
                .build();
        this.retry = Retry.of(name, config);
    }

    @Override
    public CompletableFuture<ModelResponse> apply(CellCall call, CallHandler next) {
        CompletableFuture<ModelResponse> out = new CompletableFuture<>();
        Retry.decorateCompletionStage(retry, scheduler, () -> attempt(call, next)).get().whenComplete((r, e) -> {
            if (e == null) {
                out.complete(r);
                return;
            }
            Throwable t = Failures.unwrap(e);
            out.completeExceptionally(t instanceof AttemptFailed af ? af.finalError : t);
        });
        return out;
    }

    private CompletableFuture<ModelResponse> attempt(CellCall call, CallHandler next) {
        if (call.cancelled()) {
            return CellCall.cancelledFuture();
        }
        CompletableFuture<ModelResponse> out = new CompletableFuture<>();
        CompletableFuture<ModelResponse> f;
        try {
            f = next.handle(call);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((r, e) -> {
            if (e == null) {
                out.complete(r);
                return;
            }
            Throwable t = Failures.unwrap(e);
            if (t instanceof CancellationException) {
                out.completeExceptionally(t);
            } else {
                out.completeExceptionally(new AttemptFailed(call, Failures.toCallException(t, "pipeline")));
            }
        });
        return out;
    }

    private Long delayMillis(Integer failedAttempt, Either<Throwable, ModelResponse> outcome) {
        if (!outcome.isLeft() || !(outcome.getLeft() instanceof AttemptFailed af)) {
            return -1L;
        }
        CellCall call = af.call;
        if (call.cancelled()) {
            return -1L;
        }
        CallException error = af.cause;
        long delay = error.retryAfter().map(Duration::toMillis).orElseGet(() -> jittered(policy.backoff(failedAttempt)));
        if (Duration.ofMillis(delay).toNanos() >= call.remainingNanos()) {
            CallException late = call.deadlineExceeded("a retry in " + Durations.format(Duration.ofMillis(delay))
                    + " would pass it; last error: " + error.getMessage());
            af.finalError = new CallException(late.kind(), late.getMessage(), error.httpStatus(), Optional.empty(), error);
            return -1L;
        }
        if (limiter.isPresent()) {
            long waitNanos = limiter.get().reservePermission();
            delay = Math.max(delay, (waitNanos + 999_999) / 1_000_000);
        }
        call.events().retry(call, failedAttempt, error, Duration.ofMillis(delay));
        return delay;
    }

    private long jittered(Duration backoff) {
        double j = policy.jitter();
        double factor = j == 0 ? 1 : ThreadLocalRandom.current().nextDouble(1 - j, 1 + j);
        return Math.round(backoff.toMillis() * factor);
    }

    /** A failed attempt, carrying the call so the retry decision can see its deadline. */
    static final class AttemptFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient CellCall call;
        final CallException cause;
        volatile CallException finalError;

        AttemptFailed(CellCall call, CallException cause) {
            super(cause.getMessage(), cause, false, false);
            this.call = call;
            this.cause = cause;
            this.finalError = cause;
        }
    }
}
