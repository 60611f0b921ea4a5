package dev.bench4j.core;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Why a cell failed: the kind of error, the message (the provider's own words kept), and the HTTP
 * status when there was one.
 *
 * @param kind the kind of error
 * @param message what went wrong, never containing a secret
 * @param httpStatus the HTTP status of the last attempt, if any
 */
public record ResultError(ErrorKind kind, String message, OptionalInt httpStatus) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public ResultError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(httpStatus, "httpStatus");
    }

    /**
     * Creates an error without an HTTP status.
     *
     * @param kind the kind of error
     * @param message what went wrong
     * @return the error
     * @throws NullPointerException if an argument is {@code null}
     */
    public static ResultError of(ErrorKind kind, String message) {
        return new ResultError(kind, message, OptionalInt.empty());
    }
}
