package dev.bench4j.core.internal.pipeline;

import dev.bench4j.core.spi.CallException;
import java.time.Duration;

/** What the pipeline reports about a call as it happens; the runner forwards it to listeners and counters. */
public interface CallEvents {

    /**
     * The response came from the cache or an identical call in flight.
     *
     * @param call the call
     */
    void cacheHit(CellCall call);

    /**
     * The response was not cached; the provider will be called.
     *
     * @param call the call
     */
    void cacheMiss(CellCall call);

    /**
     * An attempt failed and another follows after a delay.
     *
     * @param call the call
     * @param failedAttempt the attempt that failed, from 1
     * @param error why
     * @param delay the wait before the next attempt
     */
    void retry(CellCall call, int failedAttempt, CallException error, Duration delay);
}
