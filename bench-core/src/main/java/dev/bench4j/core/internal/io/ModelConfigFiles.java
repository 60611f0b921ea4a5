package dev.bench4j.core.internal.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.json.JsonValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads model configurations in the Langfuse style:
 * {@code {"id": "mini-t0", "provider": "openai", "model": "gpt-4o-mini", "temperature": 0,
 * "max_output_tokens": 256, "api_key_env": "OPENAI_API_KEY", "params": {"num_ctx": 8192}}}.
 *
 * <p>Every setting goes through the fluent {@link ModelConfig} API, so a file gets the same checks
 * as code, with the file and field in front. An {@code api_key} field is refused: secrets belong in
 * the environment, named by {@code api_key_env}.
 */
public final class ModelConfigFiles {

    private static final List<String> FIELDS = List.of("id", "provider", "model", "temperature", "top_p", "top_k",
            "max_output_tokens", "max_tokens", "seed", "stop", "frequency_penalty", "presence_penalty",
            "reasoning_effort", "verbosity", "base_url", "api_key_env", "timeout_seconds", "requests_per_second",
            "requests_per_minute", "max_concurrency", "stream", "price", "params");
    private static final List<String> PRICE_FIELDS = List.of("input", "output", "cached_input");
    private static final String API_KEY = "api_key";
    /** The longest timeout a {@link Duration} of nanoseconds holds (about 292 years). */
    private static final double MAX_TIMEOUT_SECONDS = Long.MAX_VALUE / 1_000_000_000d;

    private ModelConfigFiles() {
    }

    /**
     * Reads a model configuration from a JSON file.
     *
     * @param file the file
     * @return the configuration
     * @throws NullPointerException if {@code file} is {@code null}
     * @throws InvalidPlanException if the file cannot be read or is not a valid configuration; the
     *     message names the file and the field
     */
    public static ModelConfig read(Path file) {
        Objects.requireNonNull(file, "file");
        return fromNode(JsonFiles.readTree(file), file.toString());
    }

