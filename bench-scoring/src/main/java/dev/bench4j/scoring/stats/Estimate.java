package dev.bench4j.scoring.stats;

import java.util.Objects;

/**
 * A point estimate with a confidence interval.
 *
 * @param value the estimate
 * @param interval its confidence interval
 */
public record Estimate(double value, Interval interval) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if the value is not finite
     * @throws NullPointerException if {@code interval} is null
     */
    public Estimate {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, was " + value);
        }
        Objects.requireNonNull(interval, "interval");
    }
}
