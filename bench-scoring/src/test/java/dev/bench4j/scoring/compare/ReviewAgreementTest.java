package dev.bench4j.scoring.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Result;
import dev.bench4j.core.Review;
import dev.bench4j.core.Score;
import dev.bench4j.scoring.compare.ReviewAgreement.RankingVsAi;
import dev.bench4j.scoring.compare.ReviewAgreement.RatingAgreement;
import dev.bench4j.scoring.compare.ReviewAgreement.RatingConcordance;
import dev.bench4j.scoring.compare.ReviewAgreement.ReviewerVsAi;
import dev.bench4j.scoring.compare.ReviewAgreement.Scale;
import dev.bench4j.scoring.compare.ReviewAgreement.Unacceptable;
import dev.bench4j.scoring.compare.ReviewAgreement.VerdictAgreement;
import dev.bench4j.scoring.compare.ReviewAgreement.VerdictVsJudge;
import dev.bench4j.scoring.stats.CohenKappa;
import dev.bench4j.scoring.stats.Correlation;
import dev.bench4j.scoring.stats.Kappa;
import dev.bench4j.scoring.stats.Kendall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Agreement of reviewers with an AI and with each other, from reviews as a store returns them. */
class ReviewAgreementTest {

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    static CellId cell(String model, String trial) {
        return new CellId("p", model, trial, 0);
    }

    static Review.Ranking ranking(String reviewer, String trial, String... modelsBestFirst) {
        List<CellId> cells = new ArrayList<>();
        for (String m : modelsBestFirst) {
            cells.add(cell(m, trial));
        }
        return Review.ranking(reviewer, T0, cells, Duration.ofSeconds(30));
    }

    static Review.Verdict verdict(String reviewer, String model, String trial, boolean acceptable) {
        return Review.verdict(reviewer, T0, cell(model, trial), acceptable);
    }

    static Review.Rating rating(String reviewer, String trial, double value, double max) {
        return Review.rating(reviewer, T0, cell("a", trial), value, 1, max);
    }

    /** The judge's scores: t1 orders a > b > c > d, t2 a > b = c > d, t3 has only a, t4 ties c and d. */
    private static final Map<CellId, Double> JUDGE = Map.ofEntries(
            Map.entry(cell("a", "t1"), 0.9), Map.entry(cell("b", "t1"), 0.7), Map.entry(cell("c", "t1"), 0.5),
            Map.entry(cell("d", "t1"), 0.1),
            Map.entry(cell("a", "t2"), 0.8), Map.entry(cell("b", "t2"), 0.6), Map.entry(cell("c", "t2"), 0.6),
            Map.entry(cell("d", "t2"), 0.2),
            Map.entry(cell("a", "t3"), 0.3),
            Map.entry(cell("c", "t4"), 0.5), Map.entry(cell("d", "t4"), 0.5));

    static final List<Review> RANKINGS = List.of(
            ranking("ana", "t1", "d", "c", "b", "a"), // replaced by her later ranking of t1
            ranking("bob", "t1", "d", "c", "b", "a"),
            ranking("ana", "t2", "b", "a", "c", "d"),
            ranking("ana", "t4", "c", "d"),
            verdict("carl", "a", "t1", true), // carl ranked nothing
            ranking("ana", "t3", "a", "b", "c"),
            ranking("ana", "t1", "a", "b", "c", "d"));

