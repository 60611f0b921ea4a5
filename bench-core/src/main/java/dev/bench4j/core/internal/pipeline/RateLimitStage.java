package dev.bench4j.core.internal.pipeline;

import dev.bench4j.core.spi.ModelResponse;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds a call until its endpoint's rate limiter grants a permit. The permit is reserved at once
 * and the call scheduled for when it is due, so no thread waits (resilience4j's own
 * {@code decorateCompletionStage} would wait on the calling thread).
 */
final class RateLimitStage implements CallStage {

    private final RateLimiter limiter;
    private final ScheduledExecutorService scheduler;

    RateLimitStage(RateLimiter limiter, ScheduledExecutorService scheduler) {
        this.limiter = limiter;
        this.scheduler = scheduler;
    }

    @Override
    public CompletableFuture<ModelResponse> apply(CellCall call, CallHandler next) {
        long waitNanos = limiter.reservePermission();
        if (waitNanos <= 0) {
            return next.handle(call);
        }
        if (waitNanos > call.remainingNanos()) {
            return CompletableFuture.failedFuture(call.deadlineExceeded("the rate limit allows the next request in "
                    + Durations.format(Duration.ofNanos(waitNanos))));
        }
        CompletableFuture<ModelResponse> out = new CompletableFuture<>();
        scheduler.schedule(() -> {
            if (call.cancelled()) {
                out.cancel(false);
                return;
            }
            Pipes.relay(next.handle(call), out);
        }, waitNanos, TimeUnit.NANOSECONDS);
        return out;
    }
}
