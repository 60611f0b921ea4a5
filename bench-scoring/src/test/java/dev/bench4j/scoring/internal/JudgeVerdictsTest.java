package dev.bench4j.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.Score;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A judge's verdict is read as JSON or a bare number on the declared scale, normalized to 0..1. */
class JudgeVerdictsTest {

    private final JudgeVerdicts oneToFive = new JudgeVerdicts(1, 5);

    @Test
    void aJsonVerdictGivesTheNormalizedScoreTheRawScoreAndTheReason() {
        Score s = oneToFive.read("{\"score\": 4, \"reason\": \"Lists both conditions but adds one.\"}");

        assertThat(s.value()).hasValue(0.75);
        assertThat(s.details()).containsEntry("judge_score", 4.0);
        assertThat(s.reason()).contains("Lists both conditions but adds one.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "```json\\n{\"score\": 5, \"reason\": \"ok\"}\\n```|1.0",
        "Here is my verdict:\\n{\"score\": 3, \"reason\": \"half right\"}\\nThanks!|0.5",
        "{\"reason\": \"first\", \"score\": \"2\"}|0.25",
        "{\"score\": 1.5}|0.125",
        "4|0.75",
        "  4.0 |0.75",
        "3/5|0.5",
        "5.|1.0",
        "1|0.0",
    })
    void verdictShapesJudgesWriteAreRead(String verdict, double expected) {
        Score s = oneToFive.read(verdict.replace("\\n", "\n"));

        assertThat(s.error()).isEmpty();
        assertThat(s.value()).hasValue(expected);
    }

    // "[{index}]" keeps the name of the empty verdict non-blank: JUnit 5 refuses a blank display name
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "Sure! The answer looks good to me.|judge verdict is neither JSON {\"score\": ..., \"reason\": ...} nor a bare number: 'Sure! The answer looks good to me.'",
        "{\"rating\": 4}|judge verdict has no \"score\" field: '{\"rating\": 4}'",
        "{\"score\": \"high\"}|judge verdict's \"score\" must be a number but was a string: '{\"score\": \"high\"}'",
        "{\"score\": null}|judge verdict's \"score\" must be a number but was null",
        "{\"score\": 7}|judge score 7 is outside the declared scale 1..5: '{\"score\": 7}'",
        "0|judge score 0 is outside the declared scale 1..5",
        "8/10|judge verdict '8/10' is out of 10 but the scale is 1..5",
        "{\"score\": \"4/10\"}|judge verdict '{\"score\": \"4/10\"}' is out of 10 but the scale is 1..5",
        "{\"score\": 4, \"score\": 1}|judge verdict repeats a field (Duplicate field 'score')",
        "{\"score\": [4]}|judge verdict's \"score\" must be a number but was an array",
        "{\"score\": {\"value\": 4}}|judge verdict's \"score\" must be a number but was an object",
        "{\"score\": true}|judge verdict's \"score\" must be a number but was a boolean",
        "[4]|judge verdict is neither JSON",
        "{\"score\": 1e400}|judge score",
        "{\"score\": 4|judge verdict is neither JSON",
        "''|judge verdict is neither JSON",
    })
    void unreadableOrOffScaleVerdictsAreScoringErrorsQuotingTheVerdict(String verdict, String message) {
        Score s = oneToFive.read(verdict.equals("''") ? "" : verdict);

        assertThat(s.value()).isEmpty();
        assertThat(s.error().orElseThrow()).startsWith(message);
    }

    @Test
    void aLongVerdictIsQuotedShortened() {
        Score s = oneToFive.read("no ".repeat(200));

        assertThat(s.error().orElseThrow()).endsWith("...'").hasSizeLessThan(320);
    }

    @Test
    void anyScaleNormalizesLinearly() {
        JudgeVerdicts tenPoint = new JudgeVerdicts(0, 10);

        assertThat(tenPoint.read("7").value()).hasValue(0.7);
        assertThat(new JudgeVerdicts(-1, 1).read("{\"score\": 0}").value()).hasValue(0.5);
    }

    @Test
    void aScaleWhoseMaximumIsNotAboveItsMinimumIsRefused() {
        assertThatThrownBy(() -> new JudgeVerdicts(5, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("judge scale must be finite numbers with min < max but was 5.0..5.0");
        assertThatThrownBy(() -> new JudgeVerdicts(0, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScoreWrittenAsAFractionOfTheMaximumKeepsTheReasonAndAReasonThatIsNotTextIsKeptAsJson() {
        Score fraction = oneToFive.read("{\"score\": \"4/5\", \"reason\": \"close\"}");
        Score structured = oneToFive.read("{\"score\": 2, \"reason\": [\"misses asthma\", \"adds flu\"]}");

        assertThat(fraction.value()).hasValue(0.75);
        assertThat(fraction.reason()).contains("close");
        assertThat(structured.value()).hasValue(0.25);
        assertThat(structured.reason()).contains("[\"misses asthma\",\"adds flu\"]");
    }
}
