package dev.bench4j.scoring.internal;

import dev.bench4j.scoring.Normalization;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a built-in scorer's settings ({@code Scorer.settings()}): its plan-file type, then its
 * options under their plan-file names with the values a plan file would give them, defaults
 * included, so that the settings without {@code type} are options its factory accepts. Keeps the
 * keys in the order they are put, the same in every JVM run.
 */
final class ScorerSettings {

    private final Map<String, Object> values = new LinkedHashMap<>();

    private ScorerSettings(String type) {
        values.put("type", type);
    }

    /** Starts the settings of a scorer of a plan-file type. */
    static ScorerSettings of(String type) {
        return new ScorerSettings(Objects.requireNonNull(type, "type"));
    }

    /** Puts a string, a boolean or a {@code Long}. */
    ScorerSettings put(String key, Object value) {
        values.put(key, Objects.requireNonNull(value, key));
        return this;
    }

    /** Puts a number as a plan file writes it: a whole number as a {@code Long}, any other as a {@code Double}. */
    ScorerSettings putNumber(String key, double value) {
        values.put(key, number(value));
        return this;
    }

    /** Returns a number as a plan file writes it: a whole number as a {@code Long}, any other as a {@code Double}. */
    static Object number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
    }

    /** Puts an optional string only when it is present; settings hold no nulls. */
    ScorerSettings putIfPresent(String key, Optional<String> value) {
        value.ifPresent(v -> values.put(key, v));
        return this;
    }

    /** Puts the four normalization flags under the names {@link ScorerOptions#normalization} reads. */
    ScorerSettings normalization(Normalization n) {
        return put("trim", n.trim()).put("ignore_case", n.ignoreCase())
                .put("collapse_whitespace", n.collapseWhitespace()).put("unicode_nfc", n.unicodeNfc());
    }

    /** Returns the settings, unmodifiable. */
    Map<String, Object> map() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
