package dev.bench4j.core.spi;

import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Trial;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Scorer} gets: the result to score, with the trial (its expected answer), the
 * prompt and the model config that produced it, the messages the model was sent, and a
 * {@link ModelCaller} for scorers that ask a model (an LLM judge).
 *
 * @param result the successful result
 * @param trial the trial
 * @param prompt the prompt
 * @param model the model config
 * @param messages the prompt's messages rendered with the trial's variables, as sent
 * @param caller calls the models the run's scorers declared
 */
public record ScoreRequest(Result result, Trial trial, Prompt prompt, ModelConfig model, List<Message> messages,
        ModelCaller caller) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component or message is {@code null}
     */
    public ScoreRequest {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        Objects.requireNonNull(caller, "caller");
    }

    /**
     * Creates a request outside a run (e.g. in a scorer's unit test): the messages are the prompt
     * rendered with the trial's variables, and the caller refuses calls ({@link ModelCaller#none()}).
     *
     * @param result the result to score
     * @param trial the trial
     * @param prompt the prompt
     * @param model the model config
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if the prompt uses a variable the trial lacks
     */
    public ScoreRequest(Result result, Trial trial, Prompt prompt, ModelConfig model) {
        this(result, trial, prompt, model, Objects.requireNonNull(prompt, "prompt")
                .render(Objects.requireNonNull(trial, "trial").vars()), ModelCaller.none());
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
