package dev.bench4j.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Normalization;
import dev.bench4j.scoring.Scorers;
import dev.bench4j.scoring.testing.Requests;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** contains, contains_all and contains_any look for the expected strings in the normalized output. */
class ContainsScorerTest {

    private static final String OUTPUT = "The patient has Type 2 diabetes\nand mild  asthma.";

    private static double value(Scorer scorer, String output, Object expected) {
        return Requests.score(scorer, output, expected).value().orElseThrow();
    }

    private static String error(Scorer scorer, String output, Object expected) {
        return Requests.score(scorer, output, expected).error().orElseThrow();
    }

    @Test
    void containsIsOneWhenTheOutputContainsTheExpectedString() {
        assertThat(value(Scorers.contains(), OUTPUT, "diabetes")).isEqualTo(1.0);
        assertThat(value(Scorers.contains(), OUTPUT, "copd")).isEqualTo(0.0);
    }

    @Test
    void containsNeedsEveryStringOfAnExpectedArray() {
        assertThat(value(Scorers.contains(), OUTPUT, List.of("diabetes", "asthma"))).isEqualTo(1.0);
        assertThat(value(Scorers.contains(), OUTPUT, List.of("diabetes", "copd"))).isEqualTo(0.0);
    }

    @Test
    void containsAllIsContainsUnderItsOwnName() {
        assertThat(value(Scorers.containsAll(), OUTPUT, List.of("diabetes", "asthma"))).isEqualTo(1.0);
        assertThat(value(Scorers.containsAll(), OUTPUT, List.of("diabetes", "copd"))).isEqualTo(0.0);
        assertThat(value(Scorers.containsAll(), OUTPUT, "asthma")).isEqualTo(1.0);
    }

    @Test
    void containsAnyNeedsOneStringOfTheExpectedArray() {
        assertThat(value(Scorers.containsAny(), OUTPUT, List.of("copd", "asthma"))).isEqualTo(1.0);
        assertThat(value(Scorers.containsAny(), OUTPUT, List.of("copd", "angina"))).isEqualTo(0.0);
        assertThat(value(Scorers.containsAny(), OUTPUT, "asthma")).isEqualTo(1.0);
    }

    @Test
    void byDefaultWhitespaceIsCollapsedButCaseCounts() {
        assertThat(value(Scorers.contains(), OUTPUT, "diabetes and mild asthma")).isEqualTo(1.0);
        assertThat(value(Scorers.contains(), OUTPUT, "type 2 diabetes")).isEqualTo(0.0);
        assertThat(value(Scorers.contains(Normalization.standard().withIgnoreCase(true)), OUTPUT, "TYPE 2 DIABETES"))
                .isEqualTo(1.0);
    }

    @Test
    void withoutNormalizationWhitespaceMustMatchExactly() {
        assertThat(value(Scorers.contains(Normalization.none()), OUTPUT, "diabetes and")).isEqualTo(0.0);
        assertThat(value(Scorers.contains(Normalization.none()), OUTPUT, "diabetes\nand")).isEqualTo(1.0);
    }

    @Test
    void numbersAndBooleansAreLookedForByTheirJsonText() {
        assertThat(value(Scorers.contains(), "The answer is 42.", 42)).isEqualTo(1.0);
        assertThat(value(Scorers.containsAll(), "x = 0.5, ok = true", List.of(0.5, true))).isEqualTo(1.0);
    }

    @Test
    void anEmptyArrayHasNothingToLookFor() {
        assertThat(error(Scorers.containsAny(), OUTPUT, List.of()))
                .isEqualTo("trial 't1' expected value is an empty array, which has nothing to look for");
    }

    @Test
    void aStringThatNormalizesToNothingCannotBeLookedFor() {
        assertThat(error(Scorers.contains(), OUTPUT, "  \n"))
                .isEqualTo("trial 't1' expected value is empty after normalization");
        assertThat(error(Scorers.containsAll(), OUTPUT, List.of("asthma", " ")))
                .isEqualTo("trial 't1' expected item 1 is empty after normalization");
    }

    @Test
    void anItemThatIsNotAStringNumberOrBooleanIsReportedEvenWhenAnotherWouldMatch() {
        assertThat(error(Scorers.containsAny(), OUTPUT, List.of("asthma", Map.of("name", "copd"))))
                .isEqualTo("trial 't1' expected item 1 must be a string, number or boolean but is an object");
        assertThat(error(Scorers.containsAny(), OUTPUT, Arrays.asList("asthma", null)))
                .isEqualTo("trial 't1' expected item 1 must be a string, number or boolean but is null");
        assertThat(error(Scorers.contains(), OUTPUT, Map.of("name", "copd")))
                .isEqualTo("trial 't1' expected value must be a string, number or boolean but is an object");
    }

    @Test
    void aTrialWithoutExpectedValueCannotBeScored() {
        for (Scorer s : List.of(Scorers.contains(), Scorers.containsAll(), Scorers.containsAny())) {
            assertThat(Requests.now(s, Requests.withoutExpected(OUTPUT)))
                    .isEqualTo(Score.error("trial 't1' has no expected value"));
        }
    }
}
