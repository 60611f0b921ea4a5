package dev.bench4j.providers.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.ModelInfo;
import dev.bench4j.core.Parameters;
import dev.bench4j.core.Secret;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.internal.http.BaseUrl;
import dev.bench4j.providers.internal.http.ChatApi;
import dev.bench4j.providers.internal.http.HttpCall;
import dev.bench4j.providers.internal.http.Json;
import dev.bench4j.providers.internal.http.MalformedException;
import dev.bench4j.providers.internal.http.Messages;
import dev.bench4j.providers.internal.http.MessagesBody;
import dev.bench4j.providers.internal.http.PerConfig;
import dev.bench4j.providers.internal.http.StreamHandler;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The Chat Completions wire format ({@code POST /chat/completions}, {@code GET /models}) that
 * OpenAI, xAI and OpenAI-compatible servers share; a {@link Flavor} holds what differs.
 */
final class ChatCompletionsApi implements ChatApi {


    private final Flavor flavor;
    private final PerConfig<Prepared> prepared = new PerConfig<>(this::prepare);

    ChatCompletionsApi(Flavor flavor) {
        this.flavor = flavor;
    }

    /**
     * What every call of a config shares: the URI, the Accept header, and the body around the
     * messages, serialized once (empty when the body must be built per call).
     */
    private record Prepared(URI uri, List<HttpCall.Header> accept, Optional<MessagesBody> body) {
    }

    /** Works out what a config's calls share, throwing what building its first call would throw. */
    private Prepared prepare(ModelConfig config) {
        ArrayNode placeholder = Json.MAPPER.createArrayNode();
        ObjectNode template = streamed(body(config, placeholder, flavor), config);
        Optional<MessagesBody> body = MessagesBody.of(template, placeholder);
        URI uri = BaseUrl.resolve(config, flavor.defaultBaseUrl(), "/chat/completions");
        return new Prepared(uri, config.endpoint().stream() ? HttpCall.ACCEPT_SSE : HttpCall.ACCEPT_JSON, body);
    }

    @Override
    public String name() {
        return flavor.name();
    }

    @Override
    public List<String> keyVariables() {
        return flavor.keyVariables();
    }

    @Override
    public HttpCall request(ModelRequest request, Optional<Secret> key) {
        Prepared p = prepared.get(request.config());
        byte[] bytes = p.body().isPresent() ? p.body().get().with(request.messages())
                : Json.bytes(streamed(body(request, flavor), request.config()));
        return HttpCall.post(p.uri(), bytes, p.accept()).withKey("Authorization", "Bearer ", key);
    }

    /** Adds {@code stream} and {@code stream_options.include_usage} to the body of a config that streams. */
    private static ObjectNode streamed(ObjectNode body, ModelConfig config) {
        if (config.endpoint().stream()) {
            body.put("stream", true);
            JsonNode options = body.get("stream_options");
            (options instanceof ObjectNode o ? o : body.putObject("stream_options")).put("include_usage", true);
        }
        return body;
    }

    /**
     * Builds the body of a call without its streaming fields: {@code model}, {@code messages}, the
     * common parameters under this flavor's wire names, then the config's extras. A config that
     * does not stream sends exactly this; one that streams adds {@code stream} and
     * {@code stream_options}.
     *
     * @param request the call
     * @param flavor the flavor
     * @return a new body
     */
    static ObjectNode body(ModelRequest request, Flavor flavor) {
        return body(request.config(), Messages.roleContent(request.messages()), flavor);
    }

    private static ObjectNode body(ModelConfig config, ArrayNode messages, Flavor flavor) {
        ObjectNode body = Json.object();
        body.put("model", config.model());
        body.set("messages", messages);
        Parameters p = config.parameters();
        p.temperature().ifPresent(v -> body.put("temperature", v));
        p.topP().ifPresent(v -> body.put("top_p", v));
        p.topK().ifPresent(v -> body.put("top_k", v));
        p.maxOutputTokens().ifPresent(v -> body.put(flavor.maxTokensField(), v));
        p.seed().ifPresent(v -> body.put("seed", v));
        if (!p.stop().isEmpty()) {
            p.stop().forEach(body.putArray("stop")::add);
        }
        p.frequencyPenalty().ifPresent(v -> body.put("frequency_penalty", v));
        p.presencePenalty().ifPresent(v -> body.put("presence_penalty", v));
        p.reasoningEffort().ifPresent(v -> body.put("reasoning_effort", v));
        p.verbosity().ifPresent(v -> body.put("verbosity", v));
        Json.putAll(body, config.extras());
        return body;
    }

    @Override
    public ModelResponse parse(JsonNode body, ModelRequest request) {
        return parse(body, flavor);
    }

    /**
     * Reads a whole (not streamed) 2xx answer.
     *
     * @param body the parsed JSON body
     * @param flavor the flavor, which decides how reasoning tokens count
     * @return the response
     * @throws MalformedException if the body lacks what the API documents
     */
    static ModelResponse parse(JsonNode body, Flavor flavor) {
        JsonNode choices = Json.required(body, "choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw new MalformedException("no choices");
        }
        Choices all = new Choices();
        for (JsonNode choice : choices) {
            JsonNode message = Json.required(choice, "message");
            String content = content(message.get("content"));
            all.add(choice.path("index").asInt(all.size()), content, Json.text(message, "refusal"),
                    Json.text(choice, "finish_reason"));
        }
        return all.response(usage(body.path("usage"), flavor), Json.text(body, "model"));
    }

    @Override
    public Optional<ModelResponse> parseUsual(byte[] body, ModelRequest request) {
        return ChatCompletionsReader.read(body, flavor);
    }

