package dev.bench4j.core.internal.run;

import dev.bench4j.core.ResultError;
import dev.bench4j.core.internal.pipeline.CallEvents;
import dev.bench4j.core.internal.pipeline.CellCall;
import dev.bench4j.core.internal.pipeline.Durations;
import dev.bench4j.core.spi.CallException;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the pipeline reports about a run's cell calls (any thread): cache hits and misses go to listeners, retries are counted too. */
final class CellEvents implements CallEvents {

    private static final Logger LOG = LoggerFactory.getLogger(CellEvents.class);

    private final ListenerDispatcher listeners;
    private final LongAdder retries;

    /**
     * Reports to a run's listeners.
     *
     * @param listeners the run's listeners
     * @param retries counts the run's retries
     */
    CellEvents(ListenerDispatcher listeners, LongAdder retries) {
        this.listeners = listeners;
        this.retries = retries;
    }

    @Override
    public void cacheHit(CellCall call) {
        listeners.emit(l -> l.onCacheHit(call.cell()));
    }

    @Override
    public void cacheMiss(CellCall call) {
        listeners.emit(l -> l.onCacheMiss(call.cell()));
    }

    @Override
    public void retry(CellCall call, int failedAttempt, CallException error, Duration delay) {
        retries.increment();
        if (LOG.isDebugEnabled()) {
            LOG.debug("Cell {} attempt {} failed ({}), retrying in {}", call.cell(), failedAttempt, error.getMessage(),
                    Durations.format(delay));
        }
        if (listeners.active()) {
            ResultError e = new ResultError(error.kind(), error.getMessage(), error.httpStatus());
            listeners.emit(l -> l.onRetry(call.cell(), failedAttempt, e, delay));
        }
    }
}
