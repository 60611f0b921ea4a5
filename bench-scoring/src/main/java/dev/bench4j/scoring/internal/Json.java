package dev.bench4j.scoring.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JSON for the scorers: parsing model output, trees of expected values, JSON text of values. */
final class Json {

    /** The module's one mapper, configured here and never changed; rejects text after the JSON value. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A whole text that is one fenced block, e.g. {@code ```json\n[...]\n```}; group 1 is its body. */
    private static final Pattern FENCE = Pattern.compile("\\A```[\\w-]*[ \\t]*\\R(.*?)\\R?[ \\t]*```\\z", Pattern.DOTALL);

    private static final int SHOWN_CHARS = 80;

    private Json() {
    }

    /** Returns the body of a text that is one fenced block (surrounding whitespace aside), else the text. */
    static String unfence(String text) {
        Matcher m = FENCE.matcher(text.strip());
        return m.matches() ? m.group(1) : text;
    }

    /** Parses a model's output, without a surrounding fenced block, as one JSON value. */
    static JsonNode parseOutput(String output) {
        JsonNode node;
        try {
            node = MAPPER.readTree(unfence(output));
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || node.isMissingNode()) {
            throw new Unscorable("output is not JSON: " + head(output));
        }
        return node;
    }

    /**
     * Parses a model's output as JSON the way a judge's verdict is read: the whole output (without a
     * surrounding fenced block), else the one object in prose around it (first <code>{</code> to last
     * <code>}</code>), else the one array (first {@code [} to last {@code ]}).
     *
     * @throws Unscorable if none of these is JSON
     */
    static JsonNode parseEmbedded(String output) {
        try {
            return parseOutput(output);
        } catch (Unscorable e) {
            String text = unfence(output).strip();
            return embedded(text, '{', '}').or(() -> embedded(text, '[', ']')).flatMap(Json::parseQuietly)
                    .orElseThrow(() -> e);
        }
    }

    /** Returns the text from the first {@code open} to the last {@code close}, if both occur in that order. */
    static Optional<String> embedded(String text, char open, char close) {
        int start = text.indexOf(open);
        int end = text.lastIndexOf(close);
        return start >= 0 && end > start ? Optional.of(text.substring(start, end + 1)) : Optional.empty();
    }

    /** Reads one JSON value and refuses an object that repeats a field name. */
    private static final ObjectReader STRICT = MAPPER.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * Parses a text as one JSON value, refusing repeated field names.
     *
     * @throws JsonProcessingException if the text is not one JSON value or an object repeats a field
     */
    static JsonNode parseStrict(String text) throws JsonProcessingException {
        JsonNode node = STRICT.readTree(text);
        if (node == null || node.isMissingNode()) {
            throw new JsonParseException(null, "no JSON value");
        }
        return node;
    }

    /** Parses a text as one JSON value, or returns empty if it is not JSON. */
    static Optional<JsonNode> parseQuietly(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Converts a JSON-like Java value (a trial's expected value) into a tree. */
    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Returns the JSON text of a value, e.g. {@code 42}, {@code true}, {@code "x"}; {@code null} for null. */
    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** Says what a JSON-like Java value is: "a string", "a number", "an array", ... */
    static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof Map) {
            return "an object";
        }
        return "a " + value.getClass().getName();
    }

    /** Says what a tree node is: "a string", "a number", "an array", ... */
    static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.isMissingNode() ? "missing" : "null";
    }

    /** Returns the first 80 characters of a text, never splitting a surrogate pair. */
    private static String head(String text) {
        return head(text, SHOWN_CHARS);
    }

    /** Returns the first {@code max} characters of a text, never splitting a surrogate pair. */
    static String head(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }
}
