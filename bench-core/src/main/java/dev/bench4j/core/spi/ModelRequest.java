package dev.bench4j.core.spi;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One call for a provider to make: the model config and the rendered messages, with the cell they
 * belong to (replaying providers look answers up by it), the attempt number, and, for a scorer's
 * call (an LLM judge grading a result), the cell of the result it grades.
 *
 * @param cell the cell this call serves; for a scorer's call, the graded cell's prompt and trial
 *     with the called config's id as model and repetition 0
 * @param config the model configuration to call
 * @param messages the rendered messages, templates filled in
 * @param attempt the attempt number, from 1
 * @param grades the cell whose result a scorer's call grades; empty for a candidate's own call
 */
public record ModelRequest(CellId cell, ModelConfig config, List<Message> messages, int attempt,
        Optional<CellId> grades) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code messages} is empty or {@code attempt} is below 1
     */
    public ModelRequest {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(grades, "grades");
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1 but was " + attempt);
        }
    }

    /**
     * Creates a candidate's request, one that grades nothing.
     *
     * @param cell the cell this call serves
     * @param config the model configuration to call
     * @param messages the rendered messages
     * @param attempt the attempt number, from 1
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code messages} is empty or {@code attempt} is below 1
     */
    public ModelRequest(CellId cell, ModelConfig config, List<Message> messages, int attempt) {
        this(cell, config, messages, attempt, Optional.empty());
    }

    /**
     * Returns a copy for another attempt.
     *
     * @param number the attempt number, from 1
     * @return the new request
     */
    public ModelRequest withAttempt(int number) {
        return new ModelRequest(cell, config, messages, number, grades);
    }
}
