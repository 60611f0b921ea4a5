package dev.bench4j.scoring.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Review;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weighted Borda count: shared points for ties, weighted sums, a deterministic order, checked inputs. */
class RecommendationTest {

    // human: a = b = 5 > c = 3 > d = 1 -> points d 0, c 1, a and b share (2 + 3) / 2 = 2.5
    private static final Map<String, Double> HUMAN = Map.of("a", 5.0, "b", 5.0, "c", 3.0, "d", 1.0);
    // ai: b = c = 0.9 > d = 0.5 > a = 0.2 -> points a 0, d 1, b and c share 2.5
    private static final Map<String, Double> AI = Map.of("a", 0.2, "b", 0.9, "c", 0.9, "d", 0.5);

    @Test
    void tiesShareTheAveragePointsAndWeightsScaleEachList() {
        Recommendation r = Recommendation.borda(HUMAN, AI, 2, 1);

        // a 2*2.5 + 0 = 5, b 2*2.5 + 2.5 = 7.5, c 2*1 + 2.5 = 4.5, d 0 + 1 = 1
        assertThat(r.ranking()).extracting(Recommendation.Entry::name, Recommendation.Entry::points,
                Recommendation.Entry::humanPoints, Recommendation.Entry::aiPoints)
                .containsExactly(tuple("b", 7.5, 2.5, 2.5), tuple("a", 5.0, 2.5, 0.0), tuple("c", 4.5, 1.0, 2.5),
                        tuple("d", 1.0, 0.0, 1.0));
        assertThat(r.recommended()).isEqualTo("b");
        assertThat(r.agreement()).isEqualTo(Agreement.of(HUMAN, AI));
        assertThat(r.describe()).startsWith("recommended: b (7.50 points; human weight 2, AI weight 1; ties by human score, "
                + "then AI score, then name); human vs AI: Kendall tau-b ").endsWith(", n = 4");
        assertThat(r.tieBreak()).isEqualTo(Recommendation.TieBreak.SCORES);
        assertThat(r.ranking()).allMatch(e -> e.inHuman() && e.inAi());

        // weights 1 and 3: a 2.5, b 2.5 + 7.5 = 10, c 1 + 7.5 = 8.5, d 3
        assertThat(Recommendation.borda(HUMAN, AI, 1, 3).ranking()).extracting(Recommendation.Entry::name,
                Recommendation.Entry::points)
                .containsExactly(tuple("b", 10.0), tuple("c", 8.5), tuple("d", 3.0), tuple("a", 2.5));
        // AI weight 0: the human ranking alone
        assertThat(Recommendation.borda(HUMAN, AI, 1, 0).ranking()).extracting(Recommendation.Entry::points)
                .containsExactly(2.5, 2.5, 1.0, 0.0);
    }

    @Test
    void tiedPointsGoToTheHigherHumanScoreThenTheHigherAiScoreThenTheName() {
        // p: human 1 pt, ai 0 pt; q: human 0, ai 1 -> both 1 point; p has the higher human score
        assertThat(Recommendation.borda(Map.of("p", 1.0, "q", 0.0), Map.of("p", 0.0, "q", 1.0), 1, 1).ranking())
                .extracting(Recommendation.Entry::name).containsExactly("p", "q");
        // AI weight 0 and equal human scores: the higher AI score decides
        assertThat(Recommendation.borda(Map.of("m", 1.0, "n", 1.0), Map.of("m", 0.3, "n", 0.7), 1, 0).recommended())
                .isEqualTo("n");
        // everything equal: the name, whatever the maps' order
        Map<String, Double> yx = new LinkedHashMap<>();
        yx.put("y", 1.0);
        yx.put("x", 1.0);
        assertThat(Recommendation.borda(yx, yx, 1, 1).ranking()).extracting(Recommendation.Entry::name)
                .containsExactly("x", "y");
    }

