package dev.bench4j.scoring.compare;

import static dev.bench4j.scoring.compare.ReviewAgreementTest.RANKINGS;
import static dev.bench4j.scoring.compare.ReviewAgreementTest.RATINGS;
import static dev.bench4j.scoring.compare.ReviewAgreementTest.rating;
import static dev.bench4j.scoring.compare.ReviewAgreementTest.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bench4j.core.Review;
import dev.bench4j.scoring.compare.ReviewAgreement.Scale;
import dev.bench4j.scoring.compare.ReviewReliability.RatingReliability;
import dev.bench4j.scoring.compare.ReviewReliability.VerdictReliability;
import dev.bench4j.scoring.stats.Alpha;
import dev.bench4j.scoring.stats.Kappa;
import dev.bench4j.scoring.stats.Krippendorff;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reliability of all the reviewers of a run, missing judgements allowed; fixtures from {@link ReviewAgreementTest}. */
class ReviewReliabilityTest {

    @Test
    void verdictReliabilityIsNominalAlphaOfAllReviewersWithMissingVerdictsAndFleissOverAnswersAllJudged() {
        List<Review> reviews = List.of(
                verdict("ana", "a", "t1", true), verdict("ana", "a", "t2", true), verdict("ana", "a", "t3", true),
                verdict("ana", "a", "t4", true), verdict("ana", "a", "t3", false), // she changed her mind on t3
                verdict("bob", "a", "t1", true), verdict("bob", "a", "t2", false), verdict("bob", "a", "t3", false),
                verdict("bob", "a", "t4", true),
                verdict("carl", "a", "t1", true), verdict("carl", "a", "t2", true),
                verdict("carl", "a", "t5", false)); // only carl judged t5: not pairable

        VerdictReliability r = ReviewReliability.verdictReliability(reviews);

        // units t1 {T,T,T}, t2 {T,F,T}, t3 {F,F}, t4 {T,T}: n = 10 (7 T, 3 F), observed Σ (m² − Σ n_uc²)/(m − 1)
        // = 2 (from t2), expected n² − Σ n_c² = 100 − 49 − 9 = 42, alpha = 1 − (n − 1) · 2 / 42 = 4/7
        assertThat(r.reviewers()).containsExactly("ana", "bob", "carl");
        assertThat(r.answers()).isEqualTo(5);
        assertThat(r.pairableValues()).isEqualTo(10);
        assertThat(r.alpha().orElseThrow().coefficient()).isCloseTo(4.0 / 7, within(1e-12));
        double m = Double.NaN; // the same verdicts as a reliability matrix, acceptable = 1
        assertThat(r.alpha()).isEqualTo(Krippendorff.alpha(new double[][] {
                {1, 1, 0, 1, m}, {1, 0, 0, 1, m}, {1, 1, m, m, 0}}, Krippendorff.Metric.NOMINAL));
        // Fleiss over t1 and t2: observed (9 + 5 − 6) / 12 = 2/3, expected (5/6)² + (1/6)² = 13/18, kappa −1/5
        assertThat(r.judgedByAll()).isEqualTo(2);
        assertThat(r.fleissKappa().orElseThrow().coefficient()).isCloseTo(-0.2, within(1e-12));
        assertThat(r.describe()).isEqualTo("3 reviewers' verdicts on 5 answers: Krippendorff's alpha (nominal) 0.57 over"
                + " 10 pairable verdicts; Fleiss' kappa -0.20 over the 2 answers all judged");
    }

    @Test
    void verdictReliabilityIsEmptyAndSaysWhyWhenUndefined() {
        VerdictReliability none = ReviewReliability.verdictReliability(RATINGS);
        assertThat(none.reviewers()).isEmpty();
        assertThat(none.alpha()).isEmpty();
        assertThat(none.describe()).isEqualTo("no verdicts");

        VerdictReliability apart = ReviewReliability.verdictReliability(List.of(
                verdict("ana", "a", "t1", true), verdict("bob", "a", "t2", false)));
        assertThat(apart.alpha()).isEmpty();
        assertThat(apart.pairableValues()).isZero();
        assertThat(apart.describe())
                .isEqualTo("2 reviewers' verdicts on 2 answers: Krippendorff's alpha undefined (no answer judged by 2 reviewers)");

        VerdictReliability same = ReviewReliability.verdictReliability(List.of(
                verdict("ana", "a", "t1", true), verdict("bob", "a", "t1", true), verdict("carl", "a", "t2", false)));
        assertThat(same.alpha()).isEmpty();
        assertThat(same.fleissKappa()).isEmpty();
        assertThat(same.describe()).isEqualTo("3 reviewers' verdicts on 2 answers: Krippendorff's alpha undefined (every"
                + " pairable verdict is the same); Fleiss' kappa undefined (no answer judged by all)");

        VerdictReliability allAgree = ReviewReliability.verdictReliability(List.of(verdict("ana", "a", "t1", true),
                verdict("bob", "a", "t1", true), verdict("carl", "a", "t1", true), verdict("carl", "a", "t2", false)));
        assertThat(allAgree.describe()).endsWith("; Fleiss' kappa undefined (one verdict throughout the 1 answer all judged)");
    }

