package dev.bench4j.core;

import java.util.Objects;

/**
 * Which cell of a plan a result belongs to: prompt × model × trial × repetition.
 *
 * @param prompt the prompt's name
 * @param model the model config's id
 * @param trial the trial's id
 * @param repetition the repetition, from 0
 */
public record CellId(String prompt, String model, String trial, int repetition) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a name is {@code null}
     * @throws IllegalArgumentException if {@code repetition} is negative
     */
    public CellId {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(trial, "trial");
        if (repetition < 0) {
            throw new IllegalArgumentException("repetition must be >= 0 but was " + repetition);
        }
    }

    /**
     * Returns {@code prompt/model/trial#repetition}, e.g. {@code v1/openai:gpt-4o-mini/t7#0}.
     *
     * @return a short label for logs and messages
     */
    @Override
    public String toString() {
        return prompt + "/" + model + "/" + trial + "#" + repetition;
    }
}
