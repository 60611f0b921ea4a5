package dev.bench4j.scoring.stats;

import java.util.Objects;

/**
 * A paired bootstrap's difference of means with its two intervals (see {@link PairedBootstrap}).
 *
 * @param observed the observed difference of means, {@code mean(a) − mean(b)}
 * @param percentile the percentile interval: quantiles of the resampled means
 * @param normal the normal-approximation interval, {@code observed ± z · standardError}
 * @param standardError the standard deviation of the resampled means (n − 1 in the denominator), not
 *     negative
 * @param iterations the number of resamples, at least 1
 */
public record BootstrapEstimate(double observed, Interval percentile, Interval normal, double standardError,
        int iterations) {

    /**
     * Checks the values.
     *
     * @throws NullPointerException if an interval is null
     * @throws IllegalArgumentException if {@code observed} is not finite, {@code standardError} is
     *     negative or not finite, {@code iterations} is below 1, or the intervals' levels differ
     */
    public BootstrapEstimate {
        if (!Double.isFinite(observed)) {
            throw new IllegalArgumentException("observed must be finite, was " + observed);
        }
        Objects.requireNonNull(percentile, "percentile");
        Objects.requireNonNull(normal, "normal");
        if (!(standardError >= 0) || !Double.isFinite(standardError)) {
            throw new IllegalArgumentException("standardError must be finite and not negative, was " + standardError);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
        }
        if (percentile.confidence() != normal.confidence()) {
            throw new IllegalArgumentException("percentile and normal differ in confidence ("
                    + percentile.confidence() + " vs " + normal.confidence() + ")");
        }
    }
}
