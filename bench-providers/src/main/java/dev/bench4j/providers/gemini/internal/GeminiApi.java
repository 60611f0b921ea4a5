package dev.bench4j.providers.gemini.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.ModelInfo;
import dev.bench4j.core.Parameters;
import dev.bench4j.core.Secret;
import dev.bench4j.core.Usage;
import dev.bench4j.core.json.JsonValues;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Gemini API wire format (Generative Language API v1beta): {@code POST
 * /models/{model}:generateContent}, {@code :streamGenerateContent?alt=sse} when streaming, and
 * {@code GET /models} paged with {@code pageToken}. The key travels only in the
 * {@code x-goog-api-key} header, never in the URL.
 */
final class GeminiApi implements ChatApi {

    static final String NAME = "gemini";
    static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";
    static final String KEY_HEADER = "x-goog-api-key";

    /** Provider extras that name thinking settings rather than wire fields. */
    static final String THINKING_BUDGET = "thinking_budget";
    static final String INCLUDE_THOUGHTS = "include_thoughts";

    /** Extras that belong at the top level of the request body; every other one goes into generationConfig. */
    static final Set<String> TOP_LEVEL = Set.of("safetySettings", "tools", "toolConfig", "cachedContent", "labels");

    private static final Optional<String> BASE = Optional.of(DEFAULT_BASE_URL);

    /** Each config's generate URI (it depends on the model and on streaming), resolved on its first call. */
    private final PerConfig<URI> generateUri = new PerConfig<>(GeminiApi::generateUri);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> keyVariables() {
        return List.of("GEMINI_API_KEY", "GOOGLE_API_KEY");
    }

