package dev.bench4j.core;

import dev.bench4j.core.json.JsonValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One check a {@link Trial} carries for itself: a scorer type known to the plan's scorer registry
 * (as in a plan file's {@code scorers}, e.g. {@code contains}, {@code json_valid},
 * {@code cost_under}) with its options, optionally negated, weighted and given its own pass
 * threshold. A plan whose trials have checks scores every result with a scorer named
 * {@code checks}: the weighted mean of the trial's check scores, passed when every check passes.
 *
 * <p>The option {@code value}, when present, is the expected answer for this check alone (e.g. the
 * text {@code contains} looks for); without it the check uses the trial's expected answer.
 *
 * <p>In plan and trials files a check is {@code {"type": "contains", "value": "Paris", "weight": 2,
 * "threshold": 0.5}} or, negated, {@code {"not": {"type": "contains", "value": "sorry"}}}.
 *
 * <pre>{@code
 * Trial t = Trial.of("t1", Map.of("q", "Capital of France?"))
 *     .withCheck(Check.of("contains", Map.of("value", "Paris")).withWeight(2))
 *     .withCheck(Check.not(Check.of("contains", Map.of("value", "sorry"))));
 * }</pre>
 *
 * @param type the scorer type, e.g. {@code contains}
 * @param options the scorer's options (JSON-like), without {@code type}
 * @param negated whether the check's score is turned into {@code 1 - score}
 * @param weight the check's weight in the trial's mean, finite and {@code > 0}
 * @param threshold the score at or above which the check passes, in [0, 1]; empty means 1.0
 */
public record Check(String type, Map<String, Object> options, boolean negated, double weight, OptionalDouble threshold) {

    /** Keys a check's JSON object uses itself; never scorer options. */
    private static final List<String> RESERVED = List.of("type", "not", "weight", "threshold");

