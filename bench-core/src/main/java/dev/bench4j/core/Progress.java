package dev.bench4j.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * @param loweredConcurrency the current limit of each endpoint whose adaptive concurrency is below
 *     its configured limit, by endpoint (see {@link Summary.EndpointConcurrency#endpoint()}); empty
 *     when every endpoint runs at its configured limit
 */
public record Progress(long totalCells, long done, long succeeded, long failed, long cached, long retries,
        long inFlight, long inputTokens, long outputTokens, double costUsd, Duration elapsed, Optional<Duration> eta,
        Map<String, Integer> loweredConcurrency) {

    /**
     * Creates a snapshot in which every endpoint runs at its configured concurrency.
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
     * @param costUsd cost paid so far
     * @param elapsed time since the run started
     * @param eta estimated time to finish
     * @throws NullPointerException if a component is {@code null}
     */
    public Progress(long totalCells, long done, long succeeded, long failed, long cached, long retries,
            long inFlight, long inputTokens, long outputTokens, double costUsd, Duration elapsed, Optional<Duration> eta) {
        this(totalCells, done, succeeded, failed, cached, retries, inFlight, inputTokens, outputTokens, costUsd, elapsed,
                eta, Map.of());
    }

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public Progress {
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(eta, "eta");
        Objects.requireNonNull(loweredConcurrency, "loweredConcurrency");
        loweredConcurrency = loweredConcurrency.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(loweredConcurrency));
    }

    /**
     * Returns this snapshot with the endpoints whose adaptive concurrency is lowered.
     *
     * @param lowered the current limit of each lowered endpoint, by endpoint
     * @return a snapshot equal to this one but for {@link #loweredConcurrency()}
     * @throws NullPointerException if {@code lowered} is {@code null}
     */
    public Progress withLoweredConcurrency(Map<String, Integer> lowered) {
        return new Progress(totalCells, done, succeeded, failed, cached, retries, inFlight, inputTokens, outputTokens,
                costUsd, elapsed, eta, lowered);
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
