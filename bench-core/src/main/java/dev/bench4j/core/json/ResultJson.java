package dev.bench4j.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.Score;
import dev.bench4j.core.Usage;
import dev.bench4j.core.internal.Jackson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The JSON of a {@link Result}: one line of a run's {@code results.jsonl}, written with a streaming
 * generator and read back with a streaming parser, so that what is read equals what was written.
 *
 * <pre>
 * {"prompt": "p", "model": "openai:gpt-4o-mini", "trial": "t1", "repetition": 0, "output": "...",
 *  "finish_reason": "stop", "raw_finish_reason": "stop",
 *  "usage": {"input_tokens": 10, "output_tokens": 5, "reasoning_tokens": null, "cached_input_tokens": null, "total_tokens": 15},
 *  "started_at": "2026-11-22T18:45:01.123456Z", "latency_ms": 812.5, "time_to_first_token_ms": null,
 *  "cost_usd": 0.0000045, "cached": false, "attempts": 1, "model_version": null,
 *  "error": null, "scores": {"exact": {"value": 1.0}}, "metrics": {}}
 * </pre>
 *
 * <p>Every field is written, in this order; durations are milliseconds with a fraction, exact to the
 * nanosecond; a count or cost that is unknown is {@code null}, never 0 (usage is {@link UsageJson}'s).
 * A score has {@code value} and, when set, {@code reason}, {@code details}, {@code error} and
 * {@code calls} (a judge's model calls: {@code model}, {@code usage}, {@code cost_usd}, {@code cached},
 * {@code attempts}, {@code latency_ms}, {@code error}). A reader ignores fields it does not know, so
 * that a later version may add some. The JSON Schema is {@code docs/schemas/result.schema.json}.
 *
 * <pre>{@code
 * try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
 *     ResultJson.write(g, result);
 * }
 * Result back = ResultJson.read(line, 0, line.length);
 * }</pre>
 */
public final class ResultJson {

    private static final JsonFactory FACTORY = Jackson.MAPPER.getFactory();

    private ResultJson() {
    }

    // ---- writing --------------------------------------------------------------------------------