    @Test
    void eachRankingOfAReviewerIsComparedWithTheAiScoresOfItsAnswers() {
        List<ReviewerVsAi> all = ReviewAgreement.reviewersVsAi(RANKINGS, JUDGE);

        assertThat(all).extracting(ReviewerVsAi::reviewer).containsExactly("ana", "bob");
        ReviewerVsAi ana = all.get(0);
        assertThat(ana.rankings()).extracting(RankingVsAi::trial, RankingVsAi::n, RankingVsAi::ranked)
                .containsExactly(tuple("t1", 4, 4), tuple("t2", 4, 4), tuple("t3", 1, 3), tuple("t4", 2, 2));
        // t1: her last ranking, the judge's order: all 6 pairs concordant, exact p = 2 / 4!
        assertThat(ana.rankings().get(0).describe()).isEqualTo("t1#0: Kendall tau-b 1.00 (p = 0.083), n = 4");
        // t2: b a c d against 0.6 0.8 0.6 0.2: 4 concordant, 1 discordant, 1 tied in the AI scores:
        // 3 / sqrt(6 · 5); scipy.stats.kendalltau([3, 2, 1, 0], [.6, .8, .6, .2]) = 0.5477225575051662, p 0.2786
        Correlation t2 = ana.rankings().get(1).kendallTauB().orElseThrow();
        assertThat(t2.coefficient()).isCloseTo(0.5477225575051662, within(1e-15));
        assertThat(t2.pValue().orElseThrow()).isCloseTo(0.2785986718379625, within(1e-12));
        assertThat(ana.rankings().get(2).describe())
                .isEqualTo("t3#0: undefined (fewer than 2 ranked answers have an AI score), n = 1 of 3 ranked");
        assertThat(ana.rankings().get(3).describe()).isEqualTo("t4#0: undefined (the AI scores are all equal), n = 2");
        assertThat(ana.n()).isEqualTo(11);

        ReviewerVsAi bob = all.get(1);
        assertThat(bob.rankings()).singleElement().extracting(r -> r.kendallTauB().orElseThrow().coefficient())
                .isEqualTo(-1.0);
        // one stratum: tau-b with the asymptotic p-value, scipy.stats.kendalltau(..., method='asymptotic')
        assertThat(bob.pooledTauB().orElseThrow().pValue().orElseThrow()).isCloseTo(0.04154006700988516, within(1e-12));
        assertThat(bob.describe()).isEqualTo("bob vs AI: pooled Kendall tau-b -1.00 (p = 0.042) over 1 ranking, n = 4");
    }

    @Test
    void theReviewersPooledTauBCountsPairsWithinEachRankingOnly() {
        ReviewerVsAi ana = ReviewAgreement.reviewerVsAi(RANKINGS, "ana", JUDGE);

        // t1 and t2 contribute (t3 has one scored answer, t4 a constant AI side): S = 6 + 3 over
        // sqrt((6 + 6) · (6 + 5)); the variances 4·3·13/18 and (4·3·13 - 2·1·9)/18
        Correlation pooled = ana.pooledTauB().orElseThrow();
        assertThat(pooled.coefficient()).isCloseTo(9 / Math.sqrt(12 * 11), within(1e-15));
        assertThat(pooled.pValue().orElseThrow()).isCloseTo(0.02595245602237448, within(1e-12));
        assertThat(pooled).isEqualTo(Kendall.pooledTauB(
                List.of(new double[] {3, 2, 1, 0}, new double[] {3, 2, 1, 0}),
                List.of(new double[] {0.9, 0.7, 0.5, 0.1}, new double[] {0.6, 0.8, 0.6, 0.2})).orElseThrow());
        assertThat(ana.describe()).isEqualTo("ana vs AI: pooled Kendall tau-b 0.78 (p = 0.026) over 4 rankings, n = 11");
    }

    @Test
    void aReviewerWithoutRankedAnswersTheAiScoredIsUndefined() {
        ReviewerVsAi r = ReviewAgreement.reviewerVsAi(List.of(ranking("eve", "t9", "a", "b")), "eve", JUDGE);

        assertThat(r.pooledTauB()).isEmpty();
        assertThat(r.describe()).isEqualTo(
                "eve vs AI: undefined (no ranking has 2 answers with different AI scores) over 1 ranking, n = 0");
    }

    @Test
    void resultsGiveTheAiScoresThroughTheNamedScore() {
        List<Result> results = new ArrayList<>();
        JUDGE.forEach((c, v) -> results.add(Results.unscored(c.prompt(), c.model(), c.trial(), 0)
                .withScore("judge", Score.of(v))));
        results.add(Results.unscored("p", "b", "t3", 0)); // no judge score: left out

        assertThat(ReviewAgreement.aiScores(results, "judge")).isEqualTo(JUDGE);
        assertThat(ReviewAgreement.reviewersVsAi(RANKINGS, results, "judge"))
                .isEqualTo(ReviewAgreement.reviewersVsAi(RANKINGS, JUDGE));
        assertThat(ReviewAgreement.aiScores(results, "other")).isEmpty();
    }

