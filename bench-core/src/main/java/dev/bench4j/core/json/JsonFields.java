package dev.bench4j.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.spi.Names;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Typed access to the fields of one JSON object of a file, with messages that name the file, the
 * field's path, the value found and what was expected
 * ({@code models/mini.json: field 'price.input' must be a number but was "cheap"}).
 *
 * <p>The caller chooses the exception every problem is reported with, so that each file keeps its
 * own: a plan file's readers pass {@code InvalidPlanException::new}, a run store's its own exception.
 * A field set to JSON {@code null} counts as absent. Fields not named are ignored unless
 * {@link #allowOnly} refuses them, as readers of hand-written files do so that a typo never passes
 * silently; readers of files bench4j writes ignore them, so that a later version may add some.
 *
 * <pre>{@code
 * JsonFields f = JsonFields.of(node, "models/mini.json", InvalidPlanException::new)
 *         .allowOnly(List.of("provider", "model", "temperature"));
 * String provider = f.nonBlankString("provider");
 * Optional<Double> temperature = f.optNumber("temperature");
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe if the node is not modified.
 */
public final class JsonFields {

    private static final int SHOWN_CHARS = 40;

    private final JsonNode node;
    private final String where;
    private final String path;
    private final BiFunction<String, Throwable, ? extends RuntimeException> failure;

    private JsonFields(JsonNode node, String where, String path,
            BiFunction<String, Throwable, ? extends RuntimeException> failure) {
        this.node = node;
        this.where = where;
        this.path = path;
        this.failure = failure;
    }

    /**
     * Wraps the top-level object of a file, or an object given on its own (an inline plan entry).
     *
     * @param node the object
     * @param where what every message starts with: the file, e.g. {@code prompt.json}, or the place,
     *     e.g. {@code plan.json: prompts[1]}
     * @param failure makes the exception for a problem from its message and cause (the cause may be
     *     {@code null}), e.g. {@code InvalidPlanException::new}
     * @return the fields
     * @throws NullPointerException if an argument is {@code null}
     * @throws RuntimeException made by {@code failure} if the node is not an object
     */
    public static JsonFields of(JsonNode node, String where,
            BiFunction<String, Throwable, ? extends RuntimeException> failure) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(failure, "failure");
        if (!node.isObject()) {
            throw failure.apply(where + ": expected a JSON object but found " + describe(node), null);
        }
        return new JsonFields(node, where, "", failure);
    }

    /**
     * Wraps an object found at a path of a document that is otherwise read another way (e.g.
     * streamed), so that messages name its fields from that path on ({@code run.plan.trial_count}).
     *
     * @param node the object
     * @param where what every message starts with, e.g. the file
     * @param path the object's path in the document, e.g. {@code run}
     * @param failure makes the exception for a problem from its message and cause (the cause may be {@code null})
     * @return the fields
     * @throws NullPointerException if an argument is {@code null}
     * @throws RuntimeException made by {@code failure} if the node is not an object
     */
    public static JsonFields of(JsonNode node, String where, String path,
            BiFunction<String, Throwable, ? extends RuntimeException> failure) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(failure, "failure");
        if (!node.isObject()) {
            throw failure.apply(where + ": field '" + path + "' must be an object but was " + describe(node), null);
        }
        return new JsonFields(node, where, path, failure);
    }

    /**
     * Refuses every field of this object that is not named, suggesting the closest name for a typo.
     *
     * @param names the field names allowed
     * @return these fields
     * @throws NullPointerException if {@code names} is {@code null}
     * @throws RuntimeException made by the failure function, naming the field and the allowed ones,
     *     if the object has a field not allowed
     */
    public JsonFields allowOnly(Collection<String> names) {
        List<String> allowed = List.copyOf(names);
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!allowed.contains(name)) {
                String hint = Names.closest(name, allowed).map(s -> " (did you mean '" + s + "'?)").orElse("");
                throw failure.apply(where + ": unknown field '" + path(name) + "'" + hint
                        + "; allowed fields are " + String.join(", ", allowed), null);
            }
        }
        return this;
    }

    /**
     * Wraps an object nested in this one: a field's value or an array element.
     *
     * @param value the nested node ({@code null} when absent)
     * @param name its path relative to this object, e.g. {@code price} or {@code messages[1]}
     * @return the nested fields, reporting problems the same way
     * @throws RuntimeException made by the failure function if the node is not an object
     */
    public JsonFields nested(JsonNode value, String name) {
        if (value == null || !value.isObject()) {
            throw problem(name, "must be an object but was " + describe(value));
        }
        return new JsonFields(value, where, path(name), failure);
    }

    /**
     * Returns a field that must be an object.
     *
     * @param name the field
     * @return its fields
     * @throws RuntimeException made by the failure function if it is absent or not an object
     */
    public JsonFields object(String name) {
        return nested(required(name), name);
    }

    /**
     * Returns a field that must be an object when present.
     *
     * @param name the field
     * @return its fields, or empty if absent
     * @throws RuntimeException made by the failure function if it is not an object
     */
    public Optional<JsonFields> optObject(String name) {
        return get(name).map(v -> nested(v, name));
    }

    /**
     * Returns the wrapped object.
     *
     * @return the node
     */
    public JsonNode node() {
        return node;
    }

    /**
     * Returns what the messages of this object start with.
     *
     * @return the file or place
     */
    public String where() {
        return where;
    }

    /**
     * Returns a field's full path, for messages.
     *
     * @param name the field's name in this object
     * @return e.g. {@code price.input}
     */
    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /**
     * Makes the exception for a problem with the object as a whole, or with several of its fields.
     *
     * @param text what is wrong, e.g. {@code fields 'a' and 'b' are both set; keep one}
     * @return the exception to throw: {@code where: text}
     */
    public RuntimeException failure(String text) {
        return failure.apply(where + ": " + text, null);
    }

    /**
     * Makes the exception for a problem with one field.
     *
     * @param name the field
     * @param text what is wrong, e.g. {@code must be an integer but was "lots"}
     * @return the exception to throw: {@code where: field 'path' text}
     */
    public RuntimeException problem(String name, String text) {
        return failure.apply(where + ": field '" + path(name) + "' " + text, null);
    }

    /**
     * Makes the exception for a required field that is absent or null.
     *
     * @param name the field
     * @param hint what the field holds, e.g. {@code " (USD per 1M input tokens)"}, or empty
     * @return the exception to throw: {@code where: missing field 'path'hint}
     */
    public RuntimeException missing(String name, String hint) {
        return failure.apply(where + ": missing field '" + path(name) + "'" + hint, null);
    }

    /**
     * Makes the exception for a value that the public API refused.
     *
     * @param name the field
     * @param e the API's exception, whose message says what was expected
     * @return the exception to throw, with {@code e} as its cause
     */
    public RuntimeException refused(String name, IllegalArgumentException e) {
        return failure.apply(where + ": field '" + path(name) + "': " + e.getMessage(), e);
    }

    /**
     * Tells whether a field is present and not null.
     *
     * @param name the field
     * @return whether it has a value
     */
    public boolean has(String name) {
        return get(name).isPresent();
    }

    /**
     * Returns a field's raw value.
     *
     * @param name the field
     * @return the value, or empty if absent or null
     */
    public Optional<JsonNode> get(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    /**
     * Returns a field's raw value, which must be present.
     *
     * @param name the field
     * @return the value
     * @throws RuntimeException made by the failure function if it is absent or null
     */
    public JsonNode required(String name) {
        return get(name).orElseThrow(() -> missing(name, ""));
    }

    /**
     * Returns a field that must be a string.
     *
     * @param name the field
     * @return the string, possibly empty
     * @throws RuntimeException made by the failure function if it is absent or not a string
     */
    public String string(String name) {
        return optString(name).orElseThrow(() -> missing(name, ""));
    }

    /**
     * Returns a field that must be a string when present.
     *
     * @param name the field
     * @return the string, or empty if absent
     * @throws RuntimeException made by the failure function if it is not a string
     */
    public Optional<String> optString(String name) {
        return get(name).map(v -> {
            if (!v.isTextual()) {
                throw problem(name, "must be a string but was " + describe(v));
            }
            return v.textValue();
        });
    }

    /**
     * Returns a field that must be a string that is not blank.
     *
     * @param name the field
     * @return the string
     * @throws RuntimeException made by the failure function if it is absent, not a string or blank
     */
    public String nonBlankString(String name) {
        String s = string(name);
        if (s.isBlank()) {
            throw problem(name, "must not be blank");
        }
        return s;
    }

    /**
     * Returns a field that must be a number.
     *
     * @param name the field
     * @return the number
     * @throws RuntimeException made by the failure function if it is absent, not a number, or too
     *     large for a {@code double}
     */
    public double number(String name) {
        return optNumber(name).orElseThrow(() -> missing(name, ""));
    }

    /**
     * Returns a field that must be a number when present.
     *
     * @param name the field
     * @return the number, or empty if absent
     * @throws RuntimeException made by the failure function if it is not a number, or too large for
     *     a {@code double}
     */
    public Optional<Double> optNumber(String name) {
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
     * Returns a field that must be a whole number fitting an {@code int} when present; {@code 256.0} counts.
     *
     * @param name the field
     * @return the number, or empty if absent
     * @throws RuntimeException made by the failure function if it is not a whole number or is out of range
     */
    public Optional<Integer> optInt(String name) {
        get(name).filter(v -> v.isNumber() && v.canConvertToExactIntegral() && !v.canConvertToInt()).ifPresent(v -> {
            throw problem(name, (v.doubleValue() > 0 ? "must be an integer of at most " + Integer.MAX_VALUE
                    : "must be an integer of at least " + Integer.MIN_VALUE) + " but was " + describe(v));
        });
        return optLong(name).map(Long::intValue);
    }

    /**
     * Returns a field that must be a whole number fitting a {@code long} when present; {@code 256.0} counts.
     *
     * @param name the field
     * @return the number, or empty if absent
     * @throws RuntimeException made by the failure function if it is not a whole number or is out of range
     */
    public Optional<Long> optLong(String name) {
        return get(name).map(v -> {
            if (!v.isNumber() || !v.canConvertToExactIntegral()) {
                throw problem(name, "must be an integer but was " + describe(v));
            }
            if (!v.canConvertToLong()) {
                throw problem(name, (v.doubleValue() > 0 ? "must be an integer of at most " + Long.MAX_VALUE
                        : "must be an integer of at least " + Long.MIN_VALUE) + " but was " + describe(v));
            }
            return v.longValue();
        });
    }

    /**
     * Returns a field that must be an integer (written without a fraction) of at least zero.
     *
     * @param name the field
     * @return the count
     * @throws RuntimeException made by the failure function if it is absent, not such an integer, or
     *     larger than a {@code long}
     */
    public long count(String name) {
        JsonNode v = required(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw problem(name, "must be an integer >= 0 but was " + describe(v));
        }
        return v.longValue();
    }

    /**
     * Returns a field that must be an integer (written without a fraction) from zero to {@link Integer#MAX_VALUE}.
     *
     * @param name the field
     * @return the count
     * @throws RuntimeException made by the failure function if it is absent, not such an integer, or too large
     */
    public int intCount(String name) {
        long v = count(name);
        if (v > Integer.MAX_VALUE) {
            throw problem(name, "must be an integer of at most " + Integer.MAX_VALUE + " but was " + v);
        }
        return (int) v;
    }

    /**
     * Returns a field that must be {@code true} or {@code false} when present.
     *
     * @param name the field
     * @return the value, or empty if absent
     * @throws RuntimeException made by the failure function if it is not a boolean
     */
    public Optional<Boolean> optBoolean(String name) {
        return get(name).map(v -> {
            if (!v.isBoolean()) {
                throw problem(name, "must be true or false but was " + describe(v));
            }
            return v.booleanValue();
        });
    }

    /**
     * Returns a field that must be an ISO-8601 instant ({@code "2026-11-22T18:45:01Z"}).
     *
     * @param name the field
     * @return the instant
     * @throws RuntimeException made by the failure function if it is absent or not such an instant
     */
    public Instant instant(String name) {
        return optInstant(name).orElseThrow(() -> missing(name, ""));
    }

    /**
     * Returns a field that must be an ISO-8601 instant when present.
     *
     * @param name the field
     * @return the instant, or empty if absent
     * @throws RuntimeException made by the failure function if it is not such an instant
     */
    public Optional<Instant> optInstant(String name) {
        return optString(name).map(s -> {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw problem(name, "must be an ISO-8601 instant like \"2026-11-22T18:45:01Z\" but was \"" + s + "\"");
            }
        });
    }

    /**
     * Returns a field that must be an array.
     *
     * @param name the field
     * @return the array node
     * @throws RuntimeException made by the failure function if it is absent or not an array
     */
    public JsonNode array(String name) {
        return optArray(name).orElseThrow(() -> missing(name, ""));
    }

    /**
     * Returns a field that must be an array when present.
     *
     * @param name the field
     * @return the array node, or empty if absent
     * @throws RuntimeException made by the failure function if it is not an array
     */
    public Optional<JsonNode> optArray(String name) {
        return get(name).map(v -> {
            if (!v.isArray()) {
                throw problem(name, "must be an array but was " + describe(v));
            }
            return v;
        });
    }

    /**
     * Returns a field that must be an array of strings.
     *
     * @param name the field
     * @return the strings, in order
     * @throws RuntimeException made by the failure function if it is absent, not an array, or an
     *     element is not a string
     */
    public List<String> strings(String name) {
        JsonNode array = array(name);
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw problem(name + "[" + i + "]", "must be a string but was " + describe(array.get(i)));
            }
            out.add(array.get(i).textValue());
        }
        return out;
    }

    /**
     * Returns a field that must be an object of JSON values, none of them null (e.g. metadata), as Java values.
     *
     * @param name the field
     * @return an unmodifiable map (see {@link JsonValues#fromNode}), empty if the field is absent
     * @throws RuntimeException made by the failure function if it is not an object or an entry is null
     */
    public Map<String, Object> map(String name) {
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
     * Describes a JSON value for a message: {@code an object}, {@code an array}, {@code nothing}
     * (absent), or the value as JSON ({@code null}, {@code "text"}, {@code 2.5}), shortened to 40
     * characters with {@code ...} when longer.
     *
     * @param value the value, or {@code null} when absent
     * @return the description
     */
    public static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        return shorten(value.toString());
    }

    /** Shortens a value's JSON text to 40 characters, never between the halves of a surrogate pair. */
    static String shorten(String json) {
        if (json.length() <= SHOWN_CHARS) {
            return json;
        }
        int end = Character.isHighSurrogate(json.charAt(SHOWN_CHARS - 1)) ? SHOWN_CHARS - 1 : SHOWN_CHARS;
        return json.substring(0, end) + "...";
    }
}
