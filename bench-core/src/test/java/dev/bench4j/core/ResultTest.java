package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A result is a success or a failure with consistent finish reason and error, and its withX methods return copies. */
class ResultTest {

    private static final CellId CELL = new CellId("v1", "openai:gpt-4o-mini", "t1", 0);
    private static final Result.Timing TIMING = Result.Timing.of(Instant.parse("2026-01-02T03:04:05Z"), Duration.ofMillis(850));

    private static Result ok() {
        return Result.success(CELL, "urgent", FinishReason.STOP, TIMING);
    }

    private static Result failed(ErrorKind kind, FinishReason finish) {
        return new Result(CELL, "", finish, Optional.empty(), Usage.unknown(), TIMING, OptionalDouble.empty(), false, 1,
                Optional.empty(), Optional.of(ResultError.of(kind, "boom")), Map.of(), Map.of());
    }

    @Test
    void successHasOneAttemptAndNothingElseKnown() {
        Result r = ok();

        assertThat(r.succeeded()).isTrue();
        assertThat(r.cell()).isEqualTo(CELL);
        assertThat(r.output()).isEqualTo("urgent");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.rawFinishReason()).isEmpty();
        assertThat(r.usage()).isEqualTo(Usage.unknown());
        assertThat(r.costUsd()).isEmpty();
        assertThat(r.cached()).isFalse();
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.modelVersion()).isEmpty();
        assertThat(r.error()).isEmpty();
        assertThat(r.scores()).isEmpty();
    }

    @Test
    void failureHasEmptyOutputAndFinishReasonError() {
        ResultError e = ResultError.of(ErrorKind.SERVER, "HTTP 503");

        Result r = Result.failure(CELL, e, TIMING, 4);

        assertThat(r.succeeded()).isFalse();
        assertThat(r.output()).isEmpty();
        assertThat(r.finishReason()).isEqualTo(FinishReason.ERROR);
        assertThat(r.error()).hasValue(e);
        assertThat(r.attempts()).isEqualTo(4);
    }

    @Test
    void finishReasonErrorWithoutAnErrorIsRefused() {
        assertThatThrownBy(() -> Result.success(CELL, "", FinishReason.ERROR, TIMING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a result with finish reason ERROR must have an error");
    }

    @Test
    void anErrorWithAnotherFinishReasonIsRefused() {
        assertThatThrownBy(() -> failed(ErrorKind.BAD_REQUEST, FinishReason.STOP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a failed result must have finish reason ERROR but had STOP");
        assertThatThrownBy(() -> failed(ErrorKind.TIMEOUT, FinishReason.LENGTH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a failed result must have finish reason ERROR but had LENGTH");
    }

    @Test
    void emptyOutputFailureMayKeepFinishReasonLength() {
        Result r = failed(ErrorKind.EMPTY_OUTPUT, FinishReason.LENGTH).withUsage(Usage.of(100, 256));

        assertThat(r.succeeded()).isFalse();
        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.usage().outputTokens()).hasValue(256);
    }

    @Test
    void emptyOutputFailureMayAlsoHaveFinishReasonError() {
        assertThat(Result.failure(CELL, ResultError.of(ErrorKind.EMPTY_OUTPUT, "no answer"), TIMING, 1).finishReason())
                .isEqualTo(FinishReason.ERROR);
    }

    @Test
    void emptyOutputFailureWithFinishReasonStopIsRefused() {
        assertThatThrownBy(() -> failed(ErrorKind.EMPTY_OUTPUT, FinishReason.STOP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a failed result must have finish reason ERROR (or LENGTH for empty_output) but had STOP");
    }

    @Test
    void negativeAttemptsAreRefused() {
        assertThatThrownBy(() -> Result.failure(CELL, ResultError.of(ErrorKind.AUTH, "x"), TIMING, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("attempts must be >= 0 but was -1");
        assertThatThrownBy(() -> ok().withCallStats(false, -2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("attempts must be >= 0 but was -2");
    }

    @Test
    void negativeOrNonFiniteCostIsRefused() {
        assertThatThrownBy(() -> ok().withCostUsd(OptionalDouble.of(-0.01)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("costUsd must be a finite number >= 0 but was -0.01");
        assertThatThrownBy(() -> ok().withCostUsd(OptionalDouble.of(Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("costUsd must be a finite number >= 0 but was NaN");
        assertThatThrownBy(() -> ok().withCostUsd(OptionalDouble.of(Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("costUsd must be a finite number >= 0 but was Infinity");
    }

    @Test
    void withMethodsReturnCopiesAndLeaveTheOriginalUnchanged() {
        Result base = ok();

        Result changed = base.withUsage(Usage.of(10, 5)).withCostUsd(OptionalDouble.of(0.002))
                .withProviderDetails(Optional.of("stop"), Optional.of("gpt-4o-mini-2024-07-18"))
                .withCallStats(true, 0).withScore("exact", Score.pass(true));

        assertThat(base).isEqualTo(ok());
        assertThat(changed.usage()).isEqualTo(Usage.of(10, 5));
        assertThat(changed.costUsd()).hasValue(0.002);
        assertThat(changed.rawFinishReason()).hasValue("stop");
        assertThat(changed.modelVersion()).hasValue("gpt-4o-mini-2024-07-18");
        assertThat(changed.cached()).isTrue();
        assertThat(changed.attempts()).isZero();
        assertThat(changed.scores()).containsOnlyKeys("exact");
        assertThat(changed.output()).isEqualTo("urgent");
        assertThat(changed.cell()).isEqualTo(CELL);
    }

    @Test
    void withScoreAddsOrReplacesOneScore() {
        Result r = ok().withScore("exact", Score.pass(false)).withScore("f1", Score.of(0.5)).withScore("exact", Score.pass(true));

        assertThat(r.scores()).containsExactly(Map.entry("exact", Score.pass(true)), Map.entry("f1", Score.of(0.5)));
    }

    @Test
    void withScoresReplacesAllScoresAndCopiesTheMap() {
        Map<String, Score> scores = new LinkedHashMap<>();
        scores.put("f1", Score.of(0.5));
        Result r = ok().withScore("exact", Score.pass(true)).withScores(scores);

        scores.put("later", Score.of(1));

        assertThat(r.scores()).containsExactly(Map.entry("f1", Score.of(0.5)));
    }

    @Test
    void scoresAreUnmodifiable() {
        Result r = ok().withScore("exact", Score.pass(true));

        assertThatThrownBy(() -> r.scores().put("x", Score.of(1))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void scoreReturnsTheValueOfAScorerOrEmptyWhenAbsentOrFailed() {
        Result r = ok().withScore("exact", Score.of(0.75)).withScore("judge", Score.error("not JSON"));

        assertThat(r.score("exact")).hasValue(0.75);
        assertThat(r.score("judge")).isEmpty();
        assertThat(r.score("missing")).isEmpty();
    }

    @Test
    void outputTokensPerSecondCountsFromTheFirstTokenOfAStreamedCall() {
        Result streamed = ok().withUsage(Usage.of(10, 60));
        streamed = new Result(streamed.cell(), streamed.output(), streamed.finishReason(), streamed.rawFinishReason(),
                streamed.usage(), new Result.Timing(TIMING.startedAt(), Duration.ofMillis(850),
                        Optional.of(Duration.ofMillis(250))),
                streamed.costUsd(), false, 1, Optional.empty(), Optional.empty(), Map.of(), Map.of());

        assertThat(streamed.outputTokensPerSecond().getAsDouble()).isCloseTo(100.0, offset(1e-9));
        assertThat(ok().withUsage(Usage.of(10, 85)).outputTokensPerSecond().getAsDouble())
                .isCloseTo(100.0, offset(1e-9));
        assertThat(ok().outputTokensPerSecond()).isEmpty();
    }

    @Test
    void hiddenReasoningIsLeftOutOfAStreamedRateAndACachedResultHasNone() {
        Result streamed = new Result(CELL, "ok", FinishReason.STOP, Optional.empty(),
                Usage.of(10, 260).withReasoningTokens(200), new Result.Timing(TIMING.startedAt(), Duration.ofMillis(850),
                        Optional.of(Duration.ofMillis(250))), OptionalDouble.empty(), false, 1, Optional.empty(),
                Optional.empty(), Map.of(), Map.of());

        assertThat(streamed.outputTokensPerSecond().getAsDouble()).isCloseTo(100.0, offset(1e-9));
        assertThat(streamed.withCallStats(true, 0).outputTokensPerSecond()).isEmpty();
    }

    @Test
    void metricsAreCopiedAndMustBeFinite() {
        Map<String, Double> metrics = new HashMap<>(Map.of("eval_duration_ms", 412.5));
        Result r = ok().withMetrics(metrics);
        metrics.put("load_duration_ms", 3.0);

        assertThat(r.metrics()).containsExactly(Map.entry("eval_duration_ms", 412.5));
        assertThatThrownBy(() -> ok().withMetrics(Map.of("eval_duration_ms", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eval_duration_ms");
    }

    @Test
    void latencyIsTheTimingsLatency() {
        assertThat(ok().latency()).isEqualTo(Duration.ofMillis(850));
    }

    @Test
    void nullComponentsAreRefusedNamingTheComponent() {
        assertThatThrownBy(() -> Result.success(null, "x", FinishReason.STOP, TIMING))
                .isInstanceOf(NullPointerException.class).hasMessage("cell");
        assertThatThrownBy(() -> Result.success(CELL, null, FinishReason.STOP, TIMING))
                .isInstanceOf(NullPointerException.class).hasMessage("output");
        assertThatThrownBy(() -> Result.success(CELL, "x", null, TIMING))
                .isInstanceOf(NullPointerException.class).hasMessage("finishReason");
        assertThatThrownBy(() -> Result.success(CELL, "x", FinishReason.STOP, null))
                .isInstanceOf(NullPointerException.class).hasMessage("timing");
        assertThatThrownBy(() -> ok().withUsage(null))
                .isInstanceOf(NullPointerException.class).hasMessage("usage");
        assertThatThrownBy(() -> ok().withCostUsd(null))
                .isInstanceOf(NullPointerException.class).hasMessage("costUsd");
        assertThatThrownBy(() -> ok().withProviderDetails(null, Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("rawFinishReason");
        assertThatThrownBy(() -> ok().withProviderDetails(Optional.empty(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("modelVersion");
        assertThatThrownBy(() -> Result.failure(CELL, null, TIMING, 1))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ok().withScore(null, Score.of(1)))
                .isInstanceOf(NullPointerException.class).hasMessage("scorer");
        assertThatThrownBy(() -> ok().withScore("x", null))
                .isInstanceOf(NullPointerException.class).hasMessage("score");
        assertThatThrownBy(() -> ok().withScores(null))
                .isInstanceOf(NullPointerException.class).hasMessage("scores");
    }

    @Test
    void withScoresRefusesANullScore() {
        Map<String, Score> scores = new HashMap<>();
        scores.put("exact", null);

        assertThatThrownBy(() -> ok().withScores(scores)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void timingOfHasNoTimeToFirstToken() {
        Result.Timing t = Result.Timing.of(Instant.EPOCH, Duration.ZERO);

        assertThat(t.startedAt()).isEqualTo(Instant.EPOCH);
        assertThat(t.latency()).isEqualTo(Duration.ZERO);
        assertThat(t.timeToFirstToken()).isEmpty();
    }

    @Test
    void timingRefusesNegativeDurations() {
        assertThatThrownBy(() -> Result.Timing.of(Instant.EPOCH, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("latency must be >= 0 but was PT-1S");
        assertThatThrownBy(() -> new Result.Timing(Instant.EPOCH, Duration.ofSeconds(1), Optional.of(Duration.ofMillis(-1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeToFirstToken must be >= 0 but was PT-0.001S");
    }

    @Test
    void timingRefusesNullsNamingTheComponent() {
        assertThatThrownBy(() -> Result.Timing.of(null, Duration.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessage("startedAt");
        assertThatThrownBy(() -> Result.Timing.of(Instant.EPOCH, null))
                .isInstanceOf(NullPointerException.class).hasMessage("latency");
        assertThatThrownBy(() -> new Result.Timing(Instant.EPOCH, Duration.ZERO, null))
                .isInstanceOf(NullPointerException.class).hasMessage("timeToFirstToken");
    }

    @Test
    void aBuilderMakesTheSameResultAsTheConstructorAndToBuilderCopiesEveryComponent() {
        Result built = Result.builder(CELL, TIMING)
                .output("ok")
                .finishReason(FinishReason.STOP, Optional.of("end_turn"))
                .usage(Usage.of(10, 3))
                .costUsd(OptionalDouble.of(0.002))
                .calls(false, 2)
                .modelVersion(Optional.of("v-1"))
                .scores(Map.of("exact", Score.pass(true)))
                .metrics(Map.of("load_duration_ms", 4.5))
                .build();

        assertThat(built).isEqualTo(new Result(CELL, "ok", FinishReason.STOP, Optional.of("end_turn"), Usage.of(10, 3),
                TIMING, OptionalDouble.of(0.002), false, 2, Optional.of("v-1"), Optional.empty(),
                Map.of("exact", Score.pass(true)), Map.of("load_duration_ms", 4.5)));
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(built.toBuilder().output("changed").build().output()).isEqualTo("changed");
    }

    @Test
    void aBuilderValidatesAsTheRecordDoes() {
        assertThatThrownBy(() -> Result.builder(CELL, TIMING).error(Optional.of(ResultError.of(ErrorKind.TIMEOUT, "slow")))
                .build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a failed result must have finish reason ERROR but had STOP");
        assertThatThrownBy(() -> Result.builder(null, TIMING)).isInstanceOf(NullPointerException.class).hasMessage("cell");
        assertThatThrownBy(() -> Result.builder(CELL, TIMING).output(null).build()).isInstanceOf(NullPointerException.class)
                .hasMessage("output");
    }
}
