package dev.bench4j.store.json;

import java.util.Objects;

/**
 * Thrown when a run cannot be written, resumed, replaced or deleted because a writer in this or
 * another process holds it (its {@code run.lock} is locked): a run has one writer at a time. The
 * message names the run and its lock file. It is an {@link IllegalStateException}, as this refusal
 * always was.
 */
public final class RunInUseException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message which run is in use and by what, naming its lock file
     */
    public RunInUseException(String message) {
        super(Objects.requireNonNull(message, "message"));
    }
}
