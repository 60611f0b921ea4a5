package dev.bench4j.scoring.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Multiple comparisons: p-values adjusted for the number of tests read together, as statsmodels'
 * {@code multipletests(p, alpha, method)} computes them for {@code 'bonferroni'}, {@code 'holm'} and
 * {@code 'fdr_bh'} — adjusted values capped at 1, made monotone in the order of the raw p-values
 * (Holm: running maximum from the smallest; Benjamini–Hochberg: running minimum from the largest),
 * returned in the order given. Tied p-values get the same adjusted value and the same decision.
 *
 * <pre>{@code
 * AdjustedPValues a = PValues.adjust(new double[] {0.01, 0.04, 0.03}, PAdjustment.HOLM, 0.05);
 * a.adjusted();   // [0.03, 0.06, 0.06] (0.01·3, then max(0.03·2, 0.04·1) for both)
 * a.rejected();   // [true, false, false]
 * }</pre>
 */
public final class PValues {

    private PValues() {
    }

    /**
     * Adjusts a family of p-values and decides each hypothesis at a level: Bonferroni rejects
     * {@code p ≤ alpha / n}; Holm steps down from the smallest p-value, rejecting while
     * {@code p(i) ≤ alpha / (n − i)}; Benjamini–Hochberg steps up, rejecting every p-value up to the
     * largest {@code p(i) ≤ (i + 1) / n · alpha} (sorted, i from 0); {@link PAdjustment#NONE}
     * rejects {@code p ≤ alpha}.
     *
     * @param pValues the p-values, each in [0, 1]; empty gives an empty result
     * @param method the adjustment
     * @param alpha the family's level, in (0, 1)
     * @return the adjusted p-values and the decisions, in the input's order
     * @throws IllegalArgumentException if a p-value is NaN or outside [0, 1] (the message names its
     *     index), or {@code alpha} is not in (0, 1)
     * @throws NullPointerException if an argument is {@code null}
     */
    public static AdjustedPValues adjust(double[] pValues, PAdjustment method, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
        check(pValues);
        int n = pValues.length;
        int[] order = sortedOrder(pValues);
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = pValues[order[i]];
        }
        double[] adj = new double[n];
        boolean[] reject = new boolean[n];
        switch (method) {
            case NONE -> {
                for (int i = 0; i < n; i++) {
                    adj[i] = sorted[i];
                    reject[i] = sorted[i] <= alpha;
                }
            }
            case BONFERRONI -> {
                for (int i = 0; i < n; i++) {
                    adj[i] = sorted[i] * n;
                    reject[i] = sorted[i] <= alpha / n;
                }
            }
            case HOLM -> {
                boolean stillRejecting = true;
                double max = 0;
                for (int i = 0; i < n; i++) {
                    stillRejecting &= !(sorted[i] > alpha / (n - i));
                    reject[i] = stillRejecting;
                    max = Math.max(max, sorted[i] * (n - i));
                    adj[i] = max;
                }
            }
            case BENJAMINI_HOCHBERG -> {
                int lastReject = -1;
                double min = Double.POSITIVE_INFINITY;
                for (int i = n - 1; i >= 0; i--) {
                    double ecdf = (double) (i + 1) / n;
                    if (lastReject < 0 && sorted[i] <= ecdf * alpha) {
                        lastReject = i;
                    }
                    reject[i] = i <= lastReject;
                    min = Math.min(min, sorted[i] / ecdf);
                    adj[i] = min;
                }
            }
            default -> throw new IllegalStateException("unknown method " + method);
        }
        Double[] outAdj = new Double[n];
        Boolean[] outReject = new Boolean[n];
        for (int i = 0; i < n; i++) {
            outAdj[order[i]] = Math.min(1.0, adj[i]);
            outReject[order[i]] = reject[i];
        }
        List<Double> given = new ArrayList<>(n);
        for (double p : pValues) {
            given.add(p);
        }
        return new AdjustedPValues(method, alpha, given, List.of(outAdj), List.of(outReject));
    }

    /**
     * Adjusts a family of p-values, without deciding: the adjusted values do not depend on a level.
     *
     * @param pValues the p-values, each in [0, 1]; empty gives an empty array
     * @param method the adjustment
     * @return the adjusted p-values in the input's order, each in [0, 1]
     * @throws IllegalArgumentException if a p-value is NaN or outside [0, 1]; the message names its index
     * @throws NullPointerException if an argument is {@code null}
     */
    public static double[] adjust(double[] pValues, PAdjustment method) {
        return adjust(pValues, method, 0.05).adjusted().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void check(double[] pValues) {
        for (int i = 0; i < pValues.length; i++) {
            double p = pValues[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("pValues[" + i + "] must be in [0, 1], was " + p);
            }
        }
    }

    /** The indexes of {@code p} from the smallest value to the largest, ties in input order. */
    private static int[] sortedOrder(double[] p) {
        return IntStream.range(0, p.length).boxed().sorted(Comparator.comparingDouble(i -> p[i]))
                .mapToInt(Integer::intValue).toArray();
    }
}
