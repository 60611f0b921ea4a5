package dev.bench4j.scoring.compare;

import dev.bench4j.scoring.stats.Estimate;
import dev.bench4j.scoring.stats.McNemar;
import dev.bench4j.scoring.stats.PairedBootstrap;
import dev.bench4j.scoring.stats.TestResult;
import dev.bench4j.scoring.stats.Wilcoxon;
import java.util.Locale;
import java.util.Objects;

/**
 * Two configurations scored on the same cells: the difference of their means with a seeded
 * paired-bootstrap 95% interval, and a paired test: McNemar's exact test when every value is 0 or 1
 * (pass/fail), else the Wilcoxon signed-rank test. {@link #describe()} says it in one line, e.g.
 * {@code "B is better by 0.070 set_f1, 95% CI [0.030, 0.110], p = 0.002"}.
 *
 * @param metric the score compared
 * @param n the pairs compared
 * @param difference B's mean minus A's, with its 95% bootstrap interval
 * @param test the paired test of B against A
 * @param testName {@code "McNemar exact"} or {@code "Wilcoxon signed-rank"}
 */
public record PairedComparison(String metric, int n, Estimate difference, TestResult test, String testName) {

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
     * @return e.g. {@code "B is better by 0.070 set_f1, 95% CI [0.030, 0.110], p = 0.002"}
     */
    public String describe() {
        double d = difference.value();
        String who = d > 0 ? "B is better" : d < 0 ? "A is better" : "A and B are even";
        return String.format(Locale.ROOT, "%s by %.3f %s, 95%% CI [%.3f, %.3f], %s (%s, n = %d)", who, Math.abs(d),
                metric, difference.interval().low(), difference.interval().high(), Agreement.p(test.pValue()), testName, n);
    }
}
