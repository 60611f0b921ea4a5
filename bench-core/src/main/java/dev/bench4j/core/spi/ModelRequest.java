package dev.bench4j.core.spi;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import java.util.List;
import java.util.Objects;

/**
 * One call for a provider to make: the model config and the rendered messages, with the cell they
 * belong to (replaying providers look answers up by it) and the attempt number.
 *
 * @param cell the cell this call serves
 * @param config the model configuration to call
 * @param messages the rendered messages, templates filled in
 * @param attempt the attempt number, from 1
 */
public record ModelRequest(CellId cell, ModelConfig config, List<Message> messages, int attempt) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code messages} is empty or {@code attempt} is below 1
     */
    public ModelRequest {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(config, "config");
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1 but was " + attempt);
        }
    }

    /**
     * Returns a copy for another attempt.
     *
     * @param number the attempt number, from 1
     * @return the new request
     */
    public ModelRequest withAttempt(int number) {
        return new ModelRequest(cell, config, messages, number);
    }
}
