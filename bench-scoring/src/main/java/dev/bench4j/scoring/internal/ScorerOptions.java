package dev.bench4j.scoring.internal;

import dev.bench4j.scoring.Normalization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a scorer's plan-file options (snake_case, JSON-like values), rejecting unknown keys and
 * values of the wrong type with messages that name the scorer type and the option.
 */
final class ScorerOptions {

    /** The options of every text scorer. */
    static final List<String> TEXT_KEYS = List.of("name", "trim", "ignore_case", "collapse_whitespace", "unicode_nfc");

    /** The options of {@code set_f1}. */
    static final List<String> SET_F1_KEYS = concat(TEXT_KEYS, "pointer", "expected_pointer", "field", "zero_division");

    /** The options of {@code regex}. */
    static final List<String> REGEX_KEYS = List.of("name", "pattern", "match", "flags");

    /** The options of {@code json_valid}. */
    static final List<String> JSON_VALID_KEYS = List.of("name", "object");

    /** The options of {@code json_schema}. */
    static final List<String> JSON_SCHEMA_KEYS = List.of("name", "schema", "schema_json", "pointer");

    /** The options of {@code json_field_equals}. */
    static final List<String> JSON_FIELD_KEYS = List.of("name", "pointer", "expected_pointer");

    /** The options of {@code numeric}. */
    static final List<String> NUMERIC_KEYS = List.of("name", "abs_tol", "rel_tol", "extract");

    /** The options of {@code llm_judge}. */
    static final List<String> LLM_JUDGE_KEYS = List.of("name", "judge", "criteria", "rubric", "scale", "system", "template");

    /** The options of {@code classification}. */
    static final List<String> CLASSIFICATION_KEYS = TEXT_KEYS;

    /** The options of {@code rouge}. */
    static final List<String> ROUGE_KEYS = List.of("name", "variant", "measure");

    /** The options of {@code bleu} and {@code chrf}. */
    static final List<String> NAME_ONLY_KEYS = List.of("name");

    private final String type;
    private final Map<String, Object> options;

    private ScorerOptions(String type, Map<String, Object> options) {
        this.type = type;
        this.options = options;
    }

    /**
     * Starts reading options, checking that every key is allowed.
     *
     * @throws NullPointerException if {@code options} is {@code null}
     * @throws IllegalArgumentException naming an unknown key and listing the allowed ones
     */
    static ScorerOptions read(String type, Map<String, Object> options, List<String> allowed) {
        Objects.requireNonNull(options, "options");
        for (String key : options.keySet()) {
            if (key == null || !allowed.contains(key)) {
                throw new IllegalArgumentException(type + " scorer has no option '" + key + "'; allowed: "
                        + String.join(", ", allowed));
            }
        }
        return new ScorerOptions(type, options);
    }

    /** Returns option {@code name}, a non-blank string, or the type. */
    String name() {
        return string("name").orElse(type);
    }

    /** Returns the normalization from the four boolean options, each defaulting to {@code defaults}. */
    Normalization normalization(Normalization defaults) {
        return new Normalization(bool("trim", defaults.trim()), bool("ignore_case", defaults.ignoreCase()),
                bool("collapse_whitespace", defaults.collapseWhitespace()), bool("unicode_nfc", defaults.unicodeNfc()));
    }

    /** Returns a boolean option, or the fallback when absent. */
    boolean bool(String key, boolean fallback) {
        return typed(key, fallback, Boolean.class, "true or false");
    }

    /** Returns a non-blank string option, if present. */
    Optional<String> string(String key) {
        if (!options.containsKey(key)) {
            return Optional.empty();
        }
        if (options.get(key) instanceof String s && !s.isBlank()) {
            return Optional.of(s);
        }
        throw wrong(key, "a non-blank string");
    }

    /** Returns a string option, which may be empty, or the fallback when absent. */
    String text(String key, String fallback) {
        return typed(key, fallback, String.class, "a string");
    }

    private <T> T typed(String key, T fallback, Class<T> type, String expected) {
        if (!options.containsKey(key)) {
            return fallback;
        }
        if (type.isInstance(options.get(key))) {
            return type.cast(options.get(key));
        }
        throw wrong(key, expected);
    }

    /** Returns a JSON Pointer option ({@code ""} or starting with {@code /}), if present. */
    Optional<String> pointer(String key) {
        if (!options.containsKey(key)) {
            return Optional.empty();
        }
        if (options.get(key) instanceof String s && (s.isEmpty() || s.startsWith("/"))) {
            return Optional.of(s);
        }
        throw wrong(key, "a JSON Pointer (\"\" or starting with \"/\")");
    }

    /** Returns a number option that must be 0 or 1, or the fallback when absent. */
    double zeroOrOne(String key, double fallback) {
        if (!options.containsKey(key)) {
            return fallback;
        }
        if (options.get(key) instanceof Number n && (n.doubleValue() == 0.0 || n.doubleValue() == 1.0)) {
            return n.doubleValue();
        }
        throw wrong(key, "0 or 1");
    }

    /** Returns a required non-blank string option. */
    String requiredString(String key) {
        if (!options.containsKey(key)) {
            throw new IllegalArgumentException(type + " scorer needs option '" + key + "'");
        }
        return string(key).orElseThrow();
    }

    /** Returns a string option that must be one of some values, or the fallback when absent. */
    String oneOf(String key, String fallback, List<String> values) {
        if (!options.containsKey(key)) {
            return fallback;
        }
        if (options.get(key) instanceof String s && values.contains(s)) {
            return s;
        }
        throw wrong(key, "one of " + String.join(", ", values));
    }

    /** Returns a finite number option that is at least 0, or the fallback when absent. */
    double nonNegative(String key, double fallback) {
        if (!options.containsKey(key)) {
            return fallback;
        }
        if (options.get(key) instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0) {
            return n.doubleValue();
        }
        throw wrong(key, "a finite number >= 0");
    }

    /** Returns a required finite number option that is at least 0. */
    double requiredNonNegative(String key) {
        if (!options.containsKey(key)) {
            throw new IllegalArgumentException(type + " scorer needs option '" + key + "'");
        }
        return nonNegative(key, 0);
    }

    /** Returns an object option (a JSON object in the plan file), if present. */
    Optional<Map<String, Object>> object(String key) {
        if (!options.containsKey(key)) {
            return Optional.empty();
        }
        if (options.get(key) instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return Optional.of(copy);
        }
        throw wrong(key, "an object");
    }

    /** Returns an option that is an array of two finite numbers, the first below the second, if present. */
    Optional<double[]> range(String key) {
        if (!options.containsKey(key)) {
            return Optional.empty();
        }
        if (options.get(key) instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a
                && l.get(1) instanceof Number b && Double.isFinite(a.doubleValue()) && Double.isFinite(b.doubleValue())
                && a.doubleValue() < b.doubleValue()) {
            return Optional.of(new double[] {a.doubleValue(), b.doubleValue()});
        }
        throw wrong(key, "[min, max]: two finite numbers, min < max");
    }

    /** Returns an option's value as given, if present. */
    Optional<Object> raw(String key) {
        return Optional.ofNullable(options.get(key));
    }

    /** Throws an error naming the option, its value and what was expected. */
    IllegalArgumentException wrong(String key, String expected) {
        return new IllegalArgumentException(type + " scorer option '" + key + "' must be " + expected + " but was "
                + Json.text(options.get(key)));
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }
}
