package dev.bench4j.scoring.stats;

import dev.bench4j.scoring.stats.internal.Ranks;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Krippendorff's alpha: the reliability of several raters (coders) who rated units, with missing
 * ratings allowed, for nominal, ordinal and interval values, as defined in K. Krippendorff (2011),
 * "Computing Krippendorff's Alpha-Reliability" (the coincidence-matrix formulation).
 *
 * <p>Only units with at least 2 values are pairable; the others are left out. With {@code m_u} the
 * values of unit u, the coincidence {@code o_ck} sums, over units, the ordered pairs of values
 * {@code (c, k)} within the unit divided by {@code m_u − 1}; {@code n_c = Σ_k o_ck} and {@code n = Σ
 * n_c}. Alpha is {@code 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck} with the metric's difference
 * δ²: nominal 1 for different values; interval {@code (c − k)²}; ordinal {@code (Σ_{g=c..k} n_g −
 * (n_c + n_k)/2)²}, which depends on how often the values between c and k were used, not on their
 * size. It is undefined, and the result empty, when no unit has 2 values or every pairable value is
 * the same (no expected disagreement). The computation is O(units × raters), plus, for nominal and
 * ordinal numbers, a sort of the values that finds their categories: per unit, the nominal
 * disagreement comes from the counts of its values and the interval and ordinal ones from the spread
 * of the unit's values (ordinal: their positions {@code Σ_{g<c} n_g + n_c/2}) about their mean, never
 * from a raters² loop.
 *
 * <pre>{@code
 * double m = Double.NaN; // a missing rating
 * double[][] byRater = { // Krippendorff (2011): 4 observers, 12 units
 *     {1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m},
 *     {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3},
 *     {m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m},
 *     {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m}};
 * Krippendorff.alpha(byRater, Krippendorff.Metric.NOMINAL);   // 0.743
 * Krippendorff.alpha(byRater, Krippendorff.Metric.ORDINAL);   // 0.815
 * Krippendorff.alpha(byRater, Krippendorff.Metric.INTERVAL);  // 0.849
 * }</pre>
 */
public final class Krippendorff {

    /** How alpha weighs the difference of two values c and k. */
    public enum Metric {
        /** Labels: any two different values differ by 1. */
        NOMINAL,
        /** Ordered categories: the number of values used between c and k (the n_g marginals), squared. */
        ORDINAL,
        /** Numbers on an interval scale: {@code (c − k)²}. */
        INTERVAL
    }

    private Krippendorff() {
    }

    /**
     * Computes alpha from a reliability data matrix: one row per rater, one column per unit, {@code
     * NaN} for a rating the rater did not give (as the {@code reliability_data} of the Python package
     * {@code krippendorff}, with {@code np.nan} for missing).
     *
     * @param byRater per rater, per unit, the value or {@code NaN} when missing; rows of one length
     * @param metric how differences of values are weighed
     * @return alpha, or empty when it is undefined (no unit with 2 values, or one value throughout)
     * @throws NullPointerException if an argument or a row is {@code null}
     * @throws IllegalArgumentException if there is no rater or unit, the rows differ in length, or a
     *     value is infinite (the message names it, e.g. {@code byRater[2][7] is Infinity})
     */
    public static Optional<Alpha> alpha(double[][] byRater, Metric metric) {
        Objects.requireNonNull(byRater, "byRater");
        Objects.requireNonNull(metric, "metric");
        if (byRater.length == 0) {
            throw new IllegalArgumentException("byRater has no rows; Krippendorff's alpha needs at least 1 rater");
        }
        int units = -1;
        int present = 0;
        for (int r = 0; r < byRater.length; r++) {
            double[] row = byRater[r];
            if (row == null) {
                throw new NullPointerException("byRater[" + r + "] is null");
            }
            if (r == 0) {
                if (row.length == 0) {
                    throw new IllegalArgumentException("byRater[0] has no units; Krippendorff's alpha needs at least 1");
                }
                units = row.length;
            } else if (row.length != units) {
                throw new IllegalArgumentException("byRater[" + r + "] has " + row.length + " units but byRater[0] has "
                        + units);
            }
            for (int u = 0; u < units; u++) {
                if (Double.isInfinite(row[u])) {
                    throw new IllegalArgumentException("byRater[" + r + "][" + u + "] is " + row[u]
                            + "; ratings must be finite, or NaN for missing");
                }
                if (!Double.isNaN(row[u])) {
                    present++;
                }
            }
        }
        // the present values unit by unit (compressed rows), then their distinct values as categories
        int[] start = new int[units + 1];
        double[] values = new double[present];
        int at = 0;
        for (int u = 0; u < units; u++) {
            start[u] = at;
            for (double[] row : byRater) {
                if (!Double.isNaN(row[u])) {
                    values[at++] = row[u];
                }
            }
        }
        start[units] = at;
        if (metric == Metric.INTERVAL) {
            return compute(start, new int[0], 0, values, metric); // differences of the values themselves
        }
        int[] category = Ranks.dense(values); // ascending, so the ordinal metric can use the order
        int k = 0;
        for (int c : category) {
            k = Math.max(k, c + 1);
        }
        return compute(start, category, k, values, metric);
    }

