package dev.bench4j.core.internal.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.json.JsonValues;
import dev.bench4j.core.spi.Names;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to the fields of one JSON object of a hand-written file, with messages that name
 * the file and the field's path ({@code models/mini.json: field 'price.input' must be a number but
 * was "cheap"}).
 *
 * <p>A field set to JSON {@code null} counts as absent. Fields not in the allowed list are refused,
 * so a typo never passes silently.
 */
final class Fields {

    private static final int SHOWN_CHARS = 40;

    private final JsonNode node;
    private final String where;
    private final String path;

    private Fields(JsonNode node, String where, String path) {
        this.node = node;
        this.where = where;
        this.path = path;
    }

    /**
     * Wraps the top-level object of a file or of an inline plan entry.
     *
     * @param node the node, which must be an object
     * @param where the file or plan entry, e.g. {@code prompt.json} or {@code plan.json: prompts[1]}
     * @param allowed the field names allowed
     * @return the fields
     * @throws InvalidPlanException if the node is not an object or has a field not allowed
     */
    static Fields of(JsonNode node, String where, List<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new InvalidPlanException(where + ": expected a JSON object but found " + describe(node));
        }
        return new Fields(node, where, "").checkAllowed(allowed);
    }

    /**
     * Wraps an object nested in this one (a field's value or an array element).
     *
     * @param value the nested node
     * @param name its path relative to this object, e.g. {@code price} or {@code messages[1]}
     * @param allowed the field names allowed in it
     * @return the nested fields
     * @throws InvalidPlanException if the node is not an object or has a field not allowed
     */
    Fields nested(JsonNode value, String name, List<String> allowed) {
        if (value == null || !value.isObject()) {
            throw problem(name, "must be an object but was " + describe(value));
        }
        return new Fields(value, where, path(name)).checkAllowed(allowed);
    }

    private Fields checkAllowed(List<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!allowed.contains(name)) {
                String hint = Names.closest(name, allowed).map(s -> " (did you mean '" + s + "'?)").orElse("");
                throw new InvalidPlanException(where + ": unknown field '" + path(name) + "'" + hint
                        + "; allowed fields are " + String.join(", ", allowed));
            }
        }
        return this;
    }

    /**
     * Returns what the messages of this object start with.
     *
     * @return the file or plan entry
     */
    String where() {
        return where;
    }

    /**
     * Returns a field's full path for messages.
     *
     * @param name the field's name in this object
     * @return e.g. {@code price.input}
     */
    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /**
     * Makes the exception for a problem with one field.
     *
     * @param name the field
     * @param text what is wrong, e.g. {@code must be an integer but was "lots"}
     * @return the exception to throw
     */
    InvalidPlanException problem(String name, String text) {
        return new InvalidPlanException(where + ": field '" + path(name) + "' " + text);
    }

    /**
     * Makes the exception for a required field that is absent or null.
     *
     * @param name the field
     * @param hint what the field holds, e.g. {@code  (USD per 1M input tokens)}, or empty
     * @return the exception to throw
     */
    InvalidPlanException missing(String name, String hint) {
        return new InvalidPlanException(where + ": missing field '" + path(name) + "'" + hint);
    }

    /**
     * Makes the exception for a value the public API refused.
     *
     * @param name the field
     * @param e the API's exception, whose message says what was expected
     * @return the exception to throw
     */
    InvalidPlanException refused(String name, IllegalArgumentException e) {
        return new InvalidPlanException(where + ": field '" + path(name) + "': " + e.getMessage(), e);
    }

    /**
     * Tells whether a field is present and not null.
     *
     * @param name the field
     * @return whether it has a value
     */
    boolean has(String name) {
        return get(name).isPresent();
    }

    /**
     * Returns a field's raw value.
     *
     * @param name the field
     * @return the value, or empty if absent or null
     */
    Optional<JsonNode> get(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    /**
     * Returns a field that must be present and a non-blank string.
     *
     * @param name the field
     * @return the string
     * @throws InvalidPlanException if it is absent, not a string or blank
     */
    String requiredString(String name) {
        String s = string(name).orElseThrow(() -> missing(name, ""));
        if (s.isBlank()) {
            throw problem(name, "must not be blank");
        }
        return s;
    }

    /**
     * Returns a field that must be a string when present.
     *
     * @param name the field
     * @return the string, or empty if absent
     * @throws InvalidPlanException if it is not a string
     */
    Optional<String> string(String name) {
        return get(name).map(v -> {
            if (!v.isTextual()) {
                throw problem(name, "must be a string but was " + describe(v));
            }
            return v.textValue();
        });
    }

    /**
     * Returns a field that must be a number when present.
     *
     * @param name the field
     * @return the number, or empty if absent
     * @throws InvalidPlanException if it is not a number, or too large for a {@code double}
     */
    Optional<Double> number(String name) {
        return get(name).map(v -> {
            if (!v.isNumber()) {
                throw problem(name, "must be a number but was " + describe(v));
            }
            if (!Double.isFinite(v.doubleValue())) {
                throw problem(name, "must be a number of at most " + Double.MAX_VALUE);
            }
            return v.doubleValue();
        });
    }

    /**
     * Returns a field that must be a number of at least zero when present.
     *
     * @param name the field
     * @return the number, or empty if absent
     * @throws InvalidPlanException if it is not a number or is negative
     */
    Optional<Double> nonNegative(String name) {
        Optional<Double> v = number(name);
        if (v.isPresent() && v.get() < 0) {
            throw problem(name, "must be a number >= 0 but was " + describe(node.get(name)));
        }
        return v;
    }

    /**
     * Returns a field that must be a whole number fitting an {@code int} when present; {@code 256.0} counts.
     *
     * @param name the field
     * @return the number, or empty if absent
     * @throws InvalidPlanException if it is not a whole number or is out of range
     */
    Optional<Integer> integer(String name) {
        return longInteger(name).map(l -> {
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw problem(name, "must be an integer of at most " + Integer.MAX_VALUE + " but was " + describe(node.get(name)));
            }
            return l.intValue();
        });
    }

    /**
     * Returns a field that must be a whole number fitting a {@code long} when present.
     *
     * @param name the field
     * @return the number, or empty if absent
     * @throws InvalidPlanException if it is not a whole number or is out of range
     */
    Optional<Long> longInteger(String name) {
        return get(name).map(v -> {
            if (!v.isNumber() || !v.canConvertToExactIntegral()) {
                throw problem(name, "must be an integer but was " + describe(v));
            }
            if (!v.canConvertToLong()) {
                throw problem(name, "must be an integer of at most " + Long.MAX_VALUE + " but was " + describe(v));
            }
            return v.longValue();
        });
    }

    /**
     * Returns a field that must be {@code true} or {@code false} when present.
     *
     * @param name the field
     * @return the value, or empty if absent
     * @throws InvalidPlanException if it is not a boolean
     */
    Optional<Boolean> bool(String name) {
        return get(name).map(v -> {
            if (!v.isBoolean()) {
                throw problem(name, "must be true or false but was " + describe(v));
            }
            return v.booleanValue();
        });
    }

    /**
     * Returns a field that must be an array when present.
     *
     * @param name the field
     * @return the array node, or empty if absent
     * @throws InvalidPlanException if it is not an array
     */
    Optional<JsonNode> array(String name) {
        return get(name).map(v -> {
            if (!v.isArray()) {
                throw problem(name, "must be an array but was " + describe(v));
            }
            return v;
        });
    }

    /**
     * Returns a field that must be an object of JSON values, none of them null (e.g. metadata).
     *
     * @param name the field
     * @return an unmodifiable map, empty if the field is absent
     * @throws InvalidPlanException if it is not an object or an entry is null
     */
    Map<String, Object> object(String name) {
        Optional<JsonNode> value = get(name);
        if (value.isEmpty()) {
            return Map.of();
        }
        JsonNode v = value.get();
        if (!v.isObject()) {
            throw problem(name, "must be an object but was " + describe(v));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (e.getValue().isNull()) {
                throw problem(name, "has a null value for '" + e.getKey() + "'; remove the entry or give it a value");
            }
            map.put(e.getKey(), JsonValues.fromNode(e.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Describes a JSON value for a message: {@code an object}, {@code an array}, {@code null}, or
     * the value as JSON, shortened when long.
     *
     * @param v the value (null for absent)
     * @return the description
     */
    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        String json = v.toString();
        if (json.length() <= SHOWN_CHARS) {
            return json;
        }
        int end = Character.isHighSurrogate(json.charAt(SHOWN_CHARS - 1)) ? SHOWN_CHARS - 1 : SHOWN_CHARS;
        return json.substring(0, end) + "...";
    }
}
