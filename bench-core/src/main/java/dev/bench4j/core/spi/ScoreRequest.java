package dev.bench4j.core.spi;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Trial;
import java.util.Objects;

/**
 * What a {@link Scorer} gets: the result to score, with the trial (its expected answer), the
 * prompt and the model config that produced it.
 *
 * @param result the successful result
 * @param trial the trial
 * @param prompt the prompt
 * @param model the model config
 */
public record ScoreRequest(Result result, Trial trial, Prompt prompt, ModelConfig model) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public ScoreRequest {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(model, "model");
    }

    /**
     * Returns the model's output; shorthand for {@code result().output()}.
     *
     * @return the output text
     */
    public String output() {
        return result.output();
    }
}
