package dev.bench4j.scoring.compare;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Review;
import dev.bench4j.scoring.compare.ReviewAgreement.Scale;
import dev.bench4j.scoring.stats.Alpha;
import dev.bench4j.scoring.stats.FleissKappa;
import dev.bench4j.scoring.stats.Kappa;
import dev.bench4j.scoring.stats.Krippendorff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How far all the people who reviewed a run agree with each other, missing judgements allowed (not
 * every reviewer judges every answer), from their reviews as a store returns them: each method first
 * keeps the reviews in effect ({@link Review#latest}). For two reviewers at a time, or reviewers
 * against an AI judge, see {@link ReviewAgreement}.
 *
 * <ul>
 *   <li>{@link #verdictReliability}: Krippendorff's nominal alpha of all reviewers' verdicts, missing
 *       ones allowed, and Fleiss' kappa over the answers all of them judged;
 *   <li>{@link #ratingReliability}: Krippendorff's ordinal and interval alpha of all reviewers'
 *       ratings on one scale, missing ones allowed.
 * </ul>
 *
 * <p>Ratings on different scales (a different {@code min} or {@code max}) are never compared: each
 * scale is its own group. A coefficient that is undefined is an empty {@link Optional} with the count
 * it was attempted on, and each result says itself in one line with {@code describe()}.
 *
 * <pre>{@code
 * List<Review> reviews = store.reviews(runId);
 * ReviewReliability.verdictReliability(reviews).describe();
 * // "3 reviewers' verdicts on 5 answers: Krippendorff's alpha (nominal) 0.41 over 12 pairable verdicts; ..."
 * for (ReviewReliability.RatingReliability r : ReviewReliability.ratingReliability(reviews)) {
 *     r.describe();   // "3 reviewers on [1, 5], 4 answers: Krippendorff's alpha ordinal 0.70, interval 0.75 ..."
 * }
 * }</pre>
 */
public final class ReviewReliability {

    private ReviewReliability() {
    }

    /**
     * How far all the reviewers who gave verdicts agree, missing verdicts allowed: Krippendorff's
     * nominal alpha of every verdict in effect on an answer that at least 2 reviewers judged, and, with 3
     * reviewers or more, Fleiss' kappa over the answers every one of them judged.
     *
     * @param reviewers the reviewers with a verdict in effect, by name
     * @param answers the answers with at least one verdict
     * @param pairableValues the verdicts on answers that at least 2 reviewers judged: the values alpha
     *     pairs
     * @param alpha nominal alpha as {@link Krippendorff#nominal}; empty when no answer was judged by 2
     *     reviewers, or every pairable verdict is the same
     * @param judgedByAll the answers every one of the reviewers judged
     * @param fleissKappa Fleiss' kappa over those answers as {@link FleissKappa#ofLabels}; empty with
     *     fewer than 3 reviewers, no answer judged by all, or one verdict throughout those answers
     */
    public record VerdictReliability(List<String> reviewers, int answers, long pairableValues, Optional<Alpha> alpha,
            int judgedByAll, Optional<Kappa> fleissKappa) {

        /**
         * Validates and copies the components.
         *
         * @throws NullPointerException if a component or a reviewer is {@code null}
         * @throws IllegalArgumentException if a count is negative, {@code judgedByAll} exceeds {@code
         *     answers}, {@code alpha} pairs other than {@code pairableValues} values, or a Fleiss' kappa
         *     is given for fewer than 3 reviewers or over other than {@code judgedByAll} answers
         */
        public VerdictReliability {
            reviewers = List.copyOf(Objects.requireNonNull(reviewers, "reviewers"));
            Objects.requireNonNull(alpha, "alpha");
            Objects.requireNonNull(fleissKappa, "fleissKappa");
            checkReliability(answers, pairableValues, alpha);
            if (judgedByAll < 0 || judgedByAll > answers) {
                throw new IllegalArgumentException("judgedByAll must be in [0, answers = " + answers + "], was "
                        + judgedByAll);
            }
            if (fleissKappa.isPresent() && reviewers.size() < 3) {
                throw new IllegalArgumentException("fleissKappa needs at least 3 reviewers, were " + reviewers);
            }
            if (fleissKappa.isPresent() && fleissKappa.get().n() != judgedByAll) {
                throw new IllegalArgumentException("fleissKappa is over " + fleissKappa.get().n()
                        + " answers but judgedByAll is " + judgedByAll);
            }
        }

        /**
         * Says the reliability in one line.
         *
         * @return e.g. {@code "3 reviewers' verdicts on 5 answers: Krippendorff's alpha (nominal) 0.41
         *     over 12 pairable verdicts; Fleiss' kappa 0.38 over the 3 answers all judged"}, {@code "2
         *     reviewers' verdicts on 3 answers: Krippendorff's alpha undefined (no answer judged by 2
         *     reviewers)"} or {@code "no verdicts"}
         */
        public String describe() {
            if (reviewers.isEmpty()) {
                return "no verdicts";
            }
            String who = reviewers.size() == 1 ? "1 reviewer's" : reviewers.size() + " reviewers'";
            String text = who + " verdicts on " + answers + (answers == 1 ? " answer: " : " answers: ")
                    + describeAlpha("Krippendorff's alpha (nominal)", alpha, pairableValues, "verdict", "judged");
            if (reviewers.size() < 3) {
                return text;
            }
            String byAll = judgedByAll == 1 ? "the 1 answer all judged" : "the " + judgedByAll + " answers all judged";
            return text + "; " + fleissKappa.map(k -> String.format(Locale.ROOT, "Fleiss' kappa %.2f over %s",
                    k.coefficient(), byAll))
                    .orElse(judgedByAll == 0 ? "Fleiss' kappa undefined (no answer judged by all)"
                            : "Fleiss' kappa undefined (one verdict throughout " + byAll + ")");
        }
    }

    /**
     * How far all the reviewers who rated on one scale agree, missing ratings allowed: Krippendorff's
     * alpha of every rating in effect on an answer that at least 2 of them rated on the scale, with the
     * ordinal and the interval metric.
     *
     * @param scale the scale
     * @param reviewers the reviewers who rated on it, by name, at least 1
     * @param answers the answers rated on it, at least 1
     * @param pairableValues the ratings on answers that at least 2 reviewers rated: the values alpha pairs
     * @param ordinal alpha with {@link Krippendorff.Metric#ORDINAL}; empty when no answer was rated by
     *     2 reviewers, or every pairable rating is the same
     * @param interval alpha with {@link Krippendorff.Metric#INTERVAL}; empty in the same cases
     */
    public record RatingReliability(Scale scale, List<String> reviewers, int answers, long pairableValues,
            Optional<Alpha> ordinal, Optional<Alpha> interval) {

        /**
         * Validates and copies the components.
         *
         * @throws NullPointerException if a component or a reviewer is {@code null}
         * @throws IllegalArgumentException if there is no reviewer or answer, {@code pairableValues} is
         *     negative, or an alpha pairs other than {@code pairableValues} values
         */
        public RatingReliability {
            Objects.requireNonNull(scale, "scale");
            reviewers = List.copyOf(Objects.requireNonNull(reviewers, "reviewers"));
            Objects.requireNonNull(ordinal, "ordinal");
            Objects.requireNonNull(interval, "interval");
            if (reviewers.isEmpty()) {
                throw new IllegalArgumentException("reviewers must not be empty");
            }
            if (answers < 1) {
                throw new IllegalArgumentException("answers must be >= 1, was " + answers);
            }
            checkReliability(answers, pairableValues, ordinal);
            checkReliability(answers, pairableValues, interval);
        }

        /**
         * Says the reliability in one line.
         *
         * @return e.g. {@code "3 reviewers on [1, 5], 4 answers: Krippendorff's alpha ordinal 0.70,
         *     interval 0.75 over 10 pairable ratings"} or {@code "1 reviewer on [1, 5], 2 answers:
         *     Krippendorff's alpha undefined (no answer rated by 2 reviewers)"}
         */
        public String describe() {
            String head = reviewers.size() + (reviewers.size() == 1 ? " reviewer on " : " reviewers on ") + scale
                    + ", " + answers + (answers == 1 ? " answer: " : " answers: ");
            if (ordinal.isEmpty() && interval.isEmpty()) {
                return head + describeAlpha("Krippendorff's alpha", Optional.empty(), pairableValues, "rating", "rated");
            }
            return head + "Krippendorff's alpha ordinal " + number(ordinal) + ", interval " + number(interval) + " over "
                    + pairableValues + " pairable ratings";
        }

        private static String number(Optional<Alpha> alpha) {
            return alpha.map(a -> String.format(Locale.ROOT, "%.2f", a.coefficient())).orElse("undefined");
        }
    }

    /**
     * Measures how far all the reviewers who gave verdicts agree, with missing verdicts allowed (not
     * every reviewer judges every answer): Krippendorff's nominal alpha of the acceptable / unacceptable
     * verdicts in effect, one per reviewer and answer, as the Python package {@code krippendorff}'s
     * {@code alpha(reliability_data, level_of_measurement='nominal')}. With 3 reviewers or more it adds
     * Fleiss' kappa ({@code statsmodels}' {@code fleiss_kappa}) over the answers every one of them
     * judged. Answers that only one reviewer judged count in {@code answers} but not in alpha.
     *
     * @param reviews the run's reviews in the order they were added
     * @return the reliability; with no verdict, no reviewer and both coefficients empty
     * @throws NullPointerException if {@code reviews} or a review is {@code null}
     */
    public static VerdictReliability verdictReliability(Collection<? extends Review> reviews) {
        Map<String, Map<CellId, Boolean>> byReviewer = ReviewAgreement.verdictsByReviewer(reviews);
        Map<CellId, List<Boolean>> units = new HashMap<>();
        byReviewer.values().forEach(verdicts -> verdicts.forEach((cell, ok) ->
                units.computeIfAbsent(cell, k -> new ArrayList<>(2)).add(ok)));
        List<String> reviewers = List.copyOf(byReviewer.keySet());
        long pairable = units.values().stream().filter(u -> u.size() >= 2).mapToLong(List::size).sum();
        Optional<Alpha> alpha = units.isEmpty() ? Optional.empty() : Krippendorff.nominal(List.copyOf(units.values()));
        List<List<Boolean>> byAll = units.values().stream().filter(u -> u.size() == reviewers.size()).toList();
        Optional<Kappa> fleiss = reviewers.size() >= 3 && !byAll.isEmpty() ? FleissKappa.ofLabels(byAll) : Optional.empty();
        return new VerdictReliability(reviewers, units.size(), pairable, alpha, byAll.size(), fleiss);
    }

    /**
     * Measures, per scale, how far all the reviewers who rated on it agree, with missing ratings allowed:
     * Krippendorff's alpha of the ratings in effect, one per reviewer and answer, with the ordinal and
     * the interval metric, as the Python package {@code krippendorff}'s {@code alpha(reliability_data,
     * level_of_measurement='ordinal' | 'interval')}. Ratings on different scales are not compared.
     *
     * @param reviews the run's reviews in the order they were added
     * @return one result per scale with at least one rating, lowest {@code min} first, then lowest
     *     {@code max}
     * @throws NullPointerException if {@code reviews} or a review is {@code null}
     */
    public static List<RatingReliability> ratingReliability(Collection<? extends Review> reviews) {
        List<RatingReliability> out = new ArrayList<>();
        ReviewAgreement.ratingsByScale(reviews).forEach((scale, byReviewer) -> {
            Map<CellId, Integer> column = new HashMap<>();
            byReviewer.values().forEach(ratings -> ratings.keySet().forEach(c -> column.putIfAbsent(c, column.size())));
            double[][] byRater = new double[byReviewer.size()][column.size()];
            int[] count = new int[column.size()];
            int r = 0;
            for (Map<CellId, Double> ratings : byReviewer.values()) {
                Arrays.fill(byRater[r], Double.NaN);
                for (Map.Entry<CellId, Double> e : ratings.entrySet()) {
                    int u = column.get(e.getKey());
                    byRater[r][u] = e.getValue();
                    count[u]++;
                }
                r++;
            }
            long pairable = Arrays.stream(count).filter(c -> c >= 2).asLongStream().sum();
            out.add(new RatingReliability(scale, List.copyOf(byReviewer.keySet()), column.size(), pairable,
                    Krippendorff.alpha(byRater, Krippendorff.Metric.ORDINAL),
                    Krippendorff.alpha(byRater, Krippendorff.Metric.INTERVAL)));
        });
        return List.copyOf(out);
    }

    /** Checks the counts of a reliability record and that {@code alpha} pairs {@code pairableValues} values. */
    private static void checkReliability(int answers, long pairableValues, Optional<Alpha> alpha) {
        if (answers < 0) {
            throw new IllegalArgumentException("answers must be >= 0, was " + answers);
        }
        if (pairableValues < 0) {
            throw new IllegalArgumentException("pairableValues must be >= 0, was " + pairableValues);
        }
        if (alpha.isPresent() && alpha.get().values() != pairableValues) {
            throw new IllegalArgumentException("alpha pairs " + alpha.get().values() + " values but pairableValues is "
                    + pairableValues);
        }
    }

    /** Says an alpha with the values it pairs, or why it is undefined. */
    private static String describeAlpha(String name, Optional<Alpha> alpha, long pairable, String what, String done) {
        return alpha.map(a -> String.format(Locale.ROOT, "%s %.2f over %d pairable %ss", name, a.coefficient(), pairable,
                what))
                .orElse(name.replace(" (nominal)", "") + " undefined (" + (pairable == 0 ? "no answer " + done
                        + " by 2 reviewers" : "every pairable " + what + " is the same") + ")");
    }
}
