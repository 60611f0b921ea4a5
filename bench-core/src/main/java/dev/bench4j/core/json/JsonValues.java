package dev.bench4j.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bench4j.core.internal.Jackson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Helpers for the JSON-like Java values that bench4j's public types carry (String, Number, Boolean,
 * List, Map and, inside collections, null): deep immutable copies, conversion from and to Jackson
 * trees, and compact or canonical JSON text. Provider and scorer authors use them to turn a
 * provider's JSON into the values of a {@code ModelResponse} or {@code Score} and back. Every method
 * is thread-safe and keeps no state.
 */
public final class JsonValues {

    private static final ObjectMapper MAPPER = Jackson.MAPPER;

    private static final ObjectWriter CANONICAL = MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private JsonValues() {
    }

    /**
     * Returns an unmodifiable deep copy of a JSON object whose values must not be null.
     *
     * @param map the map
     * @param what what the map is, for messages
     * @return the copy, keeping the key order
     */
    public static Map<String, Object> immutableObject(Map<String, ?> map, String what) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : map.entrySet()) {
            String key = Objects.requireNonNull(e.getKey(), () -> what + " has a null key");
            Object value = e.getValue();
            if (value == null) {
                throw new NullPointerException(what + " '" + key + "' is null");
            }
            copy.put(key, immutableCopy(value, what + " '" + key + "'"));
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Returns an unmodifiable deep copy of a JSON-like value; nulls are allowed inside collections.
     *
     * @param value the value
     * @param what what the value is, for messages
     * @return the copy
     * @throws IllegalArgumentException if the value is not JSON-like
     */
    public static Object immutableCopy(Object value, String what) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            return normalizeNumber(n, what);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException(what + " has a key that is not a string: " + e.getKey());
                }
                copy.put(k, immutableCopy(e.getValue(), what));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            for (Object o : l) {
                copy.add(immutableCopy(o, what));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof JsonNode node) {
            return fromNode(node);
        }
        throw new IllegalArgumentException(what + " must be a JSON value (string, number, boolean, list or map) but was a "
                + value.getClass().getName());
    }

    private static Number normalizeNumber(Number n, String what) {
        if (n instanceof Double d && (d.isNaN() || d.isInfinite()) || n instanceof Float f && (f.isNaN() || f.isInfinite())) {
            throw new IllegalArgumentException(what + " must be a finite number but was " + n);
        }
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof Float f) {
            return f.doubleValue();
        }
        return n;
    }

    /**
     * Converts a Jackson tree into an unmodifiable JSON-like Java value; JSON null becomes null.
     *
     * @param node the tree
     * @return the value
     */
    public static Object fromNode(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.isBigDecimal() ? node.decimalValue() : node.doubleValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(n -> list.add(fromNode(n)));
            return Collections.unmodifiableList(list);
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), fromNode(e.getValue())));
            return Collections.unmodifiableMap(map);
        }
        return node.asText();
    }

    /**
     * Converts a JSON-like Java value into a Jackson tree.
     *
     * @param value the value (null gives a JSON null)
     * @return the tree
     */
    public static JsonNode toNode(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value instanceof BigInteger b) {
            return JsonNodeFactory.instance.numberNode(b);
        }
        if (value instanceof BigDecimal b) {
            return JsonNodeFactory.instance.numberNode(b);
        }
        return MAPPER.valueToTree(value);
    }

    /**
     * Writes a JSON-like value as compact JSON.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes a JSON-like value as compact JSON with the keys of every object sorted, so that equal
     * values give equal text whatever their maps' order.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String toCanonicalJson(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
