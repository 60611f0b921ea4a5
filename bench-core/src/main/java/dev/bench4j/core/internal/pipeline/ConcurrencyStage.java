package dev.bench4j.core.internal.pipeline;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Holds an attempt until it has a permit of every concurrency limit that applies (its provider's,
 * its endpoint's), taken in a fixed order, and gives them back when the attempt ends, telling an
 * adaptive limit how it ended. The stage sits inside the retry stage, so every attempt (a retry
 * too) takes its permits again: a retry waiting for its backoff holds none, and a lowered limit
 * applies to retries as to first attempts.
 */
final class ConcurrencyStage implements CallStage {

    private static final CompletableFuture<Void> HELD = CompletableFuture.completedFuture(null);

    private final AsyncSemaphore[] limits;
    /** The endpoint's adaptive limit (the first of {@link #limits}), or null if none adapts. */
    private final AsyncSemaphore adaptive;

    /**
     * Makes the stage.
     *
     * @param limits the limits in the order they are taken: the endpoint's first (so an attempt
     *     waiting for a lowered endpoint limit holds no permit of its provider, which the provider's
     *     other endpoints need), then the provider's
     * @throws IllegalArgumentException if a limit other than the first adapts
     */
    ConcurrencyStage(List<AsyncSemaphore> limits) {
        this.limits = limits.toArray(new AsyncSemaphore[0]);
        AsyncSemaphore first = this.limits[0];
        this.adaptive = first.adaptive() ? first : null;
        for (int i = 1; i < this.limits.length; i++) {
            if (this.limits[i].adaptive()) {
                throw new IllegalArgumentException("only the first limit may adapt, but " + this.limits[i] + " does");
            }
        }
    }

    @Override
    public CompletableFuture<ModelResponse> apply(CellCall call, CallHandler next) {
        CompletableFuture<Void> held = acquire(0);
        if (held.isDone()) {
            return enter(call, next);
        }
        return held.thenCompose(v -> enter(call, next));
    }

    private CompletableFuture<ModelResponse> enter(CellCall call, CallHandler next) {
        if (call.cancelled()) {
            releaseAll(AsyncSemaphore.NEUTRAL, 0);
            return CellCall.cancelledFuture();
        }
        int epoch = adaptive == null ? 0 : adaptive.epoch();
        CompletableFuture<ModelResponse> f;
        try {
            f = next.handle(call);
        } catch (RuntimeException e) {
            releaseAll(AsyncSemaphore.NEUTRAL, epoch);
            throw e;
        }
        return f.whenComplete((r, e) -> releaseAll(outcome(e), epoch));
    }

    /** Takes the permits from {@code index} on; a completed future when all were free at once. */
    private CompletableFuture<Void> acquire(int index) {
        for (int i = index; i < limits.length; i++) {
            CompletableFuture<Void> f = limits[i].acquire();
            if (!f.isDone()) {
                int following = i + 1;
                return following == limits.length ? f : f.thenCompose(v -> acquire(following));
            }
        }
        return HELD;
    }

    private void releaseAll(int outcome, int epoch) {
        for (int i = limits.length - 1; i >= 0; i--) {
            limits[i].release(outcome, epoch);
        }
    }

    /**
     * Tells how an attempt ended, for an adaptive limit: overloaded for a rate limit (HTTP 429,
     * Anthropic's 529 and {@code overloaded_error}) or an HTTP 503, succeeded without error.
     *
     * @param error what the attempt failed with, or null
     * @return one of {@link AsyncSemaphore}'s outcomes
     */
    static int outcome(Throwable error) {
        if (error == null) {
            return AsyncSemaphore.SUCCEEDED;
        }
        Throwable t = Failures.unwrap(error);
        if (t instanceof CallException ce
                && (ce.kind() == ErrorKind.RATE_LIMITED || ce.httpStatus().orElse(0) == 503)) {
            return AsyncSemaphore.OVERLOADED;
        }
        return AsyncSemaphore.NEUTRAL;
    }
}
