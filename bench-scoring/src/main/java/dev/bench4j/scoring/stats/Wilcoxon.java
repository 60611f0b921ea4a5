package dev.bench4j.scoring.stats;

import dev.bench4j.scoring.stats.internal.Checks;
import dev.bench4j.scoring.stats.internal.Ranks;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Wilcoxon signed-rank test of paired scores, as {@code scipy.stats.wilcoxon(x, y, zero_method=...,
 * correction=..., method=...)} in SciPy 1.17 (two-sided), with SciPy's defaults: {@code
 * zero_method='wilcox'}, {@code correction=False}, {@code method='auto'}.
 *
 * <p>The differences d = x − y are ranked by absolute value (ties get average ranks); zeros are
 * dropped ({@link ZeroMethod#WILCOX}), ranked and then dropped ({@link ZeroMethod#PRATT}) or ranked
 * and split between the signs ({@link ZeroMethod#ZSPLIT}). With {@link Method#AUTO} the p-value
 * comes from, in SciPy's order of choice:
 * <ul>
 *   <li>the normal approximation when there are more than 50 pairs, zeros included;</li>
 *   <li>the exact null distribution when there are no zeros and no tied absolute differences;</li>
 *   <li>all 2<sup>n</sup> sign assignments (SciPy's exact permutation test) when there are at most 13
 *       pairs;</li>
 *   <li>the normal approximation otherwise.</li>
 * </ul>
 * One deviation: when every difference is zero and the zero method leaves the normal approximation
 * a variance of 0 ({@code wilcox}, {@code pratt}), {@code AUTO} beyond 13 pairs uses the
 * permutation test too, whose p-value is then 1 (every sign assignment gives the same W+); SciPy
 * returns NaN there, and refuses a permutation test of a single pair, where bench4j also gives 1.
 * The method used is recorded in {@link TestResult#method()}: {@code "exact"}, {@code "permutation"}
 * or {@code "asymptotic"}.
 *
 * <pre>{@code
 * Wilcoxon.signedRank(b, a);                                                    // SciPy's defaults
 * Wilcoxon.signedRank(b, a, Wilcoxon.Options.defaults().zeroMethod(Wilcoxon.ZeroMethod.PRATT));
 * Wilcoxon.signedRank(b, a, Wilcoxon.Options.defaults().method(Wilcoxon.Method.ASYMPTOTIC).correction(true));
 * }</pre>
 */
public final class Wilcoxon {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final int MAX_EXACT = 50;
    private static final int MAX_PERMUTATION = 13;
    /** The most steps of the exact null distribution (about n³ / 4): a few seconds. */
    private static final double MAX_EXACT_WORK = 5e9;

    private Wilcoxon() {
    }

    /** How the p-value is computed, as SciPy's {@code method} option. */
    public enum Method {
        /** {@code 'auto'}: SciPy's choice among exact, permutation and asymptotic (see {@link Wilcoxon}). */
        AUTO,
        /**
         * {@code 'exact'}: the null distribution of W+ for n untied non-zero differences; with ties or
         * zeros W+ is rounded up for the lower tail and down for the upper one (conservative), as SciPy.
         */
        EXACT,
        /** {@code 'asymptotic'}: the normal approximation with the tie-corrected variance. */
        ASYMPTOTIC
    }

    /** What to do with zero differences, as SciPy's {@code zero_method} option. */
    public enum ZeroMethod {
        /** {@code 'wilcox'}: drop them before ranking; n counts the non-zero differences. */
        WILCOX,
        /**
         * {@code 'pratt'}: rank them with the others, then leave their ranks out of W+ and W−; the
         * normal approximation's mean and variance are adjusted (Cureton 1967).
         */
        PRATT,
        /** {@code 'zsplit'}: rank them with the others and add half their ranks to W+ and half to W−. */
        ZSPLIT
    }

    /**
     * The options of the test; {@link #defaults()} are SciPy's. Each setter returns a new value.
     *
     * @param method how the p-value is computed
     * @param zeroMethod what to do with zero differences
     * @param correction whether the normal approximation moves z by 0.5 / se towards 0 (continuity
     *     correction); ignored by the exact and permutation methods
     */
    public record Options(Method method, ZeroMethod zeroMethod, boolean correction) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if {@code method} or {@code zeroMethod} is null
         */
        public Options {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(zeroMethod, "zeroMethod");
        }

        /**
         * SciPy's defaults: {@code method='auto'}, {@code zero_method='wilcox'}, {@code correction=False}.
         *
         * @return the default options
         */
        public static Options defaults() {
            return new Options(Method.AUTO, ZeroMethod.WILCOX, false);
        }

        /**
         * These options with another method.
         *
         * @param value the method
         * @return the new options
         * @throws NullPointerException if {@code value} is null
         */
        public Options method(Method value) {
            return new Options(value, zeroMethod, correction);
        }

        /**
         * These options with another zero method.
         *
         * @param value the zero method
         * @return the new options
         * @throws NullPointerException if {@code value} is null
         */
        public Options zeroMethod(ZeroMethod value) {
            return new Options(method, value, correction);
        }

        /**
         * These options with or without continuity correction.
         *
         * @param value whether to correct
         * @return the new options
         */
        public Options correction(boolean value) {
            return new Options(method, zeroMethod, value);
        }
    }

    /**
     * Tests whether the differences {@code x[i] - y[i]} are symmetric about zero, with SciPy's default
     * options: {@code signedRank(x, y, Options.defaults())}.
     *
     * @param x the first configuration's scores
     * @param y the second configuration's scores, paired with {@code x} by index
     * @return statistic {@code min(W+, W-)} (sums of the ranks of the positive and negative
     *     differences), the two-sided p-value, n = the number of non-zero differences and the method
     *     used; when all differences are zero the statistic is 0 and the p-value 1
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, there is no pair, or a value is NaN or
     *     infinite
     */
    public static TestResult signedRank(double[] x, double[] y) {
        return signedRank(x, y, Options.defaults());
    }

    /**
     * Tests whether the differences {@code x[i] - y[i]} are symmetric about zero, as {@code
     * scipy.stats.wilcoxon(x, y, ...)} with the given options.
     *
     * @param x the first configuration's scores
     * @param y the second configuration's scores, paired with {@code x} by index
     * @param options the method, zero method and continuity correction
     * @return statistic {@code min(W+, W-)} (with {@link ZeroMethod#ZSPLIT} both include half the zeros'
     *     ranks), the two-sided p-value, n = the differences ranked (the non-zero ones with {@link
     *     ZeroMethod#WILCOX}, all otherwise) and the method used ({@code "exact"}, {@code "permutation"}
     *     or {@code "asymptotic"})
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, there is no pair, a value is NaN or
     *     infinite, the normal approximation is asked for and its variance is 0 (every difference is
     *     zero; SciPy returns NaN), or the exact distribution is asked for with more than about 2,700
     *     ranked differences (it would take more than a few seconds)
     */
    public static TestResult signedRank(double[] x, double[] y, Options options) {
        Checks.paired("x", x, "y", y, 1, "the Wilcoxon signed-rank test");
        Objects.requireNonNull(options, "options");
        int size = x.length;
        double[] d = new double[size];
        int zeros = 0;
        for (int i = 0; i < size; i++) {
            d[i] = x[i] - y[i];
            zeros += d[i] == 0 ? 1 : 0;
        }
        ZeroMethod zm = options.zeroMethod();
        Statistic s = statistic(d, zeros, zm);

        Method method = options.method();
        boolean permutation = false;
        if (method == Method.AUTO) {
            if (size > MAX_EXACT) {
                method = Method.ASYMPTOTIC;
            } else if (!s.ties && zeros == 0) {
                method = Method.EXACT;
            } else if (size <= MAX_PERMUTATION) {
                permutation = true;
            } else {
                method = Method.ASYMPTOTIC;
            }
            // every difference zero (W+ has one value): SciPy's fallback has variance 0 and returns NaN
            permutation |= method == Method.ASYMPTOTIC && !(s.se > 0);
        }
        double statistic = Math.min(s.rPlus, s.rMinus);
        if (permutation) {
            return new TestResult(statistic, permutationP(s), s.count, "permutation");
        }
        if (method == Method.EXACT) {
            return new TestResult(statistic, exactP(s.rPlus, s.count), s.count, "exact");
        }
        if (!(s.se > 0)) {
            throw new IllegalArgumentException("the normal approximation of the Wilcoxon signed-rank test is "
                    + "undefined: every one of the " + size + " differences is zero (its variance is 0)");
        }
        double z = (s.rPlus - s.mean) / s.se;
        if (options.correction()) {
            z -= Math.signum(z) * 0.5 / s.se;
        }
        double p = Math.min(1.0, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
        return new TestResult(statistic, p, s.count, "asymptotic");
    }

    /**
     * W+ and W−, the normal approximation's mean and standard error, and what the permutation test
     * needs: the ranks of the non-zero differences and the constant zsplit adds.
     */
    private record Statistic(double rPlus, double rMinus, int count, double mean, double se, boolean ties,
            double[] ranks, double shift) {
    }

    /** SciPy's {@code _wilcoxon_statistic}. */
    private static Statistic statistic(double[] d, int zeros, ZeroMethod zm) {
        int size = d.length;
        int count = zm == ZeroMethod.WILCOX ? size - zeros : size;
        double[] abs = new double[count];
        double[] signed = new double[count];
        for (int i = 0, k = 0; i < size; i++) {
            if (d[i] != 0 || zm != ZeroMethod.WILCOX) {
                signed[k] = d[i];
                abs[k++] = Math.abs(d[i]);
            }
        }
        double[] allRanks = Ranks.average(abs);
        int nonZero = size - zeros;
        double[] ranks = new double[nonZero];
        double rPlus = 0;
        double rMinus = 0;
        double rZero = 0;
        for (int i = 0, k = 0; i < count; i++) {
            if (signed[i] > 0) {
                rPlus += allRanks[i];
            } else if (signed[i] < 0) {
                rMinus += allRanks[i];
            } else {
                rZero += allRanks[i];
                continue;
            }
            ranks[k++] = allRanks[i];
        }
        double shift = 0;
        if (zm == ZeroMethod.ZSPLIT) {
            shift = rZero / 2;
            rPlus += shift;
            rMinus += shift;
        }
        double mean = count * (count + 1.0) * 0.25;
        double var = count * (count + 1.0) * (2.0 * count + 1.0);
        double tieCubes = Ranks.tieCubes(abs);
        boolean ties = tieCubes != 0;
        if (zm == ZeroMethod.PRATT && zeros > 0) {
            mean -= zeros * (zeros + 1.0) * 0.25;
            var -= zeros * (zeros + 1.0) * (2.0 * zeros + 1.0);
            tieCubes -= (double) zeros * zeros * zeros - zeros; // the zeros are no tie group here
        }
        double se = Math.sqrt((var - tieCubes / 2) / 24);
        return new Statistic(rPlus, rMinus, count, mean, se, ties, ranks, shift);
    }

    /** Exact two-sided p-value from the null distribution of W+ for m untied differences, as SciPy's. */
    private static double exactP(double rPlus, int m) {
        if ((double) m * m * m / 4 > MAX_EXACT_WORK) {
            throw new IllegalArgumentException("the exact Wilcoxon distribution of " + m
                    + " differences needs about " + (long) ((double) m * m * m / 4) + " steps, more than "
                    + (long) MAX_EXACT_WORK + "; use Method.ASYMPTOTIC or AUTO");
        }
        double[] pmf = new double[m * (m + 1) / 2 + 1];
        pmf[0] = 1.0;
        int len = 1;
        for (int k = 1; k <= m; k++) {
            int next = len + k;
            for (int i = next - 1; i >= 0; i--) {
                double low = i < len ? pmf[i] : 0;
                double high = i >= k ? pmf[i - k] : 0;
                pmf[i] = 0.5 * (low + high);
            }
            len = next;
        }
        double mean = m * (m + 1) / 4.0;
        int upper = (int) Math.floor(rPlus);
        int lower = (int) Math.ceil(rPlus);
        double sf = upper <= mean ? sum(pmf, upper, pmf.length - 1) : 1 - sum(pmf, 0, upper - 1);
        double cdf = lower <= mean ? sum(pmf, 0, lower) : 1 - sum(pmf, lower + 1, pmf.length - 1);
        return Math.min(1.0, Math.max(0.0, 2 * Math.min(sf, cdf)));
    }

    private static double sum(double[] v, int from, int to) {
        double s = 0;
        for (int i = Math.max(0, from); i <= Math.min(to, v.length - 1); i++) {
            s += v[i];
        }
        return s;
    }

    /**
     * Two-sided p-value over all sign assignments of the non-zero differences, as SciPy's exact
     * permutation test ({@code stats.permutation_test(..., permutation_type='samples')}): flipping a
     * zero changes nothing, so only the non-zero differences' 2<sup>k</sup> assignments are counted.
     */
    private static double permutationP(Statistic s) {
        double[] ranks = s.ranks;
        int k = ranks.length;
        double observed = s.rPlus;
        double gamma = Math.abs(observed * Math.ulp(1.0) * 100);
        long total = 1L << k;
        long less = 0;
        long greater = 0;
        for (long mask = 0; mask < total; mask++) {
            double w = s.shift;
            for (int i = 0; i < k; i++) {
                if ((mask & (1L << i)) != 0) {
                    w += ranks[i];
                }
            }
            if (w <= observed + gamma) {
                less++;
            }
            if (w >= observed - gamma) {
                greater++;
            }
        }
        return Math.min(1.0, 2.0 * Math.min(less, greater) / total);
    }
}
