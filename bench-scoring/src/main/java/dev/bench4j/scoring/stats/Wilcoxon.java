package dev.bench4j.scoring.stats;

import dev.bench4j.scoring.stats.internal.Checks;
import dev.bench4j.scoring.stats.internal.Ranks;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Wilcoxon signed-rank test of paired continuous scores, as {@code scipy.stats.wilcoxon(x, y)}
 * with its defaults in SciPy 1.17 ({@code zero_method='wilcox'}, {@code correction=False},
 * two-sided, {@code method='auto'}).
 *
 * <p>Zero differences are dropped; the others are ranked by absolute value (ties get average
 * ranks). The p-value comes from, in SciPy's order of choice:
 * <ul>
 *   <li>the normal approximation (tie-corrected variance, no continuity correction) when there are
 *       more than 50 pairs, zeros included;</li>
 *   <li>the exact null distribution when there are no zeros and no tied absolute differences;</li>
 *   <li>all 2<sup>n</sup> sign assignments (SciPy's exact permutation test) when there are at most 13
 *       pairs;</li>
 *   <li>the normal approximation otherwise.</li>
 * </ul>
 */
public final class Wilcoxon {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final int MAX_EXACT = 50;
    private static final int MAX_PERMUTATION = 13;

    private Wilcoxon() {
    }

    /**
     * Tests whether the differences {@code x[i] - y[i]} are symmetric about zero.
     *
     * @param x the first configuration's scores
     * @param y the second configuration's scores, paired with {@code x} by index
     * @return statistic {@code min(W+, W-)} (sums of the ranks of the positive and negative
     *     differences), the two-sided p-value, and n = the number of non-zero differences; when all
     *     differences are zero the statistic is 0 and the p-value 1
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, there is no pair, or a value is NaN or
     *     infinite
     */
    public static TestResult signedRank(double[] x, double[] y) {
        Checks.paired("x", x, "y", y, 1, "the Wilcoxon signed-rank test");
        int size = x.length;
        int zeros = 0;
        for (int i = 0; i < size; i++) {
            if (x[i] - y[i] == 0) {
                zeros++;
            }
        }
        int m = size - zeros;
        if (m == 0) {
            return new TestResult(0, 1.0, 0);
        }
        double[] d = new double[m];
        double[] abs = new double[m];
        for (int i = 0, k = 0; i < size; i++) {
            double diff = x[i] - y[i];
            if (diff != 0) {
                d[k] = diff;
                abs[k++] = Math.abs(diff);
            }
        }
        double[] ranks = Ranks.average(abs);
        double rPlus = 0;
        double rMinus = 0;
        for (int i = 0; i < m; i++) {
            if (d[i] > 0) {
                rPlus += ranks[i];
            } else {
                rMinus += ranks[i];
            }
        }
        double statistic = Math.min(rPlus, rMinus);
        double tieCorrection = Ranks.tieCubes(abs);
        boolean ties = tieCorrection != 0;

        double p;
        if (size > MAX_EXACT) {
            p = normalP(rPlus, m, tieCorrection);
        } else if (!ties && zeros == 0) {
            p = exactP(rPlus, m);
        } else if (size <= MAX_PERMUTATION) {
            p = permutationP(rPlus, ranks);
        } else {
            p = normalP(rPlus, m, tieCorrection);
        }
        return new TestResult(statistic, p, m);
    }

    private static double normalP(double rPlus, int m, double tieCorrection) {
        double mean = m * (m + 1.0) * 0.25;
        double se = Math.sqrt((m * (m + 1.0) * (2.0 * m + 1.0) - tieCorrection / 2) / 24);
        double z = (rPlus - mean) / se;
        return Math.min(1.0, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /** Exact two-sided p-value from the null distribution of W+ for m untied non-zero differences. */
    private static double exactP(double rPlus, int m) {
        double[] pmf = {1.0};
        for (int k = 1; k <= m; k++) {
            double[] next = new double[k * (k + 1) / 2 + 1];
            int len = pmf.length;
            for (int i = 0; i < len; i++) {
                next[i] += pmf[i] * 0.5;
                next[next.length - len + i] += pmf[i] * 0.5;
            }
            pmf = next;
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

    /** Two-sided p-value over all sign assignments of the ranks, as SciPy's exact permutation test. */
    private static double permutationP(double rPlus, double[] ranks) {
        int m = ranks.length;
        long total = 1L << m;
        double gamma = Math.abs(rPlus * Math.ulp(1.0) * 100);
        long less = 0;
        long greater = 0;
        for (long mask = 0; mask < total; mask++) {
            double w = 0;
            for (int i = 0; i < m; i++) {
                if ((mask & (1L << i)) != 0) {
                    w += ranks[i];
                }
            }
            if (w <= rPlus + gamma) {
                less++;
            }
            if (w >= rPlus - gamma) {
                greater++;
            }
        }
        double p = 2.0 * Math.min(less, greater) / total;
        return Math.min(1.0, p);
    }
}
