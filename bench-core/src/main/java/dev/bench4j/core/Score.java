package dev.bench4j.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one scorer said about one result: a value (1/0 for pass/fail scorers), an optional reason
 * (e.g. a judge's), named details (e.g. true/false positives for F1 aggregation), or an error when
 * the scorer could not score.
 *
 * <pre>{@code
 * Score s = Score.of(0.8).withDetail("tp", 4).withDetail("fp", 1);
 * Score bad = Score.error("judge answer is not JSON: 'Sure!'");
 * }</pre>
 *
 * @param value the score, absent when {@link #error()} is present
 * @param reason why, in words, if the scorer says
 * @param details named numbers behind the value
 * @param error why the result could not be scored
 */
public record Score(OptionalDouble value, Optional<String> reason, Map<String, Double> details, Optional<String> error) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if a number is not finite, or neither or both of value and error are present
     */
    public Score {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(error, "error");
        if (value.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a score has either a value or an error, not "
                    + (value.isPresent() ? "both" : "neither"));
        }
        if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
            throw new IllegalArgumentException("score value must be finite but was " + value.getAsDouble());
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        Objects.requireNonNull(details, "details").forEach((k, v) -> {
            Objects.requireNonNull(k, "details key");
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("score detail '" + k + "' must be finite but was " + v);
            }
            copy.put(k, v);
        });
        details = Collections.unmodifiableMap(copy);
    }

    /**
     * Creates a score with a value.
     *
     * @param value a finite number
     * @return the score
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public static Score of(double value) {
        return new Score(OptionalDouble.of(value), Optional.empty(), Map.of(), Optional.empty());
    }

    /**
     * Creates a pass (1.0) or fail (0.0) score.
     *
     * @param passed whether the result passed
     * @return the score
     */
    public static Score pass(boolean passed) {
        return of(passed ? 1.0 : 0.0);
    }

    /**
     * Creates a score that says the result could not be scored.
     *
     * @param message why
     * @return the score
     * @throws NullPointerException if {@code message} is {@code null}
     */
    public static Score error(String message) {
        Objects.requireNonNull(message, "message");
        return new Score(OptionalDouble.empty(), Optional.empty(), Map.of(), Optional.of(message));
    }

    /**
     * Returns a copy with a reason.
     *
     * @param why the reason
     * @return the new score
     * @throws NullPointerException if {@code why} is {@code null}
     */
    public Score withReason(String why) {
        return new Score(value, Optional.of(Objects.requireNonNull(why, "why")), details, error);
    }

    /**
     * Returns a copy with one detail added or replaced.
     *
     * @param name the detail's name
     * @param number a finite number
     * @return the new score
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code number} is not finite
     */
    public Score withDetail(String name, double number) {
        Map<String, Double> copy = new LinkedHashMap<>(details);
        copy.put(Objects.requireNonNull(name, "name"), number);
        return new Score(value, reason, copy, error);
    }
}
