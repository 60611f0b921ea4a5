package dev.bench4j.embeddings;

import dev.bench4j.core.CellId;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Score requests built from real core values, for this module's tests. */
final class Requests {

    private static final Prompt PROMPT = Prompt.named("p").user("x");
    private static final ModelConfig MODEL = ModelConfig.of("echo", "e");

    private Requests() {
    }

    /** A request for trial {@code t1} with an expected value (none if empty), answered with {@code output}. */
    static ScoreRequest of(String output, Optional<Object> expected) {
        Trial trial = Trial.of("t1", Map.of("x", "1"));
        if (expected.isPresent()) {
            trial = trial.withExpected(expected.get());
        }
        Result result = Result.success(new CellId(PROMPT.name(), MODEL.id(), trial.id(), 0), output, FinishReason.STOP,
                Result.Timing.of(Instant.EPOCH, Duration.ofMillis(5)));
        return new ScoreRequest(result, trial, PROMPT, MODEL);
    }

    /** Scores an output against an expected text, waiting for the scorer. */
    static Score score(Scorer scorer, String output, Object expected) {
        return scorer.score(of(output, Optional.of(expected))).toCompletableFuture().join();
    }
}
