package dev.bench4j.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.bench4j.core.Usage;
import dev.bench4j.core.internal.Jackson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The JSON of {@link Usage}, the one encoding of token counts in every bench4j file (a result line,
 * a judge's call in a score, a cached response, a replay recording):
 *
 * <pre>{@code
 * {"input_tokens": 54, "output_tokens": 3, "reasoning_tokens": null, "cached_input_tokens": 0, "total_tokens": 57}
 * }</pre>
 *
 * <p>Every count is written, an unknown one as {@code null} (unknown is not zero). A reader takes an
 * absent count as unknown too, and ignores fields it does not know unless the caller refuses them
 * with {@code allowOnly(UsageJson.FIELDS)}.
 */
public final class UsageJson {

    /** The field names, in the order they are written. */
    public static final List<String> FIELDS = List.of("input_tokens", "output_tokens", "reasoning_tokens",
            "cached_input_tokens", "total_tokens");

    private static final String COUNT = "must be an integer >= 0 or null but was ";

    private UsageJson() {
    }

    /**
     * Encodes a usage as a JSON object.
     *
     * @param usage the usage
     * @return a new object with every field of {@link #FIELDS}, {@code null} where the count is unknown
     * @throws NullPointerException if {@code usage} is {@code null}
     */
    public static ObjectNode toNode(Usage usage) {
        Objects.requireNonNull(usage, "usage");
        try (TokenBuffer buffer = new TokenBuffer(Jackson.MAPPER, false)) {
            write(buffer, usage);
            return Jackson.MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + usage, e);
        }
    }

    /**
     * Reads a usage from the fields of a JSON object; an absent or null count is unknown.
     *
     * @param usage the object's fields, e.g. {@code fields.object("usage")}
     * @return the usage
     * @throws NullPointerException if {@code usage} is {@code null}
     * @throws RuntimeException made by the fields' failure function, naming the field and value, if
     *     a count is not an integer >= 0
     */
    public static Usage read(JsonFields usage) {
        Objects.requireNonNull(usage, "usage");
        return new Usage(count(usage, "input_tokens"), count(usage, "output_tokens"), count(usage, "reasoning_tokens"),
                count(usage, "cached_input_tokens"), count(usage, "total_tokens"));
    }

    private static OptionalLong count(JsonFields f, String name) {
        Optional<JsonNode> v = f.get(name);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        if (!v.get().isIntegralNumber() || !v.get().canConvertToLong() || v.get().longValue() < 0) {
            throw f.problem(name, COUNT + JsonFields.describe(v.get()));
        }
        return OptionalLong.of(v.get().longValue());
    }

    // ---- streaming, for ResultJson ----------------------------------------------------------------

    /** Writes a usage as an object (the caller has written the field name). */
    static void write(JsonGenerator g, Usage u) throws IOException {
        g.writeStartObject();
        count(g, "input_tokens", u.inputTokens());
        count(g, "output_tokens", u.outputTokens());
        count(g, "reasoning_tokens", u.reasoningTokens());
        count(g, "cached_input_tokens", u.cachedInputTokens());
        count(g, "total_tokens", u.totalTokens());
        g.writeEndObject();
    }

    private static void count(JsonGenerator g, String name, OptionalLong value) throws IOException {
        if (value.isPresent()) {
            g.writeNumberField(name, value.getAsLong());
        } else {
            g.writeNullField(name);
        }
    }

    /**
     * Reads a usage object from a parser on its first token, and leaves the parser on the object's end.
     *
     * @param path the object's path, for messages, e.g. {@code usage}
     * @throws InvalidJsonException if it is not an object or a count is not an integer >= 0 or null
     */
    static Usage read(JsonParser p, JsonToken start, String path) throws IOException {
        ResultJson.expectObject(p, start, path);
        OptionalLong in = OptionalLong.empty();
        OptionalLong out = OptionalLong.empty();
        OptionalLong reasoning = OptionalLong.empty();
        OptionalLong cachedIn = OptionalLong.empty();
        OptionalLong total = OptionalLong.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "input_tokens" -> in = count(p, v, path + ".input_tokens");
                case "output_tokens" -> out = count(p, v, path + ".output_tokens");
                case "reasoning_tokens" -> reasoning = count(p, v, path + ".reasoning_tokens");
                case "cached_input_tokens" -> cachedIn = count(p, v, path + ".cached_input_tokens");
                case "total_tokens" -> total = count(p, v, path + ".total_tokens");
                default -> p.skipChildren();
            }
        }
        return new Usage(in, out, reasoning, cachedIn, total);
    }

    private static OptionalLong count(JsonParser p, JsonToken t, String path) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return OptionalLong.empty();
        }
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER || p.getLongValue() < 0) {
            throw new InvalidJsonException("field '" + path + "' " + COUNT + ResultJson.describe(p, t));
        }
        return OptionalLong.of(p.getLongValue());
    }
}
