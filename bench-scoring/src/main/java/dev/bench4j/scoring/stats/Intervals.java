package dev.bench4j.scoring.stats;

import dev.bench4j.core.Summary;
import dev.bench4j.scoring.stats.internal.Checks;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Confidence intervals for a proportion (Wilson, Clopper–Pearson exact, Wald) and its normal standard
 * error, and for a mean (Student's t).
 *
 * <p>Every proportion interval lies within [0, 1]. Wilson is the default for pass rates: close to
 * nominal coverage at every n and p. Clopper–Pearson guarantees at least the nominal coverage
 * (wider, conservative). Wald ({@code p ± z·√(p(1 − p)/n)}) is here because other tools print it;
 * it under-covers for small n or p near 0 or 1, and unclipped it can leave [0, 1]: bench4j clips it
 * (as statsmodels 0.15 does).
 *
 * <pre>{@code
 * Intervals.wilson(7, 10);          // [0.397, 0.892] (95%)
 * Intervals.clopperPearson(7, 10);  // [0.348, 0.933]
 * Intervals.wald(7, 10);            // [0.416, 0.984]
 * Intervals.proportionStandardError(7, 10); // 0.1449
 * }</pre>
 */
public final class Intervals {

    private static final double DEFAULT_CONFIDENCE = 0.95;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Intervals() {
    }

    /**
     * The 95% Wilson score interval of a proportion.
     *
     * @param successes the number of successes, 0 ≤ successes ≤ n
     * @param n the number of trials, at least 1
     * @return the interval, within [0, 1]
     * @throws IllegalArgumentException if the counts are out of range
     * @see #wilson(long, long, double)
     */
    public static Interval wilson(long successes, long n) {
        return wilson(successes, n, DEFAULT_CONFIDENCE);
    }

    /**
     * The Wilson score interval of a proportion, without continuity correction, as
     * {@code scipy.stats.binomtest(k, n).proportion_ci(confidence, method='wilson')} and statsmodels'
     * {@code proportion_confint(method='wilson')}.
     *
     * @param successes the number of successes, 0 ≤ successes ≤ n
     * @param n the number of trials, at least 1
     * @param confidence the confidence level, in (0, 1)
     * @return the interval, within [0, 1]; low is 0 when there are no successes, high is 1 when all
     *     trials succeed
     * @throws IllegalArgumentException if the counts or the level are out of range
     */
    public static Interval wilson(long successes, long n, double confidence) {
        counts(successes, n);
        Checks.confidence(confidence);
        Summary.Interval w = Summary.Interval.wilson(successes, n, confidence).orElseThrow();
        return new Interval(w.lower(), w.upper(), confidence);
    }

    /**
     * The 95% t-interval of a mean.
     *
     * @param mean the sample mean
     * @param sd the sample standard deviation (n - 1 in the denominator), not negative
     * @param n the sample size, at least 2
     * @return {@code mean ± t(0.975, n - 1) · sd / √n}
     * @throws IllegalArgumentException if an argument is out of range or not finite
     * @see #t(double, double, long, double)
     */
    public static Interval t(double mean, double sd, long n) {
        return t(mean, sd, n, DEFAULT_CONFIDENCE);
    }

    /**
     * The t-interval of a mean, as {@code scipy.stats.t.interval(confidence, n - 1, mean, sd / sqrt(n))}.
     *
     * @param mean the sample mean
     * @param sd the sample standard deviation (n - 1 in the denominator), not negative
     * @param n the sample size, at least 2
     * @param confidence the confidence level, in (0, 1)
     * @return {@code mean ± t((1 + confidence) / 2, n - 1) · sd / √n}
     * @throws IllegalArgumentException if an argument is out of range or not finite
     */
    public static Interval t(double mean, double sd, long n, double confidence) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, was " + mean);
        }
        if (!(sd >= 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("sd must be finite and not negative, was " + sd);
        }
        if (n < 2) {
            throw new IllegalArgumentException("n must be at least 2, was " + n);
        }
        Checks.confidence(confidence);
        if (sd == 0) {
            return new Interval(mean, mean, confidence);
        }
        TDistribution t = new TDistribution(null, n - 1, 1e-14);
        double q = t.inverseCumulativeProbability(0.5 + 0.5 * confidence);
        double half = q * sd / Math.sqrt(n);
        return new Interval(mean - half, mean + half, confidence);
    }

    /**
     * The 95% Clopper–Pearson (exact) interval of a proportion.
     *
     * @param successes the number of successes, 0 ≤ successes ≤ n
     * @param n the number of trials, at least 1
     * @return the interval, within [0, 1]
     * @throws IllegalArgumentException if the counts are out of range
     * @see #clopperPearson(long, long, double)
     */
    public static Interval clopperPearson(long successes, long n) {
        return clopperPearson(successes, n, DEFAULT_CONFIDENCE);
    }

    /**
     * The Clopper–Pearson (exact) interval of a proportion, as {@code
     * scipy.stats.binomtest(k, n).proportion_ci(confidence, method='exact')} and statsmodels' {@code
     * proportion_confint(method='beta')}: from the {@code (1 − c)/2} quantile of Beta(k, n − k + 1) to
     * the {@code (1 + c)/2} quantile of Beta(k + 1, n − k). Its coverage is at least the nominal level
     * for every true proportion, so it is wider than Wilson's. The quantiles are solved by bisection on
     * the regularized incomplete beta function (within 3e-14 of SciPy in the tests).
     *
     * @param successes the number of successes, 0 ≤ successes ≤ n
     * @param n the number of trials, at least 1
     * @param confidence the confidence level, in (0, 1)
     * @return the interval, within [0, 1]; low is exactly 0 when there are no successes, high exactly 1
     *     when all trials succeed
     * @throws IllegalArgumentException if the counts or the level are out of range
     */
    public static Interval clopperPearson(long successes, long n, double confidence) {
        counts(successes, n);
        Checks.confidence(confidence);
        double tail = (1 - confidence) / 2;
        double low = successes == 0 ? 0.0 : betaQuantile(tail, successes, n - successes + 1);
        // the upper quantile of Beta(k + 1, n - k) is 1 - the lower one of Beta(n - k, k + 1)
        double high = successes == n ? 1.0 : 1 - betaQuantile(tail, n - successes, successes + 1);
        return new Interval(low, Math.max(low, high), confidence);
    }

    /**
     * The 95% Wald (normal-approximation) interval of a proportion, clipped to [0, 1].
     *
     * @param successes the number of successes, 0 ≤ successes ≤ n
     * @param n the number of trials, at least 1
     * @return the interval, within [0, 1]
     * @throws IllegalArgumentException if the counts are out of range
     * @see #wald(long, long, double)
     */
    public static Interval wald(long successes, long n) {
        return wald(successes, n, DEFAULT_CONFIDENCE);
    }

    /**
     * The Wald (normal-approximation) interval of a proportion, {@code p ± z·√(p(1 − p)/n)} with
     * {@code z} the {@code (1 + c)/2} normal quantile, clipped to [0, 1], as statsmodels 0.15's {@code
     * proportion_confint(method='normal')} (older statsmodels did not clip, and returned e.g. {@code
     * [-0.151, 0.551]} for 1 of 5, bounds no proportion can take). With no successes, or all, the
     * interval has zero width ({@code [0, 0]} or {@code [1, 1]}): prefer {@link #wilson(long, long,
     * double)} there, and whenever n is small.
     *
     * @param successes the number of successes, 0 ≤ successes ≤ n
     * @param n the number of trials, at least 1
     * @param confidence the confidence level, in (0, 1)
     * @return the interval, clipped to [0, 1]
     * @throws IllegalArgumentException if the counts or the level are out of range
     */
    public static Interval wald(long successes, long n, double confidence) {
        double se = proportionStandardError(successes, n);
        Checks.confidence(confidence);
        double z = NORMAL.inverseCumulativeProbability(0.5 + 0.5 * confidence);
        double p = (double) successes / n;
        return new Interval(Math.max(0.0, p - z * se), Math.min(1.0, p + z * se), confidence);
    }

    /**
     * The normal-approximation standard error of a proportion, {@code √(p(1 − p)/n)} with {@code p =
     * successes / n}, as statsmodels' {@code std_prop(k / n, n)}, the one its {@code
     * proportion_confint(method='normal')} and {@link #wald(long, long, double)} use; 0 when
     * there are no successes or all trials succeed.
     *
     * @param successes the number of successes, 0 ≤ successes ≤ n
     * @param n the number of trials, at least 1
     * @return the standard error, not negative
     * @throws IllegalArgumentException if the counts are out of range
     */
    public static double proportionStandardError(long successes, long n) {
        counts(successes, n);
        double p = (double) successes / n;
        return Math.sqrt(p * (1 - p) / n);
    }

    private static void counts(long successes, long n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("successes must be in [0, n=" + n + "], was " + successes);
        }
    }

    /**
     * The x in (0, 1) with I_x(a, b) = q, for a lower-tail q in (0, 0.5]: bisection, which halves the
     * bracket until it no longer shrinks in double precision (relative precision also near 0).
     */
    private static double betaQuantile(double q, double a, double b) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 2000; i++) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (Beta.regularizedBeta(mid, a, b, 1e-15) < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo + (hi - lo) / 2;
    }
}
