package dev.bench4j.providers.anthropic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.ModelInfo;
import dev.bench4j.core.Parameters;
import dev.bench4j.core.Secret;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.internal.http.BaseUrl;
import dev.bench4j.providers.internal.http.ChatApi;
import dev.bench4j.providers.internal.http.HttpCall;
import dev.bench4j.providers.internal.http.Json;
import dev.bench4j.providers.internal.http.MalformedException;
import dev.bench4j.providers.internal.http.PerConfig;
import dev.bench4j.providers.internal.http.StreamHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Anthropic Messages wire format ({@code POST /messages}, {@code GET /models}): system messages
 * joined into the top-level {@code system} text, the output limit as {@code max_tokens}, the key in
 * {@code x-api-key}; the answer is the {@code text} blocks of {@code content} joined in order with
 * no separator ({@code thinking} and {@code redacted_thinking} blocks are not output).
 */
final class MessagesApi implements ChatApi {

    /** The provider's name. */
    static final String NAME = "anthropic";
    /** The API version every request names. */
    static final String VERSION = "2023-06-01";

    private static final Optional<String> DEFAULT_BASE_URL = Optional.of("https://api.anthropic.com/v1");
    private static final HttpCall.Header ANTHROPIC_VERSION = new HttpCall.Header("anthropic-version", VERSION);
    private static final List<HttpCall.Header> JSON = List.of(new HttpCall.Header("Accept", "application/json"),
            ANTHROPIC_VERSION);
    private static final List<HttpCall.Header> SSE = List.of(new HttpCall.Header("Accept", "text/event-stream"),
            ANTHROPIC_VERSION);
    private static final String KEY_HEADER = "x-api-key";

    /** Each config's {@code /messages} URI, resolved on its first call. */
    private final PerConfig<URI> messagesUri = new PerConfig<>(c -> BaseUrl.resolve(c, DEFAULT_BASE_URL, "/messages"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> keyVariables() {
        return List.of("ANTHROPIC_API_KEY");
    }

    @Override
    public HttpCall request(ModelRequest request, Optional<Secret> key) {
        ModelConfig config = request.config();
        Parameters p = config.parameters();
        ObjectNode body = Json.object();
        body.put("model", config.model());
        body.put("max_tokens", p.maxOutputTokens().orElseThrow(() -> new IllegalArgumentException(
                "the Messages API requires max_tokens; set max_output_tokens on model '" + config.id() + "'")));
        List<String> system = new ArrayList<>();
        ArrayNode messages = Json.MAPPER.createArrayNode();
        for (Message m : request.messages()) {
            if (m.role() == Message.Role.SYSTEM) {
                system.add(m.content());
            } else {
                messages.addObject().put("role", m.role().wireName()).put("content", m.content());
            }
        }
        if (!system.isEmpty()) {
            body.put("system", String.join("\n\n", system));
        }
        body.set("messages", messages);
        p.temperature().ifPresent(v -> body.put("temperature", v));
        p.topP().ifPresent(v -> body.put("top_p", v));
        p.topK().ifPresent(v -> body.put("top_k", v));
        if (!p.stop().isEmpty()) {
            p.stop().forEach(body.putArray("stop_sequences")::add);
        }
        Json.putAll(body, config.extras());
        boolean stream = config.endpoint().stream();
        if (stream) {
            body.put("stream", true);
        }
        byte[] bytes = Json.bytes(body);
        return HttpCall.post(messagesUri.get(config), bytes, stream ? SSE : JSON)
                .withKey(KEY_HEADER, "", key);
    }

    @Override
    public ModelResponse parse(JsonNode body, ModelRequest request) {
        JsonNode content = Json.required(body, "content");
        if (!content.isArray()) {
            throw new MalformedException("'content' is not an array");
        }
        JsonNode usage = Json.required(body, "usage");
        if (!usage.isObject()) {
            throw new MalformedException("'usage' is not an object");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(Json.text(block, "type"))) {
                String t = Json.text(block, "text");
                text.append(t == null ? "" : t);
            }
        }
        return response(text.toString(), Json.text(body, "stop_reason"), new UsageCounts().add(usage, true),
                Json.text(body, "model"));
    }

    /**
     * Builds a response from its parts, shared by whole and streamed answers.
     *
     * @param text the joined text blocks
     * @param rawStop the {@code stop_reason}, or null
     * @param usage the token counts
     * @param model the {@code model} the answer names, or null
     * @return the response
     */
    static ModelResponse response(String text, String rawStop, UsageCounts usage, String model) {
        ModelResponse r = ModelResponse.of(text, finishReason(rawStop), usage.toUsage());
        if (usage.cacheCreation().isPresent()) {
            r = r.withMetric("cache_creation_input_tokens", usage.cacheCreation().getAsLong());
        }
        if (rawStop != null) {
            r = r.withRawFinishReason(rawStop);
        }
        return model == null ? r : r.withModelVersion(model);
    }

    /**
     * Maps a {@code stop_reason}.
     *
     * @param raw the provider's value, or null
     * @return the normalized finish reason; {@code OTHER} for {@code pause_turn}, unknown values and null
     */
    static FinishReason finishReason(String raw) {
        if (raw == null) {
            return FinishReason.OTHER;
        }
        switch (raw) {
            case "end_turn":
            case "stop_sequence":
                return FinishReason.STOP;
            case "max_tokens":
            case "model_context_window_exceeded":
                return FinishReason.LENGTH;
            case "refusal":
                return FinishReason.CONTENT_FILTER;
            case "tool_use":
                return FinishReason.TOOL_CALLS;
            default:
                return FinishReason.OTHER;
        }
    }

    @Override
    public StreamHandler streamHandler(ModelRequest request) {
        return new MessagesStream();
    }

    @Override
    public Optional<HttpCall> listModels(ModelConfig config, Optional<Secret> key) {
        return Optional.of(HttpCall.get(BaseUrl.resolve(config, DEFAULT_BASE_URL, "/models?limit=1000"), JSON)
                .withKey(KEY_HEADER, "", key));
    }

    /** Follows {@code has_more} with {@code after_id} set to the page's {@code last_id}. */
    @Override
    public Optional<HttpCall> nextModelsPage(ModelConfig config, Optional<Secret> key, JsonNode page) {
        String last = Json.text(page, "last_id");
        if (!page.path("has_more").asBoolean(false) || last == null || last.isEmpty()) {
            return Optional.empty();
        }
        String after = URLEncoder.encode(last, StandardCharsets.UTF_8);
        return Optional.of(HttpCall.get(BaseUrl.resolve(config, DEFAULT_BASE_URL, "/models?limit=1000&after_id=" + after),
                JSON).withKey(KEY_HEADER, "", key));
    }

    @Override
    public List<ModelInfo> parseModels(JsonNode body) {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode m : Json.required(body, "data")) {
            Map<String, String> details = new LinkedHashMap<>();
            Optional.ofNullable(Json.text(m, "type")).ifPresent(v -> details.put("type", v));
            Json.optLong(m, "max_input_tokens").ifPresent(v -> details.put("max_input_tokens", Long.toString(v)));
            Json.optLong(m, "max_tokens").ifPresent(v -> details.put("max_tokens", Long.toString(v)));
            models.add(new ModelInfo(Json.required(m, "id").asText(), Optional.ofNullable(Json.text(m, "display_name")),
                    Json.instant(Json.text(m, "created_at")), details));
        }
        return models;
    }
}
