package dev.bench4j.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.internal.io.PriceTableFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The JSON of a {@link ModelConfig}, in the {@code model.json} format (Langfuse style) that people
 * write and that a run keeps in its {@code run.json}:
 *
 * <pre>{@code
 * {"id": "mini-t0", "provider": "openai", "model": "gpt-4o-mini", "temperature": 0,
 *  "max_output_tokens": 256, "api_key_env": "OPENAI_API_KEY", "stream": false, "params": {"num_ctx": 8192}}
 * }</pre>
 *
 * <p>Reading goes through the fluent {@link ModelConfig} API, so a file gets the same checks as code,
 * with the file and field in front; unknown fields are refused, with a suggestion for a typo. An
 * {@code api_key} field is refused: secrets belong in the environment, named by {@code api_key_env},
 * and a config is never written with one. The fields are listed in {@code docs/FILES.md}.
 *
 * <pre>{@code
 * ObjectNode node = ModelConfigJson.toNode(config);
 * ModelConfig back = ModelConfigJson.read(JsonFields.of(node, "run.json: plan.models[0]", InvalidPlanException::new));
 * }</pre>
 */
public final class ModelConfigJson {

    private static final List<String> FIELDS = List.of("id", "provider", "model", "temperature", "top_p", "top_k",
            "max_output_tokens", "max_tokens", "seed", "stop", "frequency_penalty", "presence_penalty",
            "reasoning_effort", "verbosity", "base_url", "api_key_env", "timeout_seconds", "requests_per_second",
            "requests_per_minute", "max_concurrency", "stream", "price", "params");
    private static final List<String> PRICE_FIELDS = List.of("input", "output", "cached_input");
    private static final String API_KEY = "api_key";
    /** The longest timeout a {@link Duration} of nanoseconds holds (about 292 years). */
    private static final double MAX_TIMEOUT_SECONDS = Long.MAX_VALUE / 1_000_000_000d;

    private ModelConfigJson() {
    }

    /**
     * Encodes a config in the {@code model.json} format: {@code id} (only when it is not
     * {@code provider:model}), {@code provider}, {@code model}, the parameters that are set, the
     * endpoint settings that are set, {@code stream}, {@code price} and {@code params} when set;
     * never an API key.
     *
     * @param config the config
     * @return a new object, which {@link #read} turns back into an equal config
     * @throws NullPointerException if {@code config} is {@code null}
     */
    public static ObjectNode toNode(ModelConfig config) {
        Objects.requireNonNull(config, "config");
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (!config.id().equals(config.provider() + ":" + config.model())) {
            n.put("id", config.id());
        }
        n.put("provider", config.provider());
        n.put("model", config.model());
        for (Map.Entry<String, Object> e : config.parameters().asMap().entrySet()) {
            n.set(e.getKey(), JsonValues.toNode(e.getValue()));
        }
        var endpoint = config.endpoint();
        endpoint.baseUrl().ifPresent(v -> n.put("base_url", v));
        endpoint.apiKeyEnv().ifPresent(v -> n.put("api_key_env", v));
        endpoint.timeout().ifPresent(v -> n.put("timeout_seconds", v.toNanos() / 1e9));
        endpoint.requestsPerSecond().ifPresent(v -> n.put("requests_per_second", v));
        endpoint.requestsPerMinute().ifPresent(v -> n.put("requests_per_minute", v));
        endpoint.maxConcurrency().ifPresent(v -> n.put("max_concurrency", v));
        n.put("stream", endpoint.stream());
        if (config.price().isPresent()) {
            Price price = config.price().get();
            ObjectNode o = n.putObject("price");
            o.put("input", price.inputPerMillion());
            o.put("output", price.outputPerMillion());
            price.cachedInputPerMillion().ifPresent(v -> o.put("cached_input", v));
        }
        if (!config.extras().isEmpty()) {
            n.set("params", JsonValues.toNode(config.extras()));
        }
        return n;
    }

    /**
     * Reads a config from the fields of a {@code model.json} object.
     *
     * @param fields the object's fields, which name the file or place in messages and choose their
     *     exception, e.g. {@code JsonFields.of(node, "plan.json: models[0]", InvalidPlanException::new)}
     * @return the config
     * @throws NullPointerException if {@code fields} is {@code null}
     * @throws RuntimeException made by the fields' failure function, naming the field, its value and
     *     what was expected, if the object is not a valid config, has an unknown field or holds an API key
     */
    public static ModelConfig read(JsonFields fields) {
        Objects.requireNonNull(fields, "fields");
        if (fields.node().has(API_KEY)) {
            throw noApiKey(fields, API_KEY);
        }
        JsonFields f = fields.allowOnly(FIELDS);
        ModelConfig c = ModelConfig.of(f.nonBlankString("provider"), f.nonBlankString("model"));
        c = set(f, "id", f.optString("id"), c, ModelConfig::withId);
        c = parameters(f, c);
        c = endpoint(f, c);
        c = set(f, "price", price(f), c, ModelConfig::withPrice);
        return params(f, c);
    }