    @Override
    public HttpCall request(ModelRequest request, Optional<Secret> key) {
        ModelConfig config = request.config();
        ObjectNode body = Json.object();
        List<String> system = new ArrayList<>();
        ArrayNode contents = body.putArray("contents");
        String lastRole = null;
        ArrayNode parts = null;
        for (Message m : request.messages()) {
            if (m.role() == Message.Role.SYSTEM) {
                system.add(m.content());
                continue;
            }
            String role = m.role() == Message.Role.ASSISTANT ? "model" : "user";
            if (!role.equals(lastRole)) {
                ObjectNode content = contents.addObject();
                content.put("role", role);
                parts = content.putArray("parts");
                lastRole = role;
            }
            parts.addObject().put("text", m.content());
        }
        if (contents.isEmpty()) {
            throw new IllegalArgumentException("Gemini needs at least one user or assistant message besides the system "
                    + "instruction");
        }
        if (!system.isEmpty()) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", String.join("\n\n", system));
        }
        ObjectNode generation = generationConfig(config, body);
        if (!generation.isEmpty()) {
            body.set("generationConfig", generation);
        }
        for (Map.Entry<String, Object> e : config.extras().entrySet()) {
            if (TOP_LEVEL.contains(e.getKey())) {
                body.set(e.getKey(), JsonValues.toNode(e.getValue()));
            }
        }
        boolean stream = config.endpoint().stream();
        byte[] bytes = Json.bytes(body);
        return HttpCall.post(generateUri.get(config), bytes, stream ? HttpCall.ACCEPT_SSE : HttpCall.ACCEPT_JSON)
                .withKey(KEY_HEADER, "", key);
    }

    private static URI generateUri(ModelConfig config) {
        String path = "/models/" + pathSegment(modelId(config.model()))
                + (config.endpoint().stream() ? ":streamGenerateContent?alt=sse" : ":generateContent");
        return BaseUrl.resolve(config, BASE, path);
    }

    /** The common parameters under their Gemini names, then the extras that are not top-level fields, then thinking. */
    private static ObjectNode generationConfig(ModelConfig config, ObjectNode body) {
        ObjectNode g = Json.object();
        Parameters p = config.parameters();
        p.temperature().ifPresent(v -> g.put("temperature", v));
        p.topP().ifPresent(v -> g.put("topP", v));
        p.topK().ifPresent(v -> g.put("topK", v));
        p.maxOutputTokens().ifPresent(v -> g.put("maxOutputTokens", v));
        p.seed().ifPresent(v -> g.put("seed", v));
        if (!p.stop().isEmpty()) {
            p.stop().forEach(g.putArray("stopSequences")::add);
        }
        p.presencePenalty().ifPresent(v -> g.put("presencePenalty", v));
        p.frequencyPenalty().ifPresent(v -> g.put("frequencyPenalty", v));
        for (Map.Entry<String, Object> e : config.extras().entrySet()) {
            String name = e.getKey();
            if (TOP_LEVEL.contains(name) || name.equals(THINKING_BUDGET) || name.equals(INCLUDE_THOUGHTS)) {
                continue;
            }
            JsonNode value = JsonValues.toNode(e.getValue());
            if (name.equals("generationConfig") && value.isObject()) {
                g.setAll((ObjectNode) value);
            } else {
                g.set(name, value);
            }
        }
        Object budget = config.extras().get(THINKING_BUDGET);
        Object include = config.extras().get(INCLUDE_THOUGHTS);
        if (budget != null || include != null || p.reasoningEffort().isPresent()) {
            ObjectNode thinking = g.get("thinkingConfig") instanceof ObjectNode t ? t : g.putObject("thinkingConfig");
            if (budget instanceof Number n) {
                thinking.put("thinkingBudget", n.longValue());
            } else if (budget != null) {
                thinking.set("thinkingBudget", JsonValues.toNode(budget));
            }
            if (include != null) {
                thinking.set("includeThoughts", JsonValues.toNode(include));
            }
            p.reasoningEffort().ifPresent(v -> thinking.put("thinkingLevel", v));
        }
        return g;
    }

    /**
     * Returns a config's model as the bare id the URL takes ({@code models/gemini-2.5-flash} →
     * {@code gemini-2.5-flash}).
     *
     * @param model the configured model
     * @return the id without the {@code models/} prefix
     */
    static String modelId(String model) {
        String m = model.strip();
        return m.startsWith("models/") ? m.substring("models/".length()) : m;
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so a model id stays one path segment. */
    private static String pathSegment(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    @Override
    public ModelResponse parse(JsonNode body, ModelRequest request) {
        JsonNode candidates = body.path("candidates");
        Usage usage = usage(body.path("usageMetadata"));
        String model = Json.text(body, "modelVersion");
        if (!candidates.isArray() || candidates.isEmpty()) {
            String block = Json.text(body.path("promptFeedback"), "blockReason");
            if (block == null) {
                throw new MalformedException(body.has("promptFeedback") ? "no candidates and no blockReason"
                        : "no candidates and no promptFeedback");
            }
            return details(ModelResponse.of("", FinishReason.CONTENT_FILTER, usage), block, model);
        }
        Map<Integer, JsonNode> byIndex = new TreeMap<>();
        int position = 0;
        for (JsonNode c : candidates) {
            byIndex.putIfAbsent(c.path("index").asInt(position), c);
            position++;
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode c : byIndex.values()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : c.path("content").path("parts")) {
                if (!part.path("thought").asBoolean(false) && part.path("text").isTextual()) {
                    text.append(part.get("text").asText());
                }
            }
            texts.add(text.toString());
        }
        JsonNode first = byIndex.values().iterator().next();
        String rawFinish = Json.text(first, "finishReason");
        FinishReason reason = finishReason(rawFinish, callsFunction(first.path("content").path("parts")));
        return details(ModelResponse.of(String.join("\n\n", texts), reason, usage), rawFinish, model);
    }

    /**
     * Returns whether parts hold a {@code functionCall}, which Gemini reports with finish reason STOP.
     *
     * @param parts a candidate's parts
     * @return true if one part asks for a function call
     */
    static boolean callsFunction(JsonNode parts) {
        for (JsonNode part : parts) {
            if (part.path("functionCall").isObject()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the raw finish reason and model version when the answer has them.
     *
     * @param response the response
     * @param rawFinish the finish reason as Gemini sent it, or null
     * @param model the model version, or null
     * @return the response with what was known
     */
    static ModelResponse details(ModelResponse response, String rawFinish, String model) {
        ModelResponse r = rawFinish == null ? response : response.withRawFinishReason(rawFinish);
        return model == null ? r : r.withModelVersion(model);
    }

    /**
     * Maps Gemini's finish reason: STOP → stop (tool calls when the candidate calls a function),
     * MAX_TOKENS → length, the safety, recitation and blocklist reasons → content filter, anything
     * else (including none) → other.
     *
     * @param raw the value, or null
     * @param functionCall whether the candidate holds a function call
     * @return the normalized reason
     */
    static FinishReason finishReason(String raw, boolean functionCall) {
        if (raw == null) {
            return FinishReason.OTHER;
        }
        switch (raw) {
            case "STOP":
                return functionCall ? FinishReason.TOOL_CALLS : FinishReason.STOP;
            case "MAX_TOKENS":
                return FinishReason.LENGTH;
            case "SAFETY":
            case "RECITATION":
            case "BLOCKLIST":
            case "PROHIBITED_CONTENT":
            case "SPII":
            case "IMAGE_SAFETY":
                return FinishReason.CONTENT_FILTER;
            default:
                return FinishReason.OTHER;
        }
    }

    /**
     * Reads {@code usageMetadata}: input is the prompt (cached tokens included), output the
     * candidates plus the thoughts, which Gemini counts apart. Gemini leaves out counts that are
     * zero, so a count missing from a present object is 0.
     *
     * @param usage the {@code usageMetadata} node, possibly missing
     * @return the usage, unknown when there is no object
     */
    static Usage usage(JsonNode usage) {
        if (!usage.isObject()) {
            return Usage.unknown();
        }
        long prompt = Json.optLong(usage, "promptTokenCount").orElse(0);
        long candidates = Json.optLong(usage, "candidatesTokenCount").orElse(0);
        long thoughts = Json.optLong(usage, "thoughtsTokenCount").orElse(0);
        long cached = Json.optLong(usage, "cachedContentTokenCount").orElse(0);
        Usage u = Usage.unknown().withInputTokens(prompt).withOutputTokens(candidates + thoughts)
                .withReasoningTokens(thoughts).withCachedInputTokens(cached);
        var total = Json.optLong(usage, "totalTokenCount");
        return total.isPresent() ? u.withTotalTokens(total.getAsLong()) : u;
    }

    @Override
    public StreamHandler streamHandler(ModelRequest request) {
        return new GeminiStream();
    }

    @Override
    public Optional<HttpCall> listModels(ModelConfig config, Optional<Secret> key) {
        return Optional.of(HttpCall.get(BaseUrl.resolve(config, BASE, "/models"), HttpCall.ACCEPT_JSON).withKey(KEY_HEADER, "", key));
    }

    @Override
    public Optional<HttpCall> nextModelsPage(ModelConfig config, Optional<Secret> key, JsonNode page) {
        String token = Json.text(page, "nextPageToken");
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(HttpCall.get(BaseUrl.resolve(config, BASE, "/models?pageToken=" + pathSegment(token)), HttpCall.ACCEPT_JSON)
                .withKey(KEY_HEADER, "", key));
    }

    @Override
    public List<ModelInfo> parseModels(JsonNode body) {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode m : body.path("models")) {
            Map<String, String> details = new LinkedHashMap<>();
            Optional.ofNullable(Json.text(m, "description")).ifPresent(v -> details.put("description", v));
            Optional.ofNullable(Json.text(m, "version")).ifPresent(v -> details.put("version", v));
            Json.optLong(m, "inputTokenLimit").ifPresent(v -> details.put("input_token_limit", Long.toString(v)));
            Json.optLong(m, "outputTokenLimit").ifPresent(v -> details.put("output_token_limit", Long.toString(v)));
            if (m.path("supportedGenerationMethods").isArray()) {
                List<String> methods = new ArrayList<>();
                m.get("supportedGenerationMethods").forEach(v -> methods.add(v.asText()));
                details.put("supported_generation_methods", String.join(",", methods));
            }
            if (m.path("thinking").isBoolean()) {
                details.put("thinking", Boolean.toString(m.get("thinking").asBoolean()));
            }
            models.add(new ModelInfo(modelId(Json.required(m, "name").asText()),
                    Optional.ofNullable(Json.text(m, "displayName")), Optional.empty(), details));
        }
        return models;
    }
}
