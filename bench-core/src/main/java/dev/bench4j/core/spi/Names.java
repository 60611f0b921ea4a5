package dev.bench4j.core.spi;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Helpers for "did you mean" messages: the known names closest to a misspelt one, by edit distance
 * (with adjacent transpositions), ignoring case. bench4j's plan files use them for unknown fields,
 * models and scorers; a provider uses them to name the options it knows when given an unknown one.
 */
public final class Names {

    private Names() {
    }

    /**
     * Returns the known name closest to {@code wrong}, if it is close enough to be a typo
     * (edit distance at most a third of its length, and at most 3).
     *
     * @param wrong the name given
     * @param known the names that exist
     * @return the suggestion, or empty
     */
    public static Optional<String> closest(String wrong, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(wrong.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int allowed = Math.min(3, Math.max(1, wrong.length() / 3));
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * Returns the {@code count} known names closest to {@code wrong}, nearest first (ties in
     * alphabetical order), however far they are: for messages that list alternatives.
     *
     * @param wrong the name given
     * @param known the names that exist
     * @param count how many to return at most
     * @return the nearest names
     */
    public static List<String> nearest(String wrong, Collection<String> known, int count) {
        String w = wrong.toLowerCase(Locale.ROOT);
        return known.stream().distinct()
                .sorted(Comparator.comparingInt((String k) -> distance(w, k.toLowerCase(Locale.ROOT)))
                        .thenComparing(k -> k))
                .limit(count)
                .toList();
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
