package dev.bench4j.scoring.stats;

import dev.bench4j.scoring.stats.internal.Checks;
import dev.bench4j.scoring.stats.internal.Ranks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Kendall's rank statistics: tau-b and tau-c as {@code scipy.stats.kendalltau} (its {@code variant}
 * and {@code method} options as {@link Variant} and {@link Method}), a tau-b pooled over strata (the seasonal Kendall statistic) and the coefficient of concordance W of several
 * raters, whose chi-square test is {@code scipy.stats.friedmanchisquare}'s.
 *
 * <p>Tau is O(n log n) (Knight's algorithm: one sort, then a merge sort counting discordant pairs).
 * Its p-value is two-sided and by default ({@link Method#AUTO}): from the exact distribution when neither sample has ties and n ≤ 33 (or
 * at most one pair is discordant, or at most one concordant), otherwise from the normal approximation
 * with the tie-corrected variance; this is SciPy's {@code method='auto'}. The pooled tau-b always
 * uses the normal approximation.
 *
 * <pre>{@code
 * Kendall.tauB(human, judge);                              // Optional[Correlation[coefficient=0.6, ...]]
 * Kendall.tauC(human, judge);                              // Stuart's tau-c, the same p-value
 * Kendall.pooledTauB(List.of(h1, h2), List.of(j1, j2));   // only pairs within a trial count
 * Kendall.w(new double[][] {{1, 2, 3, 4}, {1, 3, 2, 4}, {2, 1, 3, 4}}).get().w();   // 0.7777...
 * }</pre>
 */
public final class Kendall {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    /** The most steps of the exact p-value's recursion (n times the concordant pairs): 10 to 20 s. */
    private static final double MAX_EXACT_WORK = 1e10;

    private Kendall() {
    }

    /** Which tau: they differ in how they normalise concordant − discordant pairs. */
    public enum Variant {
        /** Tau-b, {@code variant='b'}: S / sqrt((n0 − n1)(n0 − n2)), corrected for ties in each ranking. */
        B,
        /**
         * Tau-c (Stuart's), {@code variant='c'}: 2S / (n² (m − 1) / m), m being the smaller number of
         * distinct values of the two rankings; meant for rectangular contingency tables.
         */
        C
    }

    /** How the p-value is computed, as SciPy's {@code method} option of {@code kendalltau}. */
    public enum Method {
        /**
         * {@code 'auto'}: {@link #EXACT} when neither ranking has ties and n ≤ 33 or at most one pair
         * is discordant (or at most one concordant), {@link #ASYMPTOTIC} otherwise.
         */
        AUTO,
        /**
         * {@code 'exact'}: the exact null distribution of concordant pairs (Kendall 1970); only without
         * ties. It costs O(n · min(c, n0 − c)) time for c concordant pairs of n0, about n³ / 4 steps for
         * a tau near 0 (1.4 s at n = 1,500, 12 s at n = 3,000 on a busy 2-core machine); beyond
         * 10<sup>10</sup> steps (n around 3,400 for a tau near 0) it is refused with an {@link
         * IllegalArgumentException}.
         */
        EXACT,
        /** {@code 'asymptotic'}: the normal approximation with the tie-corrected variance of S. */
        ASYMPTOTIC
    }

    /**
     * Computes tau-b of two paired rankings (or scores: only their order matters), as {@code
     * scipy.stats.kendalltau(x, y)}: {@code tau(x, y, Variant.B, Method.AUTO)}.
     *
     * @param x the first ranking
     * @param y the second ranking, paired with {@code x} by index
     * @return tau-b with its p-value, or empty when it is undefined: one of the rankings is constant
     *     (SciPy returns NaN there)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 pairs, or a value
     *     is NaN or infinite (the message names the argument)
     */
    public static Optional<Correlation> tauB(double[] x, double[] y) {
        return tau(x, y, Variant.B, Method.AUTO);
    }

    /**
     * Computes tau-c of two paired rankings, as {@code scipy.stats.kendalltau(x, y, variant='c')}:
     * {@code tau(x, y, Variant.C, Method.AUTO)}. Its p-value is tau-b's (both test S = 0).
     *
     * @param x the first ranking
     * @param y the second ranking, paired with {@code x} by index
     * @return tau-c with its p-value, or empty when it is undefined: one of the rankings is constant
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 pairs, or a value
     *     is NaN or infinite (the message names the argument)
     */
    public static Optional<Correlation> tauC(double[] x, double[] y) {
        return tau(x, y, Variant.C, Method.AUTO);
    }

    /**
     * Computes Kendall's tau of two paired rankings, as {@code scipy.stats.kendalltau(x, y,
     * variant=..., method=...)} (two-sided). The p-value depends only on S = concordant − discordant
     * pairs, so it is the same for both variants. With 2 pairs and {@link Method#ASYMPTOTIC} the
     * p-value is empty: the tie-corrected variance divides by n − 2 (SciPy raises a
     * ZeroDivisionError).
     *
     * <pre>{@code
     * Kendall.tau(x, y, Kendall.Variant.C, Kendall.Method.ASYMPTOTIC);
     * }</pre>
     *
     * @param x the first ranking
     * @param y the second ranking, paired with {@code x} by index
     * @param variant tau-b or tau-c
     * @param method how to compute the p-value
     * @return tau with its p-value, or empty when it is undefined: one of the rankings is constant
     *     (SciPy returns NaN there)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 pairs, a value is
     *     NaN or infinite (the message names the argument), or {@code method} is {@link Method#EXACT}
     *     and a ranking has ties (SciPy: "Ties found, exact method cannot be used.") or the exact
     *     computation would take more than 10<sup>10</sup> steps
     */
    public static Optional<Correlation> tau(double[] x, double[] y, Variant variant, Method method) {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(method, "method");
        Checks.paired("x", x, "y", y, 2, variant == Variant.B ? "Kendall tau-b" : "Kendall tau-c");
        Counts c = count(x, y);
        if (c.constant()) {
            return Optional.empty();
        }
        int n = c.n;
        double tau;
        if (variant == Variant.B) {
            tau = c.conMinusDis / Math.sqrt(c.pairs - c.xt.ties) / Math.sqrt(c.pairs - c.yt.ties);
        } else {
            double classes = Math.min(c.xt.groups, c.yt.groups);
            tau = 2.0 * c.conMinusDis / ((double) n * n * (classes - 1) / classes);
        }
        tau = Math.min(1.0, Math.max(-1.0, tau));

        boolean untied = c.xt.ties == 0 && c.yt.ties == 0;
        if (method == Method.EXACT && !untied) {
            throw new IllegalArgumentException("Kendall's exact p-value needs untied rankings but x has "
                    + c.xt.ties + " and y " + c.yt.ties + " tied pairs; use Method.ASYMPTOTIC or AUTO");
        }
        boolean exact = method == Method.EXACT || method == Method.AUTO && untied
                && (n <= 33 || Math.min(c.discordant, c.pairs - c.discordant) <= 1);
        if (exact) {
            return Optional.of(new Correlation(tau, exactP(n, c.pairs - c.discordant), n));
        }
        if (n == 2) {
            return Optional.of(new Correlation(tau, OptionalDouble.empty(), n));
        }
        return Optional.of(new Correlation(tau, normalP(c.conMinusDis, c.variance()), n));
    }

    /**
     * Computes a pooled tau-b over several strata (e.g. trials, each ranked on its own) in which only
     * pairs within a stratum count: the seasonal Kendall statistic of Hirsch, Slack and Smith (1982)
     * without continuity correction. With S<sub>t</sub> = concordant − discordant pairs of stratum t,
     * n0 its pairs and n1, n2 its pairs tied in x and in y, tau = ΣS<sub>t</sub> / sqrt(Σ(n0 − n1) ·
     * Σ(n0 − n2)) and z = ΣS<sub>t</sub> / sqrt(ΣVar<sub>t</sub>), where Var<sub>t</sub> is the
     * tie-corrected variance of S<sub>t</sub> that {@link #tauB} uses for its normal approximation;
     * the p-value is two-sided from the normal distribution. With one stratum the coefficient is
     * tau-b and the p-value that of {@code scipy.stats.kendalltau(x, y, method='asymptotic')}.
     * Strata of fewer than 2 values, and strata where x or y is constant, contribute nothing.
     *
     * @param x the first ranking of each stratum
     * @param y the second ranking of each stratum, paired with {@code x} by stratum and index
     * @return the pooled tau-b with its p-value, {@code n} being the values of the contributing strata;
     *     empty when no stratum contributes (every one is constant or has fewer than 2 values, or
     *     there are none)
     * @throws NullPointerException if an argument or a stratum is {@code null} (the message names it,
     *     e.g. {@code x[2]})
     * @throws IllegalArgumentException if {@code x} and {@code y} have different numbers of strata, a
     *     stratum's two sides differ in length, or a value is NaN or infinite (the message names it,
     *     e.g. {@code y[1][0] is NaN})
     */
    public static Optional<Correlation> pooledTauB(List<double[]> x, List<double[]> y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.size() != y.size()) {
            throw new IllegalArgumentException("x and y differ in number of strata (" + x.size() + " vs "
                    + y.size() + ")");
        }
        long s = 0;
        long xPairs = 0;
        long yPairs = 0;
        double variance = 0;
        int n = 0;
        for (int i = 0; i < x.size(); i++) {
            double[] xi = x.get(i);
            double[] yi = y.get(i);
            Checks.paired("x[" + i + "]", xi, "y[" + i + "]", yi, 0, "a stratum");
            if (xi.length < 2) {
                continue;
            }
            Counts c = count(xi, yi);
            if (c.constant()) {
                continue;
            }
            s += c.conMinusDis;
            xPairs += c.pairs - c.xt.ties;
            yPairs += c.pairs - c.yt.ties;
            variance += c.variance();
            n += c.n;
        }
        if (n == 0) {
            return Optional.empty();
        }
        double tau = s / Math.sqrt(xPairs) / Math.sqrt(yPairs);
        tau = Math.min(1.0, Math.max(-1.0, tau));
        return Optional.of(new Correlation(tau, normalP(s, variance), n));
    }

    /**
     * Computes Kendall's coefficient of concordance W of m raters over n items, corrected for ties,
     * with its chi-square test: W = 12·S / (m²(n³ − n) − m·ΣT), where S is the sum of squared
     * deviations of the items' rank sums from their mean (each rater's values ranked 1..n, ties
     * getting their average rank) and T = Σ(t³ − t) over a rater's groups of t tied values. The
     * statistic m(n − 1)W is Friedman's tie-corrected chi-square, so it and the p-value equal {@code
     * scipy.stats.friedmanchisquare(*items)} where each argument is one item's values from every rater
     * (SciPy needs at least 3 items); the p-value is the chi-square distribution's upper tail with n −
     * 1 degrees of freedom.
     *
     * @param ratings {@code ratings[r][i]}: rater r's value for item i (higher is better; only the order
     *     within a rater matters), at least 2 raters and 2 items
     * @return W with its test, or empty when it is undefined: every rater gives all items the same value
     * @throws NullPointerException if {@code ratings} or a row is {@code null} (the message names it)
     * @throws IllegalArgumentException if there are fewer than 2 raters or 2 items, the rows differ in
     *     length, or a value is NaN or infinite (the message names it, e.g. {@code ratings[1][3] is NaN})
     */
    public static Optional<Concordance> w(double[][] ratings) {
        Objects.requireNonNull(ratings, "ratings");
        int m = ratings.length;
        if (m < 2) {
            throw new IllegalArgumentException("ratings has " + m + " raters; Kendall's W needs at least 2");
        }
        int n = Objects.requireNonNull(ratings[0], "ratings[0]").length;
        if (n < 2) {
            throw new IllegalArgumentException("ratings has " + n + " items; Kendall's W needs at least 2");
        }
        double[] rankSums = new double[n];
        double ties = 0;
        for (int r = 0; r < m; r++) {
            double[] row = Objects.requireNonNull(ratings[r], "ratings[" + r + "]");
            if (row.length != n) {
                throw new IllegalArgumentException("ratings[" + r + "] has " + row.length
                        + " values but ratings[0] has " + n);
            }
            Checks.finite("ratings[" + r + "]", row);
            double[] ranks = Ranks.average(row);
            for (int i = 0; i < n; i++) {
                rankSums[i] += ranks[i];
            }
            ties += Ranks.tieCubes(row);
        }
        // twice the deviations are whole numbers: exact in doubles for any realistic size
        double twiceMean = m * (n + 1.0);
        double deviations = 0;
        for (double sum : rankSums) {
            double d = 2 * sum - twiceMean;
            deviations += d * d;
        }
        double denominator = (double) m * m * ((double) n * n * n - n) - m * ties;
        if (denominator == 0) {
            return Optional.empty();
        }
        double w = Math.min(1.0, 3 * deviations / denominator); // 12 S = 3 Σ (2 R_i - m (n + 1))²
        double chiSquare = m * (n - 1.0) * w;
        double p = Math.min(1.0, Math.max(0.0, Gamma.regularizedGammaQ((n - 1) / 2.0, chiSquare / 2)));
        return Optional.of(new Concordance(w, chiSquare, n - 1, p, m, n));
    }

    /** Two-sided p-value of S under the normal approximation with the given variance. */
    private static double normalP(double s, double variance) {
        double z = s / Math.sqrt(variance);
        return Math.min(1.0, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /** The pair counts of one sample: what tau-b, its variance and the pooled statistic are made of. */
    private record Counts(int n, long pairs, long conMinusDis, long discordant, TieStats xt, TieStats yt) {

        /** Tells whether x or y is constant (every pair tied), where tau-b is undefined. */
        boolean constant() {
            return xt.ties == pairs || yt.ties == pairs;
        }

        /** The tie-corrected variance of concordant − discordant under independence, as SciPy's. */
        double variance() {
            double m = n * (n - 1.0);
            double var = (m * (2.0 * n + 5) - xt.x1 - yt.x1) / 18
                    + (2.0 * xt.ties * yt.ties) / m;
            if (xt.x0 != 0 && yt.x0 != 0) {
                var += xt.x0 * yt.x0 / (9 * m * (n - 2));
            }
            return var;
        }
    }

    /**
     * Counts the pairs of a checked sample of at least 2 values (Knight's algorithm): the pairs in
     * order of (x, y) by a radix sort of each side and one stable counting pass, then a merge sort of
     * the y ranks counting the discordant pairs.
     */
    private static Counts count(double[] x, double[] y) {
        int n = x.length;
        int[] rx = Ranks.dense(x);
        int[] oy = Ranks.order(y);
        int[] ry = Ranks.dense(y, oy);
        int xGroups = 0;
        for (int r : rx) {
            xGroups = Math.max(xGroups, r + 1);
        }
        int[] start = new int[xGroups + 1];
        for (int r : rx) {
            start[r + 1]++;
        }
        for (int g = 0; g < xGroups; g++) {
            start[g + 1] += start[g];
        }
        int[] byXy = new int[n]; // indexes sorted by x, then y
        for (int i : oy) {
            byXy[start[rx[i]]++] = i;
        }

        TieStats xt = new TieStats();
        long ntie = 0;
        int[] ys = new int[n];
        int xRun = 1;
        int jointRun = 1;
        ys[0] = ry[byXy[0]];
        for (int k = 1; k < n; k++) {
            int i = byXy[k];
            int prev = byXy[k - 1];
            ys[k] = ry[i];
            if (rx[i] == rx[prev]) {
                xRun++;
                if (ry[i] == ry[prev]) {
                    jointRun++;
                } else {
                    ntie += pairs(jointRun);
                    jointRun = 1;
                }
            } else {
                xt.add(xRun);
                xRun = 1;
                ntie += pairs(jointRun);
                jointRun = 1;
            }
        }
        xt.add(xRun);
        ntie += pairs(jointRun);

        long dis = sortCountingInversions(ys);

        TieStats yt = new TieStats();
        int yRun = 1;
        for (int i = 1; i < n; i++) {
            if (ys[i] == ys[i - 1]) {
                yRun++;
            } else {
                yt.add(yRun);
                yRun = 1;
            }
        }
        yt.add(yRun);

        long tot = pairs(n);
        return new Counts(n, tot, tot - xt.ties - yt.ties + ntie - 2 * dis, dis, xt, yt);
    }

    /** Sums over tie groups as SciPy's {@code count_rank_tie}. */
    private static final class TieStats {
        long ties;
        long groups;
        double x0;
        double x1;

        void add(long cnt) {
            groups++;
            if (cnt > 1) {
                ties += pairs(cnt);
                x0 += cnt * (cnt - 1.0) * (cnt - 2);
                x1 += cnt * (cnt - 1.0) * (2 * cnt + 5);
            }
        }
    }

    private static long pairs(long count) {
        return count * (count - 1) / 2;
    }

    /** Sorts {@code a} ascending (bottom-up merge sort) and returns its number of strict inversions. */
    static long sortCountingInversions(int[] a) {
        int n = a.length;
        int[] src = a;
        int[] dst = new int[n];
        long inversions = 0;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    if (src[j] < src[i]) {
                        inversions += mid - i;
                        dst[k++] = src[j++];
                    } else {
                        dst[k++] = src[i++];
                    }
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
        return inversions;
    }

    /**
     * Two-sided exact p-value of {@code c} concordant pairs among n untied values (Kendall 1970), as
     * SciPy's {@code _kendall_p_exact}.
     */
    static double exactP(int n, long concordant) {
        long total = pairs(n);
        long smaller = Math.min(concordant, total - concordant);
        if (smaller > 1 && 4 * smaller != (long) n * (n - 1) && (double) n * smaller > MAX_EXACT_WORK) {
            throw new IllegalArgumentException("Kendall's exact p-value for n = " + n + " with " + smaller
                    + " concordant (or discordant) pairs needs about " + (long) ((double) n * smaller)
                    + " steps, more than " + (long) MAX_EXACT_WORK + "; use Method.ASYMPTOTIC or AUTO");
        }
        int c = (int) smaller;
        double prob;
        if (n == 1 || n == 2) {
            prob = 1.0;
        } else if (c == 0) {
            prob = n < 171 ? 2.0 / CombinatoricsUtils.factorialDouble(n) : 0.0;
        } else if (c == 1) {
            prob = n < 172 ? 2.0 / CombinatoricsUtils.factorialDouble(n - 1) : 0.0;
        } else if (4L * c == (long) n * (n - 1)) {
            prob = 1.0;
        } else if (n < 171) {
            double[] counts = kendallCounts(n, c, false);
            double sum = 0;
            for (double v : counts) {
                sum += v;
            }
            prob = 2.0 * sum / CombinatoricsUtils.factorialDouble(n);
        } else {
            // n! overflows a double: SciPy divides each step by j, which makes the counts probabilities
            double[] counts = kendallCounts(n, c, true);
            double sum = 0;
            for (double v : counts) {
                sum += v;
            }
            prob = sum;
        }
        return Math.min(1.0, Math.max(0.0, prob));
    }

    /**
     * The numbers of permutations of n values with 0..c inversions (Kendall 1970), divided by n! when
     * {@code normalised}: SciPy's recursion, one cumulative sum per value.
     */
    private static double[] kendallCounts(int n, int c, boolean normalised) {
        double[] counts = new double[c + 1];
        counts[0] = 1.0;
        counts[1] = 1.0;
        for (int j = 3; j <= n; j++) {
            double sum = 0;
            for (int i = 0; i <= c; i++) {
                sum += counts[i];
                counts[i] = normalised ? sum / j : sum;
            }
            if (j <= c) {
                for (int i = c; i >= j; i--) {
                    counts[i] -= counts[i - j];
                }
            }
        }
        return counts;
    }
}
