package dev.bench4j.scoring.stats;

import dev.bench4j.scoring.stats.internal.Checks;
import dev.bench4j.scoring.stats.internal.Ranks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Cohen's kappa: how far two raters who labelled the same items agree beyond chance, as {@code
 * sklearn.metrics.cohen_kappa_score(a, b)} for nominal labels and {@code cohen_kappa_score(a, b,
 * weights='linear' | 'quadratic')} for ordinal ratings, with {@code labels=None}.
 *
 * <p>The categories are the values either rater used, sorted; a weighted kappa's disagreement weight
 * of two values is the distance of their positions in that list (linear) or its square (quadratic),
 * not the distance of the values: as in scikit-learn, ratings of 1, 2 and 5 with no 3 or 4 given
 * are 0, 1 and 2 categories apart. Kappa is undefined, and the result empty (scikit-learn gives NaN),
 * when the agreement expected by chance is 1: both raters gave every item one and the same
 * category. O(n log n) for ratings, O(n) for labels.
 *
 * <pre>{@code
 * CohenKappa.nominal(List.of(true, true, false, false), List.of(true, false, false, false));
 * // Optional[Kappa[coefficient=0.5, observedAgreement=0.75, expectedAgreement=0.5, n=4]]
 * CohenKappa.weighted(new double[] {1, 2, 3, 4}, new double[] {1, 2, 4, 4}, CohenKappa.Weights.QUADRATIC);
 * }</pre>
 */
public final class CohenKappa {

    /** How a weighted kappa weighs a disagreement of categories i and j. */
    public enum Weights {
        /** {@code |i − j|}, as scikit-learn's {@code weights='linear'}. */
        LINEAR,
        /** {@code (i − j)²}, as scikit-learn's {@code weights='quadratic'}. */
        QUADRATIC
    }

    private CohenKappa() {
    }

    /**
     * Computes the unweighted kappa of two raters' nominal labels, as {@code
     * sklearn.metrics.cohen_kappa_score(a, b)}. Labels are compared with {@code equals}.
     *
     * @param a the first rater's label per item
     * @param b the second rater's label per item, paired with {@code a} by index
     * @return kappa, or empty when it is undefined (both raters gave one and the same label throughout)
     * @throws NullPointerException if an argument or a label is {@code null} (the message names it,
     *     e.g. {@code b[3] is null})
     * @throws IllegalArgumentException if the lengths differ or there is no item
     */
    public static Optional<Kappa> nominal(List<?> a, List<?> b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        int n = a.size();
        if (n != b.size()) {
            throw new IllegalArgumentException("a and b differ in length (" + n + " vs " + b.size() + ")");
        }
        if (n < 1) {
            throw new IllegalArgumentException("a has 0 values; Cohen's kappa needs at least 1");
        }
        Map<Object, Integer> index = new HashMap<>();
        int[] ia = new int[n];
        int[] ib = new int[n];
        for (int i = 0; i < n; i++) {
            ia[i] = index.computeIfAbsent(label("a", a, i), k -> index.size());
            ib[i] = index.computeIfAbsent(label("b", b, i), k -> index.size());
        }
        long[] ra = new long[index.size()];
        long[] cb = new long[index.size()];
        long agree = 0;
        for (int i = 0; i < n; i++) {
            ra[ia[i]]++;
            cb[ib[i]]++;
            if (ia[i] == ib[i]) {
                agree++;
            }
        }
        long chance = 0;
        for (int k = 0; k < ra.length; k++) {
            chance += ra[k] * cb[k];
        }
        // disagreement weight 1 off the diagonal: observed n - agree, n × expected n² - chance
        return kappa(n, n - agree, (double) n * n - chance, 1);
    }

