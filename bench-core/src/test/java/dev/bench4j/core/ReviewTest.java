package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewTest {

    private static final Instant T = Instant.parse("2026-12-07T10:15:30Z");
    private static final CellId A = new CellId("v1", "careful", "t1", 0);
    private static final CellId B = new CellId("v1", "hasty", "t1", 0);

    @Test
    void aRatingMustBeOnItsScale() {
        assertThat(Review.rating("ana", T, A, 4, 1, 5).normalized()).isEqualTo(0.75);
        assertThatThrownBy(() -> Review.rating("ana", T, A, 6, 1, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating must be on the scale [1, 5] but was 6.0");
        assertThatThrownBy(() -> Review.rating("ana", T, A, 3, 5, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating scale must be finite with min < max but was [5.0, 5.0]");
        assertThatThrownBy(() -> Review.rating("ana", T, A, Double.NaN, 1, 5)).hasMessageContaining("was NaN");
    }

    @Test
    void aReviewerHasAPrintableName() {
        assertThatThrownBy(() -> Review.verdict(" ", T, A, true)).hasMessage("reviewer must not be blank");
        assertThatThrownBy(() -> Review.verdict("a\nb", T, A, true)).hasMessage("reviewer must not contain control characters");
        assertThatThrownBy(() -> Review.verdict(" ana", T, A, true))
                .hasMessage("reviewer must not start or end with spaces but was ' ana'");
        assertThatThrownBy(() -> Review.verdict("x".repeat(101), T, A, true))
                .hasMessage("reviewer must be at most 100 characters but had 101");
        assertThatThrownBy(() -> Review.verdict(null, T, A, true)).isInstanceOf(NullPointerException.class)
                .hasMessage("reviewer");
    }

    @Test
    void aRankingOrdersDistinctConfigurationsOfOneTrialAndRepetition() {
        Review.Ranking r = Review.ranking("ana", T, List.of(B, A), Duration.ofSeconds(3));
        assertThat(r.trial()).isEqualTo("t1");
        assertThat(r.repetition()).isZero();
        assertThat(r.cells()).containsExactly(B, A);
        assertThatThrownBy(() -> Review.ranking("ana", T, List.of(A), Duration.ZERO))
                .hasMessage("a ranking needs at least 2 answers but had 1");
        assertThatThrownBy(() -> Review.ranking("ana", T, List.of(A, new CellId("v1", "hasty", "t2", 0)), Duration.ZERO))
                .hasMessage("a ranking orders the answers to one trial and repetition, but v1/careful/t1#0 and v1/hasty/t2#0 differ");
        assertThatThrownBy(() -> Review.ranking("ana", T, List.of(A, B, A), Duration.ZERO))
                .hasMessage("a ranking holds prompt 'v1' with model 'careful' twice");
        assertThatThrownBy(() -> Review.ranking("ana", T, List.of(A, B), Duration.ofSeconds(-1)))
                .hasMessage("timeSpent must be >= 0 but was PT-1S");
    }

    @Test
    void aCommentIsAtMostTenThousandCharacters() {
        assertThat(Review.comment("ana", T, A, "x".repeat(10_000)).text()).hasSize(10_000);
        assertThatThrownBy(() -> Review.comment("ana", T, A, "x".repeat(10_001)))
                .hasMessage("comment must be at most 10000 characters but had 10001");
    }

    @Test
    void latestKeepsTheLastReviewPerReviewerKindAndTargetAndDropsWithdrawnComments() {
        Review r1 = Review.rating("ana", T, A, 2, 1, 5);
        Review v1 = Review.verdict("ana", T, A, true);
        Review r2 = Review.rating("bo", T, A, 5, 1, 5);
        Review c1 = Review.comment("ana", T, A, "meh");
        Review k1 = Review.ranking("ana", T, List.of(A, B), Duration.ZERO);
        Review r3 = Review.rating("ana", T.minusSeconds(60), A, 4, 1, 5);   // added last, even if dated earlier
        Review c2 = Review.comment("ana", T, A, "");
        Review k2 = Review.ranking("ana", T, List.of(B, A), Duration.ZERO);
        Review other = Review.rating("ana", T, B, 1, 1, 5);

        assertThat(Review.latest(List.of(r1, v1, r2, c1, k1, r3, c2, k2, other))).containsExactly(v1, r2, r3, k2, other);
        assertThat(Review.latest(List.of())).isEmpty();
    }
}
