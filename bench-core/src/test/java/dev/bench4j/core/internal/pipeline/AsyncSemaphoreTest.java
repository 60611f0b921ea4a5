package dev.bench4j.core.internal.pipeline;

import static dev.bench4j.core.internal.pipeline.AsyncSemaphore.NEUTRAL;
import static dev.bench4j.core.internal.pipeline.AsyncSemaphore.OVERLOADED;
import static dev.bench4j.core.internal.pipeline.AsyncSemaphore.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The semaphore grants permits first come, first served; an adaptive one halves its limit on a
 * burst of overload replies (never below the floor), grows it by one after a window of successes
 * (never above the ceiling) and keeps a bounded history of the changes.
 */
class AsyncSemaphoreTest {

    /** Takes {@code n} permits that must be granted at once, returning the epoch each saw. */
    private static int[] take(AsyncSemaphore s, int n) {
        int[] epochs = new int[n];
        for (int i = 0; i < n; i++) {
            assertThat(s.acquire()).as("permit %d of %d", i + 1, n).isDone();
            epochs[i] = s.epoch();
        }
        return epochs;
    }

    @Test
    void aFixedSemaphoreQueuesWaitersInOrderAndIgnoresOutcomes() {
        AsyncSemaphore s = new AsyncSemaphore("fixed", 2);
        take(s, 2);
        CompletableFuture<Void> first = s.acquire();
        CompletableFuture<Void> second = s.acquire();
        assertThat(first).isNotDone();
        s.release(OVERLOADED, 0);
        assertThat(first).isDone();
        assertThat(second).isNotDone();
        assertThat(s.limit()).isEqualTo(2);
        s.release();
        assertThat(second).isDone();
        assertThat(s.history()).isEmpty();
    }

    @Test
    void anOverloadHalvesTheLimitAndNoNewPermitIsGrantedUntilFewerAreHeld() {
        AsyncSemaphore s = AsyncSemaphore.adaptive("api", 8, System.nanoTime());
        int[] epochs = take(s, 8);
        s.release(OVERLOADED, epochs[0]);
        assertThat(s.limit()).isEqualTo(4);
        CompletableFuture<Void> waiter = s.acquire();
        for (int i = 1; i <= 3; i++) {
            s.release(NEUTRAL, epochs[i]);   // 7 → 4 held: still not below the limit of 4
        }
        assertThat(waiter).isNotDone();
        s.release(NEUTRAL, epochs[4]);
        assertThat(waiter).isDone();
        assertThat(s.acquire()).isNotDone();
    }

    @Test
    void aBurstOfOverloadsFromCallsSentAtTheOldLimitHalvesItOnlyOnce() {
        AsyncSemaphore s = AsyncSemaphore.adaptive("api", 32, System.nanoTime());
        int[] epochs = take(s, 32);
        for (int i = 0; i < 32; i++) {
            s.release(OVERLOADED, epochs[i]);
        }
        assertThat(s.limit()).isEqualTo(16);
        int[] next = take(s, 16);
        s.release(OVERLOADED, next[0]);   // sent at the new limit: halves again
        assertThat(s.limit()).isEqualTo(8);
    }

    @Test
    void theLimitNeverGoesBelowTheFloor() {
        AsyncSemaphore s = AsyncSemaphore.adaptive("api", 3, System.nanoTime());
        for (int round = 0; round < 5; round++) {
            int[] e = take(s, 1);
            s.release(OVERLOADED, e[0]);
        }
        assertThat(s.limit()).isEqualTo(AsyncSemaphore.FLOOR).isEqualTo(1);
        assertThat(s.history()).get().satisfies(h -> {
            assertThat(h.lowest()).isEqualTo(1);
            assertThat(h.changes()).extracting(Summary.ConcurrencyChange::limit).containsExactly(1);
        });
    }

    @Test
    void theLimitGrowsByOneAfterAsManySuccessesAsTheLimitSlowerNearTheLastOverloadAndStopsAtTheCeiling() {
        AsyncSemaphore s = AsyncSemaphore.adaptive("api", 5, System.nanoTime());
        int[] e = take(s, 5);
        s.release(OVERLOADED, e[0]);
        assertThat(s.limit()).isEqualTo(2);
        for (int i = 1; i < 5; i++) {
            s.release(NEUTRAL, e[i]);   // other errors neither grow nor shrink it
        }
        assertThat(s.limit()).isEqualTo(2);
        int[] windows = {2, 3, 4 * AsyncSemaphore.PROBE_FACTOR};   // 4 -> 5 reaches the limit that was overloaded
        int limit = 2;
        for (int w : windows) {
            for (int i = 0; i < w - 1; i++) {
                s.release(SUCCEEDED, take(s, 1)[0]);
            }
            assertThat(s.limit()).as("after %d of %d successes", w - 1, w).isEqualTo(limit);
            s.release(SUCCEEDED, take(s, 1)[0]);
            assertThat(s.limit()).isEqualTo(++limit);
        }
        for (int i = 0; i < 50; i++) {
            s.release(SUCCEEDED, take(s, 1)[0]);
        }
        assertThat(s.limit()).isEqualTo(5);
    }