    /**
     * Validates and deep-copies the components.
     *
     * @throws NullPointerException if a component, an option key or value is {@code null}
     * @throws IllegalArgumentException naming the field: a blank type, a reserved key among the
     *     options, an option that is not JSON-like, a weight not finite and {@code > 0}, a threshold
     *     outside [0, 1]
     */
    public Check {
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("field 'type' must not be blank");
        }
        options = JsonValues.immutableObject(Objects.requireNonNull(options, "options"), "check option");
        for (String key : RESERVED) {
            if (options.containsKey(key)) {
                throw new IllegalArgumentException("field '" + key + "' is not a scorer option here");
            }
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("field 'weight' must be a finite number > 0 but was " + weight);
        }
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.isPresent() && !(threshold.getAsDouble() >= 0 && threshold.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("field 'threshold' must be a number in [0, 1] but was "
                    + threshold.getAsDouble());
        }
    }

    /**
     * Creates a check of a scorer type without options, weight 1 and the default threshold.
     *
     * @param type the scorer type, e.g. {@code json_valid}
     * @return the check
     * @throws NullPointerException if {@code type} is {@code null}
     * @throws IllegalArgumentException if {@code type} is blank
     */
    public static Check of(String type) {
        return of(type, Map.of());
    }

    /**
     * Creates a check of a scorer type with options, weight 1 and the default threshold.
     *
     * @param type the scorer type, e.g. {@code contains}
     * @param options the scorer's options, e.g. {@code Map.of("value", "Paris")}
     * @return the check
     * @throws NullPointerException if an argument, a key or a value is {@code null}
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static Check of(String type, Map<String, ?> options) {
        return new Check(type, new LinkedHashMap<>(Objects.requireNonNull(options, "options")), false, 1.0,
                OptionalDouble.empty());
    }

    /**
     * Returns the negation of a check: its score {@code s} counts as {@code 1 - s}.
     *
     * @param check the check
     * @return the negated check (negating twice gives the check back)
     * @throws NullPointerException if {@code check} is {@code null}
     */
    public static Check not(Check check) {
        Check c = Objects.requireNonNull(check, "check");
        return new Check(c.type, c.options, !c.negated, c.weight, c.threshold);
    }

    /**
     * Returns a copy with a weight.
     *
     * @param newWeight finite and {@code > 0}
     * @return the new check
     * @throws IllegalArgumentException if {@code newWeight} is not finite and {@code > 0}
     */
    public Check withWeight(double newWeight) {
        return new Check(type, options, negated, newWeight, threshold);
    }

    /**
     * Returns a copy with a pass threshold.
     *
     * @param newThreshold in [0, 1]
     * @return the new check
     * @throws IllegalArgumentException if {@code newThreshold} is outside [0, 1]
     */
    public Check withThreshold(double newThreshold) {
        return new Check(type, options, negated, weight, OptionalDouble.of(newThreshold));
    }

    /**
     * Returns the check as it is written in plan and trials files: {@code {"type": ..., options...,
     * "weight": ..., "threshold": ...}}, inside {@code {"not": ...}} when negated (weight and threshold
     * outside it); weight 1 and an absent threshold are left out.
     *
     * @return a JSON-like map
     */
    public Map<String, Object> toJson() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("type", type);
        inner.putAll(options);
        Map<String, Object> out = inner;
        if (negated) {
            out = new LinkedHashMap<>();
            out.put("not", inner);
        }
        if (weight != 1.0) {
            out.put("weight", weight);
        }
        if (threshold.isPresent()) {
            out.put("threshold", threshold.getAsDouble());
        }
        return out;
    }

    /**
     * Reads a check as {@link #toJson()} writes it. {@code weight} and {@code threshold} may also be
     * written inside a {@code not}, and {@code not} may be nested (each one negates).
     *
     * @param json a JSON-like map
     * @return the check
     * @throws NullPointerException if {@code json} is {@code null}
     * @throws IllegalArgumentException naming the field if a field is missing, of the wrong type or
     *     out of range, or {@code not} is mixed with {@code type}
     */
    public static Check fromJson(Map<String, ?> json) {
        Objects.requireNonNull(json, "json");
        double weight = number(json, "weight", 1.0);
        OptionalDouble threshold = json.containsKey("threshold")
                ? OptionalDouble.of(number(json, "threshold", 0)) : OptionalDouble.empty();
        Check base;
        if (json.containsKey("not")) {
            if (json.containsKey("type")) {
                throw new IllegalArgumentException("field 'not' cannot be used with 'type'; put the check inside 'not'");
            }
            for (String key : json.keySet()) {
                if (!RESERVED.contains(key)) {
                    throw new IllegalArgumentException("field '" + key + "' belongs inside 'not'; allowed next to it: "
                            + "not, weight, threshold");
                }
            }
            if (!(json.get("not") instanceof Map<?, ?> inner)) {
                throw new IllegalArgumentException("field 'not' must be a check object but was " + json.get("not"));
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> innerMap = (Map<String, ?>) inner;
            Check negated = not(fromJson(innerMap));
            if (json.containsKey("weight") && innerMap.containsKey("weight")
                    || json.containsKey("threshold") && innerMap.containsKey("threshold")) {
                throw new IllegalArgumentException("field 'weight' or 'threshold' is given both inside and outside 'not'");
            }
            base = negated;
            if (!json.containsKey("weight")) {
                weight = base.weight;
            }
            if (!json.containsKey("threshold")) {
                threshold = base.threshold;
            }
        } else {
            if (!(json.get("type") instanceof String t)) {
                throw new IllegalArgumentException(json.containsKey("type") ? "field 'type' must be a string"
                        : "field 'type' is missing; name a scorer type, e.g. {\"type\": \"contains\", \"value\": \"...\"}");
            }
            Map<String, Object> options = new LinkedHashMap<>(json);
            RESERVED.forEach(options::remove);
            base = new Check(t, options, false, 1.0, OptionalDouble.empty());
        }
        return new Check(base.type, base.options, base.negated, weight, threshold);
    }

    private static double number(Map<String, ?> json, String key, double fallback) {
        if (!json.containsKey(key)) {
            return fallback;
        }
        if (json.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("field '" + key + "' must be a number but was " + json.get(key));
    }
}
