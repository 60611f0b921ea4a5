package dev.bench4j.store.json;

import java.util.Objects;

/**
 * Thrown when a path given to a {@link JsonRunStore} is refused before anything is read or written:
 * a run id that is not a plain folder name (a path separator, {@code ..}, an absolute path, a
 * control character), a store folder that is a regular file, an export target that is a folder or
 * whose folder does not exist, an import source that is not a regular file. The message names the
 * path or id and says what was expected. It is an {@link IllegalArgumentException}, as a bad
 * argument always was.
 */
public final class InvalidStorePathException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what is wrong, naming the path or run id, e.g. {@code run id '../x' is not allowed:
     *     it contains '..'}
     */
    public InvalidStorePathException(String message) {
        super(Objects.requireNonNull(message, "message"));
    }
}
