package dev.bench4j.core.internal.stats;

import dev.bench4j.core.Summary;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The 95% intervals of a run's summary. Wilson's score interval for proportions (no continuity
 * correction, as SciPy's {@code binomtest(k, n).proportion_ci(method='wilson')}), the Student-t
 * interval of a mean, optionally clamped to a range, and the ranks of the distribution-free
 * order-statistic interval of a quantile (as SciPy's {@code quantile_test(...).confidence_interval()}).
 */
public final class SummaryIntervals {

    /** The confidence level of every summary interval. */
    public static final double LEVEL = 0.95;

    private SummaryIntervals() {
    }

    /**
     * Returns Wilson's 95% score interval of a proportion {@code k / n}, without continuity correction.
     *
     * @param k successes
     * @param n trials
     * @return the interval, or empty when {@code n} is 0
     * @throws IllegalArgumentException if {@code k} is negative or above {@code n}
     */
    public static Optional<Summary.Interval> wilson(long k, long n) {
        return Summary.Interval.wilson(k, n, LEVEL);
    }

    /**
     * Returns the 95% Student-t interval of a mean from Welford's running figures.
     *
     * @param n values
     * @param mean their mean
     * @param m2 the sum of squared deviations from the mean
     * @param method {@link Summary.IntervalMethod#T} for the plain interval, or
     *     {@link Summary.IntervalMethod#T_CLAMPED} to clamp it to [{@code low}, {@code high}]
     * @param low the smallest value the mean can take (used when clamped)
     * @param high the largest value the mean can take (used when clamped)
     * @return the interval, or empty when {@code n} is below 2
     */
    public static Optional<Summary.Interval> t(long n, double mean, double m2, Summary.IntervalMethod method,
            double low, double high) {
        if (n < 2) {
            return Optional.empty();
        }
        double sd = Math.sqrt(Math.max(0, m2) / (n - 1));
        double half = new TDistribution(null, n - 1, 1e-14).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        double lower = mean - half;
        double upper = mean + half;
        if (method == Summary.IntervalMethod.T_CLAMPED) {
            lower = Math.min(high, Math.max(low, lower));
            upper = Math.min(high, Math.max(low, upper));
        }
        return Optional.of(new Summary.Interval(lower, upper, LEVEL, method));
    }

    /**
     * Returns the sample standard deviation from Welford's running figures.
     *
     * @param n values
     * @param m2 the sum of squared deviations from the mean
     * @return the deviation, or empty when {@code n} is below 2
     */
    public static OptionalDouble standardDeviation(long n, double m2) {
        return n < 2 ? OptionalDouble.empty() : OptionalDouble.of(Math.sqrt(Math.max(0, m2) / (n - 1)));
    }

    /**
     * Returns the 1-based ranks {@code l} and {@code u} of the order statistics that bound the
     * distribution-free 95% interval of the {@code p}-quantile of {@code n} values:
     * {@code l = binom.ppf(0.025, n, p)} and {@code u = binom.isf(0.025, n, p) + 1}, so that
     * {@code P(l <= B <= u - 1) >= 0.95} for {@code B ~ Bin(n, p)}. This is SciPy's two-sided
     * {@code quantile_test(x, p=p).confidence_interval(0.95)}, whose bounds are {@code x[l - 1]}
     * and {@code x[u - 1]} of the sorted values.
     *
     * @param n values
     * @param p the quantile, in (0, 1)
     * @return {@code {l, u}}, or empty when there are too few values ({@code l < 1} or {@code u > n})
     * @throws IllegalArgumentException if {@code n} is negative or {@code p} is not in (0, 1)
     */
    public static Optional<long[]> orderStatisticRanks(long n, double p) {
        if (n < 0 || !(p > 0 && p < 1)) {
            throw new IllegalArgumentException("order-statistic ranks need n >= 0 and p in (0, 1) but had n=" + n
                    + ", p=" + p);
        }
        if (n == 0 || n > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        BinomialDistribution b = new BinomialDistribution(null, (int) n, p);
        long l = b.inverseCumulativeProbability(0.025);
        long u = isf(b, (int) n, 0.025) + 1;
        return l < 1 || u > n ? Optional.empty() : Optional.of(new long[] {l, u});
    }

    /** The smallest k with P(B > k) <= q, as SciPy's {@code binom.isf}. */
    private static long isf(BinomialDistribution b, int n, double q) {
        int k = b.inverseCumulativeProbability(1 - q);
        while (k > 0 && 1 - b.cumulativeProbability(k - 1) <= q) {
            k--;
        }
        while (k < n && 1 - b.cumulativeProbability(k) > q) {
            k++;
        }
        return k;
    }
}
