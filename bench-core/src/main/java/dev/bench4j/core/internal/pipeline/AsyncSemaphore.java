package dev.bench4j.core.internal.pipeline;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * A semaphore whose {@link #acquire()} returns a future instead of blocking: the caller continues
 * when a permit is free. Waiters are served first come, first served. Hand-written because neither
 * the JDK nor resilience4j's bulkhead offers a non-blocking acquire that queues.
 */
final class AsyncSemaphore {

    private static final CompletableFuture<Void> GRANTED = CompletableFuture.completedFuture(null);

    private final String name;
    private final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    private int available;

    AsyncSemaphore(String name, int permits) {
        this.name = name;
        this.available = permits;
    }

    /**
     * Takes a permit.
     *
     * @return a future completed when the permit is held
     */
    CompletableFuture<Void> acquire() {
        synchronized (this) {
            if (available > 0) {
                available--;
                return GRANTED;
            }
            CompletableFuture<Void> waiter = new CompletableFuture<>();
            waiters.add(waiter);
            return waiter;
        }
    }

    /** Returns a permit, handing it to the first waiter if there is one. */
    void release() {
        while (true) {
            CompletableFuture<Void> next;
            synchronized (this) {
                next = waiters.poll();
                if (next == null) {
                    available++;
                    return;
                }
            }
            if (next.complete(null)) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "AsyncSemaphore[" + name + "]";
    }
}
