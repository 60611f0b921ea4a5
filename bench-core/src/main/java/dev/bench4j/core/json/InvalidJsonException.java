package dev.bench4j.core.json;

import dev.bench4j.core.BenchException;
import java.util.Objects;

/**
 * Thrown when JSON does not hold what bench4j wrote: malformed JSON, a missing or mistyped field, a
 * value out of range. The message names the field's path, the value found and what was expected
 * ({@code field 'usage.input_tokens' must be an integer >= 0 or null but was -1}); a reader that
 * knows the file and line puts them in front.
 */
public final class InvalidJsonException extends BenchException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what is wrong and where
     * @throws NullPointerException if {@code message} is {@code null}
     */
    public InvalidJsonException(String message) {
        super(Objects.requireNonNull(message, "message"));
    }

    /**
     * Creates an exception with the exception that revealed the problem.
     *
     * @param message what is wrong and where
     * @param cause the underlying exception, e.g. a JSON parse error, or {@code null}
     * @throws NullPointerException if {@code message} is {@code null}
     */
    public InvalidJsonException(String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
    }
}
