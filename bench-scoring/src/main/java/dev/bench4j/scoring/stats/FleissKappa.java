package dev.bench4j.scoring.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fleiss' kappa: how far several raters who each labelled every item agree beyond chance, as {@code
 * statsmodels.stats.inter_rater.fleiss_kappa(table, method='fleiss')}.
 *
 * <p>With N items, m raters per item and {@code n_ij} the raters who gave item i category j: the
 * observed agreement is the mean over items of {@code (Σ_j n_ij² − m) / (m(m − 1))}, the share of
 * agreeing pairs of raters; the expected agreement is {@code Σ_j p_j²} with {@code p_j} the share of
 * all ratings in category j; kappa is {@code (observed − expected) / (1 − expected)}. The raters need
 * not be the same people from item to item, but every item has the same number of them. Kappa is
 * undefined, and the result empty (statsmodels gives NaN), when every rating is one and the same
 * category. O(N × categories) for a table, O(N × m) for labels.
 *
 * <pre>{@code
 * FleissKappa.ofLabels(List.of(List.of("ok", "ok", "bad"), List.of("bad", "bad", "bad"),
 *         List.of("ok", "ok", "ok")));
 * // Optional[Kappa[coefficient=0.55, observedAgreement=0.777..., expectedAgreement=0.5061..., n=3]]
 * }</pre>
 */
public final class FleissKappa {

    private FleissKappa() {
    }

    /**
     * Computes Fleiss' kappa from the labels each item received, one list per item with one label per
     * rater (compared with {@code equals}); the same as {@link #ofCounts(int[][])} of the table that
     * statsmodels' {@code aggregate_raters} makes of them.
     *
     * @param items per item, its raters' labels; every item has the same number of labels, at least 2
     * @return kappa with {@code n} the number of items, or empty when it is undefined (a single
     *     category throughout)
     * @throws NullPointerException if an argument, an item or a label is {@code null} (the message
     *     names it, e.g. {@code items[3][1] is null})
     * @throws IllegalArgumentException if there is no item, an item has fewer than 2 labels, or the
     *     items differ in their number of labels (the message names the item)
     */
    public static Optional<Kappa> ofLabels(List<? extends List<?>> items) {
        Objects.requireNonNull(items, "items");
        if (items.isEmpty()) {
            throw new IllegalArgumentException("items is empty; Fleiss' kappa needs at least 1 item");
        }
        Map<Object, Integer> index = new HashMap<>();
        int raters = -1;
        int[][] codes = new int[items.size()][];
        for (int i = 0; i < codes.length; i++) {
            List<?> item = items.get(i);
            if (item == null) {
                throw new NullPointerException("items[" + i + "] is null");
            }
            raters = checkRaters(raters, item.size(), "labels", i);
            codes[i] = new int[item.size()];
            for (int r = 0; r < codes[i].length; r++) {
                Object label = item.get(r);
                if (label == null) {
                    throw new NullPointerException("items[" + i + "][" + r + "] is null");
                }
                codes[i][r] = index.computeIfAbsent(label, k -> index.size());
            }
        }
        long[] column = new long[index.size()];
        int[] count = new int[index.size()];
        long squares = 0;
        for (int[] item : codes) {
            for (int c : item) {
                count[c]++;
            }
            for (int c : item) {
                if (count[c] > 0) {
                    squares += (long) count[c] * count[c];
                    column[c] += count[c];
                    count[c] = 0;
                }
            }
        }
        return kappa(codes.length, raters, squares, column);
    }

    /**
     * Computes Fleiss' kappa from an items × categories table of counts, as {@code
     * fleiss_kappa(table, method='fleiss')}: {@code table[i][j]} raters gave item i category j.
     *
     * @param table per item, the number of raters per category; every row has the same length and the
     *     same sum (the raters per item), at least 2
     * @return kappa with {@code n} the number of items, or empty when it is undefined (a single
     *     category throughout)
     * @throws NullPointerException if the table or a row is {@code null}
     * @throws IllegalArgumentException if the table has no row or no column, rows differ in length or
     *     sum, a count is negative, or a row sums to less than 2 (the message names the row)
     */
    public static Optional<Kappa> ofCounts(int[][] table) {
        Objects.requireNonNull(table, "table");
        if (table.length == 0) {
            throw new IllegalArgumentException("table has no rows; Fleiss' kappa needs at least 1 item");
        }
        int categories = -1;
        int raters = -1;
        long[] column = null;
        long squares = 0;
        for (int i = 0; i < table.length; i++) {
            int[] row = table[i];
            if (row == null) {
                throw new NullPointerException("table[" + i + "] is null");
            }
            if (i == 0) {
                if (row.length == 0) {
                    throw new IllegalArgumentException("table[0] has no columns; Fleiss' kappa needs at least 1 category");
                }
                categories = row.length;
                column = new long[categories];
            } else if (row.length != categories) {
                throw new IllegalArgumentException("table[" + i + "] has " + row.length + " categories but table[0] has "
                        + categories);
            }
            long sum = 0;
            for (int j = 0; j < row.length; j++) {
                if (row[j] < 0) {
                    throw new IllegalArgumentException("table[" + i + "][" + j + "] is " + row[j] + "; counts must not be negative");
                }
                sum += row[j];
                squares += (long) row[j] * row[j];
                column[j] += row[j];
            }
            raters = checkRaters(raters, sum, "ratings", i);
        }
        return kappa(table.length, raters, squares, column);
    }

    private static int checkRaters(int raters, long count, String what, int i) {
        String name = what.equals("labels") ? "items" : "table";
        if (count < 2) {
            throw new IllegalArgumentException(name + "[" + i + "] has " + count + " " + what
                    + "; Fleiss' kappa needs at least 2 raters per item");
        }
        if (raters >= 0 && count != raters) {
            throw new IllegalArgumentException(name + "[" + i + "] has " + count + " " + what + " but " + name
                    + "[0] has " + raters + "; Fleiss' kappa needs the same number of raters per item");
        }
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + "[" + i + "] has " + count + " " + what + ", too many");
        }
        return (int) count;
    }

    /** Kappa from N items, m raters each, Σ n_ij² over the table and the category totals. */
    private static Optional<Kappa> kappa(int items, int raters, long squares, long[] column) {
        double total = (double) items * raters;
        double observed = (squares - total) / (total * (raters - 1));
        double expected = 0;
        for (long c : column) {
            double p = c / total;
            expected += p * p;
        }
        if (expected >= 1) {
            return Optional.empty();
        }
        double kappa = (observed - expected) / (1 - expected);
        return Optional.of(new Kappa(Math.min(1.0, kappa), Math.min(1.0, Math.max(0.0, observed)), expected, items));
    }
}
