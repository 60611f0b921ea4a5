package dev.bench4j.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value such as an API key, which never shows itself: {@link #toString()} prints
 * {@code ****}, and run files, logs and exception messages never contain it.
 *
 * <p>Only a provider, at call time, reads the value with {@link #reveal()} to put it into the one
 * request header its API requires.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @param value the secret, e.g. an API key
     * @return the secret
     * @throws NullPointerException if {@code value} is {@code null}
     * @throws IllegalArgumentException if {@code value} is blank
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        return new Secret(value);
    }

    /**
     * Returns the secret value, for the request header that needs it and nothing else.
     *
     * @return the value
     */
    public String reveal() {
        return value;
    }

    /**
     * Compares secrets by value in constant time.
     *
     * @param o the other object
     * @return whether both hold the same value
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns a constant, so the hash reveals nothing about the value.
     *
     * @return 0
     */
    @Override
    public int hashCode() {
        return 0;
    }

    /**
     * Returns {@code ****}, never the value.
     *
     * @return a redacted placeholder
     */
    @Override
    public String toString() {
        return "****";
    }
}
