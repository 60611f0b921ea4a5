package dev.bench4j.scoring.internal;

import dev.bench4j.scoring.Normalization;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A normalization that remembers what it gave for short texts, for a scorer's expected values: a
 * trial's expected text is the same in every cell of the trial, so it is normalized once rather
 * than once per cell. Bounded (at most {@value #MAX_ENTRIES} texts of at most {@value #MAX_LENGTH}
 * characters; when full it starts again empty) and safe to share between threads. Normalization is
 * a pure function, so a remembered result is the result.
 */
final class NormalizedTexts {

    /** The most texts remembered at once. */
    static final int MAX_ENTRIES = 4096;

    /** The longest text remembered; a longer one is normalized every time. */
    static final int MAX_LENGTH = 512;

    private final Normalization normalization;
    private final ConcurrentHashMap<String, String> normalized = new ConcurrentHashMap<>();

    NormalizedTexts(Normalization normalization) {
        this.normalization = Objects.requireNonNull(normalization, "normalization");
    }

    /** Returns {@code normalization.apply(text)}, remembered when the text is short. */
    String apply(String text) {
        if (text.length() > MAX_LENGTH) {
            return normalization.apply(text);
        }
        String result = normalized.get(text);
        if (result == null) {
            result = normalization.apply(text);
            if (normalized.size() >= MAX_ENTRIES) {
                normalized.clear();
            }
            normalized.put(text, result);
        }
        return result;
    }
}
