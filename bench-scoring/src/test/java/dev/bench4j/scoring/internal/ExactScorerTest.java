package dev.bench4j.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Normalization;
import dev.bench4j.scoring.Scorers;
import dev.bench4j.scoring.testing.Requests;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** exact gives 1 when the normalized output equals the normalized expected value, else 0. */
class ExactScorerTest {

    private static double value(Scorer scorer, String output, Object expected) {
        return Requests.score(scorer, output, expected).value().orElseThrow();
    }

    private static String error(Scorer scorer, String output, Object expected) {
        return Requests.score(scorer, output, expected).error().orElseThrow();
    }

    @Test
    void anEqualOutputScoresOneAndADifferentOneZero() {
        assertThat(value(Scorers.exact(), "Paris", "Paris")).isEqualTo(1.0);
        assertThat(value(Scorers.exact(), "Lyon", "Paris")).isEqualTo(0.0);
        assertThat(value(Scorers.exact(), "Paris is the capital", "Paris")).isEqualTo(0.0);
    }

    @Test
    void byDefaultWhitespaceIsTrimmedAndCollapsedButCaseCounts() {
        assertThat(value(Scorers.exact(), "  New \n York\n", "New York")).isEqualTo(1.0);
        assertThat(value(Scorers.exact(), "new york", "New York")).isEqualTo(0.0);
    }

    @Test
    void byDefaultComposedAndDecomposedAccentsAreEqual() {
        assertThat(value(Scorers.exact(), "Montre\u0301al", "Montr\u00e9al")).isEqualTo(1.0);
    }

    @Test
    void ignoreCaseMakesCaseIrrelevant() {
        assertThat(value(Scorers.exact(Normalization.standard().withIgnoreCase(true)), "NEW YORK", "New York")).isEqualTo(1.0);
    }

    @Test
    void withoutNormalizationTextsMustMatchCharacterForCharacter() {
        assertThat(value(Scorers.exact(Normalization.none()), "Paris\n", "Paris")).isEqualTo(0.0);
        assertThat(value(Scorers.exact(Normalization.none()), "Paris", "Paris")).isEqualTo(1.0);
    }

    @Test
    void theExpectedValueIsNormalizedToo() {
        assertThat(value(Scorers.exact(), "Paris", " Paris\t")).isEqualTo(1.0);
    }

    @Test
    void numbersAndBooleansAreComparedByTheirJsonText() {
        assertThat(value(Scorers.exact(), "42", 42)).isEqualTo(1.0);
        assertThat(value(Scorers.exact(), "42.0", 42)).isEqualTo(0.0);
        assertThat(value(Scorers.exact(), "0.5", 0.5)).isEqualTo(1.0);
        assertThat(value(Scorers.exact(), "2.50", new BigDecimal("2.50"))).isEqualTo(1.0);
        assertThat(value(Scorers.exact(), " true ", true)).isEqualTo(1.0);
        assertThat(value(Scorers.exact(), "True", true)).isEqualTo(0.0);
    }

    @Test
    void anArrayOrObjectExpectedValueCannotBeScored() {
        assertThat(error(Scorers.exact(), "a", List.of("a")))
                .isEqualTo("trial 't1' expected value must be a string, number or boolean but is an array");
        assertThat(error(Scorers.exact(), "a", Map.of("answer", "a")))
                .isEqualTo("trial 't1' expected value must be a string, number or boolean but is an object");
    }

    @Test
    void aTrialWithoutExpectedValueCannotBeScored() {
        assertThat(Requests.now(Scorers.exact(), Requests.withoutExpected("Paris")))
                .isEqualTo(Score.error("trial 't1' has no expected value"));
    }
}
