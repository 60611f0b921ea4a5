package dev.bench4j.scoring.compare;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Review;
import dev.bench4j.scoring.stats.internal.Ranks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A human ranking and an AI ranking of the same configurations combined into one by a weighted Borda
 * count, with the agreement of the two shown beside the recommended configuration; {@link
 * #fromReviews} makes the two rankings from people's rankings of a run's answers and an AI score.
 *
 * <p>The names are those of either ranking, n in all. In a ranking that holds every name the best
 * gets n - 1 points, the next n - 2, ..., the worst 0; tied names share the average of the points of
 * the places they take. A ranking may be partial: its k names get the points of the top k places
 * (n - 1 down to n - k) and a name missing from it gets 0 points from it, the "leave the scores
 * unchanged and give unranked candidates 0 points" way of counting truncated ballots
 * (electowiki.org, Borda count). A name's points are {@code humanWeight × humanPoints + aiWeight ×
 * aiPoints}, computed exactly in decimal from the weights as they print, so sums that are equal on
 * paper tie (3 × 0.1 and 1 × 0.3 do, though not in doubles). Ties in points are broken as
 * {@link TieBreak} says: by default ({@link TieBreak#SCORES}) by the higher human score, then the
 * higher AI score (a name missing from a ranking has the lowest score there), then the name
 * ascending; or ({@link TieBreak#NAME}) by the name alone. The ranking is the same every time, and
 * {@link #describe()} says which tie-break it used.
 *
 * <pre>{@code
 * Recommendation r = Recommendation.borda(human, judge, 2, 1);
 * r.recommended();   // "v2 / openai:gpt-4o-mini"
 * r.describe();      // "recommended: v2 / ... (5.00 points); human vs AI: Kendall tau-b 0.67 (p = 0.333), ..."
 * }</pre>
 *
 * @param ranking every name, best first, with its points
 * @param humanWeight the weight of the human ranking's points
 * @param aiWeight the weight of the AI ranking's points
 * @param agreement how far the human and the AI rankings agree (over the names both hold)
 * @param tieBreak how names with equal points were ordered
 */
public record Recommendation(List<Entry> ranking, double humanWeight, double aiWeight, Agreement agreement,
        TieBreak tieBreak) {

    /** How names with equal points are ordered. */
    public enum TieBreak {
        /**
         * The higher human score first, then the higher AI score (a name missing from a ranking has
         * the lowest score there), then the name ascending; the default.
         */
        SCORES("human score, then AI score, then name"),
        /** The name ascending ({@link String#compareTo}). */
        NAME("name");

        private final String words;

        TieBreak(String words) {
            this.words = words;
        }
    }

    /**
     * One name with its points.
     *
     * @param name the configuration's name
     * @param points the weighted sum of its Borda points
     * @param humanPoints its Borda points in the human ranking, 0 if it is not in it
     * @param aiPoints its Borda points in the AI ranking, 0 if it is not in it
     * @param inHuman whether the human ranking holds it
     * @param inAi whether the AI ranking holds it
     */
    public record Entry(String name, double points, double humanPoints, double aiPoints, boolean inHuman,
            boolean inAi) {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if {@code name} is {@code null}
         */
        public Entry {
            Objects.requireNonNull(name, "name");
        }

        /**
         * Makes an entry of a name both rankings hold.
         *
         * @param name the configuration's name
         * @param points the weighted sum of its Borda points
         * @param humanPoints its Borda points in the human ranking
         * @param aiPoints its Borda points in the AI ranking
         * @throws NullPointerException if {@code name} is {@code null}
         */
        public Entry(String name, double points, double humanPoints, double aiPoints) {
            this(name, points, humanPoints, aiPoints, true, true);
        }
    }

    /**
     * Copies and validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code ranking} is empty or a weight is invalid
     */
    public Recommendation {
        ranking = List.copyOf(ranking);
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(tieBreak, "tieBreak");
        if (ranking.isEmpty()) {
            throw new IllegalArgumentException("ranking must not be empty");
        }
        checkWeights(humanWeight, aiWeight);
    }

    /**
     * Makes a recommendation whose ties were broken by {@link TieBreak#SCORES}.
     *
     * @param ranking every name, best first, with its points
     * @param humanWeight the weight of the human ranking's points
     * @param aiWeight the weight of the AI ranking's points
     * @param agreement how far the human and the AI rankings agree
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code ranking} is empty or a weight is invalid
     */
    public Recommendation(List<Entry> ranking, double humanWeight, double aiWeight, Agreement agreement) {
        this(ranking, humanWeight, aiWeight, agreement, TieBreak.SCORES);
    }

    /**
     * Combines a human and an AI ranking by a weighted Borda count, ties broken by
     * {@link TieBreak#SCORES}; see {@link #borda(Map, Map, double, double, TieBreak)}.
     *
     * @param human the human's score per name, higher is better, ties allowed
     * @param ai the AI's score per name (e.g. a judge's mean), higher is better, ties allowed
     * @param humanWeight the weight of the human ranking, finite and >= 0
     * @param aiWeight the weight of the AI ranking, finite and >= 0; not both 0
     * @return the combined ranking with the agreement of the two inputs
     * @throws NullPointerException if an argument, a name or a value is {@code null}
     * @throws IllegalArgumentException if a weight is negative or not finite, both weights are 0, both
     *     maps are empty, or a value is NaN or infinite
     */
    public static Recommendation borda(Map<String, Double> human, Map<String, Double> ai, double humanWeight,
            double aiWeight) {
        return borda(human, ai, humanWeight, aiWeight, TieBreak.SCORES);
    }

    /**
     * Combines a human and an AI ranking, either of which may be partial, by a weighted Borda count:
     * the names are those of either map; a name one map lacks gets 0 points from that ranking, and
     * the names a map holds get the points of its top places (see the class description).
     *
     * @param human the human's score per name, higher is better, ties allowed
     * @param ai the AI's score per name (e.g. a judge's mean), higher is better, ties allowed
     * @param humanWeight the weight of the human ranking, finite and >= 0
     * @param aiWeight the weight of the AI ranking, finite and >= 0; not both 0
     * @param tieBreak how names with equal points are ordered
     * @return the combined ranking with the agreement of the two inputs over the names both hold
     * @throws NullPointerException if an argument, a name or a value is {@code null}
     * @throws IllegalArgumentException if a weight is negative or not finite, both weights are 0, both
     *     maps are empty, or a value is NaN or infinite
     */
    public static Recommendation borda(Map<String, Double> human, Map<String, Double> ai, double humanWeight,
            double aiWeight, TieBreak tieBreak) {
        Objects.requireNonNull(human, "human");
        Objects.requireNonNull(ai, "ai");
        Objects.requireNonNull(tieBreak, "tieBreak");
        checkWeights(humanWeight, aiWeight);
        TreeSet<String> all = new TreeSet<>(human.keySet());
        all.addAll(ai.keySet());
        if (all.isEmpty()) {
            throw new IllegalArgumentException("human and ai must not both be empty");
        }
        List<String> names = new ArrayList<>(all);
        int n = names.size();
        Map<String, Double> hp = points("human", human, n);
        Map<String, Double> ap = points("ai", ai, n);
        List<Scored> scored = new ArrayList<>();
        // the weights as the decimals they print as, so that 3 × 0.1 ties with 1 × 0.3
        BigDecimal hw = BigDecimal.valueOf(humanWeight);
        BigDecimal aw = BigDecimal.valueOf(aiWeight);
        for (String name : names) {
            double hpi = hp.getOrDefault(name, 0.0);
            double api = ap.getOrDefault(name, 0.0);
            BigDecimal exact = hw.multiply(new BigDecimal(hpi)).add(aw.multiply(new BigDecimal(api)));
            // a name missing from a ranking has the lowest score there; present values are finite
            double h = human.containsKey(name) ? human.get(name) : Double.NEGATIVE_INFINITY;
            double a = ai.containsKey(name) ? ai.get(name) : Double.NEGATIVE_INFINITY;
            scored.add(new Scored(new Entry(name, exact.doubleValue(), hpi, api, human.containsKey(name),
                    ai.containsKey(name)), exact, h, a));
        }
        Comparator<Scored> order = Comparator.comparing(Scored::exact).reversed();
        if (tieBreak == TieBreak.SCORES) {
            order = order.thenComparing(Comparator.comparingDouble(Scored::human).reversed())
                    .thenComparing(Comparator.comparingDouble(Scored::ai).reversed());
        }
        scored.sort(order.thenComparing(s -> s.entry().name()));
        return new Recommendation(scored.stream().map(Scored::entry).toList(), humanWeight, aiWeight,
                Agreement.of(human, ai), tieBreak);
    }

    /**
     * Returns the Borda points of the k names of one ranking among n names in all: the average
     * ascending rank r (1 to k, tied names sharing the average) gives n - k + r - 1 points, so the
     * best of a full ranking gets n - 1 and its worst 0.
     */
    private static Map<String, Double> points(String arg, Map<String, Double> scores, int n) {
        List<String> names = new ArrayList<>(new TreeSet<>(scores.keySet()));
        int k = names.size();
        double[] values = new double[k];
        for (int i = 0; i < k; i++) {
            values[i] = Agreement.value(arg, scores, names.get(i));
        }
        double[] ranks = Ranks.average(values);
        Map<String, Double> points = new HashMap<>();
        for (int i = 0; i < k; i++) {
            points.put(names.get(i), n - k + ranks[i] - 1);
        }
        return points;
    }

    /**
     * Combines people's rankings of a run's answers and an AI score of the same answers into a
     * recommended configuration ({@code "prompt / model"}, as {@link Leaderboard#byPromptAndModel} names
     * it) by {@link #borda}, from the reviews in effect ({@link Review#latest}). A configuration's human
     * score is the mean of its normalized Borda points, (n − 1 − position) / (n − 1), over every ranking
     * of n answers it appears in, whoever made it; its AI score is the mean AI score of its answers in
     * those rankings. Configurations that no ranking holds, or whose ranked answers have no AI score,
     * are left out.
     *
     * <pre>{@code
     * Recommendation r = Recommendation.fromReviews(store.reviews(runId),
     *     ReviewAgreement.aiScores(run.results(), "judge"), 2, 1);
     * r.recommended();   // "v2 / openai:gpt-4o-mini"
     * }</pre>
     *
     * @param reviews the run's reviews in the order they were added
     * @param aiScores the AI's score per answer, higher is better (e.g. from {@link ReviewAgreement#aiScores})
     * @param humanWeight the weight of the human ranking, finite and >= 0
     * @param aiWeight the weight of the AI ranking, finite and >= 0; not both 0
     * @return the combined ranking of the configurations with both scores
     * @throws NullPointerException if an argument, a review, a cell or a score is {@code null}
     * @throws IllegalArgumentException if a weight is negative or not finite, both weights are 0, a score
     *     is NaN or infinite, no ranking is in effect, or no ranked answer has an AI score
     */
    public static Recommendation fromReviews(Collection<? extends Review> reviews, Map<CellId, Double> aiScores,
            double humanWeight, double aiWeight) {
        return fromReviews(reviews, aiScores, humanWeight, aiWeight, TieBreak.SCORES);
    }

    /**
     * As {@link #fromReviews(Collection, Map, double, double)}, with names of equal points ordered as
     * {@code tieBreak} says.
     *
     * @param reviews the run's reviews in the order they were added
     * @param aiScores the AI's score per answer, higher is better (e.g. from {@link ReviewAgreement#aiScores})
     * @param humanWeight the weight of the human ranking, finite and >= 0
     * @param aiWeight the weight of the AI ranking, finite and >= 0; not both 0
     * @param tieBreak how names with equal points are ordered
     * @return the combined ranking of the configurations with both scores
     * @throws NullPointerException if an argument, a review, a cell or a score is {@code null}
     * @throws IllegalArgumentException if a weight is negative or not finite, both weights are 0, a score
     *     is NaN or infinite, no ranking is in effect, or no ranked answer has an AI score
     */
    public static Recommendation fromReviews(Collection<? extends Review> reviews, Map<CellId, Double> aiScores,
            double humanWeight, double aiWeight, TieBreak tieBreak) {
        Objects.requireNonNull(tieBreak, "tieBreak");
        List<Review> latest = Review.latest(reviews);
        ReviewAgreement.checkScores(aiScores);
        checkWeights(humanWeight, aiWeight);
        Map<String, double[]> points = new TreeMap<>(); // configuration -> {sum, rankings}
        Map<String, Set<CellId>> cells = new HashMap<>();
        for (Review r : latest) {
            if (r instanceof Review.Ranking ranking) {
                List<CellId> ranked = ranking.ranked();
                int n = ranked.size();
                for (int pos = 0; pos < n; pos++) {
                    String name = ReviewAgreement.configuration(ranked.get(pos));
                    double[] p = points.computeIfAbsent(name, k -> new double[2]);
                    p[0] += (n - 1.0 - pos) / (n - 1);
                    p[1]++;
                    cells.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(ranked.get(pos));
                }
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("reviews hold no ranking to recommend from");
        }
        Map<String, Double> human = new LinkedHashMap<>();
        Map<String, Double> ai = new LinkedHashMap<>();
        points.forEach((name, p) -> {
            double sum = 0;
            int scored = 0;
            for (CellId cell : cells.get(name)) {
                Double v = aiScores.get(cell);
                if (v != null) {
                    sum += v;
                    scored++;
                }
            }
            if (scored > 0) {
                human.put(name, p[0] / p[1]);
                ai.put(name, sum / scored);
            }
        });
        if (human.isEmpty()) {
            throw new IllegalArgumentException("no ranked answer has an AI score; ranked configurations: "
                    + points.keySet());
        }
        return borda(human, ai, humanWeight, aiWeight, tieBreak);
    }

    /** An entry with its exact points and raw scores, for sorting. */
    private record Scored(Entry entry, BigDecimal exact, double human, double ai) {
    }

    private static void checkWeights(double humanWeight, double aiWeight) {
        if (!(Double.isFinite(humanWeight) && humanWeight >= 0)) {
            throw new IllegalArgumentException("humanWeight must be finite and >= 0, was " + humanWeight);
        }
        if (!(Double.isFinite(aiWeight) && aiWeight >= 0)) {
            throw new IllegalArgumentException("aiWeight must be finite and >= 0, was " + aiWeight);
        }
        if (humanWeight == 0 && aiWeight == 0) {
            throw new IllegalArgumentException("humanWeight and aiWeight must not both be 0");
        }
    }

    /**
     * Returns the recommended configuration: the first of the ranking.
     *
     * @return its name
     */
    public String recommended() {
        return ranking.get(0).name();
    }

    /**
     * Says the recommendation, the weights, the tie-break, the names a partial ranking lacks and the
     * agreement beside it in one line.
     *
     * @return e.g. {@code "recommended: b (5.00 points; human weight 2, AI weight 1; ties by human
     *     score, then AI score, then name); human vs AI: Kendall tau-b 0.33 (p = 1.000), Spearman
     *     0.50, n = 3"}, with {@code "; not in the AI ranking (0 points from it): d"} after the
     *     tie-break when a ranking is partial
     */
    public String describe() {
        Entry first = ranking.get(0);
        StringBuilder missing = new StringBuilder();
        missing(missing, "human", ranking.stream().filter(e -> !e.inHuman()).map(Entry::name).sorted().toList());
        missing(missing, "AI", ranking.stream().filter(e -> !e.inAi()).map(Entry::name).sorted().toList());
        return String.format(Locale.ROOT, "recommended: %s (%.2f points; human weight %s, AI weight %s; ties by %s%s); "
                + "human vs AI: %s", first.name(), first.points(), weight(humanWeight), weight(aiWeight), tieBreak.words,
                missing, agreement.describe());
    }

    private static void missing(StringBuilder out, String ranking, List<String> names) {
        if (!names.isEmpty()) {
            out.append("; not in the ").append(ranking).append(" ranking (0 points from it): ")
                    .append(String.join(", ", names));
        }
    }

    private static String weight(double w) {
        return BigDecimal.valueOf(w).stripTrailingZeros().toPlainString();
    }
}
