package dev.bench4j.web.internal;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Review;
import dev.bench4j.scoring.compare.Recommendation;
import dev.bench4j.scoring.compare.ReviewAgreement;
import dev.bench4j.scoring.compare.ReviewReliability;
import dev.bench4j.scoring.stats.Alpha;
import dev.bench4j.scoring.stats.Correlation;
import dev.bench4j.scoring.stats.Kappa;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The agreement panel's JSON: each reviewer's rankings against an AI score (per trial and pooled),
 * each reviewer's verdicts against the AI's pass / fail (Cohen's kappa), the reviewers against each
 * other (Cohen's kappa on verdicts, quadratic-weighted kappa and Kendall's W on ratings,
 * Krippendorff's alpha of all reviewers' verdicts and ratings with Fleiss' kappa), the weighted Borda
 * recommendation, and unacceptable answers per configuration, all from {@link ReviewAgreement},
 * {@link ReviewReliability} and {@link Recommendation}.
 */
final class AgreementJson {

    private AgreementJson() {
    }

    static Map<String, Object> of(RunIndex index, List<Review> reviews, Map<String, String> p) {
        String score = p.getOrDefault("score", "");
        if (score.isEmpty()) {
            score = defaultScore(index).orElse(null);
        } else if (!index.scoreNames.contains(score)) {
            throw HttpError.badRequest("score: the run has no score '" + score + "'; it has " + index.scoreNames);
        }
        double hw = weight(p, "human_weight");
        double aw = weight(p, "ai_weight");
        Map<CellId, Double> ai = score == null ? Map.of() : aiScores(index, index.scoreNames.indexOf(score));
        Map<String, Object> o = Json.object();
        o.put("score_names", index.scoreNames);
        o.put("score", score);
        o.put("reviewers", reviews.stream().map(Review::reviewer).distinct().sorted().toList());
        List<Object> rankings = new ArrayList<>();
        for (ReviewAgreement.ReviewerVsAi r : ReviewAgreement.reviewersVsAi(reviews, ai)) {
            Map<String, Object> x = Json.object();
            x.put("reviewer", r.reviewer());
            x.put("pooled", correlation(r.pooledTauB()));
            List<Object> trials = new ArrayList<>();
            for (ReviewAgreement.RankingVsAi t : r.rankings()) {
                Map<String, Object> y = Json.object();
                y.put("trial", t.trial());
                y.put("repetition", t.repetition());
                y.put("n", t.n());
                y.put("ranked", t.ranked());
                y.put("tau_b", t.kendallTauB().map(Correlation::coefficient).orElse(null));
                y.put("p", t.kendallTauB().filter(c -> c.pValue().isPresent()).map(c -> c.pValue().getAsDouble()).orElse(null));
                y.put("describe", t.describe());
                trials.add(y);
            }
            x.put("trials", trials);
            x.put("describe", r.describe());
            rankings.add(x);
        }
        o.put("rankings", rankings);
        o.put("recommendation", null);
        o.put("recommendation_error", null);
        if (score == null) {
            o.put("recommendation_error", "The run has no scores: there is no AI ranking to combine with.");
        } else {
            try {
                o.put("recommendation", recommendation(Recommendation.fromReviews(reviews, ai, hw, aw)));
            } catch (IllegalArgumentException e) {
                o.put("recommendation_error", e.getMessage());
            }
        }
        o.putAll(betweenReviewers(index, reviews));
        double passAt = Params.number(p, "pass_at");
        o.put("verdicts_vs_ai", verdictsVsAi(score, ai, reviews, Double.isNaN(passAt) ? OptionalDouble.empty()
                : OptionalDouble.of(passAt)));
        List<Object> unacceptable = new ArrayList<>();
        for (ReviewAgreement.Unacceptable u : ReviewAgreement.unacceptable(reviews)) {
            Map<String, Object> x = Json.object();
            x.put("config", u.configuration());
            x.put("unacceptable", u.unacceptable());
            x.put("judged", u.judged());
            unacceptable.add(x);
        }
        o.put("unacceptable", unacceptable);
        Map<String, Object> counts = Json.object();
        for (String kind : List.of("ratings", "verdicts", "comments", "rankings")) {
            counts.put(kind, 0);
        }
        for (Review r : Review.latest(reviews)) {
            counts.merge(r.kind() + "s", 1, (a, b) -> (Integer) a + (Integer) b);
        }
        o.put("counts", counts);
        return o;
    }

    /** What does not depend on the AI score: the reviewers against each other, and the score to start with. */
    static Map<String, Object> betweenReviewers(RunIndex index, List<Review> reviews) {
        Map<String, Object> o = Json.object();
        o.put("default_score", defaultScore(index).orElse(null));
        List<Object> verdicts = new ArrayList<>();
        for (ReviewAgreement.VerdictAgreement v : ReviewAgreement.verdictAgreement(reviews)) {
            verdicts.add(pair(v.first(), v.second(), v.n(), v.kappa(), v.describe(), null));
        }
        o.put("verdicts", verdicts);
        List<Object> ratings = new ArrayList<>();
        for (ReviewAgreement.RatingAgreement r : ReviewAgreement.ratingAgreement(reviews)) {
            ratings.add(pair(r.first(), r.second(), r.n(), r.kappa(), r.describe(), r.scale().toString()));
        }
        o.put("ratings", ratings);
        List<Object> concordance = new ArrayList<>();
        for (ReviewAgreement.RatingConcordance c : ReviewAgreement.ratingConcordance(reviews)) {
            Map<String, Object> x = Json.object();
            x.put("scale", c.scale().toString());
            x.put("reviewers", c.reviewers());
            x.put("items", c.n());
            x.put("w", c.kendallW().map(w -> w.w()).orElse(null));
            x.put("chi_square", c.kendallW().map(w -> w.chiSquare()).orElse(null));
            x.put("p", c.kendallW().map(w -> w.pValue()).orElse(null));
            x.put("describe", c.describe());
            concordance.add(x);
        }
        o.put("concordance", concordance);
        ReviewReliability.VerdictReliability v = ReviewReliability.verdictReliability(reviews);
        Map<String, Object> vr = Json.object();
        vr.put("reviewers", v.reviewers());
        vr.put("answers", v.answers());
        vr.put("pairable", v.pairableValues());
        vr.put("alpha", v.alpha().map(Alpha::coefficient).orElse(null));
        vr.put("judged_by_all", v.judgedByAll());
        vr.put("fleiss_kappa", v.fleissKappa().map(Kappa::coefficient).orElse(null));
        vr.put("describe", v.describe());
        o.put("verdict_reliability", vr);
        List<Object> ratingReliability = new ArrayList<>();
        for (ReviewReliability.RatingReliability r : ReviewReliability.ratingReliability(reviews)) {
            Map<String, Object> x = Json.object();
            x.put("scale", r.scale().toString());
            x.put("reviewers", r.reviewers());
            x.put("answers", r.answers());
            x.put("pairable", r.pairableValues());
            x.put("alpha_ordinal", r.ordinal().map(Alpha::coefficient).orElse(null));
            x.put("alpha_interval", r.interval().map(Alpha::coefficient).orElse(null));
            x.put("describe", r.describe());
            ratingReliability.add(x);
        }
        o.put("rating_reliability", ratingReliability);
        String score = defaultScore(index).orElse(null);
        o.put("verdicts_vs_ai", verdictsVsAi(score, score == null ? Map.of()
                : aiScores(index, index.scoreNames.indexOf(score)), reviews, OptionalDouble.empty()));
        return o;
    }

    /**
     * Each reviewer's verdicts against the AI's pass / fail at {@code passAt}, or at 0.5 when every AI
     * score is in [0, 1]; null without a score or a verdict, and rows empty with a note when the
     * threshold is unknown.
     */
    private static Map<String, Object> verdictsVsAi(String score, Map<CellId, Double> ai, List<Review> reviews,
            OptionalDouble passAt) {
        if (score == null || reviews.stream().noneMatch(r -> r instanceof Review.Verdict)) {
            return null;
        }
        Map<String, Object> o = Json.object();
        o.put("score", score);
        OptionalDouble threshold = ReviewAgreement.passThreshold(ai, passAt);
        List<Object> rows = new ArrayList<>();
        if (threshold.isEmpty()) {
            o.put("pass_at", null);
            o.put("note", "The scores of " + score + " are not all in [0, 1]: give the score from which an answer passes"
                    + " (pass_at).");
        } else {
            double at = threshold.getAsDouble();
            o.put("pass_at", at);
            o.put("note", null);
            for (ReviewAgreement.VerdictVsJudge v : ReviewAgreement.verdictsVsJudge(reviews, ai, at)) {
                Map<String, Object> x = Json.object();
                x.put("reviewer", v.reviewer());
                x.put("n", v.n());
                x.put("kappa", v.kappa().map(Kappa::coefficient).orElse(null));
                x.put("describe", v.describe());
                rows.add(x);
            }
        }
        o.put("rows", rows);
        return o;
    }

    private static Map<String, Object> pair(String a, String b, int n, Optional<Kappa> kappa, String describe, String scale) {
        Map<String, Object> x = Json.object();
        x.put("a", a);
        x.put("b", b);
        x.put("n", n);
        x.put("kappa", kappa.map(Kappa::coefficient).orElse(null));
        if (scale != null) {
            x.put("scale", scale);
        }
        x.put("describe", describe);
        return x;
    }

    private static Map<String, Object> recommendation(Recommendation r) {
        Map<String, Object> o = Json.object();
        o.put("human_weight", r.humanWeight());
        o.put("ai_weight", r.aiWeight());
        o.put("recommended", r.recommended());
        List<Object> ranking = new ArrayList<>();
        for (Recommendation.Entry e : r.ranking()) {
            Map<String, Object> x = Json.object();
            x.put("name", e.name());
            x.put("points", e.points());
            x.put("human_points", e.humanPoints());
            x.put("ai_points", e.aiPoints());
            ranking.add(x);
        }
        o.put("ranking", ranking);
        o.put("agreement", correlation(r.agreement().kendallTauB()));
        o.put("describe", r.describe());
        return o;
    }

    private static Map<String, Object> correlation(Optional<Correlation> c) {
        if (c.isEmpty()) {
            return null;
        }
        Map<String, Object> o = Json.object();
        o.put("tau_b", c.get().coefficient());
        o.put("p", c.get().pValue().isPresent() ? c.get().pValue().getAsDouble() : null);
        o.put("n", c.get().n());
        return o;
    }

    /** The run's LLM judge, if it has one, else its first score. */
    private static Optional<String> defaultScore(RunIndex index) {
        Map<String, Map<String, Object>> settings = index.meta.info().plan().scorerSettings();
        for (String name : index.scoreNames) {
            Map<String, Object> s = settings.get(name);
            if (s != null && "llm_judge".equals(s.get("type"))) {
                return Optional.of(name);
            }
        }
        return index.scoreNames.stream().findFirst();
    }

    private static Map<CellId, Double> aiScores(RunIndex index, int k) {
        Map<CellId, Double> out = new HashMap<>();
        for (int i = 0; i < index.size; i++) {
            double v = index.score(i, k);
            if (!Double.isNaN(v)) {
                out.put(index.cellId(i), v);
            }
        }
        return out;
    }

    private static double weight(Map<String, String> p, String name) {
        double w = Params.number(p, name);
        if (Double.isNaN(w)) {
            return 1;
        }
        if (w < 0) {
            throw HttpError.badRequest(name + ": must be >= 0 but was " + w);
        }
        return w;
    }
}