    /**
     * Writes one result as a JSON object (no line end).
     *
     * @param g the generator, which should not pretty-print (a result is one line)
     * @param r the result
     * @throws NullPointerException if an argument is {@code null}
     * @throws IOException if the generator cannot write
     */
    public static void write(JsonGenerator g, Result r) throws IOException {
        Objects.requireNonNull(g, "g");
        Objects.requireNonNull(r, "r");
        CellId c = r.cell();
        g.writeStartObject();
        g.writeStringField("prompt", c.prompt());
        g.writeStringField("model", c.model());
        g.writeStringField("trial", c.trial());
        g.writeNumberField("repetition", c.repetition());
        g.writeStringField("output", r.output());
        g.writeStringField("finish_reason", r.finishReason().wireName());
        text(g, "raw_finish_reason", r.rawFinishReason());
        usage(g, r.usage());
        g.writeStringField("started_at", r.timing().startedAt().toString());
        g.writeNumberField("latency_ms", millis(r.timing().latency()));
        g.writeFieldName("time_to_first_token_ms");
        if (r.timing().timeToFirstToken().isPresent()) {
            g.writeNumber(millis(r.timing().timeToFirstToken().get()));
        } else {
            g.writeNull();
        }
        cost(g, r.costUsd());
        g.writeBooleanField("cached", r.cached());
        g.writeNumberField("attempts", r.attempts());
        text(g, "model_version", r.modelVersion());
        error(g, r.error());
        g.writeObjectFieldStart("scores");
        for (Map.Entry<String, Score> e : r.scores().entrySet()) {
            Score s = e.getValue();
            g.writeObjectFieldStart(e.getKey());
            g.writeFieldName("value");
            if (s.value().isPresent()) {
                g.writeNumber(s.value().getAsDouble());
            } else {
                g.writeNull();
            }
            if (s.reason().isPresent()) {
                g.writeStringField("reason", s.reason().get());
            }
            if (!s.details().isEmpty()) {
                g.writeObjectFieldStart("details");
                for (Map.Entry<String, Double> d : s.details().entrySet()) {
                    g.writeNumberField(d.getKey(), d.getValue());
                }
                g.writeEndObject();
            }
            if (s.error().isPresent()) {
                g.writeStringField("error", s.error().get());
            }
            if (!s.calls().isEmpty()) {
                g.writeArrayFieldStart("calls");
                for (Score.Call call : s.calls()) {
                    call(g, call);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("metrics");
        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(name, value.get());
        } else {
            g.writeNullField(name);
        }
    }

    private static void usage(JsonGenerator g, Usage u) throws IOException {
        g.writeFieldName("usage");
        UsageJson.write(g, u);
    }

    private static void cost(JsonGenerator g, OptionalDouble cost) throws IOException {
        g.writeFieldName("cost_usd");
        if (cost.isPresent()) {
            g.writeNumber(cost.getAsDouble());
        } else {
            g.writeNull();
        }
    }

    private static void error(JsonGenerator g, Optional<ResultError> error) throws IOException {
        g.writeFieldName("error");
        if (error.isEmpty()) {
            g.writeNull();
            return;
        }
        ResultError e = error.get();
        g.writeStartObject();
        g.writeStringField("kind", e.kind().wireName());
        g.writeStringField("message", e.message());
        g.writeFieldName("http_status");
        if (e.httpStatus().isPresent()) {
            g.writeNumber(e.httpStatus().getAsInt());
        } else {
            g.writeNull();
        }
        g.writeEndObject();
    }

    /** Writes a scorer's model call: {@code {"model", "usage", "cost_usd", "cached", "attempts", "latency_ms", "error"}}. */
    private static void call(JsonGenerator g, Score.Call c) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", c.model());
        usage(g, c.usage());
        cost(g, c.costUsd());
        g.writeBooleanField("cached", c.cached());
        g.writeNumberField("attempts", c.attempts());
        g.writeNumberField("latency_ms", millis(c.latency()));
        error(g, c.error());
        g.writeEndObject();
    }

    /**
     * Converts a duration to milliseconds with a fraction, as bench4j's files hold durations;
     * {@link #duration(double)} turns it back exactly.
     *
     * @param d the duration
     * @return milliseconds
     * @throws NullPointerException if {@code d} is {@code null}
     * @throws ArithmeticException if the duration does not fit in a {@code long} of nanoseconds (292 years)
     */
    public static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    /**
     * Converts milliseconds with a fraction back to a duration, to the nearest nanosecond.
     *
     * @param ms milliseconds
     * @return the duration (a NaN gives zero; beyond a {@code long} of nanoseconds, the longest one)
     */
    public static Duration duration(double ms) {
        return Duration.ofNanos(Math.round(ms * 1e6));
    }

    // ---- reading --------------------------------------------------------------------------------

    /**
     * Reads one result from the bytes of one line.
     *
     * @param bytes a buffer
     * @param offset where the line starts
     * @param length the line's length, without its line end
     * @return the result
     * @throws NullPointerException if {@code bytes} is {@code null}
     * @throws IndexOutOfBoundsException if the line is not inside the buffer
     * @throws InvalidJsonException if the line is not a result; the message says what is wrong and
     *     where in the line (the column of malformed JSON, else the field, its value and what was
     *     expected), and the caller adds the file and line
     */
    public static Result read(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
            Result r = read(p, p.nextToken());
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new InvalidJsonException("unexpected content after the result: " + describe(p, after));
            }
            return r;
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : "column " + e.getLocation().getColumnNr() + ": ";
            throw new InvalidJsonException(at + "invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidJsonException("cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads only the cell (prompt, model, trial, repetition) of one result line, stopping as soon as
     * the four fields are read: lines written by bench4j put them first, so the output, scores and
     * the rest are not even tokenized. For indexing where each cell's result is in a large file;
     * the rest of the line is checked when the result itself is read with {@link #read(byte[], int, int)}.
     * A line whose cell cannot be read this way is read whole, so the error is the same as that of
     * {@link #read(byte[], int, int)}.
     *
     * @param bytes a buffer
     * @param offset where the line starts
     * @param length the line's length, without its line end
     * @return the result's cell
     * @throws NullPointerException if {@code bytes} is {@code null}
     * @throws IndexOutOfBoundsException if the line is not inside the buffer
     * @throws InvalidJsonException if the line's cell cannot be read; the message is that of
     *     {@link #read(byte[], int, int)} for the line
     */
    public static CellId readCell(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                String prompt = null;
                String model = null;
                String trial = null;
                int repetition = -1;
                fields:
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    boolean text = v == JsonToken.VALUE_STRING;
                    switch (field) {
                        case "prompt", "model", "trial" -> {
                            if (!text) {
                                break fields;   // the whole read names the field and what was expected
                            }
                            switch (field) {
                                case "prompt" -> prompt = p.getText();
                                case "model" -> model = p.getText();
                                default -> trial = p.getText();
                            }
                        }
                        case "repetition" -> {
                            if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                                    || p.getIntValue() < 0) {
                                break fields;
                            }
                            repetition = p.getIntValue();
                        }
                        default -> p.skipChildren();
                    }
                    if (prompt != null && model != null && trial != null && repetition >= 0) {
                        return new CellId(prompt, model, trial, repetition);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // malformed before the cell was read, or a cell id refused: the whole read says what is wrong
        }
        return read(bytes, offset, length).cell();
    }

    /**
     * Reads one result object from a parser whose current token starts it, and leaves the parser on
     * the object's end; for results inside a larger document, such as a run export.
     *
     * @param p the parser, on the object's first token
     * @return the result
     * @throws NullPointerException if {@code p} is {@code null}
     * @throws InvalidJsonException if the object is not a result; the message names the field (from
     *     the result's top), its value and what was expected, and the caller adds the file and place
     * @throws IOException if the parser cannot read, e.g. malformed or truncated JSON
     */
    public static Result read(JsonParser p) throws IOException {
        return read(p, Objects.requireNonNull(p, "p").currentToken());
    }

    private static Result read(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            throw new InvalidJsonException("expected a JSON object (a result) but found " + describe(p, start));
        }
        String prompt = null;
        String model = null;
        String trial = null;
        Integer repetition = null;
        String output = null;
        FinishReason finish = null;
        Optional<String> raw = Optional.empty();
        Usage usage = Usage.unknown();
        Instant startedAt = null;
        Duration latency = null;
        Optional<Duration> ttft = Optional.empty();
        OptionalDouble cost = OptionalDouble.empty();
        Boolean cached = null;
        Integer attempts = null;
        Optional<String> version = Optional.empty();
        Optional<ResultError> error = Optional.empty();
        Map<String, Score> scores = Map.of();
        Map<String, Double> metrics = Map.of();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "prompt" -> prompt = string(p, v, field);
                case "model" -> model = string(p, v, field);
                case "trial" -> trial = string(p, v, field);
                case "repetition" -> repetition = nonNegativeInt(p, v, field);
                case "output" -> output = string(p, v, field);
                case "finish_reason" -> finish = FinishReason.fromWireName(string(p, v, field));
                case "raw_finish_reason" -> raw = v == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(string(p, v, field));
                case "usage" -> usage = v == JsonToken.VALUE_NULL ? Usage.unknown() : UsageJson.read(p, v, "usage");
                case "started_at" -> startedAt = instant(p, v, field);
                case "latency_ms" -> latency = duration(nonNegative(p, v, field));
                case "time_to_first_token_ms" -> ttft = v == JsonToken.VALUE_NULL ? Optional.empty()
                        : Optional.of(duration(nonNegative(p, v, field)));
                case "cost_usd" -> cost = v == JsonToken.VALUE_NULL ? OptionalDouble.empty()
                        : OptionalDouble.of(nonNegative(p, v, field));
                case "cached" -> cached = bool(p, v, field);
                case "attempts" -> attempts = nonNegativeInt(p, v, field);
                case "model_version" -> version = v == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(string(p, v, field));
                case "error" -> error = v == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(error(p, v));
                case "scores" -> scores = v == JsonToken.VALUE_NULL ? Map.of() : scores(p, v);
                case "metrics" -> metrics = v == JsonToken.VALUE_NULL ? Map.of() : metrics(p, v);
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new InvalidJsonException("the result object is not closed");
        }
        required(prompt, "prompt");
        required(model, "model");
        required(trial, "trial");
        required(repetition, "repetition");
        required(output, "output");
        required(finish, "finish_reason");
        required(startedAt, "started_at");
        required(latency, "latency_ms");
        required(cached, "cached");
        required(attempts, "attempts");
        try {
            return Result.builder(new CellId(prompt, model, trial, repetition), new Result.Timing(startedAt, latency, ttft))
                    .output(output)
                    .finishReason(finish, raw)
                    .usage(usage)
                    .costUsd(cost)
                    .calls(cached, attempts)
                    .modelVersion(version)
                    .error(error)
                    .scores(scores)
                    .metrics(metrics)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new InvalidJsonException("not a valid result: " + e.getMessage(), e);
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new InvalidJsonException("missing field '" + field + "'");
        }
    }

    private static ResultError error(JsonParser p, JsonToken start) throws IOException {
        expectObject(p, start, "error");
        ErrorKind kind = null;
        String message = null;
        OptionalInt status = OptionalInt.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "kind" -> {
                    String name = string(p, v, "error.kind");
                    try {
                        kind = ErrorKind.fromWireName(name);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidJsonException("field 'error.kind': " + e.getMessage(), e);
                    }
                }
                case "message" -> message = string(p, v, "error.message");
                case "http_status" -> status = v == JsonToken.VALUE_NULL ? OptionalInt.empty()
                        : OptionalInt.of(nonNegativeInt(p, v, "error.http_status"));
                default -> p.skipChildren();
            }
        }
        required(kind, "error.kind");
        required(message, "error.message");
        return new ResultError(kind, message, status);
    }

