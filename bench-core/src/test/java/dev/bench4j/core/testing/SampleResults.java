package dev.bench4j.core.testing;

import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.Score;
import dev.bench4j.core.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Results of every shape a run can produce, for round-trip tests. */
public final class SampleResults {

    /** When the sample results started: with nanoseconds, to check they survive. */
    public static final Instant T0 = Instant.parse("2026-11-22T18:45:01.123456789Z");

    private SampleResults() {
    }

    /**
     * Returns one result of each shape.
     *
     * @return the results
     */
    public static List<Result> all() {
        Result.Timing timing = new Result.Timing(T0, Duration.ofNanos(812_345_678), Optional.empty());
        Result success = Result.success(new CellId("p", "openai:gpt-4o-mini", "t1", 0), "{\"conditions\": [\"asthma\"]}",
                FinishReason.STOP, timing)
                .withUsage(Usage.of(120, 40).withReasoningTokens(16).withCachedInputTokens(64))
                .withCostUsd(OptionalDouble.of(4.2e-5))
                .withProviderDetails(Optional.of("stop"), Optional.of("gpt-4o-mini-2024-07-18"));
        Result rateLimited = Result.failure(new CellId("p", "openai:gpt-4o-mini", "t2", 1),
                new ResultError(ErrorKind.RATE_LIMITED, "Rate limit reached for requests", OptionalInt.of(429)),
                Result.Timing.of(T0.plusSeconds(1), Duration.ofMillis(30_000)), 4);
        Result network = Result.failure(new CellId("p", "m", "t3", 0),
                ResultError.of(ErrorKind.NETWORK, "connection reset"), Result.Timing.of(T0, Duration.ZERO), 1);
        Result emptyOutput = new Result(new CellId("p", "o3", "t4", 0), "", FinishReason.LENGTH, Optional.of("length"),
                Usage.of(100, 256).withReasoningTokens(256), Result.Timing.of(T0, Duration.ofSeconds(9)),
                OptionalDouble.of(0.0011), false, 1, Optional.empty(),
                Optional.of(ResultError.of(ErrorKind.EMPTY_OUTPUT, "the model reached its output token limit (256)")),
                Map.of(), Map.of());
        Result cached = success.withCallStats(true, 0);
        Map<String, Score> scores = new LinkedHashMap<>();
        scores.put("exact", Score.pass(true));
        scores.put("judge", Score.error("judge answer is not JSON: 'Sure!'"));
        scores.put("set_f1", Score.of(0.8).withReason("one missed").withDetail("tp", 4).withDetail("fp", 1).withDetail("fn", 1));
        scores.put("judge_reasoned", Score.error("timeout").withReason("the judge did not answer"));
        Result verdict = Result.success(new CellId("p", "anthropic:judge", "t1", 0), "{\"score\": 4}", FinishReason.STOP,
                Result.Timing.of(T0, Duration.ofNanos(640_000_001))).withUsage(Usage.of(900, 12))
                .withCostUsd(OptionalDouble.of(0.00288));
        Result judgeDown = Result.failure(new CellId("p", "anthropic:judge", "t1", 0),
                new ResultError(ErrorKind.SERVER, "overloaded", OptionalInt.of(529)), Result.Timing.of(T0, Duration.ofSeconds(3)), 3);
        scores.put("llm_judge", Score.of(0.75).withReason("misses one condition").withDetail("judge_score", 4)
                .withCall(judgeDown).withCall(verdict.withCallStats(true, 0)));
        Result scored = success.withScores(scores);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("load_duration_ms", 12.5);
        metrics.put("eval_duration_ms", 300.0);
        metrics.put("prompt_eval_count", 42.0);
        Result withMetrics = new Result(new CellId("p", "ollama:llama3.2", "t5", 2), "ok", FinishReason.STOP,
                Optional.of("stop"), Usage.of(7, 2), new Result.Timing(T0, Duration.ofNanos(1), Optional.of(Duration.ofNanos(1))),
                OptionalDouble.of(0), false, 1, Optional.of("llama3.2:3b"), Optional.empty(), Map.of(), metrics);
        Result unicode = Result.success(new CellId("prompt «ü» 日本", "model/with:odd chars", "trial \"7\"", 0),
                "Ünïcödé — 日本語 😀 \"quotes\" \\ back\nnew line\ttab \u0000 nul \u2028 sep \uD800 lone surrogate </script>",
                FinishReason.OTHER, new Result.Timing(T0, Duration.ofMillis(5), Optional.of(Duration.ofNanos(123_456_789))))
                .withProviderDetails(Optional.of("end_turn_unknown"), Optional.empty());
        Result unknownUsage = Result.success(new CellId("p", "m", "t6", 0), "text", FinishReason.CONTENT_FILTER,
                Result.Timing.of(T0, Duration.ofMillis(1)));
        Result partialUsage = Result.success(new CellId("p", "m", "t7", 0), "text", FinishReason.TOOL_CALLS,
                Result.Timing.of(T0, Duration.ofMillis(1)))
                .withUsage(new Usage(OptionalLong.of(10), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                        OptionalLong.of(99)));
        Result longOutput = Result.success(new CellId("p", "m", "t8", 0), "x".repeat(200_000), FinishReason.LENGTH,
                Result.Timing.of(T0, Duration.ofHours(2).plusNanos(7)));
        return List.of(success, rateLimited, network, emptyOutput, cached, scored, withMetrics, unicode, unknownUsage,
                partialUsage, longOutput);
    }
}
