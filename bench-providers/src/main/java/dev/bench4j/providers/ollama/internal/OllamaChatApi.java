package dev.bench4j.providers.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.ModelInfo;
import dev.bench4j.core.Parameters;
import dev.bench4j.core.Secret;
import dev.bench4j.core.Usage;
import dev.bench4j.core.json.JsonValues;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.internal.http.BaseUrl;
import dev.bench4j.providers.internal.http.ChatApi;
import dev.bench4j.providers.internal.http.HttpCall;
import dev.bench4j.providers.internal.http.HttpReply;
import dev.bench4j.providers.internal.http.Json;
import dev.bench4j.providers.internal.http.MalformedException;
import dev.bench4j.providers.internal.http.Messages;
import dev.bench4j.providers.internal.http.MessagesBody;
import dev.bench4j.providers.internal.http.PerConfig;
import dev.bench4j.providers.internal.http.StreamHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Ollama's native wire format: {@code POST /api/chat} (one JSON object, or NDJSON when streamed)
 * and {@code GET /api/tags}. Common parameters go into {@code options} under Ollama's names
 * ({@code max_output_tokens} as {@code num_predict}), known option extras join them, and
 * {@code think}, {@code format}, {@code keep_alive} and {@code tools} go at the top level;
 * {@code stream} is always sent because Ollama streams when it is omitted. The answer's
 * {@code message.content} is the text ({@code message.thinking} is not), its counts are the usage
 * and its nanosecond durations become millisecond metrics.
 */
final class OllamaChatApi implements ChatApi {
    private static final Pattern MODEL_NOT_FOUND = Pattern.compile("\\bmodel\\b.*\\bnot found\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION_TYPE = Pattern.compile("option \"[^\"]+\" must be of type", Pattern.CASE_INSENSITIVE);

    /** Where a local Ollama server listens unless the config names a base URL. */
    static final String DEFAULT_BASE_URL = "http://localhost:11434";

    private static final Optional<String> DEFAULT = Optional.of(DEFAULT_BASE_URL);
    /** Ollama's nanosecond durations and the millisecond metrics they become, in report order. */
    private static final Map<String, String> DURATIONS = new LinkedHashMap<>();

    static {
        DURATIONS.put("total_duration", "total_duration_ms");
        DURATIONS.put("load_duration", "load_duration_ms");
        DURATIONS.put("prompt_eval_duration", "prompt_eval_duration_ms");
        DURATIONS.put("eval_duration", "eval_duration_ms");
    }

    private final PerConfig<Prepared> prepared = new PerConfig<>(OllamaChatApi::prepare);

    /**
     * What every call of a config shares: the URI, the Accept header, and the body around the
     * messages, serialized once (empty when the body must be built per call).
     */
    private record Prepared(URI uri, List<HttpCall.Header> accept, Optional<MessagesBody> body) {
    }

    /** Works out what a config's calls share, throwing what building its first call would throw. */
    private static Prepared prepare(ModelConfig config) {
        ArrayNode placeholder = Json.MAPPER.createArrayNode();
        ObjectNode template = body(config, placeholder);
        Optional<MessagesBody> body = MessagesBody.of(template, placeholder);
        URI uri = BaseUrl.resolve(config, DEFAULT, "/api/chat");
        return new Prepared(uri, config.endpoint().stream() ? HttpCall.ACCEPT_NDJSON : HttpCall.ACCEPT_JSON, body);
    }

    @Override
    public String name() {
        return "ollama";
    }

    @Override
    public List<String> keyVariables() {
        return List.of();
    }

    @Override
    public HttpCall request(ModelRequest request, Optional<Secret> key) {
        Prepared p = prepared.get(request.config());
        byte[] bytes = p.body().isPresent() ? p.body().get().with(request.messages())
                : Json.bytes(body(request.config(), Messages.roleContent(request.messages())));
        return HttpCall.post(p.uri(), bytes, p.accept()).withKey("Authorization", "Bearer ", key);
    }