    private static Map<String, Score> scores(JsonParser p, JsonToken start) throws IOException {
        expectObject(p, start, "scores");
        Map<String, Score> scores = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String path = "scores." + name;
            expectObject(p, p.nextToken(), path);
            OptionalDouble value = OptionalDouble.empty();
            Optional<String> reason = Optional.empty();
            Optional<String> error = Optional.empty();
            Map<String, Double> details = Map.of();
            List<Score.Call> calls = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "value" -> value = v == JsonToken.VALUE_NULL ? OptionalDouble.empty()
                            : OptionalDouble.of(number(p, v, path + ".value"));
                    case "reason" -> reason = v == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(string(p, v, path + ".reason"));
                    case "error" -> error = v == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(string(p, v, path + ".error"));
                    case "details" -> details = v == JsonToken.VALUE_NULL ? Map.of() : numbers(p, v, path + ".details");
                    case "calls" -> calls = v == JsonToken.VALUE_NULL ? List.of() : calls(p, v, path + ".calls");
                    default -> p.skipChildren();
                }
            }
            try {
                scores.put(name, new Score(value, reason, details, error, calls));
            } catch (IllegalArgumentException e) {
                throw new InvalidJsonException("field '" + path + "': " + e.getMessage(), e);
            }
        }
        return scores;
    }

    private static List<Score.Call> calls(JsonParser p, JsonToken start, String path) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw problem(path, "must be an array", p, start);
        }
        List<Score.Call> calls = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String at = path + "[" + calls.size() + "]";
            expectObject(p, t, at);
            String model = null;
            Usage usage = Usage.unknown();
            OptionalDouble cost = OptionalDouble.empty();
            Boolean cached = null;
            Integer attempts = null;
            Duration latency = null;
            Optional<ResultError> error = Optional.empty();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "model" -> model = string(p, v, at + ".model");
                    case "usage" -> usage = v == JsonToken.VALUE_NULL ? Usage.unknown() : UsageJson.read(p, v, at + ".usage");
                    case "cost_usd" -> cost = v == JsonToken.VALUE_NULL ? OptionalDouble.empty()
                            : OptionalDouble.of(nonNegative(p, v, at + ".cost_usd"));
                    case "cached" -> cached = bool(p, v, at + ".cached");
                    case "attempts" -> attempts = nonNegativeInt(p, v, at + ".attempts");
                    case "latency_ms" -> latency = duration(nonNegative(p, v, at + ".latency_ms"));
                    case "error" -> error = v == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(error(p, v));
                    default -> p.skipChildren();
                }
            }
            required(model, at + ".model");
            required(cached, at + ".cached");
            required(attempts, at + ".attempts");
            required(latency, at + ".latency_ms");
            try {
                calls.add(new Score.Call(model, usage, cost, cached, attempts, latency, error));
            } catch (IllegalArgumentException e) {
                throw new InvalidJsonException("field '" + at + "': " + e.getMessage(), e);
            }
        }
        return calls;
    }

    private static Map<String, Double> metrics(JsonParser p, JsonToken start) throws IOException {
        return numbers(p, start, "metrics");
    }

    private static Map<String, Double> numbers(JsonParser p, JsonToken start, String path) throws IOException {
        expectObject(p, start, path);
        Map<String, Double> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            map.put(name, number(p, p.nextToken(), path + "." + name));
        }
        return map;
    }

    static void expectObject(JsonParser p, JsonToken t, String path) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            throw problem(path, "must be an object", p, t);
        }
    }

    private static String string(JsonParser p, JsonToken t, String path) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw problem(path, "must be a string", p, t);
        }
        return p.getText();
    }

    private static boolean bool(JsonParser p, JsonToken t, String path) throws IOException {
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw problem(path, "must be true or false", p, t);
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private static double number(JsonParser p, JsonToken t, String path) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw problem(path, "must be a number", p, t);
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw problem(path, "must be a finite number", p, t);
        }
        return d;
    }

    private static double nonNegative(JsonParser p, JsonToken t, String path) throws IOException {
        double d = number(p, t, path);
        if (d < 0) {
            throw problem(path, "must be a number >= 0", p, t);
        }
        return d;
    }

    private static int nonNegativeInt(JsonParser p, JsonToken t, String path) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() < 0) {
            throw problem(path, "must be an integer >= 0", p, t);
        }
        return p.getIntValue();
    }

    private static Instant instant(JsonParser p, JsonToken t, String path) throws IOException {
        String s = string(p, t, path);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw problem(path, "must be an ISO-8601 instant like \"2026-11-22T18:45:01Z\"", p, t);
        }
    }

    private static InvalidJsonException problem(String path, String expected, JsonParser p, JsonToken t) throws IOException {
        return new InvalidJsonException("field '" + path + "' " + expected + " but was " + describe(p, t));
    }

    /** Describes the value a parser is on for a message, as {@link JsonFields#describe} does a node's. */
    static String describe(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_NULL -> "null";
            case VALUE_STRING -> JsonFields.shorten(JsonValues.toJson(p.getText()));
            default -> JsonFields.shorten(p.getText());
        };
    }
}