    @Test
    void badInputForTheAiComparisonIsRejectedWithExactMessages() {
        assertThatThrownBy(() -> ReviewAgreement.reviewerVsAi(RANKINGS, "carl", JUDGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reviewer 'carl' has no rankings; reviewers with rankings: [ana, bob]");
        Map<CellId, Double> nan = new HashMap<>(JUDGE);
        nan.put(cell("a", "t1"), Double.NaN);
        assertThatThrownBy(() -> ReviewAgreement.reviewersVsAi(RANKINGS, nan))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("aiScores has NaN for p/a/t1#0; scores must be finite");
        Map<CellId, Double> withNull = new HashMap<>(JUDGE);
        withNull.put(cell("a", "t1"), null);
        assertThatThrownBy(() -> ReviewAgreement.reviewersVsAi(RANKINGS, withNull))
                .isInstanceOf(NullPointerException.class).hasMessage("aiScores has null for p/a/t1#0");
        assertThatThrownBy(() -> ReviewAgreement.reviewersVsAi(RANKINGS, (Map<CellId, Double>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("aiScores");
        assertThatThrownBy(() -> ReviewAgreement.reviewersVsAi(null, JUDGE))
                .isInstanceOf(NullPointerException.class).hasMessage("reviews");
        assertThatThrownBy(() -> ReviewAgreement.reviewersVsAi(Arrays.asList(RANKINGS.get(0), null), JUDGE))
                .isInstanceOf(NullPointerException.class).hasMessage("reviews contains null");
        assertThatThrownBy(() -> ReviewAgreement.reviewerVsAi(RANKINGS, null, JUDGE))
                .isInstanceOf(NullPointerException.class).hasMessage("reviewer");
        Result once = Results.scored("p", "a", "t1", 0, 0.5);
        assertThatThrownBy(() -> ReviewAgreement.aiScores(List.of(once, once), "q"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("results holds two results for cell p/a/t1#0");
        assertThatThrownBy(() -> ReviewAgreement.aiScores(List.of(once), null))
                .isInstanceOf(NullPointerException.class).hasMessage("scoreName");
    }

    @Test
    void verdictsOfEveryTwoReviewersWithACommonAnswerAreComparedByCohensKappa() {
        List<Review> reviews = List.of(
                verdict("ana", "a", "t1", true), verdict("ana", "a", "t2", true), verdict("ana", "a", "t3", false),
                verdict("ana", "a", "t4", true), verdict("ana", "a", "t4", false), // she changed her mind
                verdict("bob", "a", "t1", true), verdict("bob", "a", "t2", false), verdict("bob", "a", "t3", false),
                verdict("bob", "a", "t4", false),
                verdict("carl", "a", "t1", true), verdict("carl", "a", "t2", true),
                verdict("dave", "a", "t9", false)); // shares no answer: in no pair

        List<VerdictAgreement> pairs = ReviewAgreement.verdictAgreement(reviews);

        assertThat(pairs).extracting(VerdictAgreement::first, VerdictAgreement::second, VerdictAgreement::n)
                .containsExactly(tuple("ana", "bob", 4), tuple("ana", "carl", 2), tuple("bob", "carl", 2));
        // T T F F vs T F F F: sklearn.metrics.cohen_kappa_score = 0.5
        assertThat(pairs.get(0).kappa()).contains(new Kappa(0.5, 0.75, 0.5, 4));
        assertThat(pairs.get(0).describe())
                .isEqualTo("ana & bob: Cohen's kappa 0.50 (observed agreement 0.75, by chance 0.50), n = 4");
        assertThat(pairs.get(1).describe()).isEqualTo("ana & carl: undefined (both gave every answer the same verdict), n = 2");
        // T F vs T T: cohen_kappa_score = 0.0
        assertThat(pairs.get(2).kappa().orElseThrow().coefficient()).isEqualTo(0.0);
    }

    /** Ratings on [1, 5] of t1..t5 by ana, bob and carl (not t5); one on [1, 10] by ana and bob; t7 on both. */
    static final List<Review> RATINGS = List.of(
            rating("ana", "t1", 1, 5), rating("ana", "t2", 2, 5), rating("ana", "t3", 3, 5), rating("ana", "t4", 4, 5),
            rating("ana", "t5", 5, 5),
            rating("bob", "t1", 2, 5), rating("bob", "t2", 1, 5), rating("bob", "t3", 4, 5), rating("bob", "t4", 3, 5),
            rating("bob", "t5", 5, 5),
            rating("carl", "t1", 1, 5), rating("carl", "t2", 3, 5), rating("carl", "t3", 3, 5),
            rating("carl", "t4", 5, 5),
            rating("ana", "t6", 7, 10), rating("bob", "t6", 8, 10),
            rating("ana", "t7", 3, 5), rating("bob", "t7", 9, 10), // different scales: never compared
            rating("dave", "t1", 2, 3)); // alone on [1, 3]

    @Test
    void ratingsOfEveryTwoReviewersOnOneScaleAreComparedByQuadraticWeightedKappa() {
        List<RatingAgreement> pairs = ReviewAgreement.ratingAgreement(RATINGS);

        assertThat(pairs).extracting(p -> p.scale().toString(), RatingAgreement::first, RatingAgreement::second,
                        RatingAgreement::n)
                .containsExactly(tuple("[1, 5]", "ana", "bob", 5), tuple("[1, 5]", "ana", "carl", 4),
                        tuple("[1, 5]", "bob", "carl", 4), tuple("[1, 10]", "ana", "bob", 1));
        // sklearn.metrics.cohen_kappa_score(a, b, weights='quadratic'): 0.8, 0.8571428571428572, 0.2857142857142857
        assertThat(pairs.get(0).kappa().orElseThrow().coefficient()).isCloseTo(0.8, within(1e-15));
        assertThat(pairs.get(1).kappa().orElseThrow().coefficient()).isCloseTo(0.8571428571428572, within(1e-15));
        assertThat(pairs.get(2).kappa().orElseThrow().coefficient()).isCloseTo(0.2857142857142857, within(1e-15));
        assertThat(pairs.get(0).describe())
                .isEqualTo("ana & bob on [1, 5]: quadratic-weighted kappa 0.80 (observed agreement 0.95, by chance 0.75), n = 5");
        assertThat(pairs.get(3).describe())
                .isEqualTo("ana & bob on [1, 10]: quadratic-weighted kappa 0.00 (observed agreement 0.00, by chance 0.00), n = 1");
    }

    @Test
    void everyReviewerOnAScaleIsComparedByKendallsWOverTheAnswersAllRated() {
        List<RatingConcordance> w = ReviewAgreement.ratingConcordance(RATINGS);

        assertThat(w).extracting(c -> c.scale().toString(), RatingConcordance::reviewers, RatingConcordance::n)
                .containsExactly(tuple("[1, 5]", List.of("ana", "bob", "carl"), 4),
                        tuple("[1, 10]", List.of("ana", "bob"), 1));
        // t1..t4: scipy.stats.friedmanchisquare([1, 2, 1], [2, 1, 3], [3, 4, 3], [4, 3, 5]):
        // statistic 6.724137931034483, p 0.08123003237848163; W = 6.724137931034483 / (3 · 3)
        assertThat(w.get(0).kendallW().orElseThrow().chiSquare()).isCloseTo(6.724137931034483, within(1e-12));
        assertThat(w.get(0).kendallW().orElseThrow().pValue()).isCloseTo(0.08123003237848163, within(1e-12));
        assertThat(w.get(0).describe())
                .isEqualTo("3 reviewers on [1, 5]: Kendall's W 0.75 (chi-square 6.72, df 3, p = 0.081), n = 4");
        assertThat(w.get(1).describe()).isEqualTo("2 reviewers on [1, 10]: undefined (fewer than 2 answers rated by all), n = 1");
    }

    @Test
    void unacceptableAnswersAreCountedOncePerAnswerFromTheVerdictsInEffect() {
        List<Review> reviews = List.of(
                verdict("ana", "a", "t1", false), verdict("bob", "a", "t1", false), // two say so: counted once
                verdict("ana", "a", "t2", true), verdict("bob", "a", "t2", false),
                verdict("ana", "a", "t3", true),
                verdict("ana", "b", "t1", false), verdict("ana", "b", "t1", true), // withdrawn by a later verdict
                ranking("ana", "t1", "a", "b"));

        List<Unacceptable> counts = ReviewAgreement.unacceptable(reviews);

        assertThat(counts).containsExactly(new Unacceptable("p / a", 2, 3), new Unacceptable("p / b", 0, 1));
        assertThat(counts.get(0).describe()).isEqualTo("p / a: 2 of 3 judged answers unacceptable");
        assertThat(counts.get(1).describe()).isEqualTo("p / b: 0 of 1 judged answer unacceptable");
        assertThat(ReviewAgreement.unacceptable(List.of())).isEmpty();
    }

    @Test
    void withoutReviewsOfAKindThereIsNothingToCompare() {
        assertThat(ReviewAgreement.verdictAgreement(RATINGS)).isEmpty();
        assertThat(ReviewAgreement.ratingAgreement(RANKINGS)).isEmpty();
        assertThat(ReviewAgreement.ratingConcordance(List.of(rating("ana", "t1", 2, 5)))).isEmpty();
        assertThat(ReviewAgreement.reviewersVsAi(RATINGS, JUDGE)).isEmpty();
    }

    @Test
    void theResultRecordsCheckTheirComponents() {
        assertThatThrownBy(() -> new RankingVsAi("t1", 0, Optional.empty(), 3, 2))
                .hasMessage("n must be in [0, ranked = 2], was 3");
        assertThatThrownBy(() -> new RankingVsAi("t1", 0, Optional.empty(), 0, 1)).hasMessage("ranked must be >= 2, was 1");
        assertThatThrownBy(() -> new ReviewerVsAi("ana", List.of(), Optional.empty())).hasMessage("rankings must not be empty");
        assertThatThrownBy(() -> new VerdictAgreement("a", "b", Optional.empty(), 0)).hasMessage("n must be >= 1, was 0");
        assertThatThrownBy(() -> new RatingConcordance(new Scale(1, 5), List.of("ana"), Optional.empty(), 2))
                .hasMessage("reviewers must be at least 2, were [ana]");
        assertThatThrownBy(() -> new Unacceptable("p / a", 3, 2)).hasMessage("unacceptable must be in [0, judged = 2], was 3");
        assertThatThrownBy(() -> new Scale(5, 1)).hasMessage("a scale must be finite with min < max but was [5.0, 1.0]");
        assertThat(new Scale(0.5, 2.5)).hasToString("[0.5, 2.5]");
    }

    @Test
    void eachReviewersVerdictsAreComparedWithTheJudgesPassAtTheThresholdByCohensKappa() {
        List<Review> reviews = List.of(
                verdict("ana", "a", "t1", true), verdict("ana", "b", "t1", false), // the judge: 0.9 and 0.7, pass
                verdict("ana", "c", "t1", true), verdict("ana", "d", "t1", false), // 0.5 passes at 0.5; 0.1 fails
                verdict("ana", "x", "t9", true), // no judge score: left out
                verdict("bob", "x", "t9", false),
                verdict("carl", "a", "t1", true), verdict("carl", "b", "t1", true));

        List<VerdictVsJudge> all = ReviewAgreement.verdictsVsJudge(reviews, JUDGE, 0.5);

        assertThat(all).extracting(VerdictVsJudge::reviewer).containsExactly("ana", "bob", "carl");
        // ana T F T F against pass T T T F: observed 3/4, by chance 1/2 · 3/4 + 1/2 · 1/4 = 1/2, kappa 1/2
        VerdictVsJudge ana = all.get(0);
        assertThat(ana.n()).isEqualTo(4);
        assertThat(ana.kappa()).isEqualTo(CohenKappa.nominal(List.of(true, false, true, false),
                List.of(true, true, true, false)));
        assertThat(ana.kappa().orElseThrow().coefficient()).isCloseTo(0.5, within(1e-12));
        assertThat(ana.describe()).isEqualTo("ana vs AI (pass at score >= 0.5): Cohen's kappa 0.50 (observed agreement"
                + " 0.75, by chance 0.50), n = 4");
        assertThat(all.get(1).describe()).isEqualTo("bob vs AI (pass at score >= 0.5): undefined (no answer has both a"
                + " verdict and an AI score), n = 0");
        assertThat(all.get(2).kappa()).isEmpty();
        assertThat(all.get(2).describe()).isEqualTo("carl vs AI (pass at score >= 0.5): undefined (the verdicts and the"
                + " AI's pass / fail are one and the same label throughout), n = 2");
        // at 0.6 the answer scored 0.5 fails: T F T F against T T F F agree on half, as chance would: kappa 0
        assertThat(ReviewAgreement.verdictsVsJudge(reviews, JUDGE, 0.6).get(0).kappa().orElseThrow().coefficient())
                .isCloseTo(0.0, within(1e-12));
        assertThat(ReviewAgreement.verdictsVsJudge(reviews, JUDGE)).isEqualTo(all);
        List<Result> results = new ArrayList<>();
        JUDGE.forEach((c, v) -> results.add(Results.unscored(c.prompt(), c.model(), c.trial(), 0)
                .withScore("judge", Score.of(v))));
        assertThat(ReviewAgreement.verdictsVsJudge(reviews, results, "judge", 0.5)).isEqualTo(all);
    }

    @Test
    void theDefaultPassThresholdIsOnlyForScoresInZeroToOne() {
        List<Review> reviews = List.of(verdict("ana", "a", "t1", true));
        assertThatThrownBy(() -> ReviewAgreement.verdictsVsJudge(reviews, Map.of(cell("a", "t1"), 7.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("aiScores has 7.0 for p/a/t1#0; the default pass threshold 0.5 is for scores in [0, 1]:"
                        + " pass a threshold for this score");
        assertThat(ReviewAgreement.verdictsVsJudge(reviews, Map.of(cell("a", "t1"), 7.0), 5).get(0).n()).isEqualTo(1);
        assertThatThrownBy(() -> ReviewAgreement.verdictsVsJudge(reviews, JUDGE, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threshold must be finite, was NaN");
        assertThatThrownBy(() -> ReviewAgreement.verdictsVsJudge(null, JUDGE, 0.5))
                .isInstanceOf(NullPointerException.class).hasMessage("reviews");
    }

    @Test
    void theVerdictVsJudgeRecordChecksItsComponents() {
        Kappa kappa = new Kappa(0.5, 0.75, 0.5, 2);
        assertThatThrownBy(() -> new VerdictVsJudge("a", Double.POSITIVE_INFINITY, Optional.empty(), 0))
                .hasMessage("threshold must be finite, was Infinity");
        assertThatThrownBy(() -> new VerdictVsJudge("a", 0.5, Optional.of(kappa), 3))
                .hasMessage("kappa is over 2 answers but n is 3");
        assertThatThrownBy(() -> new VerdictVsJudge("a", 0.5, Optional.empty(), -1)).hasMessage("n must be >= 0, was -1");
    }

    @Test
    void passThresholdIsTheGivenOneElseHalfForScoresInTheUnitRangeElseNone() {
        Map<CellId, Double> unit = Map.of(cell("m", "t1"), 0.2, cell("m", "t2"), 1.0);
        Map<CellId, Double> fivePoint = Map.of(cell("m", "t1"), 4.0);
        assertThat(ReviewAgreement.passThreshold(unit, java.util.OptionalDouble.empty())).hasValue(0.5);
        assertThat(ReviewAgreement.passThreshold(fivePoint, java.util.OptionalDouble.empty())).isEmpty();
        assertThat(ReviewAgreement.passThreshold(fivePoint, java.util.OptionalDouble.of(3))).hasValue(3.0);
    }
}
