package dev.bench4j.providers.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.json.JsonValues;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Small helpers for reading provider JSON without nulls.
 */
public final class Json {

    /** bench-providers' one Jackson mapper: shared, never reconfigured. */
    public static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /**
     * Returns a field that must be there.
     *
     * @param node the object
     * @param field the field name
     * @return the field's node
     * @throws MalformedException if the field is missing or null
     */
    public static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new MalformedException("missing '" + field + "'");
        }
        return v;
    }

    /**
     * Returns a whole-number field.
     *
     * @param node the object
     * @param field the field name
     * @return the value, or empty when missing or not a number
     */
    public static OptionalLong optLong(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? OptionalLong.of(v.asLong()) : OptionalLong.empty();
    }

    /**
     * Returns a text field.
     *
     * @param node the object
     * @param field the field name
     * @return the text, or {@code null} when missing or not text
     */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /**
     * Copies provider extras into a request body unchanged (values may be nested maps and lists).
     *
     * @param body the request body
     * @param extras the extras, by wire name
     */
    public static void putAll(ObjectNode body, Map<String, Object> extras) {
        extras.forEach((k, v) -> body.set(k, JsonValues.toNode(v)));
    }

    /**
     * Parses one event or line of a stream, which must be a JSON object.
     *
     * @param data the event's data or the line
     * @param what what it is, for the message, e.g. {@code "a stream chunk"}
     * @return the object
     * @throws MalformedException if it is not valid JSON or not an object
     */
    public static JsonNode parseObject(String data, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            throw new MalformedException(what + " is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedException(what + " is not a JSON object");
        }
        return node;
    }

    /**
     * Reads an RFC 3339 timestamp such as {@code 2025-10-14T09:21:25Z} or Ollama's
     * {@code 2025-08-19T14:03:12.123456789-07:00}.
     *
     * @param text the text, may be {@code null}
     * @return the instant, or empty when absent or not a timestamp
     */
    public static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Serializes a request body.
     *
     * @param body the body
     * @return its UTF-8 JSON bytes
     */
    public static byte[] bytes(JsonNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates an empty object node.
     *
     * @return the node
     */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