    /**
     * Reads a model configuration from an already parsed JSON object, e.g. one written inline in a plan file.
     *
     * @param node the configuration object
     * @param where what every message starts with, e.g. {@code plan.json: models[0]}
     * @return the configuration
     * @throws NullPointerException if an argument is {@code null}
     * @throws InvalidPlanException if the node is not a valid configuration, or holds an API key;
     *     the message starts with {@code where} and names the field
     */
    public static ModelConfig fromNode(JsonNode node, String where) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(where, "where");
        if (node.has(API_KEY)) {
            throw noApiKey(where, API_KEY);
        }
        Fields f = Fields.of(node, where, FIELDS);
        ModelConfig c = ModelConfig.of(f.requiredString("provider"), f.requiredString("model"));
        c = set(f, "id", f.string("id"), c, ModelConfig::id);
        c = parameters(f, c);
        c = endpoint(f, c);
        c = set(f, "price", price(f), c, ModelConfig::price);
        return params(f, c);
    }

    private static ModelConfig parameters(Fields f, ModelConfig c) {
        String maxField = maxOutputTokensField(f);
        c = set(f, "temperature", f.number("temperature"), c, ModelConfig::temperature);
        c = set(f, "top_p", f.number("top_p"), c, ModelConfig::topP);
        c = set(f, "top_k", f.integer("top_k"), c, ModelConfig::topK);
        c = set(f, maxField, f.integer(maxField), c, ModelConfig::maxOutputTokens);
        c = set(f, "seed", f.longInteger("seed"), c, ModelConfig::seed);
        c = set(f, "stop", stop(f), c, (m, s) -> m.stop(s.toArray(String[]::new)));
        c = set(f, "frequency_penalty", f.number("frequency_penalty"), c, ModelConfig::frequencyPenalty);
        c = set(f, "presence_penalty", f.number("presence_penalty"), c, ModelConfig::presencePenalty);
        c = set(f, "reasoning_effort", f.string("reasoning_effort"), c, ModelConfig::reasoningEffort);
        return set(f, "verbosity", f.string("verbosity"), c, ModelConfig::verbosity);
    }

    private static ModelConfig endpoint(Fields f, ModelConfig c) {
        c = set(f, "base_url", f.string("base_url"), c, ModelConfig::baseUrl);
        c = set(f, "api_key_env", f.string("api_key_env"), c, ModelConfig::apiKeyEnv);
        c = set(f, "timeout_seconds", timeout(f), c, ModelConfig::timeout);
        c = set(f, "requests_per_second", f.number("requests_per_second"), c, ModelConfig::requestsPerSecond);
        c = set(f, "requests_per_minute", f.number("requests_per_minute"), c, ModelConfig::requestsPerMinute);
        c = set(f, "max_concurrency", f.integer("max_concurrency"), c, ModelConfig::maxConcurrency);
        return set(f, "stream", f.bool("stream"), c, ModelConfig::stream);
    }

    /** Applies one setting, turning the API's refusal into a message naming the file and field. */
    private static <T> ModelConfig set(Fields f, String field, Optional<T> value, ModelConfig c,
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

    private static String maxOutputTokensField(Fields f) {
        if (f.has("max_output_tokens") && f.has("max_tokens")) {
            throw new InvalidPlanException(f.where() + ": fields 'max_output_tokens' and 'max_tokens' are both set;"
                    + " keep one (max_tokens is another name for max_output_tokens)");
        }
        return f.has("max_tokens") ? "max_tokens" : "max_output_tokens";
    }

    private static Optional<List<String>> stop(Fields f) {
        return f.get("stop").map(v -> {
            if (v.isTextual()) {
                return List.of(v.textValue());
            }
            if (!v.isArray()) {
                throw f.problem("stop", "must be a string or an array of strings but was " + Fields.describe(v));
            }
            List<String> sequences = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual()) {
                    throw f.problem("stop[" + i + "]", "must be a string but was " + Fields.describe(v.get(i)));
                }
                sequences.add(v.get(i).textValue());
            }
            return sequences;
        });
    }

    private static Optional<Duration> timeout(Fields f) {
        return f.number("timeout_seconds").map(s -> {
            String shown = Fields.describe(f.get("timeout_seconds").orElseThrow());
            if (!(s > 0)) {
                throw f.problem("timeout_seconds", "must be > 0 but was " + shown);
            }
            if (s >= MAX_TIMEOUT_SECONDS) {
                throw f.problem("timeout_seconds", "must be less than " + (long) MAX_TIMEOUT_SECONDS + " but was " + shown);
            }
            return Duration.ofNanos(Math.round(s * 1_000_000_000d));
        });
    }

    private static Optional<Price> price(Fields f) {
        return f.get("price").map(v -> PriceTableFiles.price(f.nested(v, "price", PRICE_FIELDS)));
    }

    private static ModelConfig params(Fields f, ModelConfig c) {
        Optional<JsonNode> params = f.get("params");
        if (params.isEmpty()) {
            return c;
        }
        if (!params.get().isObject()) {
            throw f.problem("params", "must be an object of provider parameters but was " + Fields.describe(params.get()));
        }
        for (Map.Entry<String, JsonNode> e : params.get().properties()) {
            String field = "params." + e.getKey();
            if (e.getKey().equals(API_KEY)) {
                throw noApiKey(f.where(), field);
            }
            if (e.getValue().isNull()) {
                throw f.problem(field, "must not be null; remove it to use the provider's default");
            }
            c = set(f, field, Optional.of(e.getValue()), c, (m, v) -> m.param(e.getKey(), JsonValues.fromNode(v)));
        }
        return c;
    }

    private static InvalidPlanException noApiKey(String where, String field) {
        return new InvalidPlanException(where + ": field '" + field + "' is not allowed: an API key must not be"
                + " written in a file; put it in an environment variable and name that variable with"
                + " \"api_key_env\", e.g. \"api_key_env\": \"OPENAI_API_KEY\"");
    }
}
