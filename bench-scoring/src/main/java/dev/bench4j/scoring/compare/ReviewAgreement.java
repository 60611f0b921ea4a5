package dev.bench4j.scoring.compare;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Result;
import dev.bench4j.core.Review;
import dev.bench4j.scoring.stats.CohenKappa;
import dev.bench4j.scoring.stats.Concordance;
import dev.bench4j.scoring.stats.Correlation;
import dev.bench4j.scoring.stats.Kappa;
import dev.bench4j.scoring.stats.Kendall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * How the people who reviewed a run agree with an AI judge and with each other, from their reviews
 * as a store returns them: each method first keeps the reviews in effect ({@link Review#latest}).
 *
 * <ul>
 *   <li>{@link #reviewersVsAi}: per reviewer, Kendall's tau-b between each of their rankings and an
 *       AI score of the same answers, and a tau-b pooled over all their rankings;
 *   <li>{@link #verdictAgreement}: Cohen's kappa of two reviewers' acceptable / unacceptable verdicts;
 *   <li>{@link #ratingAgreement}: the quadratic-weighted kappa of two reviewers' ratings on one scale;
 *   <li>{@link #ratingConcordance}: Kendall's W of all the reviewers who rated on one scale;
 *   <li>{@link #verdictsVsJudge}: per reviewer, Cohen's kappa of their verdicts against an AI judge's
 *       pass / fail at a score threshold;
 *   <li>{@link #unacceptable}: how many judged answers of each configuration someone found unacceptable.
 * </ul>
 *
 * <p>For the reliability of all the reviewers at once, missing judgements allowed (Krippendorff's alpha,
 * Fleiss' kappa), see {@link ReviewReliability}.
 *
 * <p>Ratings on different scales (a different {@code min} or {@code max}) are never compared: each
 * scale is its own group. A statistic that is undefined is an empty {@link Optional} with the count
 * it was attempted on, and each result says itself in one line with {@code describe()}. Every method
 * runs in O(r log r) for r reviews, plus the pairs of reviewers that judged or rated a common answer.
 *
 * <pre>{@code
 * List<Review> reviews = store.reviews(runId);
 * Map<CellId, Double> judge = ReviewAgreement.aiScores(run.results(), "judge");
 * for (ReviewAgreement.ReviewerVsAi r : ReviewAgreement.reviewersVsAi(reviews, judge)) {
 *     r.describe();   // "ana vs AI: pooled Kendall tau-b 0.52 (p = 0.004) over 6 rankings, n = 24"
 * }
 * ReviewAgreement.verdictAgreement(reviews).get(0).describe();
 * // "ana & bob: Cohen's kappa 0.61 (observed agreement 0.85, by chance 0.62), n = 40"
 * ReviewAgreement.verdictsVsJudge(reviews, judge, 0.5).get(0).describe();
 * // "ana vs AI (pass at score >= 0.5): Cohen's kappa 0.50 (observed agreement 0.75, by chance 0.50), n = 4"
 * }</pre>
 */
public final class ReviewAgreement {

    /**
     * The AI score from which an answer passes when {@link #verdictsVsJudge(Collection, Map)} compares
     * verdicts with a judge whose scores are in [0, 1].
     */
    public static final double DEFAULT_PASS_THRESHOLD = 0.5;

    private ReviewAgreement() {
    }

    /**
     * How one ranking of a reviewer agrees with the AI: tau-b between the ranked order (the best
     * first gets the most points) and the AI scores of the ranked answers that have one.
     *
     * @param trial the ranked trial
     * @param repetition the ranked repetition
     * @param kendallTauB tau-b with its p-value as {@link Kendall#tauB}; empty when fewer than 2 ranked
     *     answers have an AI score, or their AI scores are all equal
     * @param n the ranked answers with an AI score, the ones tau-b pairs
     * @param ranked the ranked answers
     */
    public record RankingVsAi(String trial, int repetition, Optional<Correlation> kendallTauB, int n, int ranked) {

        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if {@code repetition} is negative, {@code ranked} below 2 or
         *     {@code n} not in [0, ranked]
         */
        public RankingVsAi {
            Objects.requireNonNull(trial, "trial");
            Objects.requireNonNull(kendallTauB, "kendallTauB");
            if (repetition < 0) {
                throw new IllegalArgumentException("repetition must be >= 0, was " + repetition);
            }
            if (ranked < 2) {
                throw new IllegalArgumentException("ranked must be >= 2, was " + ranked);
            }
            if (n < 0 || n > ranked) {
                throw new IllegalArgumentException("n must be in [0, ranked = " + ranked + "], was " + n);
            }
        }

        /**
         * Says the agreement in one line.
         *
         * @return e.g. {@code "t01#0: Kendall tau-b 0.67 (p = 0.333), n = 4"}, {@code "t02#0: undefined
         *     (fewer than 2 ranked answers have an AI score), n = 1 of 3 ranked"} or {@code "t03#0:
         *     undefined (the AI scores are all equal), n = 3"}
         */
        public String describe() {
            String count = "n = " + n + (n < ranked ? " of " + ranked + " ranked" : "");
            String what = kendallTauB.map(t -> String.format(Locale.ROOT, "Kendall tau-b %.2f (%s)", t.coefficient(),
                    t.pValue().isPresent() ? Agreement.p(t.pValue().getAsDouble()) : "p undefined"))
                    .orElse(n < 2 ? "undefined (fewer than 2 ranked answers have an AI score)"
                            : "undefined (the AI scores are all equal)");
            return trial + "#" + repetition + ": " + what + ", " + count;
        }
    }

    /**
     * How one reviewer's rankings agree with the AI: each ranking's tau-b, and a tau-b pooled over all
     * of them in which only pairs of answers to the same trial count ({@link Kendall#pooledTauB}).
     *
     * @param reviewer the reviewer
     * @param rankings each of their rankings, by trial and repetition
     * @param pooledTauB the pooled tau-b with its p-value; empty when no ranking has 2 answers with
     *     different AI scores
     */
    public record ReviewerVsAi(String reviewer, List<RankingVsAi> rankings, Optional<Correlation> pooledTauB) {

        /**
         * Validates and copies the components.
         *
         * @throws NullPointerException if a component or a ranking is {@code null}
         * @throws IllegalArgumentException if there is no ranking
         */
        public ReviewerVsAi {
            Objects.requireNonNull(reviewer, "reviewer");
            rankings = List.copyOf(Objects.requireNonNull(rankings, "rankings"));
            Objects.requireNonNull(pooledTauB, "pooledTauB");
            if (rankings.isEmpty()) {
                throw new IllegalArgumentException("rankings must not be empty");
            }
        }

        /**
         * Returns the ranked answers with an AI score, over all rankings.
         *
         * @return the sum of the rankings' {@code n}
         */
        public int n() {
            return rankings.stream().mapToInt(RankingVsAi::n).sum();
        }

        /**
         * Says the agreement in one line.
         *
         * @return e.g. {@code "ana vs AI: pooled Kendall tau-b 0.52 (p = 0.004) over 6 rankings, n = 24"}
         *     or {@code "bob vs AI: undefined (no ranking has 2 answers with different AI scores) over 1
         *     ranking, n = 1"}
         */
        public String describe() {
            String what = pooledTauB.map(t -> String.format(Locale.ROOT, "pooled Kendall tau-b %.2f (%s)",
                    t.coefficient(), t.pValue().isPresent() ? Agreement.p(t.pValue().getAsDouble()) : "p undefined"))
                    .orElse("undefined (no ranking has 2 answers with different AI scores)");
            int count = rankings.size();
            return reviewer + " vs AI: " + what + " over " + count + (count == 1 ? " ranking" : " rankings")
                    + ", n = " + n();
        }
    }

    /**
     * A rating scale, as a reviewer chose it for a rating.
     *
     * @param min the lowest rating
     * @param max the highest rating
     */
    public record Scale(double min, double max) {

        /**
         * Validates the bounds.
         *
         * @throws IllegalArgumentException if a bound is not finite or {@code min >= max}
         */
        public Scale {
            if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
                throw new IllegalArgumentException("a scale must be finite with min < max but was [" + min + ", "
                        + max + "]");
            }
        }

        /**
         * Returns the scale of a rating.
         *
         * @param rating the rating
         * @return its scale
         * @throws NullPointerException if {@code rating} is {@code null}
         */
        public static Scale of(Review.Rating rating) {
            Objects.requireNonNull(rating, "rating");
            return new Scale(rating.min(), rating.max());
        }

        /**
         * Returns the scale as a rating's message writes it.
         *
         * @return e.g. {@code [1, 5]}
         */
        @Override
        public String toString() {
            return "[" + number(min) + ", " + number(max) + "]";
        }

        static String number(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /**
     * How far two reviewers' verdicts agree: Cohen's kappa over the answers both judged.
     *
     * @param first one reviewer, the first by name
     * @param second the other reviewer
     * @param kappa Cohen's kappa as {@link CohenKappa#nominal}; empty when both gave every common answer
     *     one and the same verdict
     * @param n the answers both judged, at least 1
     */
    public record VerdictAgreement(String first, String second, Optional<Kappa> kappa, int n) {

        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if {@code n} is below 1
         */
        public VerdictAgreement {
            checkPair(first, second, kappa, n);
        }

        /**
         * Says the agreement in one line.
         *
         * @return e.g. {@code "ana & bob: Cohen's kappa 0.61 (observed agreement 0.85, by chance 0.62),
         *     n = 40"} or {@code "ana & bob: undefined (both gave every answer the same verdict), n = 3"}
         */
        public String describe() {
            return first + " & " + second + ": " + describeKappa(kappa, "Cohen's kappa", "verdict") + ", n = " + n;
        }
    }

    /**
     * How far two reviewers' ratings on one scale agree: the quadratic-weighted kappa over the answers
     * both rated on that scale.
     *
     * @param first one reviewer, the first by name
     * @param second the other reviewer
     * @param scale the scale of the ratings compared
     * @param kappa the quadratic-weighted kappa as {@link CohenKappa#weighted}; empty when both gave every
     *     common answer one and the same rating
     * @param n the answers both rated on the scale, at least 1
     */
    public record RatingAgreement(String first, String second, Scale scale, Optional<Kappa> kappa, int n) {

        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if {@code n} is below 1
         */
        public RatingAgreement {
            checkPair(first, second, kappa, n);
            Objects.requireNonNull(scale, "scale");
        }

        /**
         * Says the agreement in one line.
         *
         * @return e.g. {@code "ana & bob on [1, 5]: quadratic-weighted kappa 0.72 (observed agreement
         *     0.95, by chance 0.80), n = 30"}
         */
        public String describe() {
            return first + " & " + second + " on " + scale + ": "
                    + describeKappa(kappa, "quadratic-weighted kappa", "rating") + ", n = " + n;
        }
    }

    /**
     * How far all the reviewers who rated on one scale agree: Kendall's W over the answers every one of
     * them rated on it.
     *
     * @param scale the scale
     * @param reviewers the reviewers who rated on it, by name, at least 2
     * @param kendallW W with its chi-square test as {@link Kendall#w}; empty when fewer than 2 answers
     *     were rated by all, or every reviewer gave all of them one rating
     * @param n the answers every one of them rated on the scale
     */
    public record RatingConcordance(Scale scale, List<String> reviewers, Optional<Concordance> kendallW, int n) {

        /**
         * Validates and copies the components.
         *
         * @throws NullPointerException if a component or a reviewer is {@code null}
         * @throws IllegalArgumentException if there are fewer than 2 reviewers or {@code n} is negative
         */
        public RatingConcordance {
            Objects.requireNonNull(scale, "scale");
            reviewers = List.copyOf(Objects.requireNonNull(reviewers, "reviewers"));
            Objects.requireNonNull(kendallW, "kendallW");
            if (reviewers.size() < 2) {
                throw new IllegalArgumentException("reviewers must be at least 2, were " + reviewers);
            }
            if (n < 0) {
                throw new IllegalArgumentException("n must be >= 0, was " + n);
            }
        }

        /**
         * Says the concordance in one line.
         *
         * @return e.g. {@code "3 reviewers on [1, 5]: Kendall's W 0.71 (chi-square 12.30, df 5, p =
         *     0.031), n = 6"} or {@code "2 reviewers on [1, 5]: undefined (fewer than 2 answers rated by
         *     all), n = 1"}
         */
        public String describe() {
            String what = kendallW.map(w -> String.format(Locale.ROOT, "Kendall's W %.2f (chi-square %.2f, df %d, %s)",
                    w.w(), w.chiSquare(), w.degreesOfFreedom(), Agreement.p(w.pValue())))
                    .orElse(n < 2 ? "undefined (fewer than 2 answers rated by all)"
                            : "undefined (every reviewer gave every answer the same rating)");
            return reviewers.size() + " reviewers on " + scale + ": " + what + ", n = " + n;
        }
    }

    /**
     * How many judged answers of one configuration were found unacceptable.
     *
     * @param configuration the configuration, {@code "prompt / model"} as {@link Leaderboard#byPromptAndModel}
     *     names it
     * @param unacceptable the answers whose verdict in effect is unacceptable for at least one reviewer,
     *     each answer counted once
     * @param judged the answers with at least one verdict in effect
     */
    public record Unacceptable(String configuration, int unacceptable, int judged) {

        /**
         * Validates the components.
         *
         * @throws NullPointerException if {@code configuration} is {@code null}
         * @throws IllegalArgumentException if {@code unacceptable} is not in [0, judged] or {@code judged}
         *     is below 1
         */
        public Unacceptable {
            Objects.requireNonNull(configuration, "configuration");
            if (judged < 1) {
                throw new IllegalArgumentException("judged must be >= 1, was " + judged);
            }
            if (unacceptable < 0 || unacceptable > judged) {
                throw new IllegalArgumentException("unacceptable must be in [0, judged = " + judged + "], was "
                        + unacceptable);
            }
        }

        /**
         * Says the count in one line.
         *
         * @return e.g. {@code "v1 / openai:gpt-4o-mini: 2 of 10 judged answers unacceptable"}
         */
        public String describe() {
            return configuration + ": " + unacceptable + " of " + judged + " judged "
                    + (judged == 1 ? "answer" : "answers") + " unacceptable";
        }
    }

    /**
     * How far one reviewer's verdicts agree with an AI judge's pass / fail: Cohen's kappa between
     * acceptable / unacceptable and pass (the AI score at least the threshold) over the answers that have
     * both.
     *
     * @param reviewer the reviewer
     * @param threshold the AI score from which an answer passes, finite
     * @param kappa Cohen's kappa as {@link CohenKappa#nominal}; empty when no answer has both, or the
     *     reviewer and the AI gave every such answer one and the same label
     * @param n the answers with both a verdict of the reviewer and an AI score
     */
    public record VerdictVsJudge(String reviewer, double threshold, Optional<Kappa> kappa, int n) {

        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if {@code threshold} is not finite, {@code n} is negative, or a
         *     kappa is over other than {@code n} answers
         */
        public VerdictVsJudge {
            Objects.requireNonNull(reviewer, "reviewer");
            Objects.requireNonNull(kappa, "kappa");
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("threshold must be finite, was " + threshold);
            }
            if (n < 0) {
                throw new IllegalArgumentException("n must be >= 0, was " + n);
            }
            if (kappa.isPresent() && kappa.get().n() != n) {
                throw new IllegalArgumentException("kappa is over " + kappa.get().n() + " answers but n is " + n);
            }
        }

        /**
         * Says the agreement in one line.
         *
         * @return e.g. {@code "ana vs AI (pass at score >= 0.5): Cohen's kappa 0.50 (observed agreement
         *     0.75, by chance 0.50), n = 4"} or {@code "bob vs AI (pass at score >= 0.5): undefined (no
         *     answer has both a verdict and an AI score), n = 0"}
         */
        public String describe() {
            String what = kappa.map(k -> String.format(Locale.ROOT,
                    "Cohen's kappa %.2f (observed agreement %.2f, by chance %.2f)", k.coefficient(),
                    k.observedAgreement(), k.expectedAgreement()))
                    .orElse(n == 0 ? "undefined (no answer has both a verdict and an AI score)"
                            : "undefined (the verdicts and the AI's pass / fail are one and the same label throughout)");
            return reviewer + " vs AI (pass at score >= " + Scale.number(threshold) + "): " + what + ", n = " + n;
        }
    }

    /**
     * Measures, for every reviewer who ranked answers, how their rankings agree with an AI score of the
     * same answers (see {@link #reviewerVsAi}).
     *
     * @param reviews the run's reviews in the order they were added
     * @param aiScores the AI's score per answer, higher is better (e.g. from {@link #aiScores})
     * @return one result per reviewer with at least one ranking, by name; empty when nobody ranked
     * @throws NullPointerException if an argument, a review, a cell or a score is {@code null}
     * @throws IllegalArgumentException if a score is NaN or infinite (the message names its cell)
     */
    public static List<ReviewerVsAi> reviewersVsAi(Collection<? extends Review> reviews, Map<CellId, Double> aiScores) {
        Map<String, List<Review.Ranking>> byReviewer = rankingsByReviewer(reviews);
        checkScores(aiScores);
        List<ReviewerVsAi> out = new ArrayList<>(byReviewer.size());
        byReviewer.forEach((reviewer, rankings) -> out.add(vsAi(reviewer, rankings, aiScores)));
        return List.copyOf(out);
    }

    /**
     * Measures, for every reviewer who ranked answers, how their rankings agree with a score of the
     * results, typically an LLM judge's: {@link #reviewersVsAi(Collection, Map)} with {@link
     * #aiScores(List, String)}.
     *
     * @param reviews the run's reviews in the order they were added
     * @param results the run's results
     * @param scoreName the score that is the AI's view, e.g. {@code judge}
     * @return one result per reviewer with at least one ranking, by name
     * @throws NullPointerException if an argument, a review or a result is {@code null}
     * @throws IllegalArgumentException if two results have the same cell
     */
    public static List<ReviewerVsAi> reviewersVsAi(Collection<? extends Review> reviews, List<Result> results,
            String scoreName) {
        Objects.requireNonNull(reviews, "reviews");
        return reviewersVsAi(reviews, aiScores(results, scoreName));
    }

    /**
     * Measures how one reviewer's rankings agree with an AI score of the same answers. In each ranking
     * the best answer gets the most points; tau-b pairs those points with the AI scores of the ranked
     * answers that have one (answers without an AI score are left out of that ranking). The pooled
     * tau-b counts only pairs of answers within one ranking, so trials of easy and hard inputs do not
     * make agreement out of nothing.
     *
     * @param reviews the run's reviews in the order they were added
     * @param reviewer the reviewer
     * @param aiScores the AI's score per answer, higher is better
     * @return the reviewer's agreement with the AI, their rankings by trial and repetition
     * @throws NullPointerException if an argument, a review, a cell or a score is {@code null}
     * @throws IllegalArgumentException if the reviewer has no ranking in effect (the message names the
     *     reviewers who have), or a score is NaN or infinite
     */
    public static ReviewerVsAi reviewerVsAi(Collection<? extends Review> reviews, String reviewer,
            Map<CellId, Double> aiScores) {
        Objects.requireNonNull(reviewer, "reviewer");
        Map<String, List<Review.Ranking>> byReviewer = rankingsByReviewer(reviews);
        checkScores(aiScores);
        List<Review.Ranking> rankings = byReviewer.get(reviewer);
        if (rankings == null) {
            throw new IllegalArgumentException("reviewer '" + reviewer + "' has no rankings; reviewers with rankings: "
                    + byReviewer.keySet());
        }
        return vsAi(reviewer, rankings, aiScores);
    }

    /**
     * Collects a score of each result by cell, e.g. an LLM judge's, as the AI side of the other methods.
     * Results without a value for the score (failed, or not scored) are left out.
     *
     * @param results the run's results
     * @param scoreName the score, e.g. {@code judge}
     * @return the score's value per cell, in the order of {@code results}
     * @throws NullPointerException if an argument or a result is {@code null}
     * @throws IllegalArgumentException if two results have the same cell
     */
    public static Map<CellId, Double> aiScores(List<Result> results, String scoreName) {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(scoreName, "scoreName");
        Map<CellId, Double> scores = new LinkedHashMap<>();
        Map<CellId, Boolean> seen = new HashMap<>();
        for (Result r : results) {
            Objects.requireNonNull(r, "results contains null");
            if (seen.put(r.cell(), Boolean.TRUE) != null) {
                throw new IllegalArgumentException("results holds two results for cell " + r.cell());
            }
            OptionalDouble v = r.score(scoreName);
            if (v.isPresent()) {
                scores.put(r.cell(), v.getAsDouble());
            }
        }
        return Collections.unmodifiableMap(scores);
    }

    /**
     * Measures, for every two reviewers who gave verdicts on at least one common answer, how far their
     * acceptable / unacceptable verdicts agree: Cohen's kappa over the answers both judged, as {@code
     * sklearn.metrics.cohen_kappa_score}.
     *
     * @param reviews the run's reviews in the order they were added
     * @return one result per such pair, by the first reviewer's name, then the second's (pairs with no
     *     answer in common are left out)
     * @throws NullPointerException if {@code reviews} or a review is {@code null}
     */
    public static List<VerdictAgreement> verdictAgreement(Collection<? extends Review> reviews) {
        Map<String, Map<CellId, Boolean>> byReviewer = verdictsByReviewer(reviews);
        List<VerdictAgreement> out = new ArrayList<>();
        forEachPair(byReviewer, (first, second, a, b) ->
                out.add(new VerdictAgreement(first, second, CohenKappa.nominal(a, b), a.size())));
        return List.copyOf(out);
    }

    /**
     * Measures, for every two reviewers who rated at least one common answer on the same scale, how far
     * their ratings agree: the quadratic-weighted kappa over the answers both rated on that scale, as
     * {@code sklearn.metrics.cohen_kappa_score(a, b, weights='quadratic')}. The categories are the
     * ratings either of the two gave, not every point of the scale (scikit-learn's {@code labels=None}).
     * Ratings on different scales are not compared: a pair that rated on two scales gets a result per
     * scale.
     *
     * @param reviews the run's reviews in the order they were added
     * @return one result per pair and scale, by scale (lowest {@code min}, then lowest {@code max}), then
     *     by the first reviewer's name, then the second's
     * @throws NullPointerException if {@code reviews} or a review is {@code null}
     */
    public static List<RatingAgreement> ratingAgreement(Collection<? extends Review> reviews) {
        List<RatingAgreement> out = new ArrayList<>();
        ratingsByScale(reviews).forEach((scale, byReviewer) -> forEachPair(byReviewer, (first, second, a, b) ->
                out.add(new RatingAgreement(first, second, scale, CohenKappa.weighted(doubles(a), doubles(b),
                        CohenKappa.Weights.QUADRATIC), a.size()))));
        return List.copyOf(out);
    }

    /**
     * Measures, for every scale on which at least 2 reviewers rated, how far all of them agree: Kendall's
     * W (tie-corrected, with its chi-square test, as {@code scipy.stats.friedmanchisquare}) over the
     * answers every one of them rated on that scale. Ratings on different scales are not compared.
     *
     * @param reviews the run's reviews in the order they were added
     * @return one result per such scale, lowest {@code min} first, then lowest {@code max}
     * @throws NullPointerException if {@code reviews} or a review is {@code null}
     */
    public static List<RatingConcordance> ratingConcordance(Collection<? extends Review> reviews) {
        List<RatingConcordance> out = new ArrayList<>();
        ratingsByScale(reviews).forEach((scale, byReviewer) -> {
            if (byReviewer.size() < 2) {
                return;
            }
            List<Map<CellId, Double>> raters = new ArrayList<>(byReviewer.values());
            Map<CellId, Double> smallest = raters.stream().min(Comparator.comparingInt(Map::size)).orElseThrow();
            List<CellId> common = new ArrayList<>();
            for (CellId cell : smallest.keySet()) {
                if (raters.stream().allMatch(m -> m.containsKey(cell))) {
                    common.add(cell);
                }
            }
            Optional<Concordance> w = Optional.empty();
            if (common.size() >= 2) {
                double[][] ratings = new double[raters.size()][common.size()];
                for (int r = 0; r < raters.size(); r++) {
                    for (int i = 0; i < common.size(); i++) {
                        ratings[r][i] = raters.get(r).get(common.get(i));
                    }
                }
                w = Kendall.w(ratings);
            }
            out.add(new RatingConcordance(scale, List.copyOf(byReviewer.keySet()), w, common.size()));
        });
        return List.copyOf(out);
    }

    /**
     * Counts, per configuration, the judged answers and those found unacceptable: an answer is
     * unacceptable when the verdict in effect of at least one reviewer says so, and counts once however
     * many said so.
     *
     * @param reviews the run's reviews in the order they were added
     * @return one count per configuration with at least one verdict, by name
     * @throws NullPointerException if {@code reviews} or a review is {@code null}
     */
    public static List<Unacceptable> unacceptable(Collection<? extends Review> reviews) {
        Map<String, Map<CellId, Boolean>> byConfiguration = new TreeMap<>();
        for (Review r : Review.latest(reviews)) {
            if (r instanceof Review.Verdict v) {
                byConfiguration.computeIfAbsent(configuration(v.cell()), k -> new HashMap<>())
                        .merge(v.cell(), !v.acceptable(), Boolean::logicalOr);
            }
        }
        List<Unacceptable> out = new ArrayList<>(byConfiguration.size());
        byConfiguration.forEach((name, cells) -> out.add(new Unacceptable(name,
                (int) cells.values().stream().filter(Boolean::booleanValue).count(), cells.size())));
        return List.copyOf(out);
    }

    /**
     * Measures, for every reviewer who gave verdicts, how far they agree with an AI judge's pass / fail:
     * Cohen's kappa ({@code sklearn.metrics.cohen_kappa_score}) between acceptable and pass, where an
     * answer passes when its AI score is at least {@code threshold}, over the answers with both a verdict
     * of the reviewer and an AI score.
     *
     * @param reviews the run's reviews in the order they were added
     * @param aiScores the AI's score per answer (e.g. from {@link #aiScores})
     * @param threshold the score from which an answer passes
     * @return one result per reviewer with at least one verdict, by name (with {@code n = 0} when none
     *     of their answers has an AI score)
     * @throws NullPointerException if an argument, a review, a cell or a score is {@code null}
     * @throws IllegalArgumentException if {@code threshold} or a score is NaN or infinite (the message
     *     names the score's cell)
     */
    public static List<VerdictVsJudge> verdictsVsJudge(Collection<? extends Review> reviews,
            Map<CellId, Double> aiScores, double threshold) {
        Map<String, Map<CellId, Boolean>> byReviewer = verdictsByReviewer(reviews);
        checkScores(aiScores);
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, was " + threshold);
        }
        List<VerdictVsJudge> out = new ArrayList<>(byReviewer.size());
        byReviewer.forEach((reviewer, verdicts) -> {
            List<Boolean> acceptable = new ArrayList<>();
            List<Boolean> pass = new ArrayList<>();
            verdicts.forEach((cell, ok) -> {
                Double score = aiScores.get(cell);
                if (score != null) {
                    acceptable.add(ok);
                    pass.add(score >= threshold);
                }
            });
            Optional<Kappa> kappa = acceptable.isEmpty() ? Optional.empty() : CohenKappa.nominal(acceptable, pass);
            out.add(new VerdictVsJudge(reviewer, threshold, kappa, acceptable.size()));
        });
        return List.copyOf(out);
    }

    /**
     * Returns the AI score from which an answer passes: the one given, else {@value
     * #DEFAULT_PASS_THRESHOLD} when every AI score is in [0, 1], else none (a judge on another scale
     * needs its threshold said).
     *
     * @param aiScores the AI's score per answer
     * @param given the threshold the user gave, or empty
     * @return the threshold, or empty when none was given and the scores are not all in [0, 1]
     * @throws NullPointerException if an argument is {@code null}
     */
    public static OptionalDouble passThreshold(Map<CellId, Double> aiScores, OptionalDouble given) {
        Objects.requireNonNull(given, "given");
        if (given.isPresent()) {
            return given;
        }
        boolean unit = Objects.requireNonNull(aiScores, "aiScores").values().stream().allMatch(v -> v >= 0 && v <= 1);
        return unit ? OptionalDouble.of(DEFAULT_PASS_THRESHOLD) : OptionalDouble.empty();
    }

    /**
     * Measures every reviewer's verdicts against an AI judge whose scores are in [0, 1], an answer
     * passing at {@value #DEFAULT_PASS_THRESHOLD} or more: {@link #verdictsVsJudge(Collection, Map,
     * double)} with that threshold. A judge on another scale needs its threshold said.
     *
     * @param reviews the run's reviews in the order they were added
     * @param aiScores the AI's score per answer, each in [0, 1]
     * @return one result per reviewer with at least one verdict, by name
     * @throws NullPointerException if an argument, a review, a cell or a score is {@code null}
     * @throws IllegalArgumentException if a score is not in [0, 1] (the message names its cell and says
     *     to pass a threshold)
     */
    public static List<VerdictVsJudge> verdictsVsJudge(Collection<? extends Review> reviews,
            Map<CellId, Double> aiScores) {
        checkScores(aiScores);
        aiScores.forEach((cell, v) -> {
            if (v < 0 || v > 1) {
                throw new IllegalArgumentException("aiScores has " + v + " for " + cell + "; the default pass threshold "
                        + DEFAULT_PASS_THRESHOLD + " is for scores in [0, 1]: pass a threshold for this score");
            }
        });
        return verdictsVsJudge(reviews, aiScores, DEFAULT_PASS_THRESHOLD);
    }

    /**
     * Measures every reviewer's verdicts against a score of the results, typically an LLM judge's: {@link
     * #verdictsVsJudge(Collection, Map, double)} with {@link #aiScores(List, String)}.
     *
     * @param reviews the run's reviews in the order they were added
     * @param results the run's results
     * @param scoreName the score that is the AI's view, e.g. {@code judge}
     * @param threshold the score from which an answer passes, e.g. {@value #DEFAULT_PASS_THRESHOLD}
     * @return one result per reviewer with at least one verdict, by name
     * @throws NullPointerException if an argument, a review or a result is {@code null}
     * @throws IllegalArgumentException if two results have the same cell or {@code threshold} is not
     *     finite
     */
    public static List<VerdictVsJudge> verdictsVsJudge(Collection<? extends Review> reviews, List<Result> results,
            String scoreName, double threshold) {
        Objects.requireNonNull(reviews, "reviews");
        return verdictsVsJudge(reviews, aiScores(results, scoreName), threshold);
    }

    /** Checks the components two reviewers' agreement records share. */
    private static void checkPair(String first, String second, Optional<Kappa> kappa, int n) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(kappa, "kappa");
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
    }

    /** Names a cell's configuration as {@link Leaderboard#byPromptAndModel} does. */
    static String configuration(CellId cell) {
        return cell.prompt() + " / " + cell.model();
    }

    /** Checks AI scores: no null cell or score, every score finite. */
    static void checkScores(Map<CellId, Double> aiScores) {
        Objects.requireNonNull(aiScores, "aiScores");
        for (Map.Entry<CellId, Double> e : aiScores.entrySet()) {
            Objects.requireNonNull(e.getKey(), "aiScores has a null cell");
            Double v = e.getValue();
            if (v == null) {
                throw new NullPointerException("aiScores has null for " + e.getKey());
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("aiScores has " + v + " for " + e.getKey()
                        + "; scores must be finite");
            }
        }
    }

    /** The rankings in effect by reviewer, reviewers by name. */
    private static Map<String, List<Review.Ranking>> rankingsByReviewer(Collection<? extends Review> reviews) {
        Map<String, List<Review.Ranking>> byReviewer = new TreeMap<>();
        for (Review r : Review.latest(reviews)) {
            if (r instanceof Review.Ranking k) {
                byReviewer.computeIfAbsent(k.reviewer(), x -> new ArrayList<>()).add(k);
            }
        }
        return byReviewer;
    }

    private static ReviewerVsAi vsAi(String reviewer, List<Review.Ranking> rankings, Map<CellId, Double> aiScores) {
        List<Review.Ranking> sorted = new ArrayList<>(rankings);
        sorted.sort(Comparator.comparing(Review.Ranking::trial).thenComparingInt(Review.Ranking::repetition));
        List<RankingVsAi> each = new ArrayList<>(sorted.size());
        List<double[]> human = new ArrayList<>(sorted.size());
        List<double[]> ai = new ArrayList<>(sorted.size());
        for (Review.Ranking ranking : sorted) {
            List<CellId> cells = ranking.ranked();
            double[] x = new double[cells.size()];
            double[] y = new double[cells.size()];
            int n = 0;
            for (int pos = 0; pos < cells.size(); pos++) {
                Double score = aiScores.get(cells.get(pos));
                if (score != null) {
                    x[n] = cells.size() - 1 - pos; // the best gets the most points
                    y[n] = score;
                    n++;
                }
            }
            x = Arrays.copyOf(x, n);
            y = Arrays.copyOf(y, n);
            human.add(x);
            ai.add(y);
            Optional<Correlation> tau = n >= 2 ? Kendall.tauB(x, y) : Optional.empty();
            each.add(new RankingVsAi(ranking.trial(), ranking.repetition(), tau, n, cells.size()));
        }
        return new ReviewerVsAi(reviewer, each, Kendall.pooledTauB(human, ai));
    }

    /** The verdicts in effect by reviewer (by name), then by cell: true for acceptable. */
    static Map<String, Map<CellId, Boolean>> verdictsByReviewer(Collection<? extends Review> reviews) {
        Map<String, Map<CellId, Boolean>> byReviewer = new TreeMap<>();
        for (Review r : Review.latest(reviews)) {
            if (r instanceof Review.Verdict v) {
                byReviewer.computeIfAbsent(v.reviewer(), k -> new HashMap<>()).put(v.cell(), v.acceptable());
            }
        }
        return byReviewer;
    }

    /** The ratings in effect by scale, then by reviewer (by name), then by cell. */
    static Map<Scale, Map<String, Map<CellId, Double>>> ratingsByScale(Collection<? extends Review> reviews) {
        Map<Scale, Map<String, Map<CellId, Double>>> byScale = new TreeMap<>(
                Comparator.comparingDouble(Scale::min).thenComparingDouble(Scale::max));
        for (Review r : Review.latest(reviews)) {
            if (r instanceof Review.Rating rating) {
                byScale.computeIfAbsent(Scale.of(rating), k -> new TreeMap<>())
                        .computeIfAbsent(rating.reviewer(), k -> new HashMap<>())
                        .put(rating.cell(), rating.value());
            }
        }
        return byScale;
    }

    /** Receives two reviewers' values of the cells both have, paired by index. */
    private interface PairConsumer<T> {
        void accept(String first, String second, List<T> a, List<T> b);
    }

    /**
     * Calls {@code consumer} for every two reviewers (in the map's order) with a cell in common: found
     * from each cell's reviewers, so reviewers who share nothing cost nothing.
     */
    private static <T> void forEachPair(Map<String, Map<CellId, T>> byReviewer, PairConsumer<T> consumer) {
        List<String> names = new ArrayList<>(byReviewer.keySet());
        Map<CellId, List<Integer>> reviewersOfCell = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            for (CellId cell : byReviewer.get(names.get(i)).keySet()) {
                reviewersOfCell.computeIfAbsent(cell, k -> new ArrayList<>(2)).add(i);
            }
        }
        TreeMap<Long, List<CellId>> common = new TreeMap<>();
        long count = names.size();
        reviewersOfCell.forEach((cell, who) -> {
            for (int i = 0; i < who.size(); i++) {
                for (int j = i + 1; j < who.size(); j++) {
                    common.computeIfAbsent(who.get(i) * count + who.get(j), k -> new ArrayList<>()).add(cell);
                }
            }
        });
        common.forEach((pair, cells) -> {
            String first = names.get((int) (pair / count));
            String second = names.get((int) (pair % count));
            Map<CellId, T> a = byReviewer.get(first);
            Map<CellId, T> b = byReviewer.get(second);
            List<T> va = new ArrayList<>(cells.size());
            List<T> vb = new ArrayList<>(cells.size());
            for (CellId cell : cells) {
                va.add(a.get(cell));
                vb.add(b.get(cell));
            }
            consumer.accept(first, second, va, vb);
        });
    }

    private static double[] doubles(List<Double> values) {
        double[] d = new double[values.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = values.get(i);
        }
        return d;
    }

    /** Says a kappa, or why it is undefined. */
    private static String describeKappa(Optional<Kappa> kappa, String name, String what) {
        return kappa.map(k -> String.format(Locale.ROOT, "%s %.2f (observed agreement %.2f, by chance %.2f)", name,
                k.coefficient(), k.observedAgreement(), k.expectedAgreement()))
                .orElse("undefined (both gave every answer the same " + what + ")");
    }
}