    /**
     * Computes nominal alpha from the labels each unit received (compared with {@code equals}); a
     * missing rating is simply not in its unit's collection, and units may have different numbers of
     * labels.
     *
     * @param units per unit, the labels its raters gave
     * @return alpha, or empty when it is undefined (no unit with 2 labels, or one label throughout)
     * @throws NullPointerException if an argument, a unit or a label is {@code null} (the message names
     *     it, e.g. {@code units[4] has a null label})
     * @throws IllegalArgumentException if there is no unit
     */
    public static Optional<Alpha> nominal(List<? extends Collection<?>> units) {
        Objects.requireNonNull(units, "units");
        if (units.isEmpty()) {
            throw new IllegalArgumentException("units is empty; Krippendorff's alpha needs at least 1 unit");
        }
        int[] start = new int[units.size() + 1];
        int total = 0;
        for (int u = 0; u < units.size(); u++) {
            Collection<?> unit = units.get(u);
            if (unit == null) {
                throw new NullPointerException("units[" + u + "] is null");
            }
            start[u] = total;
            total += unit.size();
        }
        start[units.size()] = total;
        int[] category = new int[total];
        Map<Object, Integer> index = new HashMap<>();
        int at = 0;
        for (int u = 0; u < units.size(); u++) {
            for (Object label : units.get(u)) {
                if (label == null) {
                    throw new NullPointerException("units[" + u + "] has a null label");
                }
                category[at++] = index.computeIfAbsent(label, l -> index.size());
            }
        }
        return compute(start, category, index.size(), new double[0], Metric.NOMINAL);
    }

    /**
     * Alpha of the values {@code start[u] .. start[u + 1]} of each unit u: for the nominal and ordinal
     * metrics their categories 0..k−1 ({@code category}, in ascending order of value for ordinal),
     * for the interval metric the values themselves ({@code values}).
     */
    private static Optional<Alpha> compute(int[] start, int[] category, int k, double[] values, Metric metric) {
        int units = start.length - 1;
        long[] marginal = new long[k]; // n_c: how often c occurs in pairable units
        int pairableUnits = 0;
        long n = 0;
        for (int u = 0; u < units; u++) {
            int m = start[u + 1] - start[u];
            if (m >= 2) {
                pairableUnits++;
                n += m;
                for (int i = start[u]; i < start[u + 1] && k > 0; i++) {
                    marginal[category[i]]++;
                }
            }
        }
        if (pairableUnits == 0) {
            return Optional.empty();
        }
        double observed;
        double expected;
        if (metric == Metric.NOMINAL) {
            observed = nominalObserved(start, category, k);
            double sameSquares = 0;
            for (long c : marginal) {
                sameSquares += (double) c * c;
            }
            expected = (double) n * n - sameSquares;
        } else {
            double[] x = metric == Metric.INTERVAL ? values : ordinalPositions(marginal, category);
            observed = spreadObserved(start, x);
            expected = spreadExpected(start, x, n);
        }
        if (!(expected > 0)) {
            return Optional.empty();
        }
        // observed and expected are the sums Σ o_ck δ² and Σ n_c n_k δ²: D_o = observed / n,
        // D_e = expected / (n (n - 1)) and alpha = 1 - D_o / D_e
        double dObserved = observed / n;
        double dExpected = expected / ((double) n * (n - 1));
        double alpha = 1 - (n - 1) * observed / expected;
        return Optional.of(new Alpha(Math.min(1.0, alpha), dObserved, dExpected, pairableUnits, n));
    }

