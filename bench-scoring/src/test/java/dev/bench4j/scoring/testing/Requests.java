package dev.bench4j.scoring.testing;

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

/** Score requests built from real core values, and scores taken from them, for tests. */
public final class Requests {

    private static final Prompt PROMPT = Prompt.named("p").user("x");
    private static final ModelConfig MODEL = ModelConfig.of("echo", "e");

    private Requests() {
    }

    /**
     * A request for trial {@code t1} whose expected value is {@code expected}, answered with {@code output}.
     *
     * @param output the model's output
     * @param expected the trial's expected value
     * @return the request
     */
    public static ScoreRequest of(String output, Object expected) {
        return request(output, trial().withExpected(expected));
    }

    /**
     * A request for trial {@code t1}, which has no expected value, answered with {@code output}.
     *
     * @param output the model's output
     * @return the request
     */
    public static ScoreRequest withoutExpected(String output) {
        return request(output, trial());
    }

    /**
     * Scores an output against an expected value, checking that the scorer answered at once.
     *
     * @param scorer the scorer
     * @param output the model's output
     * @param expected the trial's expected value
     * @return the score
     */
    public static Score score(Scorer scorer, String output, Object expected) {
        return now(scorer, of(output, expected));
    }

    /**
     * Scores a request, checking that the scorer answered at once.
     *
     * @param scorer the scorer
     * @param request the request
     * @return the score
     */
    public static Score now(Scorer scorer, ScoreRequest request) {
        var stage = scorer.score(request).toCompletableFuture();
        if (!stage.isDone()) {
            throw new AssertionError(scorer.name() + " did not answer at once");
        }
        return stage.join();
    }

    private static Trial trial() {
        return Trial.of("t1", Map.of("x", "1"));
    }

    private static ScoreRequest request(String output, Trial trial) {
        Result result = Result.success(new CellId(PROMPT.name(), MODEL.id(), trial.id(), 0), output, FinishReason.STOP,
                Result.Timing.of(Instant.EPOCH, Duration.ofMillis(5)));
        return new ScoreRequest(result, trial, PROMPT, MODEL);
    }
}
