package dev.bench4j.scoring.compare;

import dev.bench4j.core.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Configurations ranked by one score's mean, with their 95% intervals, ties at every rank: noise
 * does not order configurations the data cannot tell apart.
 *
 * <p><b>The rule.</b> Entries are sorted by mean, best first. The first entry heads rank 1. Each
 * next entry joins the current rank when its interval overlaps the interval of that rank's
 * <em>head</em> (the rank's first, best entry); otherwise it heads a new rank, numbered by its place
 * in the list (competition ranking: 1, 1, 3, 4, 4). Joining is decided against the head only, never
 * against the entry just above, so a run of small overlaps does not chain a whole board into one
 * rank. An entry without an interval (fewer than two values) counts as the point interval of its
 * mean. Two intervals overlap when each one's upper bound is at least the other's lower bound
 * (touching counts).
 *
 * <pre>{@code
 * Leaderboard board = Leaderboard.byModel(run.summary(), "set_f1");
 * board.entries().get(0).name();      // the leader
 * board.tiedForFirst();               // every configuration sharing rank 1 (the leader alone if none)
 * }</pre>
 *
 * @param metric the score ranked by
 * @param entries best first; groups without a value for the score come last, unranked
 */
public record Leaderboard(String metric, List<Entry> entries) {

    /**
     * One ranked configuration.
     *
     * @param rank the rank (see the class's rule): the place in the list of the rank's head, shared
     *     by every entry of the rank; 0 for a configuration without a value
     * @param name the group's name (a model id, a prompt name, or {@code prompt / model})
     * @param mean the score's mean, empty when no result had a value
     * @param ci95 its 95% interval, empty with fewer than two values
     * @param n the values averaged
     * @param tied whether it shares its rank with another entry (a lone leader is not tied)
     */
    public record Entry(int rank, String name, OptionalDouble mean, Optional<Summary.Interval> ci95, long n,
            boolean tied) {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if {@code rank} or {@code n} is negative
         */
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mean, "mean");
            Objects.requireNonNull(ci95, "ci95");
            if (rank < 0) {
                throw new IllegalArgumentException("rank must be >= 0, was " + rank);
            }
            if (n < 0) {
                throw new IllegalArgumentException("n must be >= 0, was " + n);
            }
        }

        /**
         * Tells whether this entry shares first place with another entry.
         *
         * @return {@code rank == 1 && tied}: false for a leader nothing ties with
         */
        public boolean tiedWithLeader() {
            return rank == 1 && tied;
        }

        private double low() {
            return ci95.map(Summary.Interval::lower).orElse(mean.orElseThrow());
        }

        private double high() {
            return ci95.map(Summary.Interval::upper).orElse(mean.orElseThrow());
        }

        private boolean overlaps(Entry other) {
            return high() >= other.low() && other.high() >= low();
        }
    }

    /**
     * Copies the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public Leaderboard {
        Objects.requireNonNull(metric, "metric");
        entries = List.copyOf(entries);
    }

    /**
     * Ranks a run's models by a score.
     *
     * @param summary the run's summary
     * @param metric a score name, e.g. {@code set_f1}
     * @return the leaderboard
     * @throws IllegalArgumentException if no model has the score
     */
    public static Leaderboard byModel(Summary summary, String metric) {
        return of(summary.byModel(), metric);
    }

    /**
     * Ranks a run's (prompt, model) pairs by a score.
     *
     * @param summary the run's summary
     * @param metric a score name
     * @return the leaderboard, names {@code prompt / model}
     * @throws IllegalArgumentException if no pair has the score
     */
    public static Leaderboard byPromptAndModel(Summary summary, String metric) {
        Map<String, Summary.Group> named = new LinkedHashMap<>();
        summary.byPromptAndModel().forEach((k, g) -> named.put(k.prompt() + " / " + k.model(), g));
        return of(named, metric);
    }

    /**
     * Ranks any named groups by a score.
     *
     * @param groups the groups by name, in the order ties keep
     * @param metric a score name
     * @return the leaderboard
     * @throws IllegalArgumentException if no group has the score
     */
    public static Leaderboard of(Map<String, Summary.Group> groups, String metric) {
        Objects.requireNonNull(metric, "metric");
        List<Entry> valued = new ArrayList<>();
        List<Entry> without = new ArrayList<>();
        groups.forEach((name, g) -> {
            Summary.ScoreStats s = g.scores().get(metric);
            if (s == null || s.mean().isEmpty()) {
                without.add(new Entry(0, name, OptionalDouble.empty(), Optional.empty(), s == null ? 0 : s.n(), false));
            } else {
                valued.add(new Entry(0, name, s.mean(), s.ci95(), s.n(), false));
            }
        });
        if (valued.isEmpty()) {
            throw new IllegalArgumentException("no group has a value for score '" + metric + "'; groups: " + groups.keySet());
        }
        valued.sort(Comparator.comparingDouble((Entry e) -> e.mean().getAsDouble()).reversed());
        int[] rank = new int[valued.size()];
        Entry head = valued.get(0);
        rank[0] = 1;
        for (int i = 1; i < valued.size(); i++) {
            Entry e = valued.get(i);
            if (e.overlaps(head)) {
                rank[i] = rank[i - 1];
            } else {
                head = e;
                rank[i] = i + 1;
            }
        }
        List<Entry> ranked = new ArrayList<>();
        for (int i = 0; i < valued.size(); i++) {
            Entry e = valued.get(i);
            boolean tied = i > 0 && rank[i - 1] == rank[i] || i + 1 < rank.length && rank[i + 1] == rank[i];
            ranked.add(new Entry(rank[i], e.name(), e.mean(), e.ci95(), e.n(), tied));
        }
        ranked.addAll(without);
        return new Leaderboard(metric, ranked);
    }

    /**
     * Returns the configurations sharing rank 1, the leader first: the leader alone when nothing ties
     * with it (its {@link Entry#tied()} is then false).
     *
     * @return the entries of rank 1
     */
    public List<Entry> tiedForFirst() {
        return entries.stream().filter(e -> e.rank() == 1).toList();
    }
}