    /** Σ_u (m_u² − Σ_c n_uc²) / (m_u − 1): per unit, its values' counts, in O(m_u). */
    private static double nominalObserved(int[] start, int[] category, int k) {
        int[] count = new int[k];
        double sum = 0;
        for (int u = 0; u + 1 < start.length; u++) {
            int m = start[u + 1] - start[u];
            if (m < 2) {
                continue;
            }
            for (int i = start[u]; i < start[u + 1]; i++) {
                count[category[i]]++;
            }
            long same = 0;
            for (int i = start[u]; i < start[u + 1]; i++) {
                int c = category[i];
                same += (long) count[c] * count[c];
                count[c] = 0;
            }
            sum += (double) ((long) m * m - same) / (m - 1);
        }
        return sum;
    }

    /**
     * Σ_u Σ_{i,j in u} (x_i − x_j)² / (m_u − 1) = Σ_u 2 m_u Σ_i (x_i − mean_u)² / (m_u − 1), in O(m_u)
     * per unit.
     */
    private static double spreadObserved(int[] start, double[] x) {
        double sum = 0;
        for (int u = 0; u + 1 < start.length; u++) {
            int m = start[u + 1] - start[u];
            if (m >= 2) {
                sum += 2.0 * m * squaresAboutMean(x, start[u], start[u + 1]) / (m - 1);
            }
        }
        return sum;
    }

    /** Σ_c Σ_k n_c n_k (x_c − x_k)² = 2 n Σ_i (x_i − mean)² over the n values of the pairable units. */
    private static double spreadExpected(int[] start, double[] x, long n) {
        double shift = Double.NaN;
        double mean = 0;
        for (int u = 0; u + 1 < start.length; u++) {
            if (start[u + 1] - start[u] >= 2) {
                for (int i = start[u]; i < start[u + 1]; i++) {
                    shift = Double.isNaN(shift) ? x[i] : shift;
                    mean += x[i] - shift;
                }
            }
        }
        mean /= n;
        double squares = 0;
        for (int u = 0; u + 1 < start.length; u++) {
            if (start[u + 1] - start[u] >= 2) {
                for (int i = start[u]; i < start[u + 1]; i++) {
                    double d = x[i] - shift - mean;
                    squares += d * d;
                }
            }
        }
        return 2 * n * squares;
    }

    /**
     * Σ_i (x_i − mean)² for i in [from, to), shifted by the first value so that equal values give
     * exactly 0.
     */
    private static double squaresAboutMean(double[] x, int from, int to) {
        double first = x[from];
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += x[i] - first;
        }
        mean /= to - from;
        double squares = 0;
        for (int i = from; i < to; i++) {
            double d = x[i] - first - mean;
            squares += d * d;
        }
        return squares;
    }

    /**
     * Each value's ordinal position {@code t_c = Σ_{g<c} n_g + n_c / 2} of its category c: for c below
     * k, {@code Σ_{g=c..k} n_g − (n_c + n_k)/2 = t_k − t_c}, so the ordinal metric is the interval
     * metric of these positions.
     */
    private static double[] ordinalPositions(long[] marginal, int[] category) {
        double[] t = new double[marginal.length];
        double below = 0;
        for (int c = 0; c < marginal.length; c++) {
            t[c] = below + marginal[c] / 2.0;
            below += marginal[c];
        }
        double[] x = new double[category.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = t[category[i]];
        }
        return x;
    }
}
