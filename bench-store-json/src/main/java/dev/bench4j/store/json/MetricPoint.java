package dev.bench4j.store.json;

import dev.bench4j.core.Summary;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run's value of a metric for one model: a point of a trend, as returned by
 * {@link JsonRunStore#history(String, String)}.
 *
 * @param runId the run's id
 * @param startedAt when the run started
 * @param value the metric's value in that run
 * @param ci95 the 95% confidence interval of a score's mean; empty for other metrics and for too few values
 */
public record MetricPoint(String runId, Instant startedAt, double value, Optional<Summary.Interval> ci95) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public MetricPoint {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(startedAt, "startedAt");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite but was " + value);
        }
        Objects.requireNonNull(ci95, "ci95");
    }

    /**
     * Makes a point without an interval.
     *
     * @param runId the run's id
     * @param startedAt when the run started
     * @param value the metric's value
     * @throws NullPointerException if {@code runId} or {@code startedAt} is {@code null}
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public MetricPoint(String runId, Instant startedAt, double value) {
        this(runId, startedAt, value, Optional.empty());
    }
}
