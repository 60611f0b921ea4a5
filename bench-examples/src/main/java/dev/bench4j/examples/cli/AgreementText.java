package dev.bench4j.examples.cli;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Review;
import dev.bench4j.scoring.compare.Recommendation;
import dev.bench4j.scoring.compare.ReviewAgreement;
import dev.bench4j.scoring.compare.ReviewReliability;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.RunMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** The agreement of a run's reviewers with its AI judge and with each other, as text for the terminal. */
final class AgreementText {

    private AgreementText() {
    }

    /**
     * Describes a run's reviews and their agreement.
     *
     * @param store the store
     * @param run the run
     * @param reviews its reviews
     * @param score the AI score to rank by, or empty for the run's LLM judge (else its first score)
     * @param humanWeight the human ranking's weight in the recommendation
     * @param aiWeight the AI ranking's weight
     * @return the text, ending with a line end
     * @throws Bench.UsageException if {@code score} names no score of the run
     */
    static String of(JsonRunStore store, RunMetadata run, List<Review> reviews, Optional<String> score, double humanWeight,
            double aiWeight) {
        return of(store, run, reviews, score, humanWeight, aiWeight, OptionalDouble.empty());
    }

    /**
     * Describes a run's reviews and their agreement, comparing verdicts with the AI's pass / fail at a
     * given score.
     *
     * @param store the store
     * @param run the run
     * @param reviews its reviews
     * @param score the AI score to rank by, or empty for the run's LLM judge (else its first score)
     * @param humanWeight the human ranking's weight in the recommendation
     * @param aiWeight the AI ranking's weight
     * @param passAt the AI score from which an answer passes, or empty for 0.5 when the scores are in
     *     [0, 1] (else verdicts are not compared with the AI)
     * @return the text, ending with a line end
     * @throws Bench.UsageException if {@code score} names no score of the run
     */
    static String of(JsonRunStore store, RunMetadata run, List<Review> reviews, Optional<String> score, double humanWeight,
            double aiWeight, OptionalDouble passAt) {
        StringBuilder sb = new StringBuilder();
        List<Review> latest = Review.latest(reviews);
        Map<String, Integer> counts = new TreeMap<>();
        latest.forEach(r -> counts.merge(r.kind(), 1, Integer::sum));
        sb.append("Reviews: ").append(counts.getOrDefault("ranking", 0)).append(" rankings, ")
                .append(counts.getOrDefault("rating", 0)).append(" ratings, ").append(counts.getOrDefault("verdict", 0))
                .append(" verdicts, ").append(counts.getOrDefault("comment", 0)).append(" comments by ")
                .append(String.join(", ", latest.stream().map(Review::reviewer).distinct().sorted().map(Terminal::clean).toList()))
                .append(" (the latest of each)\n");
        List<String> scorers = run.info().plan().scorers();
        String ai = score.orElseGet(() -> scorers.stream().filter(s -> "llm_judge".equals(run.info().plan().scorerSettings()
                .getOrDefault(s, Map.of()).get("type"))).findFirst().orElse(scorers.isEmpty() ? null : scorers.get(0)));
        Map<CellId, Double> aiScores = new HashMap<>();
        if (ai != null) {
            store.forEachResult(run.info().id(), r -> r.score(ai).ifPresent(v -> aiScores.put(r.cell(), v)));
            if (aiScores.isEmpty() && !scorers.contains(ai)) {
                throw new Bench.UsageException("--score: run " + run.info().id() + " has no score '" + ai + "'; its scorers are "
                        + scorers);
            }
            List<ReviewAgreement.ReviewerVsAi> vsAi = ReviewAgreement.reviewersVsAi(reviews, aiScores);
            if (!vsAi.isEmpty()) {
                sb.append("Rankings against ").append(Terminal.clean(ai)).append(":\n");
                vsAi.forEach(r -> sb.append("  ").append(Terminal.clean(r.describe())).append('\n'));
            }
            verdictsVsAi(sb, reviews, aiScores, ai, passAt);
        }
        List<String> between = new ArrayList<>();
        ReviewAgreement.verdictAgreement(reviews).forEach(v -> between.add(v.describe()));
        ReviewAgreement.ratingAgreement(reviews).forEach(v -> between.add(v.describe()));
        ReviewAgreement.ratingConcordance(reviews).forEach(v -> between.add(v.describe()));
        ReviewReliability.VerdictReliability verdicts = ReviewReliability.verdictReliability(reviews);
        if (verdicts.reviewers().size() >= 2) {
            between.add(verdicts.describe());
        }
        ReviewReliability.ratingReliability(reviews).stream().filter(r -> r.reviewers().size() >= 2)
                .forEach(r -> between.add(r.describe()));
        if (!between.isEmpty()) {
            sb.append("Between reviewers:\n");
            between.forEach(b -> sb.append("  ").append(Terminal.clean(b)).append('\n'));
        }
        if (ai != null && counts.getOrDefault("ranking", 0) > 0) {
            try {
                sb.append("Recommendation by ").append(Terminal.clean(ai)).append(" and the rankings: ")
                        .append(Terminal.clean(Recommendation.fromReviews(reviews, aiScores, humanWeight, aiWeight).describe()))
                        .append('\n');
            } catch (IllegalArgumentException e) {
                sb.append("No recommendation: ").append(Terminal.clean(e.getMessage())).append('\n');
            }
        }
        List<ReviewAgreement.Unacceptable> bad = ReviewAgreement.unacceptable(reviews);
        if (!bad.isEmpty()) {
            sb.append("Unacceptable:\n");
            bad.forEach(u -> sb.append("  ").append(Terminal.clean(u.describe())).append('\n'));
        }
        return sb.toString();
    }

    /**
     * Appends each reviewer's verdicts against the AI's pass / fail, at {@code passAt}, or at 0.5 when
     * every AI score is in [0, 1]; says why when they are not compared.
     */
    private static void verdictsVsAi(StringBuilder sb, List<Review> reviews, Map<CellId, Double> aiScores, String ai,
            OptionalDouble passAt) {
        if (aiScores.isEmpty() || reviews.stream().noneMatch(r -> r instanceof Review.Verdict)) {
            return;
        }
        OptionalDouble at = ReviewAgreement.passThreshold(aiScores, passAt);
        sb.append("Verdicts against ").append(Terminal.clean(ai));
        if (at.isEmpty()) {
            sb.append(": not compared (its scores are not all in [0, 1]; give the score from which an answer passes"
                    + " with --pass-at)\n");
            return;
        }
        sb.append(":\n");
        ReviewAgreement.verdictsVsJudge(reviews, aiScores, at.getAsDouble())
                .forEach(v -> sb.append("  ").append(Terminal.clean(v.describe())).append('\n'));
    }
}