    /**
     * Computes the weighted kappa of two raters' ordinal ratings, as {@code
     * sklearn.metrics.cohen_kappa_score(a, b, weights='linear')} or {@code weights='quadratic'}: 1 −
     * (observed mean disagreement weight / the mean expected from the two raters' category counts).
     *
     * @param a the first rater's rating per item
     * @param b the second rater's rating per item, paired with {@code a} by index
     * @param weights how a disagreement is weighed
     * @return kappa, or empty when it is undefined (both raters gave one and the same rating throughout)
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if the lengths differ, there is no item, or a value is NaN or
     *     infinite (the message names it)
     */
    public static Optional<Kappa> weighted(double[] a, double[] b, Weights weights) {
        Checks.paired("a", a, "b", b, 1, "Cohen's kappa");
        Objects.requireNonNull(weights, "weights");
        int n = a.length;
        double[] both = new double[2 * n];
        System.arraycopy(a, 0, both, 0, n);
        System.arraycopy(b, 0, both, n, n);
        int[] category = Ranks.dense(both);
        int k = 0;
        for (int c : category) {
            k = Math.max(k, c + 1);
        }
        double[] ra = new double[k];
        double[] cb = new double[k];
        double observed = 0;
        for (int i = 0; i < n; i++) {
            int x = category[i];
            int y = category[n + i];
            ra[x]++;
            cb[y]++;
            observed += weight(weights, x - y);
        }
        double expected = weights == Weights.LINEAR ? linearExpected(ra, cb) : quadraticExpected(ra, cb, n);
        return kappa(n, observed, expected, weight(weights, k - 1));
    }

    private static Object label(String name, List<?> labels, int i) {
        Object label = labels.get(i);
        if (label == null) {
            throw new NullPointerException(name + "[" + i + "] is null");
        }
        return label;
    }

    private static double weight(Weights weights, int distance) {
        return weights == Weights.LINEAR ? Math.abs(distance) : (double) distance * distance;
    }

    /** Σ_i ra[i] Σ_j cb[j] |i − j|, in O(k) with running sums (whole numbers: exact below 2^53). */
    private static double linearExpected(double[] ra, double[] cb) {
        double count = 0;
        double position = 0;
        for (int j = 0; j < cb.length; j++) {
            count += cb[j];
            position += j * cb[j];
        }
        double countBelow = 0;
        double positionBelow = 0;
        double sum = 0;
        for (int i = 0; i < ra.length; i++) {
            double below = i * countBelow - positionBelow;
            double above = (position - positionBelow) - i * (count - countBelow);
            sum += ra[i] * (below + above);
            countBelow += cb[i];
            positionBelow += i * cb[i];
        }
        return sum;
    }

    /**
     * Σ_i ra[i] Σ_j cb[j] (i − j)², in O(k): Σ_j cb[j] (i − j)² = n (i − μ)² + Σ_j cb[j] (j − μ)²
     * for b's mean category μ, a sum of non-negative terms.
     */
    private static double quadraticExpected(double[] ra, double[] cb, int n) {
        double mean = 0;
        for (int j = 0; j < cb.length; j++) {
            mean += j * cb[j];
        }
        mean /= n;
        double spread = 0;
        for (int j = 0; j < cb.length; j++) {
            spread += cb[j] * (j - mean) * (j - mean);
        }
        double sum = 0;
        for (int i = 0; i < ra.length; i++) {
            sum += ra[i] * (n * (i - mean) * (i - mean) + spread);
        }
        return sum;
    }

    /**
     * Kappa from the observed disagreement (a sum over the n items) and n × the expected one (a sum
     * over the n² pairs of a's and b's items), with {@code maxWeight} the largest disagreement weight.
     */
    private static Optional<Kappa> kappa(int n, double observed, double expected, double maxWeight) {
        if (expected == 0) {
            return Optional.empty();
        }
        double kappa = 1 - n * observed / expected;
        double observedAgreement = 1 - observed / n / maxWeight;
        double expectedAgreement = 1 - expected / n / n / maxWeight;
        return Optional.of(new Kappa(kappa, observedAgreement, Math.max(0, expectedAgreement), n));
    }
}