    @Test
    void sumsEqualOnPaperTieDespiteFloatingPoint() {
        // human points w 3, x 2, u 1, v 0; ai points v 3, x 2, w 1, u 0; weights 0.3 and 0.1:
        // w 0.9 + 0.1 = 1.0, x 0.6 + 0.2 = 0.8, u 0.3 * 1 = 0.3, v 0.1 * 3 = 0.3 (0.30000000000000004 in doubles,
        // which would put v ahead); the tie goes to u, the higher human score
        Map<String, Double> human = Map.of("w", 4.0, "x", 3.0, "u", 2.0, "v", 1.0);
        Map<String, Double> ai = Map.of("v", 4.0, "x", 3.0, "w", 2.0, "u", 1.0);

        assertThat(Recommendation.borda(human, ai, 0.3, 0.1).ranking()).extracting(Recommendation.Entry::name,
                Recommendation.Entry::points)
                .containsExactly(tuple("w", 1.0), tuple("x", 0.8), tuple("u", 0.3), tuple("v", 0.3));
        assertThat(Recommendation.borda(human, ai, 0.3, 0.1).describe()).startsWith("recommended: w (1.00 points; "
                + "human weight 0.3, AI weight 0.1; ties by human score, then AI score, then name); ");
    }

    @Test
    void invalidInputsAreRejectedWithMessagesNamingThem() {
        assertThatThrownBy(() -> Recommendation.borda(HUMAN, AI, -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("humanWeight must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> Recommendation.borda(HUMAN, AI, 1, Double.NaN))
                .hasMessage("aiWeight must be finite and >= 0, was NaN");
        assertThatThrownBy(() -> Recommendation.borda(HUMAN, AI, 1, Double.POSITIVE_INFINITY))
                .hasMessage("aiWeight must be finite and >= 0, was Infinity");
        assertThatThrownBy(() -> Recommendation.borda(HUMAN, AI, 0, 0))
                .hasMessage("humanWeight and aiWeight must not both be 0");
        assertThatThrownBy(() -> Recommendation.borda(Map.of(), Map.of(), 1, 1))
                .hasMessage("human and ai must not both be empty");
        assertThatThrownBy(() -> Recommendation.borda(HUMAN, AI, 1, 1, null)).hasMessage("tieBreak");
        assertThatThrownBy(() -> Recommendation.borda(Map.of("a", Double.POSITIVE_INFINITY), Map.of("b", 1.0), 1, 1))
                .hasMessage("human has Infinity for 'a'; values must be finite");
        assertThatThrownBy(() -> Recommendation.borda(Map.of("a", 1.0), Map.of("a", Double.NaN), 1, 1))
                .hasMessage("ai has NaN for 'a'; values must be finite");
        assertThatThrownBy(() -> Recommendation.borda(null, AI, 1, 1)).hasMessage("human");
        assertThatThrownBy(() -> new Recommendation(List.of(), 1, 1, Agreement.of(HUMAN, AI)))
                .hasMessage("ranking must not be empty");
    }

    @Test
    void aSingleNameIsRecommendedWithAnUndefinedAgreement() {
        Recommendation r = Recommendation.borda(Map.of("only", 1.0), Map.of("only", 0.0), 1, 1);

        assertThat(r.recommended()).isEqualTo("only");
        assertThat(r.describe()).isEqualTo("recommended: only (0.00 points; human weight 1, AI weight 1; ties by human "
                + "score, then AI score, then name); human vs AI: undefined (fewer than 2 common names), n = 1");
    }

    @Test
    void aNameMissingFromARankingGetsNoPointsFromItAndTheOthersKeepTheirPlaces() {
        // electowiki's example of a truncated ballot: 10 names, A first and B second, the rest unranked:
        // A 9, B 8, every other 0
        Map<String, Double> human = Map.of("A", 2.0, "B", 1.0);
        Map<String, Double> ai = new HashMap<>();
        for (char c = 'A'; c <= 'J'; c++) {
            ai.put(String.valueOf(c), 0.5);   // the AI ties all ten: each gets the mean of 0..9, 4.5
        }
        Recommendation r = Recommendation.borda(human, ai, 1, 0);
        assertThat(r.ranking()).hasSize(10);
        assertThat(r.ranking()).extracting(Recommendation.Entry::name, Recommendation.Entry::humanPoints,
                Recommendation.Entry::aiPoints, Recommendation.Entry::inHuman)
                .startsWith(tuple("A", 9.0, 4.5, true), tuple("B", 8.0, 4.5, true), tuple("C", 0.0, 4.5, false));
        assertThat(r.ranking().subList(2, 10)).extracting(Recommendation.Entry::points).containsOnly(0.0);
        assertThat(r.describe()).contains("; not in the human ranking (0 points from it): C, D, E, F, G, H, I, J); ");

        // human ranks a > b (of the 4 names: 3 and 2 points), the AI ranks b > c > d > a (3, 2, 1, 0) but lacks
        // nothing; with equal weights: a 3, b 5, c 2, d 1
        Recommendation partial = Recommendation.borda(Map.of("a", 1.0, "b", 0.5),
                Map.of("b", 4.0, "c", 3.0, "d", 2.0, "a", 1.0), 1, 1);
        assertThat(partial.ranking()).extracting(Recommendation.Entry::name, Recommendation.Entry::points,
                Recommendation.Entry::humanPoints, Recommendation.Entry::aiPoints)
                .containsExactly(tuple("b", 5.0, 2.0, 3.0), tuple("a", 3.0, 3.0, 0.0), tuple("c", 2.0, 0.0, 2.0),
                        tuple("d", 1.0, 0.0, 1.0));
        // the agreement is over the names both hold: a and b, in opposite orders
        assertThat(partial.agreement()).isEqualTo(Agreement.of(Map.of("a", 1.0, "b", 0.5), Map.of("a", 1.0, "b", 4.0)));

        // both partial, ties inside a partial ranking share the points of the places they take:
        // names p, q, r, s; human p = q > r (3 and 2 shared: 2.5 each, r 1), s missing; AI s > p (3, 2), q and r missing
        Recommendation both = Recommendation.borda(Map.of("p", 1.0, "q", 1.0, "r", 0.0), Map.of("s", 9.0, "p", 1.0), 1, 1);
        assertThat(both.ranking()).extracting(Recommendation.Entry::name, Recommendation.Entry::points,
                Recommendation.Entry::inHuman, Recommendation.Entry::inAi)
                .containsExactly(tuple("p", 4.5, true, true), tuple("s", 3.0, false, true), tuple("q", 2.5, true, false),
                        tuple("r", 1.0, true, false));
        assertThat(both.describe()).contains("; not in the human ranking (0 points from it): s; not in the AI ranking "
                + "(0 points from it): q, r); human vs AI: ");
        // one ranking empty: the other alone decides
        assertThat(Recommendation.borda(Map.of(), Map.of("x", 1.0, "y", 2.0), 1, 1).ranking())
                .extracting(Recommendation.Entry::name, Recommendation.Entry::points)
                .containsExactly(tuple("y", 1.0), tuple("x", 0.0));
    }

    @Test
    void theTieBreakIsAnOptionAndTheDescriptionSaysWhichWasUsed() {
        // p: human 1 pt, ai 0 pt; q: human 0, ai 1 -> both 1 point
        Map<String, Double> human = Map.of("q", 0.0, "p", 1.0);
        Map<String, Double> ai = Map.of("q", 1.0, "p", 0.0);
        Recommendation byScores = Recommendation.borda(human, ai, 1, 1, Recommendation.TieBreak.SCORES);
        assertThat(byScores).isEqualTo(Recommendation.borda(human, ai, 1, 1));
        assertThat(byScores.ranking()).extracting(Recommendation.Entry::name).containsExactly("p", "q");
        // z and a tie at 1 point; z has the higher human score, a comes first by name
        Map<String, Double> h2 = Map.of("z", 1.0, "a", 0.0);
        Map<String, Double> a2 = Map.of("z", 0.0, "a", 1.0);
        assertThat(Recommendation.borda(h2, a2, 1, 1).recommended()).isEqualTo("z");
        Recommendation byName = Recommendation.borda(h2, a2, 1, 1, Recommendation.TieBreak.NAME);
        assertThat(byName.recommended()).isEqualTo("a");
        assertThat(byName.tieBreak()).isEqualTo(Recommendation.TieBreak.NAME);
        assertThat(byName.describe()).startsWith("recommended: a (1.00 points; human weight 1, AI weight 1; ties by name); "
                + "human vs AI: ");
        // points still come first whatever the tie-break
        assertThat(Recommendation.borda(Map.of("a", 0.0, "z", 1.0), Map.of("a", 0.0, "z", 1.0), 1, 1,
                Recommendation.TieBreak.NAME).recommended()).isEqualTo("z");
        // a name missing from a ranking has the lowest score there when scores break the tie: names w and b;
        // the human ranks w alone (1 point), the AI b > w (1 and 0): both 1 point; w has a human score, b none
        Recommendation missing = Recommendation.borda(Map.of("w", 0.0), Map.of("b", 1.0, "w", 0.0), 1, 1);
        assertThat(missing.ranking()).extracting(Recommendation.Entry::name, Recommendation.Entry::points)
                .containsExactly(tuple("w", 1.0), tuple("b", 1.0));
        assertThat(Recommendation.borda(Map.of("w", 0.0), Map.of("b", 1.0, "w", 0.0), 1, 1, Recommendation.TieBreak.NAME)
                .recommended()).isEqualTo("b");
    }

    private static CellId cell(String model, String trial) {
        return new CellId("p", model, trial, 0);
    }

    private static Review.Ranking ranking(String reviewer, String trial, String... modelsBestFirst) {
        return Review.ranking(reviewer, Instant.EPOCH, Arrays.stream(modelsBestFirst)
                .map(m -> cell(m, trial)).toList(), Duration.ZERO);
    }

    private static final List<Review> REVIEWS = List.of(
            ranking("ana", "t1", "c", "b", "a"), // replaced by her later ranking of t1
            ranking("ana", "t1", "a", "b", "c"),
            ranking("bob", "t1", "b", "a", "c"),
            ranking("ana", "t2", "a", "c"),
            ranking("ana", "t3", "e", "a"),
            Review.verdict("ana", Instant.EPOCH, cell("d", "t1"), true));

    private static final Map<CellId, Double> JUDGE = Map.of(
            cell("a", "t1"), 0.2, cell("a", "t2"), 0.4, cell("b", "t1"), 0.9, cell("c", "t1"), 0.5,
            cell("d", "t1"), 1.0); // d is scored but never ranked; e is ranked but never scored

    @Test
    void reviewsGiveEachConfigurationItsMeanNormalizedBordaPointsAndItsMeanAiScore() {
        Recommendation r = Recommendation.fromReviews(REVIEWS, JUDGE, 1, 1);

        // human: a (1 + 0.5 + 1 + 0) / 4 in ana's t1, bob's t1, ana's t2 and t3; b (0.5 + 1) / 2; c (0 + 0 + 0) / 3
        // AI: a's ranked answers t1, t2 and t3 (t3 unscored): (0.2 + 0.4) / 2; b 0.9; c's t1 and t2 (unscored): 0.5
        Map<String, Double> human = Map.of("p / a", 2.5 / 4, "p / b", 0.75, "p / c", 0.0);
        Map<String, Double> ai = Map.of("p / a", (0.2 + 0.4) / 2, "p / b", 0.9, "p / c", 0.5);
        assertThat(r).isEqualTo(Recommendation.borda(human, ai, 1, 1));
        // Borda points: human b 2, a 1, c 0; AI b 2, c 1, a 0
        assertThat(r.ranking()).extracting(Recommendation.Entry::name, Recommendation.Entry::points)
                .containsExactly(tuple("p / b", 4.0), tuple("p / a", 1.0), tuple("p / c", 1.0));
        assertThat(r.recommended()).isEqualTo("p / b");
        assertThat(Recommendation.fromReviews(REVIEWS, JUDGE, 1, 1, Recommendation.TieBreak.NAME))
                .isEqualTo(Recommendation.borda(human, ai, 1, 1, Recommendation.TieBreak.NAME));
        // b first by points; a and c tie at 1 point: a has the higher human score, and comes first by name too
        assertThat(Recommendation.fromReviews(REVIEWS, JUDGE, 1, 1, Recommendation.TieBreak.NAME).ranking())
                .extracting(Recommendation.Entry::name).containsExactly("p / b", "p / a", "p / c");
    }

    @Test
    void fromReviewsRejectsReviewsWithNothingToRecommendAndBadScoresOrWeights() {
        assertThatThrownBy(() -> Recommendation.fromReviews(List.of(REVIEWS.get(5)), JUDGE, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reviews hold no ranking to recommend from");
        assertThatThrownBy(() -> Recommendation.fromReviews(REVIEWS, Map.of(cell("z", "t1"), 0.5), 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no ranked answer has an AI score; ranked configurations: [p / a, p / b, p / c, p / e]");
        Map<CellId, Double> infinite = new HashMap<>(JUDGE);
        infinite.put(cell("b", "t1"), Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Recommendation.fromReviews(REVIEWS, infinite, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("aiScores has -Infinity for p/b/t1#0; scores must be finite");
        assertThatThrownBy(() -> Recommendation.fromReviews(REVIEWS, JUDGE, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("humanWeight and aiWeight must not both be 0");
        assertThatThrownBy(() -> Recommendation.fromReviews(null, JUDGE, 1, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("reviews");
        assertThatThrownBy(() -> Recommendation.fromReviews(REVIEWS, null, 1, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("aiScores");
    }
}
