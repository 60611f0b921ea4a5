package dev.bench4j.core.internal.pipeline;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fails an attempt that takes longer than its timeout (retryable) or than what is left of the
 * cell's deadline (not retryable), and cancels the provider's call.
 */
final class TimeoutStage implements CallStage {

    private final Duration timeout;
    private final ScheduledExecutorService scheduler;

    TimeoutStage(Duration timeout, ScheduledExecutorService scheduler) {
        this.timeout = timeout;
        this.scheduler = scheduler;
    }

    @Override
    public CompletableFuture<ModelResponse> apply(CellCall call, CallHandler next) {
        long remaining = call.remainingNanos();
        if (remaining <= 0) {
            return CompletableFuture.failedFuture(call.deadlineExceeded("no time left for another attempt"));
        }
        CompletableFuture<ModelResponse> attempt = next.handle(call);
        if (attempt.isDone()) {
            return attempt;
        }
        boolean deadlineFirst = remaining < timeout.toNanos();
        long limit = deadlineFirst ? remaining : timeout.toNanos();
        CompletableFuture<ModelResponse> out = new CompletableFuture<>();
        ScheduledFuture<?> timer = scheduler.schedule(() -> {
            CallException e = deadlineFirst
                    ? call.deadlineExceeded("the attempt in flight did not finish in time")
                    : new CallException(ErrorKind.TIMEOUT, "attempt " + call.attempts() + " timed out after "
                            + Durations.format(timeout));
            if (out.completeExceptionally(e)) {
                attempt.cancel(true);
            }
        }, limit, TimeUnit.NANOSECONDS);
        attempt.whenComplete((r, e) -> {
            timer.cancel(false);
            if (e == null) {
                out.complete(r);
            } else {
                out.completeExceptionally(Failures.unwrap(e));
            }
        });
        return out;
    }
}
