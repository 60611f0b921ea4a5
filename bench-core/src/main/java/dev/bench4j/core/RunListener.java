package dev.bench4j.core;

import java.time.Duration;

/**
 * Receives live events of a run, e.g. for a progress bar or metrics. Every method does nothing by
 * default; override the ones you need.
 *
 * <p>Events are delivered in order on one listener thread, apart from the pipeline, so a slow
 * listener does not slow the calls (but should still be quick). A listener that throws is logged
 * and ignored. Per run: {@code onRunStarted}, then per cell {@code onCellStarted}, then
 * {@code onCacheHit} or {@code onCacheMiss} (cacheable providers), {@code onRetry} per retry,
 * {@code onCellFinished}; finally {@code onRunFinished}. Cells overlap, so their events interleave.
 * Every event has been delivered when {@link BenchmarkPlan#run()} returns (the run waits up to 10
 * seconds for slow listeners).
 */
public interface RunListener {

    /**
     * The run started; no cell has been dispatched yet.
     *
     * @param run the run's id, plan and cell count
     */
    default void onRunStarted(RunInfo run) {
    }

    /**
     * A cell was dispatched.
     *
     * @param cell the cell
     */
    default void onCellStarted(CellId cell) {
    }

    /**
     * A cell's response came from the response cache (or an identical call in flight).
     *
     * @param cell the cell
     */
    default void onCacheHit(CellId cell) {
    }

    /**
     * A cell's response was not in the cache; the provider is called.
     *
     * @param cell the cell
     */
    default void onCacheMiss(CellId cell) {
    }

    /**
     * An attempt failed with a retryable error and another will be made after a delay.
     *
     * @param cell the cell
     * @param failedAttempt the attempt that failed, from 1
     * @param error why it failed
     * @param delay the wait before the next attempt
     */
    default void onRetry(CellId cell, int failedAttempt, ResultError error, Duration delay) {
    }

    /**
     * A cell finished with a result (success or failure), already scored.
     *
     * @param result the result
     */
    default void onCellFinished(Result result) {
    }

    /**
     * The run ended.
     *
     * @param run the run with its status and summary
     */
    default void onRunFinished(Run run) {
    }
}