    private static ModelConfig parameters(JsonFields f, ModelConfig c) {
        String maxField = maxOutputTokensField(f);
        c = set(f, "temperature", f.optNumber("temperature"), c, ModelConfig::withTemperature);
        c = set(f, "top_p", f.optNumber("top_p"), c, ModelConfig::withTopP);
        c = set(f, "top_k", f.optInt("top_k"), c, ModelConfig::withTopK);
        c = set(f, maxField, f.optInt(maxField), c, ModelConfig::withMaxOutputTokens);
        c = set(f, "seed", f.optLong("seed"), c, ModelConfig::withSeed);
        c = set(f, "stop", stop(f), c, (m, s) -> m.withStop(s.toArray(String[]::new)));
        c = set(f, "frequency_penalty", f.optNumber("frequency_penalty"), c, ModelConfig::withFrequencyPenalty);
        c = set(f, "presence_penalty", f.optNumber("presence_penalty"), c, ModelConfig::withPresencePenalty);
        c = set(f, "reasoning_effort", f.optString("reasoning_effort"), c, ModelConfig::withReasoningEffort);
        return set(f, "verbosity", f.optString("verbosity"), c, ModelConfig::withVerbosity);
    }

    private static ModelConfig endpoint(JsonFields f, ModelConfig c) {
        c = set(f, "base_url", f.optString("base_url"), c, ModelConfig::withBaseUrl);
        c = set(f, "api_key_env", f.optString("api_key_env"), c, ModelConfig::withApiKeyEnv);
        c = set(f, "timeout_seconds", timeout(f), c, ModelConfig::withTimeout);
        c = set(f, "requests_per_second", f.optNumber("requests_per_second"), c, ModelConfig::withRequestsPerSecond);
        c = set(f, "requests_per_minute", f.optNumber("requests_per_minute"), c, ModelConfig::withRequestsPerMinute);
        c = set(f, "max_concurrency", f.optInt("max_concurrency"), c, ModelConfig::withMaxConcurrency);
        return set(f, "stream", f.optBoolean("stream"), c, ModelConfig::withStream);
    }

    /** Applies one setting, turning the API's refusal into a message naming the file and field. */
    private static <T> ModelConfig set(JsonFields f, String field, Optional<T> value, ModelConfig c,
            BiFunction<ModelConfig, T, ModelConfig> setter) {
        if (value.isEmpty()) {
            return c;
        }
        try {
            return setter.apply(c, value.get());
        } catch (IllegalArgumentException e) {
            throw f.refused(field, e);
        }
    }

    private static String maxOutputTokensField(JsonFields f) {
        if (f.has("max_output_tokens") && f.has("max_tokens")) {
            throw f.failure("fields '" + f.path("max_output_tokens") + "' and '" + f.path("max_tokens") + "' are both set;"
                    + " keep one (max_tokens is another name for max_output_tokens)");
        }
        return f.has("max_tokens") ? "max_tokens" : "max_output_tokens";
    }

    private static Optional<List<String>> stop(JsonFields f) {
        return f.get("stop").map(v -> {
            if (v.isTextual()) {
                return List.of(v.textValue());
            }
            if (!v.isArray()) {
                throw f.problem("stop", "must be a string or an array of strings but was " + JsonFields.describe(v));
            }
            List<String> sequences = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual()) {
                    throw f.problem("stop[" + i + "]", "must be a string but was " + JsonFields.describe(v.get(i)));
                }
                sequences.add(v.get(i).textValue());
            }
            return sequences;
        });
    }

    private static Optional<Duration> timeout(JsonFields f) {
        return f.optNumber("timeout_seconds").map(s -> {
            String shown = JsonFields.describe(f.get("timeout_seconds").orElseThrow());
            if (!(s > 0)) {
                throw f.problem("timeout_seconds", "must be > 0 but was " + shown);
            }
            if (s >= MAX_TIMEOUT_SECONDS) {
                throw f.problem("timeout_seconds", "must be less than " + (long) MAX_TIMEOUT_SECONDS + " but was " + shown);
            }
            return Duration.ofNanos(Math.round(s * 1_000_000_000d));
        });
    }

    private static Optional<Price> price(JsonFields f) {
        return f.get("price").map(v -> PriceTableFiles.price(f.nested(v, "price").allowOnly(PRICE_FIELDS)));
    }

    private static ModelConfig params(JsonFields f, ModelConfig c) {
        Optional<JsonNode> params = f.get("params");
        if (params.isEmpty()) {
            return c;
        }
        if (!params.get().isObject()) {
            throw f.problem("params", "must be an object of provider parameters but was " + JsonFields.describe(params.get()));
        }
        for (Map.Entry<String, JsonNode> e : params.get().properties()) {
            String field = "params." + e.getKey();
            if (e.getKey().equals(API_KEY)) {
                throw noApiKey(f, field);
            }
            if (e.getValue().isNull()) {
                throw f.problem(field, "must not be null; remove it to use the provider's default");
            }
            c = set(f, field, Optional.of(e.getValue()), c, (m, v) -> m.withParam(e.getKey(), JsonValues.fromNode(v)));
        }
        return c;
    }

    private static RuntimeException noApiKey(JsonFields f, String field) {
        return f.problem(field, "is not allowed: an API key must not be written in a file; put it in an environment"
                + " variable and name that variable with \"api_key_env\", e.g. \"api_key_env\": \"OPENAI_API_KEY\"");
    }
}
