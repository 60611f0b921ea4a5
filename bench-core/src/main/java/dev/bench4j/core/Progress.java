package dev.bench4j.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a running run, from {@link RunHandle#progress()}.
 *
 * @param totalCells cells in the plan
 * @param done cells finished (with a result)
 * @param succeeded finished without error
 * @param failed finished with an error
 * @param cached served from the response cache
 * @param retries retries made so far
 * @param inFlight cells dispatched and not finished
 * @param inputTokens input tokens so far
 * @param outputTokens output tokens so far
 * @param costUsd cost paid so far (known costs of calls not served from the cache)
 * @param elapsed time since the run started
 * @param eta estimated time to finish; empty before the first cell finishes or after the last
 */
public record Progress(long totalCells, long done, long succeeded, long failed, long cached, long retries,
        long inFlight, long inputTokens, long outputTokens, double costUsd, Duration elapsed, Optional<Duration> eta) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public Progress {
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(eta, "eta");
    }

    /**
     * Returns the finished share.
     *
     * @return done / total, 1 for an empty plan
     */
    public double fractionDone() {
        return totalCells == 0 ? 1 : (double) done / totalCells;
    }
}
