package dev.bench4j.core;

/**
 * The root of every exception bench4j throws on purpose.
 *
 * <p>{@link InvalidPlanException} reports bad input before any model is called;
 * {@link dev.bench4j.core.spi.CallException} reports a failed model call (which the runner turns
 * into a {@link Result} with an error, never into a crashed run).
 */
public class BenchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what went wrong, where, and what would work.
     *
     * @param message the message, never {@code null}
     */
    public BenchException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the exception that caused it.
     *
     * @param message the message, never {@code null}
     * @param cause the underlying exception
     */
    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