    /**
     * The choices of a whole answer, added in the order they come: their texts by index (a choice
     * without one takes the number of texts so far), whether one was a refusal, and the first
     * finish reason given.
     */
    static final class Choices {
        /** The text of the first index, while there is only one; the map holds them all once there are more. */
        private int firstIndex;
        private String first;
        private Map<Integer, String> texts;
        private String rawFinish;
        private boolean refused;

        /** Returns how many texts there are, the index of a choice that names none. @return the count */
        int size() {
            return texts != null ? texts.size() : first == null ? 0 : 1;
        }

        /**
         * Adds a choice.
         *
         * @param index its index
         * @param content its text content, or null
         * @param refusal its refusal, or null
         * @param finish its finish reason, or null
         */
        void add(int index, String content, String refusal, String finish) {
            String text = content;
            if ((text == null || text.isEmpty()) && refusal != null) {
                text = refusal;
                refused = true;
            }
            text = text == null ? "" : text;
            if (first == null || texts == null && index == firstIndex) {
                firstIndex = index;
                first = text;
            } else {
                if (texts == null) {
                    texts = new TreeMap<>();
                    texts.put(firstIndex, first);
                }
                texts.put(index, text);
            }
            if (rawFinish == null) {
                rawFinish = finish;
            }
        }

        /**
         * Builds the response: the texts joined in index order with a blank line.
         *
         * @param usage the counts
         * @param model the {@code model} the answer names, or null
         * @return the response
         */
        ModelResponse response(Usage usage, String model) {
            String text = texts == null ? first : String.join("\n\n", texts.values());
            ModelResponse response = ModelResponse.of(text, refused ? FinishReason.CONTENT_FILTER : finishReason(rawFinish), usage);
            return details(response, rawFinish, model);
        }
    }

    /** Content as a string, or as an array of parts (some compatible servers) whose text parts are joined. */
    private static String content(JsonNode content) {
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (part.path("text").isTextual()) {
                    text.append(part.path("text").asText());
                }
            }
            return text.toString();
        }
        throw new MalformedException("'content' is neither text nor a list of parts");
    }

    static ModelResponse details(ModelResponse response, String rawFinish, String model) {
        ModelResponse r = rawFinish == null ? response : response.withRawFinishReason(rawFinish);
        return model == null ? r : r.withModelVersion(model);
    }

    static FinishReason finishReason(String raw) {
        if (raw == null) {
            return FinishReason.OTHER;
        }
        switch (raw) {
            case "stop":
                return FinishReason.STOP;
            case "length":
                return FinishReason.LENGTH;
            case "content_filter":
                return FinishReason.CONTENT_FILTER;
            case "tool_calls":
            case "function_call":
                return FinishReason.TOOL_CALLS;
            default:
                return FinishReason.OTHER;
        }
    }

    static Usage usage(JsonNode usage, Flavor flavor) {
        if (!usage.isObject()) {
            return Usage.unknown();
        }
        return usage(Json.optLong(usage, "prompt_tokens"), Json.optLong(usage, "completion_tokens"),
                Json.optLong(usage, "total_tokens"), Json.optLong(usage.path("completion_tokens_details"), "reasoning_tokens"),
                Json.optLong(usage.path("prompt_tokens_details"), "cached_tokens"), flavor);
    }

    /**
     * Builds the usage from the counts of a {@code usage} object.
     *
     * @param in {@code prompt_tokens}
     * @param out {@code completion_tokens}
     * @param total {@code total_tokens}
     * @param reasoning {@code completion_tokens_details.reasoning_tokens}
     * @param cached {@code prompt_tokens_details.cached_tokens}
     * @param flavor the flavor, which decides whether reasoning tokens are part of the output
     * @return the usage
     */
    static Usage usage(OptionalLong in, OptionalLong out, OptionalLong total, OptionalLong reasoning, OptionalLong cached,
            Flavor flavor) {
        Usage u = Usage.unknown();
        if (in.isPresent()) {
            u = u.withInputTokens(in.getAsLong());
        }
        if (out.isPresent()) {
            u = u.withOutputTokens(out.getAsLong());
        }
        if (total.isPresent()) {
            u = u.withTotalTokens(total.getAsLong());
        }
        if (reasoning.isPresent()) {
            u = u.withReasoningTokens(reasoning.getAsLong());
            if (flavor.reasoningOutsideCompletion() && out.isPresent()) {
                u = u.withOutputTokens(out.getAsLong() + reasoning.getAsLong());
            }
        }
        if (cached.isPresent()) {
            u = u.withCachedInputTokens(cached.getAsLong());
        }
        return u;
    }

    @Override
    public StreamHandler streamHandler(ModelRequest request) {
        return new ChatCompletionsStream(flavor);
    }

    @Override
    public Optional<HttpCall> listModels(ModelConfig config, Optional<Secret> key) {
        return Optional.of(HttpCall.get(BaseUrl.resolve(config, flavor.defaultBaseUrl(), "/models"), HttpCall.ACCEPT_JSON)
                .withKey("Authorization", "Bearer ", key));
    }

    @Override
    public List<ModelInfo> parseModels(JsonNode body) {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode m : Json.required(body, "data")) {
            Map<String, String> details = new LinkedHashMap<>();
            Optional.ofNullable(Json.text(m, "owned_by")).ifPresent(v -> details.put("owned_by", v));
            Optional<Instant> created = Json.optLong(m, "created").stream().mapToObj(Instant::ofEpochSecond).findFirst();
            models.add(new ModelInfo(Json.required(m, "id").asText(), Optional.empty(), created, details));
        }
        return models;
    }
}