    @Test
    void growingTheLimitHandsTheNewPermitToAWaiter() {
        AsyncSemaphore s = AsyncSemaphore.adaptive("api", 4, System.nanoTime());
        int[] e = take(s, 4);
        s.release(OVERLOADED, e[0]);                 // limit 2, 3 held
        CompletableFuture<Void> a = s.acquire();
        CompletableFuture<Void> b = s.acquire();
        s.release(SUCCEEDED, e[1]);                  // 2 held, 1 success
        assertThat(a).isNotDone();
        s.release(SUCCEEDED, e[2]);                  // 1 held, 2 successes: limit 3, room for both
        assertThat(s.limit()).isEqualTo(3);
        assertThat(a).isDone();
        assertThat(b).isDone();
        assertThat(s.acquire()).isNotDone();
    }

    @Test
    void theHistoryKeepsDropsAndMergesSuccessiveRaises() {
        AsyncSemaphore s = AsyncSemaphore.adaptive("openai http://localhost/v1", 8, System.nanoTime());
        s.release(OVERLOADED, take(s, 1)[0]);        // 4
        for (int i = 0; i < 4 + 5; i++) {            // 5 after 4 successes, 6 after 5 more
            s.release(SUCCEEDED, take(s, 1)[0]);
        }
        s.release(OVERLOADED, take(s, 1)[0]);        // 3
        Summary.EndpointConcurrency h = s.history().orElseThrow();
        assertThat(h.endpoint()).isEqualTo("openai http://localhost/v1");
        assertThat(h.configured()).isEqualTo(8);
        assertThat(h.lowest()).isEqualTo(3);
        assertThat(h.last()).isEqualTo(3);
        assertThat(h.changes()).extracting(Summary.ConcurrencyChange::limit).containsExactly(4, 6, 3);
        assertThat(h.changes()).extracting(Summary.ConcurrencyChange::at).isSorted();
        assertThat(h.omitted()).isZero();
    }

    @Test
    void theHistoryIsBoundedAndCountsWhatItLeftOut() {
        AsyncSemaphore s = AsyncSemaphore.adaptive("api", 2, System.nanoTime());
        for (int i = 0; i < 100; i++) {
            s.release(OVERLOADED, take(s, 1)[0]);    // 1
            for (int k = 0; k < AsyncSemaphore.PROBE_FACTOR; k++) {
                s.release(SUCCEEDED, take(s, 1)[0]); // 2 (slowly: 2 was overloaded)
            }
        }
        Summary.EndpointConcurrency h = s.history().orElseThrow();
        assertThat(h.changes()).hasSize(Summary.EndpointConcurrency.MAX_CHANGES);
        assertThat(h.omitted()).isEqualTo(200 - Summary.EndpointConcurrency.MAX_CHANGES);
        assertThat(h.lowest()).isEqualTo(1);
        assertThat(h.last()).isEqualTo(2);
    }

    @Test
    void aSemaphoreNeedsAtLeastOnePermit() {
        assertThatThrownBy(() -> AsyncSemaphore.adaptive("api", 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("permits must be >= 1 but was 0");
    }

    @Test
    void manyThreadsNeverHoldMorePermitsThanTheCeilingAndLoseNone() throws Exception {
        int ceiling = 8;
        AsyncSemaphore s = AsyncSemaphore.adaptive("api", ceiling, System.nanoTime());
        AtomicInteger held = new AtomicInteger();
        AtomicInteger maxHeld = new AtomicInteger();
        int threads = 4;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ExecutorService holders = Executors.newFixedThreadPool(threads);
        CountDownLatch done = new CountDownLatch(threads * perThread);
        try {
            List<Runnable> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        s.acquire().thenRunAsync(() -> {
                            int now = held.incrementAndGet();
                            maxHeld.accumulateAndGet(now, Math::max);
                            int epoch = s.epoch();
                            int roll = ThreadLocalRandom.current().nextInt(100);
                            held.decrementAndGet();
                            s.release(roll < 5 ? OVERLOADED : roll < 10 ? NEUTRAL : SUCCEEDED, epoch);
                            done.countDown();
                        }, holders);
                    }
                });
            }
            workers.forEach(pool::execute);
            assertThat(done.await(30, TimeUnit.SECONDS)).as("every acquire was granted").isTrue();
        } finally {
            pool.shutdownNow();
            holders.shutdownNow();
        }
        assertThat(maxHeld.get()).isBetween(1, ceiling);
        int limit = s.limit();
        assertThat(limit).isBetween(AsyncSemaphore.FLOOR, ceiling);
        take(s, limit);                               // every permit came back
        assertThat(s.acquire()).isNotDone();
    }
}