    /**
     * Builds the body of a call after checking the config's options: {@code model},
     * {@code messages}, {@code stream}, the top-level extras, then {@code options} when there are any.
     */
    static ObjectNode body(ModelConfig config, ArrayNode messages) {
        List<String> refused = OllamaOptions.refused(config);
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", refused));
        }
        boolean stream = config.endpoint().stream();
        ObjectNode body = Json.object();
        body.put("model", config.model());
        body.set("messages", messages);
        body.put("stream", stream);
        Map<String, Object> extras = config.extras();
        for (String field : OllamaOptions.TOP_LEVEL) {
            if (extras.containsKey(field)) {
                body.set(field, JsonValues.toNode(extras.get(field)));
            }
        }
        ObjectNode options = Json.object();
        Parameters p = config.parameters();
        p.temperature().ifPresent(v -> options.put("temperature", v));
        p.topP().ifPresent(v -> options.put("top_p", v));
        p.topK().ifPresent(v -> options.put("top_k", v));
        p.maxOutputTokens().ifPresent(v -> options.put("num_predict", v));
        p.seed().ifPresent(v -> options.put("seed", v));
        if (!p.stop().isEmpty()) {
            p.stop().forEach(options.putArray("stop")::add);
        }
        p.frequencyPenalty().ifPresent(v -> options.put("frequency_penalty", v));
        p.presencePenalty().ifPresent(v -> options.put("presence_penalty", v));
        extras.forEach((name, value) -> {
            if (OllamaOptions.isOption(name)) {
                options.set(name, JsonValues.toNode(value));
            }
        });
        if (!options.isEmpty()) {
            body.set("options", options);
        }
        return body;
    }

    @Override
    public ModelResponse parse(JsonNode body, ModelRequest request) {
        JsonNode message = Json.required(body, "message");
        if (!message.isObject()) {
            throw new MalformedException("'message' is not an object");
        }
        if (!isDone(body)) {
            throw new MalformedException("'done' is not true");
        }
        String content = Json.text(message, "content");
        return response(content == null ? "" : content, body);
    }

    /**
     * Returns whether an answer object is the last one ({@code "done": true}).
     *
     * @param chunk a whole answer or one NDJSON line
     * @return true when {@code done} is the JSON value true
     */
    static boolean isDone(JsonNode chunk) {
        JsonNode done = chunk.path("done");
        return done.isBoolean() && done.booleanValue();
    }

    /**
     * Builds the response from the text and the final object, which carries {@code done_reason},
     * the counts, the durations and the model; whole and streamed answers share this so that they
     * read alike.
     *
     * @param text the answer's text
     * @param last the whole answer, or the stream's {@code done} line
     * @return the response with raw finish reason, model version and metrics where given
     */
    static ModelResponse response(String text, JsonNode last) {
        String raw = Json.text(last, "done_reason");
        OptionalLong in = Json.optLong(last, "prompt_eval_count");
        OptionalLong out = Json.optLong(last, "eval_count");
        Usage usage = Usage.unknown();
        if (in.isPresent()) {
            usage = usage.withInputTokens(in.getAsLong());
        }
        if (out.isPresent()) {
            usage = usage.withOutputTokens(out.getAsLong());
        }
        if (in.isPresent() && out.isPresent()) {
            usage = usage.withTotalTokens(in.getAsLong() + out.getAsLong());
        }
        ModelResponse r = ModelResponse.of(text, finishReason(raw), usage);
        if (raw != null && !raw.isEmpty()) {
            r = r.withRawFinishReason(raw);
        }
        String model = Json.text(last, "model");
        if (model != null && !model.isEmpty()) {
            r = r.withModelVersion(model);
        }
        for (Map.Entry<String, String> d : DURATIONS.entrySet()) {
            OptionalLong nanos = Json.optLong(last, d.getKey());
            if (nanos.isPresent()) {
                r = r.withMetric(d.getValue(), nanos.getAsLong() / 1e6);
            }
        }
        OptionalLong evalNanos = Json.optLong(last, "eval_duration");
        if (out.isPresent() && out.getAsLong() > 0 && evalNanos.isPresent() && evalNanos.getAsLong() > 0) {
            r = r.withMetric("eval_tokens_per_second", out.getAsLong() / (evalNanos.getAsLong() / 1e9));
        }
        return r;
    }

    /**
     * Normalizes Ollama's {@code done_reason}.
     *
     * @param raw {@code stop}, {@code length}, {@code load}, {@code unload}, another value, or null when absent
     * @return STOP, LENGTH, or OTHER for everything else
     */
    static FinishReason finishReason(String raw) {
        if ("stop".equals(raw)) {
            return FinishReason.STOP;
        }
        if ("length".equals(raw)) {
            return FinishReason.LENGTH;
        }
        return FinishReason.OTHER;
    }

    @Override
    public StreamHandler streamHandler(ModelRequest request) {
        return new OllamaStream();
    }

    @Override
    public Optional<HttpCall> listModels(ModelConfig config, Optional<Secret> key) {
        return Optional.of(HttpCall.get(BaseUrl.resolve(config, DEFAULT, "/api/tags"), HttpCall.ACCEPT_JSON)
                .withKey("Authorization", "Bearer ", key));
    }

    /**
     * Adds {@code run: ollama pull <model>} to a 404 that says the model is not installed
     * ({@code model 'x' not found}, or {@code ... not found, try pulling it first}), and makes a
     * 500 about an option of the wrong type a bad request (another attempt cannot fix it).
     */
    @Override
    public CallException refine(CallException error, HttpReply reply, ModelConfig config) {
        if (reply.status() == 404 && MODEL_NOT_FOUND.matcher(error.getMessage()).find()) {
            return new CallException(error.kind(), error.getMessage() + " (run: ollama pull " + config.model() + ")",
                    error.httpStatus(), error.retryAfter(), error.getCause());
        }
        if (reply.status() == 500 && OPTION_TYPE.matcher(error.getMessage()).find()) {
            return new CallException(ErrorKind.BAD_REQUEST, error.getMessage(), error.httpStatus(), Optional.empty(),
                    error.getCause());
        }
        return error;
    }

    @Override
    public List<ModelInfo> parseModels(JsonNode body) {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode m : Json.required(body, "models")) {
            Map<String, String> details = new LinkedHashMap<>();
            Json.optLong(m, "size").ifPresent(v -> details.put("size", Long.toString(v)));
            putText(details, "digest", m, "digest");
            JsonNode d = m.path("details");
            putText(details, "format", d, "format");
            putText(details, "family", d, "family");
            putText(details, "parameter_size", d, "parameter_size");
            putText(details, "quantization_level", d, "quantization_level");
            models.add(new ModelInfo(Json.required(m, "name").asText(), Optional.empty(),
                    Json.instant(Json.text(m, "modified_at")), details));
        }
        return models;
    }

    private static void putText(Map<String, String> details, String name, JsonNode node, String field) {
        String v = Json.text(node, field);
        if (v != null && !v.isEmpty()) {
            details.put(name, v);
        }
    }
}
