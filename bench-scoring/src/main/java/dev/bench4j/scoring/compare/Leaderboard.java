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
 * Configurations ranked by one score's mean, with their 95% intervals. A configuration whose
 * interval overlaps the leader's is tied for first: noise does not rank it below the leader.
 *
 * <pre>{@code
 * Leaderboard board = Leaderboard.byModel(run.summary(), "set_f1");
 * board.entries().get(0).name();      // the leader
 * board.tiedForFirst();               // every configuration the data cannot tell from it
 * }</pre>
 *
 * @param metric the score ranked by
 * @param entries best first; groups without a value for the score come last, unranked
 */
public record Leaderboard(String metric, List<Entry> entries) {

    /**
     * One ranked configuration.
     *
     * @param rank 1 for the leader and every configuration tied with it, then the place in the list;
     *     0 for a configuration without a value
     * @param name the group's name (a model id, a prompt name, or {@code prompt / model})
     * @param mean the score's mean, empty when no result had a value
     * @param ci95 its 95% t-interval, empty with fewer than two values
     * @param n the values averaged
     * @param tiedWithLeader whether its interval overlaps the leader's (the leader itself is)
     */
    public record Entry(int rank, String name, OptionalDouble mean, Optional<Summary.Interval> ci95, long n,
            boolean tiedWithLeader) {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         */
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mean, "mean");
            Objects.requireNonNull(ci95, "ci95");
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
        Entry leader = valued.get(0);
        double leaderLow = leader.ci95().map(Summary.Interval::lower).orElse(leader.mean().getAsDouble());
        List<Entry> ranked = new ArrayList<>();
        for (int i = 0; i < valued.size(); i++) {
            Entry e = valued.get(i);
            double high = e.ci95().map(Summary.Interval::upper).orElse(e.mean().getAsDouble());
            boolean tied = i == 0 || high >= leaderLow;
            ranked.add(new Entry(tied ? 1 : i + 1, e.name(), e.mean(), e.ci95(), e.n(), tied));
        }
        ranked.addAll(without);
        return new Leaderboard(metric, ranked);
    }

    /**
     * Returns the configurations the data cannot tell from the leader, the leader first.
     *
     * @return the tied entries
     */
    public List<Entry> tiedForFirst() {
        return entries.stream().filter(Entry::tiedWithLeader).toList();
    }
}
