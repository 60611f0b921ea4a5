package dev.bench4j.core.internal.pipeline;

import dev.bench4j.core.Summary;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A semaphore whose {@link #acquire()} returns a future instead of blocking: the caller continues
 * when a permit is free. Waiters are served first come, first served. Hand-written because neither
 * the JDK nor resilience4j's bulkhead offers a non-blocking acquire that queues.
 *
 * <p>An <b>adaptive</b> semaphore changes its limit with what its calls report (AIMD, as TCP does):
 * a call refused because the service is overloaded ({@link #OVERLOADED}: a 429, 529 or 503) halves
 * the limit, down to a floor of {@value #FLOOR}; after {@code limit} successful calls since the last
 * change it grows by one, up to the configured limit (the ceiling), and {@value #PROBE_FACTOR} times
 * more slowly where growing would reach the limit at which the last overload came (the service's
 * capacity is likely just below it: each probe there costs a refused call). Only calls that started at the
 * current limit can lower it: the other calls in flight when it was halved, which were sent at the
 * old limit, are the same burst of overload and do not halve it again (each {@link #epoch()} is one
 * limit). A lowered limit takes effect as calls end: no new call starts while as many are in flight.
 * Every change is kept for the run's summary, at most {@link Summary.EndpointConcurrency#MAX_CHANGES}
 * of them (successive raises as one). Everything is done under the semaphore's own lock, in the
 * same critical sections that count the permits, and allocates nothing unless the limit changes
 * to a new low or a waiter queues.
 */
final class AsyncSemaphore {

    /** A call ended neither with a success nor an overload (another error, a cancellation). */
    static final int NEUTRAL = 0;
    /** A call succeeded. */
    static final int SUCCEEDED = 1;
    /** A call was refused because the service is overloaded. */
    static final int OVERLOADED = 2;
    /** The lowest limit an adaptive semaphore goes down to. */
    static final int FLOOR = 1;
    /** How many times more successes it takes to grow back to the limit that was last overloaded. */
    static final int PROBE_FACTOR = 8;

    private static final CompletableFuture<Void> GRANTED = CompletableFuture.completedFuture(null);

    private final String name;
    private final int ceiling;
    private final boolean adaptive;
    private final long originNanos;
    private final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    private int inFlight;
    private volatile int limit;
    private volatile int epoch;
    private int successes;
    private int overloadedAt;   // the limit at which the last overload came; 0 before the first
    // the history, adaptive only
    private final long[] changedAtNanos;
    private final int[] changedTo;
    private int changes;
    private boolean lastWasRaise;
    private long omitted;
    private int lowest;

    /**
     * Creates a semaphore with a fixed number of permits.
     *
     * @param name what it limits, for {@link #toString()}
     * @param permits the permits
     */
    AsyncSemaphore(String name, int permits) {
        this(name, permits, false, 0);
    }

    private AsyncSemaphore(String name, int permits, boolean adaptive, long originNanos) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be >= 1 but was " + permits);
        }
        this.name = name;
        this.ceiling = permits;
        this.limit = permits;
        this.lowest = permits;
        this.adaptive = adaptive;
        this.originNanos = originNanos;
        int size = adaptive ? Summary.EndpointConcurrency.MAX_CHANGES : 0;
        this.changedAtNanos = new long[size];
        this.changedTo = new int[size];
    }

    /**
     * Creates an adaptive semaphore.
     *
     * @param name what it limits: the endpoint's name in the run's summary
     * @param ceiling the configured limit, which it starts at and never exceeds
     * @param originNanos the {@link System#nanoTime()} the history's times are measured from
     * @return the semaphore
     * @throws IllegalArgumentException if {@code ceiling} is below 1
     */
    static AsyncSemaphore adaptive(String name, int ceiling, long originNanos) {
        return new AsyncSemaphore(name, ceiling, true, originNanos);
    }

    /**
     * Takes a permit.
     *
     * @return a future completed when the permit is held
     */
    CompletableFuture<Void> acquire() {
        synchronized (this) {
            if (inFlight < limit && waiters.isEmpty()) {
                inFlight++;
                return GRANTED;
            }
            CompletableFuture<Void> waiter = new CompletableFuture<>();
            waiters.add(waiter);
            return waiter;
        }
    }

    /** Returns a permit, handing it to the first waiter if there is one. */
    void release() {
        release(NEUTRAL, 0);
    }

    /**
     * Returns a permit after a call ended, adapting the limit to how it ended, and hands the free
     * permits to the first waiters.
     *
     * @param outcome {@link #SUCCEEDED}, {@link #OVERLOADED} or {@link #NEUTRAL}
     * @param startEpoch the {@link #epoch()} read when the call got its permit
     */
    void release(int outcome, int startEpoch) {
        CompletableFuture<Void> next;
        boolean more;
        synchronized (this) {
            inFlight--;
            if (adaptive && outcome != NEUTRAL) {
                adapt(outcome == OVERLOADED, startEpoch);
            }
            next = inFlight < limit ? waiters.poll() : null;
            if (next != null) {
                inFlight++;
            }
            more = next != null && inFlight < limit && !waiters.isEmpty();
        }
        while (next != null) {
            boolean handedOver = next.complete(null);
            if (handedOver && !more) {
                return;
            }
            synchronized (this) {
                if (!handedOver) {
                    inFlight--;
                }
                next = inFlight < limit ? waiters.poll() : null;
                if (next != null) {
                    inFlight++;
                }
                more = next != null && inFlight < limit && !waiters.isEmpty();
            }
        }
    }

    /** Halves or grows the limit. Under the lock. */
    private void adapt(boolean overloaded, int startEpoch) {
        int current = limit;
        if (overloaded) {
            successes = 0;
            if (startEpoch == epoch && current > FLOOR) {
                overloadedAt = current;
                changeTo(Math.max(FLOOR, current / 2), false);
            }
        } else if (current < ceiling && ++successes >= growthWindow(current)) {
            successes = 0;
            changeTo(current + 1, true);
        }
    }

    /**
     * The successes needed to grow by one: the limit itself, or {@value #PROBE_FACTOR} times as many
     * once growing would reach the limit at which the last overload came (the service's capacity is
     * probably just below it, so each probe there costs a refused call).
     */
    private int growthWindow(int current) {
        return overloadedAt > 0 && current + 1 >= overloadedAt ? current * PROBE_FACTOR : current;
    }

    private void changeTo(int newLimit, boolean raise) {
        limit = newLimit;
        epoch = epoch + 1;
        lowest = Math.min(lowest, newLimit);
        long at = System.nanoTime() - originNanos;
        if (raise && lastWasRaise) {
            changedAtNanos[changes - 1] = at;
            changedTo[changes - 1] = newLimit;
        } else if (changes < changedTo.length) {
            changedAtNanos[changes] = at;
            changedTo[changes] = newLimit;
            changes++;
            lastWasRaise = raise;
        } else {
            omitted++;
            lastWasRaise = false;
        }
    }

    /**
     * Returns the current limit (of an adaptive semaphore, the one it adapted to).
     *
     * @return the most permits held at once from now on
     */
    int limit() {
        return limit;
    }

    /**
     * Returns what the semaphore limits.
     *
     * @return its name, e.g. the endpoint's
     */
    String name() {
        return name;
    }

    /**
     * Returns the configured limit.
     *
     * @return the ceiling
     */
    int ceiling() {
        return ceiling;
    }

    /**
     * Returns the number of the current limit: it grows by one at every change.
     *
     * @return the epoch
     */
    int epoch() {
        return epoch;
    }

    /**
     * Returns whether the limit adapts to the calls' outcomes.
     *
     * @return true for an adaptive semaphore
     */
    boolean adaptive() {
        return adaptive;
    }

    /**
     * Returns the limit's history, if it ever changed.
     *
     * @return the history, or empty if the limit never changed
     */
    synchronized Optional<Summary.EndpointConcurrency> history() {
        if (changes == 0) {
            return Optional.empty();
        }
        List<Summary.ConcurrencyChange> kept = new ArrayList<>(changes);
        for (int i = 0; i < changes; i++) {
            kept.add(new Summary.ConcurrencyChange(Duration.ofNanos(Math.max(0, changedAtNanos[i])), changedTo[i]));
        }
        return Optional.of(new Summary.EndpointConcurrency(name, ceiling, lowest, limit, kept, omitted));
    }

    @Override
    public String toString() {
        return "AsyncSemaphore[" + name + (adaptive ? " adaptive " + limit + "/" + ceiling : "") + "]";
    }
}
