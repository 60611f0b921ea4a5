package dev.bench4j.scoring.internal;

import java.util.Objects;

/** Checks scorer names. */
final class Names {

    private Names() {
    }

    /** Throws unless the name is a non-blank string, with the message {@code Scorer.of} uses. */
    static void check(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("scorer name must not be blank");
        }
    }
}
