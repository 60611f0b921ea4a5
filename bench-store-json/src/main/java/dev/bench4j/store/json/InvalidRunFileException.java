package dev.bench4j.store.json;

import dev.bench4j.core.BenchException;
import java.util.Objects;

/**
 * Thrown when a file of a run store cannot be read or does not hold what bench4j wrote: malformed
 * JSON, another {@code schema} version, a missing or mistyped field, a corrupt line of
 * {@code results.jsonl}; or a file or folder the store would write is a symbolic link (the store never
 * writes through one) or of the wrong kind (a folder where {@code index.json} belongs). The message
 * names the file and the field or line; the store is left as it was.
 */
public final class InvalidRunFileException extends BenchException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what is wrong and where, e.g. {@code runs/bench_3f9a1c2e_20261122_184501/run.json:
     *     missing field 'plan.trial_count'}
     */
    public InvalidRunFileException(String message) {
        super(Objects.requireNonNull(message, "message"));
    }

    /**
     * Creates an exception with the exception that revealed the problem.
     *
     * @param message what is wrong and where
     * @param cause the underlying exception, e.g. a JSON parse error
     */
    public InvalidRunFileException(String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
    }
}
