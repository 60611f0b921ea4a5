package dev.bench4j.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What kind of failure a call ended with, and whether trying again can help.
 */
public enum ErrorKind {
    /** The provider refused for now (HTTP 429, Anthropic's 529); retried, honouring Retry-After. */
    RATE_LIMITED(true),
    /** The provider failed (HTTP 5xx); retried. */
    SERVER(true),
    /** An attempt took longer than its timeout; retried. */
    TIMEOUT(true),
    /** The connection failed or broke; retried. */
    NETWORK(true),
    /** The request was refused as invalid (HTTP 400, 404, 422...); not retried. */
    BAD_REQUEST(false),
    /** The API key is missing, wrong or not allowed (HTTP 401, 403, or a 400 that says the key is wrong); not retried. */
    AUTH(false),
    /**
     * The account's quota, credits or spending limit is used up (HTTP 402, OpenAI's
     * {@code insufficient_quota}, xAI's exhausted credits, a daily Gemini quota); not retried, since
     * waiting seconds cannot help.
     */
    QUOTA_EXCEEDED(false),
    /**
     * The model reached its output token limit before writing any answer (a reasoning model that
     * spent its budget thinking); not retried. The result keeps finish reason {@code LENGTH} and the usage.
     */
    EMPTY_OUTPUT(false),
    /** The response could not be understood; not retried. */
    MALFORMED_RESPONSE(false),
    /** The replay provider has no recorded answer for the cell; not retried. */
    NO_RECORDING(false),
    /** The cell's total deadline passed before an answer came; not retried. */
    DEADLINE_EXCEEDED(false),
    /** The provider or a stage failed in a way bench4j did not expect; not retried. */
    INTERNAL(false);

    private final boolean retryable;

    ErrorKind(boolean retryable) {
        this.retryable = retryable;
    }

    /**
     * Returns whether an error of this kind is worth another attempt.
     *
     * @return true for rate limits, server errors, timeouts and network failures
     */
    public boolean retryable() {
        return retryable;
    }

    /**
     * Returns the name used in files, e.g. {@code rate_limited}.
     *
     * @return the lower-case name
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a name written by {@link #wireName()}, ignoring case.
     *
     * @param name the name
     * @return the kind
     * @throws IllegalArgumentException if the name is not a kind
     */
    public static ErrorKind fromWireName(String name) {
        Objects.requireNonNull(name, "name");
        for (ErrorKind k : values()) {
            if (k.wireName().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("error kind must be one of " + String.join(", ",
                Arrays.stream(values()).map(ErrorKind::wireName).toArray(String[]::new)) + " but was '" + name + "'");
    }
}
