package dev.bench4j.core.internal.pipeline;

import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelRequest;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of one cell's call as it goes through the pipeline: the request, its deadline, the
 * attempts made, whether it was a cache hit, the latency of the last attempt, and cancellation.
 */
public final class CellCall {

    private final ModelRequest request;
    private final long startNanos;
    private final long deadlineNanos;
    private final Duration deadline;
    private final CallEvents events;
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile boolean cacheHit;
    private volatile boolean cancelled;
    private volatile long lastAttemptNanos = -1;
    private volatile CompletableFuture<?> currentAttempt;

    /**
     * Creates a call.
     *
     * @param request the request (its attempt number is set per attempt)
     * @param deadline the longest the cell may take
     * @param events where to report cache hits and retries
     */
    public CellCall(ModelRequest request, Duration deadline, CallEvents events) {
        this.request = request;
        this.startNanos = System.nanoTime();
        this.deadline = deadline;
        this.deadlineNanos = startNanos + deadline.toNanos();
        this.events = events;
    }

    /** @return the cell */
    public CellId cell() {
        return request.cell();
    }

    /** @return the request as of the first attempt */
    public ModelRequest request() {
        return request;
    }

    /** @return where events go */
    public CallEvents events() {
        return events;
    }

    /** @return nanoseconds left before the cell's deadline (negative once past) */
    public long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }

    /** @return nanoseconds since the call started */
    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    /**
     * Builds the error for a cell whose deadline has passed or would pass.
     *
     * @param what what could not happen in time
     * @return the exception
     */
    public CallException deadlineExceeded(String what) {
        return new CallException(ErrorKind.DEADLINE_EXCEEDED, "cell deadline of " + Durations.format(deadline)
                + " exceeded: " + what + " after " + attempts() + " attempt(s)");
    }

    /** @return the number of the attempt that starts now, from 1 */
    int nextAttempt() {
        return attempts.incrementAndGet();
    }

    /** @return provider calls made so far */
    public int attempts() {
        return attempts.get();
    }

    /** Marks the call as served from the cache. */
    void markCacheHit() {
        cacheHit = true;
    }

    /** @return whether the response came from the cache */
    public boolean cacheHit() {
        return cacheHit;
    }

    void attemptStarted(CompletableFuture<?> attempt) {
        this.currentAttempt = attempt;
        if (cancelled) {
            attempt.cancel(true);
        }
    }

    void attemptFinished(long nanos) {
        this.lastAttemptNanos = nanos;
    }

    /** @return the latency of the last attempt, or -1 if none finished */
    public long lastAttemptNanos() {
        return lastAttemptNanos;
    }

    /** Cancels the call: the attempt in flight is cancelled and no further attempt starts. */
    public void cancel() {
        cancelled = true;
        CompletableFuture<?> a = currentAttempt;
        if (a != null) {
            a.cancel(true);
        }
    }

    /** @return whether the call was cancelled */
    public boolean cancelled() {
        return cancelled;
    }

    /**
     * Returns a failed future if the call was cancelled, for stages to stop early.
     *
     * @param <T> the future's type
     * @return a cancelled future
     */
    static <T> CompletableFuture<T> cancelledFuture() {
        return CompletableFuture.failedFuture(new CancellationException("cell cancelled"));
    }
}
