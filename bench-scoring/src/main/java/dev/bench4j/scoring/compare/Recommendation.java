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
 * <p>In each ranking of n names the best gets n - 1 points, the next n - 2, ..., the worst 0; tied
 * names share the average of the points of the places they take. A name's points are {@code
 * humanWeight × humanPoints + aiWeight × aiPoints}, computed exactly in decimal from the weights as
 * they print, so sums that are equal on paper tie (3 × 0.1 and 1 × 0.3 do, though not in doubles). Ties in
 * points are broken by the higher human score, then the higher AI score, then the name ascending: the
 * ranking is the same every time.
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
 * @param agreement how far the human and the AI rankings agree
 */
public record Recommendation(List<Entry> ranking, double humanWeight, double aiWeight, Agreement agreement) {

    /**
     * One name with its points.
     *
     * @param name the configuration's name
     * @param points the weighted sum of its Borda points
     * @param humanPoints its Borda points in the human ranking
     * @param aiPoints its Borda points in the AI ranking
     */
    public record Entry(String name, double points, double humanPoints, double aiPoints) {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if {@code name} is {@code null}
         */
        public Entry {
            Objects.requireNonNull(name, "name");
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
        if (ranking.isEmpty()) {
            throw new IllegalArgumentException("ranking must not be empty");
        }
        checkWeights(humanWeight, aiWeight);
    }

    /**
     * Combines a human and an AI ranking by a weighted Borda count.
     *
     * @param human the human's score per name, higher is better, ties allowed
     * @param ai the AI's score per name (e.g. a judge's mean), higher is better, ties allowed
     * @param humanWeight the weight of the human ranking, finite and >= 0
     * @param aiWeight the weight of the AI ranking, finite and >= 0; not both 0
     * @return the combined ranking with the agreement of the two inputs
     * @throws NullPointerException if an argument, a name or a value is {@code null}
     * @throws IllegalArgumentException if a weight is negative or not finite, both weights are 0, the
     *     maps are empty or do not hold the same names (the message names the missing ones), or a
     *     value is NaN or infinite
     */
    public static Recommendation borda(Map<String, Double> human, Map<String, Double> ai, double humanWeight,
            double aiWeight) {
        Objects.requireNonNull(human, "human");
        Objects.requireNonNull(ai, "ai");
        checkWeights(humanWeight, aiWeight);
        TreeSet<String> missingInAi = new TreeSet<>(human.keySet());
        missingInAi.removeAll(ai.keySet());
        TreeSet<String> missingInHuman = new TreeSet<>(ai.keySet());
        missingInHuman.removeAll(human.keySet());
        if (!missingInAi.isEmpty() || !missingInHuman.isEmpty()) {
            List<String> why = new ArrayList<>();
            if (!missingInAi.isEmpty()) {
                why.add("ai lacks " + missingInAi);
            }
            if (!missingInHuman.isEmpty()) {
                why.add("human lacks " + missingInHuman);
            }
            throw new IllegalArgumentException("human and ai must rank the same names: " + String.join("; ", why));
        }
        if (human.isEmpty()) {
            throw new IllegalArgumentException("human and ai must not be empty");
        }
        List<String> names = new ArrayList<>(new TreeSet<>(human.keySet()));
        int n = names.size();
        double[] h = new double[n];
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = Agreement.value("human", human, names.get(i));
            a[i] = Agreement.value("ai", ai, names.get(i));
        }
        // average ascending ranks 1..n: the worst has rank 1 (0 points), the best rank n (n - 1 points)
        double[] hp = Ranks.average(h);
        double[] ap = Ranks.average(a);
        List<Scored> scored = new ArrayList<>();
        // the weights as the decimals they print as, so that 3 × 0.1 ties with 1 × 0.3
        BigDecimal hw = BigDecimal.valueOf(humanWeight);
        BigDecimal aw = BigDecimal.valueOf(aiWeight);
        for (int i = 0; i < n; i++) {
            double hpi = hp[i] - 1;
            double api = ap[i] - 1;
            BigDecimal exact = hw.multiply(new BigDecimal(hpi)).add(aw.multiply(new BigDecimal(api)));
            scored.add(new Scored(new Entry(names.get(i), exact.doubleValue(), hpi, api), exact, h[i], a[i]));
        }
        scored.sort(Comparator.comparing(Scored::exact).reversed()
                .thenComparing(Comparator.comparingDouble(Scored::human).reversed())
                .thenComparing(Comparator.comparingDouble(Scored::ai).reversed())
                .thenComparing(s -> s.entry().name()));
        return new Recommendation(scored.stream().map(Scored::entry).toList(), humanWeight, aiWeight,
                Agreement.of(human, ai));
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
        return borda(human, ai, humanWeight, aiWeight);
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
     * Says the recommendation and the agreement beside it in one line.
     *
     * @return e.g. {@code "recommended: b (5.00 points; human weight 2, AI weight 1); human vs AI:
     *     Kendall tau-b 0.33 (p = 1.000), Spearman 0.50, n = 3"}
     */
    public String describe() {
        Entry first = ranking.get(0);
        return String.format(Locale.ROOT, "recommended: %s (%.2f points; human weight %s, AI weight %s); human vs AI: %s",
                first.name(), first.points(), weight(humanWeight), weight(aiWeight), agreement.describe());
    }

    private static String weight(double w) {
        return BigDecimal.valueOf(w).stripTrailingZeros().toPlainString();
    }
}
