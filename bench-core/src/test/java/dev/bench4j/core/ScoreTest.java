package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A score has either a finite value or an error, an optional reason and finite named details. */
class ScoreTest {

    @Test
    void ofHasAValueAndNoError() {
        Score s = Score.of(0.8);

        assertThat(s.value()).hasValue(0.8);
        assertThat(s.error()).isEmpty();
        assertThat(s.reason()).isEmpty();
        assertThat(s.details()).isEmpty();
    }

    @Test
    void passIsOneAndFailIsZero() {
        assertThat(Score.pass(true).value()).hasValue(1.0);
        assertThat(Score.pass(false).value()).hasValue(0.0);
    }

    @Test
    void errorHasAnErrorAndNoValue() {
        Score s = Score.error("judge answer is not JSON: 'Sure!'");

        assertThat(s.value()).isEmpty();
        assertThat(s.error()).hasValue("judge answer is not JSON: 'Sure!'");
    }

    @Test
    void aScoreWithBothValueAndErrorIsRefused() {
        assertThatThrownBy(() -> new Score(OptionalDouble.of(1), Optional.empty(), Map.of(), Optional.of("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a score has either a value or an error, not both");
    }

    @Test
    void aScoreWithNeitherValueNorErrorIsRefused() {
        assertThatThrownBy(() -> new Score(OptionalDouble.empty(), Optional.empty(), Map.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a score has either a value or an error, not neither");
    }

    @Test
    void nonFiniteValueIsRefused() {
        assertThatThrownBy(() -> Score.of(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("score value must be finite but was NaN");
        assertThatThrownBy(() -> Score.of(Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("score value must be finite but was -Infinity");
    }

    @Test
    void nonFiniteOrNullDetailIsRefusedNamingTheDetail() {
        assertThatThrownBy(() -> Score.of(1).withDetail("tp", Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("score detail 'tp' must be finite but was Infinity");
        Map<String, Double> details = new HashMap<>();
        details.put("fp", null);
        assertThatThrownBy(() -> new Score(OptionalDouble.of(1), Optional.empty(), details, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("score detail 'fp' must be finite but was null");
    }

    @Test
    void withReasonAndWithDetailReturnCopies() {
        Score base = Score.of(0.8);

        Score detailed = base.withReason("4 of 5 labels").withDetail("tp", 4).withDetail("fp", 1).withDetail("tp", 5);

        assertThat(base.reason()).isEmpty();
        assertThat(base.details()).isEmpty();
        assertThat(detailed.reason()).hasValue("4 of 5 labels");
        assertThat(detailed.details()).containsExactly(Map.entry("tp", 5.0), Map.entry("fp", 1.0));
        assertThat(detailed.value()).hasValue(0.8);
    }

    @Test
    void detailsAreCopiedAndUnmodifiable() {
        Map<String, Double> details = new LinkedHashMap<>();
        details.put("tp", 4.0);
        Score s = new Score(OptionalDouble.of(0.8), Optional.empty(), details, Optional.empty());

        details.put("fp", 1.0);

        assertThat(s.details()).containsExactly(Map.entry("tp", 4.0));
        assertThatThrownBy(() -> s.details().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullArgumentsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new Score(null, Optional.empty(), Map.of(), Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("value");
        assertThatThrownBy(() -> new Score(OptionalDouble.of(1), null, Map.of(), Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("reason");
        assertThatThrownBy(() -> new Score(OptionalDouble.of(1), Optional.empty(), null, Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("details");
        assertThatThrownBy(() -> new Score(OptionalDouble.of(1), Optional.empty(), Map.of(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("error");
        assertThatThrownBy(() -> Score.of(1).withReason(null))
                .isInstanceOf(NullPointerException.class).hasMessage("why");
        assertThatThrownBy(() -> Score.of(1).withDetail(null, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
    }

    @Test
    void errorWithNullMessageIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Score.error(null))
                .isInstanceOf(NullPointerException.class).hasMessage("message");
    }

    @Test
    void withCallRecordsTheJudgesTokensCostAndCacheHitAndKeepsTheRest() {
        Result judged = Result.success(new CellId("p", "openai:judge", "t1", 0), "4", FinishReason.STOP,
                Result.Timing.of(Instant.EPOCH, Duration.ofMillis(250)))
                .withUsage(Usage.of(120, 8)).withCostUsd(OptionalDouble.of(0.0003));

        Score s = Score.of(0.75).withReason("mostly right").withDetail("judge_score", 4).withCall(judged);

        assertThat(s.calls()).containsExactly(new Score.Call("openai:judge", Usage.of(120, 8), OptionalDouble.of(0.0003),
                false, 1, Duration.ofMillis(250), Optional.empty()));
        assertThat(s.value()).hasValue(0.75);
        assertThat(s.reason()).contains("mostly right");
        assertThat(s.details()).containsEntry("judge_score", 4.0);
        assertThat(s.withReason("again").calls()).hasSize(1);
        assertThat(Score.of(1).calls()).isEmpty();
    }

    @Test
    void aCallWithANegativeCostOrLatencyIsRefused() {
        assertThatThrownBy(() -> new Score.Call("m", Usage.unknown(), OptionalDouble.of(-1), false, 1,
                Duration.ZERO, Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("call costUsd must be a finite number >= 0 but was -1.0");
        assertThatThrownBy(() -> new Score.Call("m", Usage.unknown(), OptionalDouble.empty(), false, 1,
                Duration.ofMillis(-1), Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("call latency must be >= 0");
    }
}
