package dev.bench4j.scoring.compare;

import dev.bench4j.scoring.stats.Estimate;
import dev.bench4j.scoring.stats.AdjustedPValues;
import dev.bench4j.scoring.stats.McNemar;
import dev.bench4j.scoring.stats.PAdjustment;
import dev.bench4j.scoring.stats.PValues;
import dev.bench4j.scoring.stats.PairedBootstrap;
import dev.bench4j.scoring.stats.TestResult;
import dev.bench4j.scoring.stats.Wilcoxon;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Two configurations scored on the same cells: the difference of their means with a seeded
 * paired-bootstrap 95% interval, and a paired test: McNemar's exact test when every value is 0 or 1
 * (pass/fail), else the Wilcoxon signed-rank test. {@link #describe()} says it in one line, e.g.
 * {@code "B is better by 0.070 set_f1, 95% CI [0.030, 0.110], p = 0.002"}. When several comparisons
 * are read together, {@link #adjust(List, PAdjustment)} gives each an adjusted p-value for the
 * family, and the description says so: {@code "..., p = 0.004 (Holm-adjusted; McNemar exact, n = 20)"}.
 *
 * @param metric the score compared
 * @param n the pairs compared
 * @param difference B's mean minus A's, with its 95% bootstrap interval
 * @param test the paired test of B against A (its p-value is the raw one)
 * @param testName {@code "McNemar exact"} or {@code "Wilcoxon signed-rank"}
 * @param adjustment the p-value adjusted for the comparisons read with this one, empty when not adjusted
 */
public record PairedComparison(String metric, int n, Estimate difference, TestResult test, String testName,
        Optional<Adjustment> adjustment) {

    /**
     * A p-value adjusted for a family of comparisons.
     *
     * @param method how it was adjusted, never {@link PAdjustment#NONE}
     * @param comparisons the family's size
     * @param pValue the adjusted p-value, in [0, 1]
     */
    public record Adjustment(PAdjustment method, int comparisons, double pValue) {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if {@code method} is {@code null}
         * @throws IllegalArgumentException if {@code method} is {@code NONE}, {@code comparisons} is below 1
         *     or {@code pValue} is not in [0, 1]
         */
        public Adjustment {
            Objects.requireNonNull(method, "method");
            if (method == PAdjustment.NONE) {
                throw new IllegalArgumentException("method must be an adjustment, was NONE");
            }
            if (comparisons < 1) {
                throw new IllegalArgumentException("comparisons must be >= 1, was " + comparisons);
            }
            if (!(pValue >= 0 && pValue <= 1)) {
                throw new IllegalArgumentException("pValue must be in [0, 1], was " + pValue);
            }
        }
    }

    /** Bootstrap resamples; fixed so a comparison is the same every time. */
    private static final int ITERATIONS = 10_000;

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public PairedComparison {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(testName, "testName");
        Objects.requireNonNull(adjustment, "adjustment");
    }

    /**
     * Creates a comparison whose p-value is not adjusted.
     *
     * @param metric the score compared
     * @param n the pairs compared
     * @param difference B's mean minus A's, with its 95% bootstrap interval
     * @param test the paired test of B against A
     * @param testName the test's name
     * @throws NullPointerException if a component is {@code null}
     */
    public PairedComparison(String metric, int n, Estimate difference, TestResult test, String testName) {
        this(metric, n, difference, test, testName, Optional.empty());
    }

    /**
     * Returns the p-value to read: the adjusted one when this comparison was adjusted, else the test's.
     *
     * @return a p-value in [0, 1]
     */
    public double pValue() {
        return adjustment.map(Adjustment::pValue).orElse(test.pValue());
    }

    /**
     * Adjusts the p-values of comparisons read together (each model against a baseline, every entry
     * of a leaderboard against its leader) with {@link PValues}, as statsmodels' {@code multipletests}.
     *
     * @param family the comparisons, each with its raw p-value (a previous adjustment is replaced)
     * @param method the adjustment; {@link PAdjustment#NONE} returns the comparisons without adjustment
     * @return copies in the same order, each with its adjusted p-value over the family's size; a family
     *     of one comparison is returned without adjustment (there is nothing to adjust for)
     * @throws NullPointerException if an argument or an element is {@code null}
     */
    public static List<PairedComparison> adjust(List<PairedComparison> family, PAdjustment method) {
        Objects.requireNonNull(method, "method");
        double[] raw = family.stream().mapToDouble(c -> c.test().pValue()).toArray();
        List<PairedComparison> out = new ArrayList<>(family.size());
        if (method == PAdjustment.NONE || family.size() < 2) {
            family.forEach(c -> out.add(c.withAdjustment(Optional.empty())));
            return List.copyOf(out);
        }
        AdjustedPValues adjusted = PValues.adjust(raw, method, 0.05);
        for (int i = 0; i < raw.length; i++) {
            out.add(family.get(i).withAdjustment(Optional.of(new Adjustment(method, raw.length, adjusted.adjusted(i)))));
        }
        return List.copyOf(out);
    }

    private PairedComparison withAdjustment(Optional<Adjustment> a) {
        return new PairedComparison(metric, n, difference, test, testName, a);
    }

    /**
     * Compares B with A on paired values (the same cells, in the same order).
     *
     * @param metric the score's name, for the description
     * @param a A's values
     * @param b B's values
     * @param seed the bootstrap's seed
     * @return the comparison
     * @throws IllegalArgumentException if the arrays differ in length, hold fewer than 2 pairs, or a
     *     value is not finite
     */
    public static PairedComparison of(String metric, double[] a, double[] b, long seed) {
        Estimate diff = PairedBootstrap.meanDifference(b, a, seed, ITERATIONS);
        boolean binary = true;
        long onlyA = 0;
        long onlyB = 0;
        for (int i = 0; i < a.length; i++) {
            binary &= (a[i] == 0 || a[i] == 1) && (b[i] == 0 || b[i] == 1);
            onlyA += a[i] == 1 && b[i] == 0 ? 1 : 0;
            onlyB += a[i] == 0 && b[i] == 1 ? 1 : 0;
        }
        return binary ? new PairedComparison(metric, a.length, diff, McNemar.exact(onlyA, onlyB), "McNemar exact")
                : new PairedComparison(metric, a.length, diff, Wilcoxon.signedRank(b, a), "Wilcoxon signed-rank");
    }

    /**
     * Says which is better, by how much, how sure, in one line.
     *
     * @return e.g. {@code "B is better by 0.070 set_f1, 95% CI [0.030, 0.110], p = 0.002 (Wilcoxon
     *     signed-rank, n = 40)"}; an adjusted comparison reads {@code "..., p = 0.004 (Holm-adjusted;
     *     Wilcoxon signed-rank, n = 40)"}
     */
    public String describe() {
        double d = difference.value();
        String who = d > 0 ? "B is better" : d < 0 ? "A is better" : "A and B are even";
        return String.format(Locale.ROOT, "%s by %.3f %s, 95%% CI [%.3f, %.3f], %s (%s%s, n = %d)", who, Math.abs(d),
                metric, difference.interval().low(), difference.interval().high(), Agreement.p(pValue()),
                adjustment.map(a -> a.method().label() + "-adjusted; ").orElse(""), testName, n);
    }

    /**
     * Says the p-value to read and how it was adjusted.
     *
     * @return e.g. {@code "p = 0.004 (Holm-adjusted)"}, {@code "p < 0.001"} or {@code "p = 0.030"}
     */
    public String describeP() {
        return Agreement.p(pValue()) + adjustment.map(a -> " (" + a.method().label() + "-adjusted)").orElse("");
    }
}