    @Test
    void ratingReliabilityIsOrdinalAndIntervalAlphaPerScaleWithMissingRatings() {
        List<Review> reviews = List.of(
                rating("ana", "t1", 1, 5), rating("ana", "t2", 2, 5), rating("ana", "t3", 3, 5),
                rating("bob", "t1", 1, 5), rating("bob", "t2", 3, 5), rating("bob", "t4", 5, 5),
                rating("carl", "t1", 2, 5), rating("carl", "t3", 3, 5),
                rating("dave", "t1", 7, 10)); // another scale, alone on it

        List<RatingReliability> all = ReviewReliability.ratingReliability(reviews);

        assertThat(all).extracting(RatingReliability::scale).containsExactly(new Scale(1, 5), new Scale(1, 10));
        RatingReliability five = all.get(0);
        assertThat(five.reviewers()).containsExactly("ana", "bob", "carl");
        assertThat(five.answers()).isEqualTo(4);
        assertThat(five.pairableValues()).isEqualTo(7);
        // pairable units t1 {1,1,2}, t2 {2,3}, t3 {3,3}. Interval: observed 2 + 2 = 4, expected 2 · 7 · 34/7 = 68,
        // alpha 1 − 6 · 4 / 68 = 11/17. Ordinal positions 1 → 1, 2 → 3, 3 → 5.5: observed 8 + 12.5, expected
        // 2 · 7 · 25 = 350, alpha 1 − 6 · 20.5 / 350 = 227/350
        assertThat(five.interval().orElseThrow().coefficient()).isCloseTo(11.0 / 17, within(1e-12));
        assertThat(five.ordinal().orElseThrow().coefficient()).isCloseTo(227.0 / 350, within(1e-12));
        double m = Double.NaN;
        double[][] byRater = {{1, 2, 3, m}, {1, 3, m, 5}, {2, m, 3, m}};
        assertThat(five.ordinal()).isEqualTo(Krippendorff.alpha(byRater, Krippendorff.Metric.ORDINAL));
        assertThat(five.interval()).isEqualTo(Krippendorff.alpha(byRater, Krippendorff.Metric.INTERVAL));
        assertThat(five.describe()).isEqualTo("3 reviewers on [1, 5], 4 answers: Krippendorff's alpha ordinal 0.65,"
                + " interval 0.65 over 7 pairable ratings");
        RatingReliability ten = all.get(1);
        assertThat(ten.ordinal()).isEmpty();
        assertThat(ten.interval()).isEmpty();
        assertThat(ten.describe())
                .isEqualTo("1 reviewer on [1, 10], 1 answer: Krippendorff's alpha undefined (no answer rated by 2 reviewers)");
        assertThat(ReviewReliability.ratingReliability(List.of(rating("ana", "t1", 2, 5), rating("bob", "t1", 2, 5)))
                .get(0).describe()).isEqualTo("2 reviewers on [1, 5], 1 answer: Krippendorff's alpha undefined (every"
                        + " pairable rating is the same)");
        assertThat(ReviewReliability.ratingReliability(RANKINGS)).isEmpty();
    }

    @Test
    void theReliabilityRecordsCheckTheirComponents() {
        Alpha alpha = Krippendorff.nominal(List.of(List.of(1, 2), List.of(1, 1))).orElseThrow();
        assertThatThrownBy(() -> new VerdictReliability(List.of("a", "b"), 2, 3, Optional.of(alpha), 0, Optional.empty()))
                .hasMessage("alpha pairs 4 values but pairableValues is 3");
        assertThatThrownBy(() -> new VerdictReliability(List.of("a"), 1, 0, Optional.empty(), 2, Optional.empty()))
                .hasMessage("judgedByAll must be in [0, answers = 1], was 2");
        Kappa kappa = new Kappa(0.5, 0.75, 0.5, 2);
        assertThatThrownBy(() -> new VerdictReliability(List.of("a", "b"), 2, 4, Optional.empty(), 2, Optional.of(kappa)))
                .hasMessage("fleissKappa needs at least 3 reviewers, were [a, b]");
        assertThatThrownBy(() -> new VerdictReliability(List.of("a", "b", "c"), 3, 6, Optional.empty(), 3,
                Optional.of(kappa))).hasMessage("fleissKappa is over 2 answers but judgedByAll is 3");
        assertThatThrownBy(() -> new RatingReliability(new Scale(1, 5), List.of(), 1, 0, Optional.empty(), Optional.empty()))
                .hasMessage("reviewers must not be empty");
        assertThatThrownBy(() -> new RatingReliability(new Scale(1, 5), List.of("a"), 0, 0, Optional.empty(),
                Optional.empty())).hasMessage("answers must be >= 1, was 0");
    }
}
