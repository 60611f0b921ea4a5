package dev.bench4j.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The viewer's JSON: one mapper configured once; small helpers for unknown values (written as null). */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** Encodes a tree of maps, lists, strings, numbers and booleans. */
    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Encodes as a string. */
    static String string(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses a request body. */
    static JsonNode parse(byte[] body) throws JsonProcessingException {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new ordered object. */
    static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    static Double num(OptionalDouble v) {
        return v.isPresent() && Double.isFinite(v.getAsDouble()) ? v.getAsDouble() : null;
    }

    static Long num(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }

    static Integer num(OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    static Double millis(Optional<Duration> d) {
        return d.map(Json::millis).orElse(null);
    }
}
