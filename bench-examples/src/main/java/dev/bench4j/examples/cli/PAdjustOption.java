package dev.bench4j.examples.cli;

import dev.bench4j.scoring.compare.PairedComparison;
import dev.bench4j.scoring.stats.PAdjustment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --p-adjust holm|bonferroni|bh|none} option of the commands that show several paired
 * tests at once ({@code bench compare}, {@code bench leaderboard}), the paired test itself, and the
 * line that says how the p-values shown were adjusted.
 */
final class PAdjustOption {

    /** The bootstrap's seed: fixed, so a command prints the same interval every time. */
    private static final long SEED = 20_261_207L;

    @Option(names = "--p-adjust", paramLabel = "METHOD", defaultValue = "holm",
            description = "adjust the p-values shown for their number: holm, bonferroni, bh (Benjamini-Hochberg) or none"
                    + " (default: holm)")
    String name;

    /**
     * Reads the option.
     *
     * @return the adjustment
     * @throws Bench.UsageException if the option names no method
     */
    PAdjustment method() {
        try {
            return PAdjustment.parse(name);
        } catch (IllegalArgumentException e) {
            throw new Bench.UsageException("--p-adjust: " + e.getMessage());
        }
    }

    /**
     * Adjusts the comparisons present in a family over their number; absent ones stay absent.
     *
     * @param family one comparison (or none) per row
     * @return the same rows, comparisons adjusted
     */
    List<Optional<PairedComparison>> adjust(List<Optional<PairedComparison>> family) {
        List<PairedComparison> present = family.stream().flatMap(Optional::stream).toList();
        List<PairedComparison> adjusted = PairedComparison.adjust(present, method());
        List<Optional<PairedComparison>> out = new ArrayList<>(family.size());
        int next = 0;
        for (Optional<PairedComparison> c : family) {
            out.add(c.isPresent() ? Optional.of(adjusted.get(next++)) : Optional.empty());
        }
        return out;
    }

    /**
     * Names the p-value column: {@code p (Holm)} when several p-values are adjusted.
     *
     * @param comparisons how many p-values are shown
     * @return the header
     */
    String header(long comparisons) {
        if (comparisons < 2 || method() == PAdjustment.NONE) {
            return "p";
        }
        return "p (" + (method() == PAdjustment.BENJAMINI_HOCHBERG ? "BH" : method().label()) + ")";
    }

    /**
     * Says how the p-values shown were adjusted, e.g. {@code "p-values Holm-adjusted for 11
     * comparisons (--p-adjust holm|bonferroni|bh|none)"}; empty for fewer than two.
     *
     * @param comparisons how many p-values are shown
     * @return the line with its newline, or an empty string
     */
    String note(long comparisons) {
        if (comparisons < 2) {
            return "";
        }
        String how = method() == PAdjustment.NONE ? "p-values not adjusted for the " + comparisons + " comparisons"
                : "p-values " + method().label() + "-adjusted for " + comparisons + " comparisons";
        return how + " (--p-adjust " + String.join("|", Arrays.stream(PAdjustment.values())
                .filter(m -> m != PAdjustment.NONE).map(PAdjustment::optionName).toList()) + "|none)\n";
    }

    /**
     * Compares B with A on the keys both have a value for, in A's order: McNemar's exact test for
     * pass/fail values, else Wilcoxon's signed-rank test, with a seeded bootstrap interval.
     *
     * @param metric the score's name
     * @param a A's values by cell
     * @param b B's values by cell
     * @param <K> the cell key
     * @return the comparison, or empty with fewer than two pairs (or when the test refuses the values)
     */
    static <K> Optional<PairedComparison> paired(String metric, Map<K, Double> a, Map<K, Double> b) {
        double[] xa = new double[a.size()];
        double[] xb = new double[a.size()];
        int n = 0;
        for (Map.Entry<K, Double> e : a.entrySet()) {
            Double vb = b.get(e.getKey());
            if (vb != null) {
                xa[n] = e.getValue();
                xb[n] = vb;
                n++;
            }
        }
        if (n < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(PairedComparison.of(metric, Arrays.copyOf(xa, n), Arrays.copyOf(xb, n), SEED));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
