package dev.bench4j.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.internal.io.JsonFiles;
import dev.bench4j.core.json.JsonFields;
import dev.bench4j.core.json.JsonValues;
import dev.bench4j.core.json.ModelConfigJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One model configuration to benchmark: a provider, a model, the generation {@link Parameters},
 * provider-specific extras passed through unchanged (e.g. Ollama's {@code num_ctx}), the
 * {@link Endpoint} settings, and optionally a price that overrides the bundled price table.
 *
 * <p>A config is immutable. Each {@code withX} method returns a copy with one setting changed:
 *
 * <pre>{@code
 * ModelConfig mini = ModelConfig.of("openai", "gpt-4o-mini").withTemperature(0.0).withMaxOutputTokens(256);
 * ModelConfig hot = mini.withId("mini-hot").withTemperature(1.0);
 * mini.id();   // "openai:gpt-4o-mini"
 * }</pre>
 *
 * <p>The id defaults to {@code provider:model} and must be unique within a plan. {@link #toString()}
 * never shows an API key.
 */
public final class ModelConfig {

    private final Optional<String> explicitId;
    private final String provider;
    private final String model;
    private final Parameters parameters;
    private final Map<String, Object> extras;
    private final Endpoint endpoint;
    private final Optional<Price> price;

    private ModelConfig(Optional<String> explicitId, String provider, String model, Parameters parameters,
            Map<String, Object> extras, Endpoint endpoint, Optional<Price> price) {
        this.explicitId = explicitId;
        this.provider = provider;
        this.model = model;
        this.parameters = parameters;
        this.extras = extras;
        this.endpoint = endpoint;
        this.price = price;
    }

    /**
     * Creates a config for a model of a provider, with no parameters set.
     *
     * @param provider the provider's name, e.g. {@code openai}, {@code ollama}, {@code echo}
     * @param model the model's name as the provider knows it, e.g. {@code gpt-4o-mini}
     * @return the config
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if an argument is blank
     */
    public static ModelConfig of(String provider, String model) {
        return new ModelConfig(Optional.empty(), notBlank("provider", provider), notBlank("model", model),
                Parameters.none(), Map.of(), Endpoint.defaults(), Optional.empty());
    }

    /**
     * Loads a config from a JSON file in the Langfuse style: {@code {"model": "gpt-5",
     * "max_output_tokens": 8000, "reasoning_effort": "high"}} plus {@code provider}, {@code id},
     * {@code base_url}, {@code api_key_env}, {@code timeout_seconds}, {@code requests_per_second},
     * {@code requests_per_minute}, {@code max_concurrency}, {@code stream}, {@code price} and
     * {@code params} (provider extras).
     *
     * @param file the JSON file
     * @return the config
     * @throws NullPointerException if {@code file} is {@code null}
     * @throws InvalidPlanException if the file cannot be read or is not a valid config; the message
     *     names the file and the field
     * @see ModelConfigJson
     */
    public static ModelConfig fromJson(Path file) {
        Objects.requireNonNull(file, "file");
        return ModelConfigJson.read(JsonFields.of(JsonFiles.readTree(file), file.toString(), InvalidPlanException::new));
    }

    /**
     * Reads a config from JSON-like values in the same format as {@link #fromJson(Path)}, e.g. an
     * object written inline in a plan file (a judge's config in a scorer's options).
     *
     * <pre>{@code
     * ModelConfig judge = ModelConfig.fromMap(Map.of("provider", "openai", "model", "gpt-4.1-mini",
     *     "temperature", 0), "scorers[0].judge");
     * }</pre>
     *
     * @param fields the config's fields (maps, lists, strings, numbers, booleans)
     * @param where what every message starts with, e.g. {@code plan.json: scorers[0].judge}
     * @return the config
     * @throws NullPointerException if an argument is {@code null}
     * @throws InvalidPlanException if the values are not a valid config or hold an API key; the
     *     message starts with {@code where} and names the field
     */
    public static ModelConfig fromMap(Map<String, ?> fields, String where) {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(where, "where");
        JsonNode node;
        try {
            node = JsonValues.toNode(fields);
        } catch (IllegalArgumentException e) {
            throw new InvalidPlanException(where + ": is not JSON-like (maps, lists, strings, numbers, booleans): "
                    + e.getMessage(), e);
        }
        return ModelConfigJson.read(JsonFields.of(node, where, InvalidPlanException::new));
    }

    private static String notBlank(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private ModelConfig with(Parameters p) {
        return new ModelConfig(explicitId, provider, model, p, extras, endpoint, price);
    }

    private ModelConfig with(Endpoint e) {
        return new ModelConfig(explicitId, provider, model, parameters, extras, e, price);
    }

    /**
     * Returns the id: the one set with {@link #withId(String)}, else {@code provider:model}.
     *
     * @return the id, unique within a plan
     */
    public String id() {
        return explicitId.orElseGet(() -> provider + ":" + model);
    }

    /**
     * Returns a copy with an explicit id.
     *
     * @param id the id, unique within a plan; it names files, so it may not contain path separators
     * @return the new config
     * @throws NullPointerException if {@code id} is {@code null}
     * @throws IllegalArgumentException if {@code id} is blank or contains {@code /}, {@code \} or control characters
     */
    public ModelConfig withId(String id) {
        notBlank("id", id);
        for (char c : id.toCharArray()) {
            if (c == '/' || c == '\\' || Character.isISOControl(c)) {
                throw new IllegalArgumentException("id must not contain '/', '\\' or control characters but was '"
                        + id.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
        if (id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException("id must not be '.' or '..'");
        }
        return new ModelConfig(Optional.of(id), provider, model, parameters, extras, endpoint, price);
    }

    /**
     * Returns the provider's name.
     *
     * @return the provider, e.g. {@code openai}
     */
    public String provider() {
        return provider;
    }

    /**
     * Returns the model's name as the provider knows it.
     *
     * @return the model, e.g. {@code gpt-4o-mini}
     */
    public String model() {
        return model;
    }

    /**
     * Returns a copy for another model of the same provider.
     *
     * @param newModel the model's name
     * @return the new config
     * @throws NullPointerException if {@code newModel} is {@code null}
     * @throws IllegalArgumentException if {@code newModel} is blank
     */
    public ModelConfig withModel(String newModel) {
        return new ModelConfig(explicitId, provider, notBlank("model", newModel), parameters, extras, endpoint, price);
    }

    /**
     * Returns the generation parameters.
     *
     * @return the parameters; absent ones are not sent
     */
    public Parameters parameters() {
        return parameters;
    }

    /**
     * Returns the provider-specific extras, passed to the provider unchanged.
     *
     * @return an unmodifiable map, empty if none
     */
    public Map<String, Object> extras() {
        return extras;
    }

    /**
     * Returns the endpoint settings.
     *
     * @return where and how the model is called
     */
    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * Returns the names of the settings of this config that only a provider speaking the vendor's
     * own API can send: {@code seed}, {@code reasoning_effort}, {@code verbosity}, each extra as
     * {@code params.NAME}, {@code stream}, {@code base_url}, {@code api_key_env} and {@code api_key},
     * in that order, for those that are set. An adapter over another framework's chat model (whose
     * endpoint, key and streaming are its own) refuses a config for which this is not empty.
     *
     * @return the names, empty when the config sets only portable parameters
     */
    public List<String> nonPortableSettings() {
        List<String> names = new ArrayList<>();
        parameters.seed().ifPresent(v -> names.add("seed"));
        parameters.reasoningEffort().ifPresent(v -> names.add("reasoning_effort"));
        parameters.verbosity().ifPresent(v -> names.add("verbosity"));
        extras.keySet().forEach(k -> names.add("params." + k));
        if (endpoint.stream()) {
            names.add("stream");
        }
        endpoint.baseUrl().ifPresent(v -> names.add("base_url"));
        endpoint.apiKeyEnv().ifPresent(v -> names.add("api_key_env"));
        endpoint.apiKey().ifPresent(v -> names.add("api_key"));
        return List.copyOf(names);
    }

    /**
     * Returns the price set on this config, which overrides the bundled price table.
     *
     * @return the price, or empty to use the table
     */
    public Optional<Price> price() {
        return price;
    }

    /**
     * Returns a copy with a sampling temperature.
     *
     * @param temperature 0 to 2
     * @return the new config
     * @throws IllegalArgumentException if out of range
     */
    public ModelConfig withTemperature(double temperature) {
        return with(parameters.withTemperature(temperature));
    }

    /**
     * Returns a copy with a nucleus sampling mass.
     *
     * @param topP above 0 up to 1
     * @return the new config
     * @throws IllegalArgumentException if out of range
     */
    public ModelConfig withTopP(double topP) {
        return with(parameters.withTopP(topP));
    }

    /**
     * Returns a copy with top-k sampling.
     *
     * @param topK at least 1
     * @return the new config
     * @throws IllegalArgumentException if below 1
     */
    public ModelConfig withTopK(int topK) {
        return with(parameters.withTopK(topK));
    }

    /**
     * Returns a copy with an output token limit.
     *
     * @param maxOutputTokens at least 1
     * @return the new config
     * @throws IllegalArgumentException if below 1
     */
    public ModelConfig withMaxOutputTokens(int maxOutputTokens) {
        return with(parameters.withMaxOutputTokens(maxOutputTokens));
    }

    /**
     * Returns a copy with a sampling seed.
     *
     * @param seed the seed
     * @return the new config
     */
    public ModelConfig withSeed(long seed) {
        return with(parameters.withSeed(seed));
    }

    /**
     * Returns a copy with stop sequences (replacing any set before).
     *
     * @param sequences the stop sequences, none empty
     * @return the new config
     * @throws NullPointerException if a sequence is {@code null}
     * @throws IllegalArgumentException if a sequence is empty
     */
    public ModelConfig withStop(String... sequences) {
        for (String s : Objects.requireNonNull(sequences, "stop")) {
            Objects.requireNonNull(s, "stop");
        }
        return with(parameters.withStop(Arrays.asList(sequences)));
    }

    /**
     * Returns a copy with a frequency penalty.
     *
     * @param penalty -2 to 2
     * @return the new config
     * @throws IllegalArgumentException if out of range
     */
    public ModelConfig withFrequencyPenalty(double penalty) {
        return with(parameters.withFrequencyPenalty(penalty));
    }

    /**
     * Returns a copy with a presence penalty.
     *
     * @param penalty -2 to 2
     * @return the new config
     * @throws IllegalArgumentException if out of range
     */
    public ModelConfig withPresencePenalty(double penalty) {
        return with(parameters.withPresencePenalty(penalty));
    }

    /**
     * Returns a copy with a reasoning effort, for reasoning models.
     *
     * @param effort e.g. {@code minimal}, {@code low}, {@code medium}, {@code high}
     * @return the new config
     * @throws NullPointerException if {@code effort} is {@code null}
     * @throws IllegalArgumentException if {@code effort} is blank
     */
    public ModelConfig withReasoningEffort(String effort) {
        return with(parameters.withReasoningEffort(Objects.requireNonNull(effort, "effort")));
    }

    /**
     * Returns a copy with an answer verbosity, for models that take one.
     *
     * @param verbosity e.g. {@code low}, {@code medium}, {@code high}
     * @return the new config
     * @throws NullPointerException if {@code verbosity} is {@code null}
     * @throws IllegalArgumentException if {@code verbosity} is blank
     */
    public ModelConfig withVerbosity(String verbosity) {
        return with(parameters.withVerbosity(Objects.requireNonNull(verbosity, "verbosity")));
    }

    /**
     * Returns a copy with all generation parameters replaced.
     *
     * @param newParameters the parameters
     * @return the new config
     * @throws NullPointerException if {@code newParameters} is {@code null}
     */
    public ModelConfig withParameters(Parameters newParameters) {
        return with(Objects.requireNonNull(newParameters, "newParameters"));
    }

    /**
     * Returns a copy with one provider-specific extra added or replaced, passed to the provider
     * unchanged (e.g. {@code withParam("num_ctx", 8192)} for Ollama).
     *
     * @param name the provider's parameter name
     * @param value a JSON-like value: string, number, boolean, list or map of these
     * @return the new config
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank or {@code value} is not JSON-like
     */
    public ModelConfig withParam(String name, Object value) {
        notBlank("name", name);
        Objects.requireNonNull(value, "value");
        Map<String, Object> copy = new LinkedHashMap<>(extras);
        copy.put(name, value);
        return new ModelConfig(explicitId, provider, model, parameters,
                JsonValues.immutableObject(copy, "param"), endpoint, price);
    }

    /**
     * Returns a copy with the API's base URL.
     *
     * @param url e.g. {@code http://localhost:8000/v1} for a vLLM server
     * @return the new config
     * @throws NullPointerException if {@code url} is {@code null}
     * @throws IllegalArgumentException if {@code url} is blank
     */
    public ModelConfig withBaseUrl(String url) {
        return with(endpoint.withBaseUrl(Objects.requireNonNull(url, "url")));
    }

    /**
     * Returns a copy that reads its API key from the named environment variable at call time.
     *
     * @param variable e.g. {@code OPENAI_API_KEY}
     * @return the new config
     * @throws NullPointerException if {@code variable} is {@code null}
     * @throws IllegalArgumentException if {@code variable} is not a variable name
     */
    public ModelConfig withApiKeyEnv(String variable) {
        return with(endpoint.withApiKeyEnv(Objects.requireNonNull(variable, "variable")));
    }

    /**
     * Returns a copy with an explicit API key. The key is never written to a run file, a log, an
     * exception message or {@code toString()}; prefer {@link #withApiKeyEnv(String)} where you can.
     *
     * @param key the API key
     * @return the new config
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public ModelConfig withApiKey(Secret key) {
        return with(endpoint.withApiKey(Optional.of(Objects.requireNonNull(key, "key"))));
    }

    /**
     * Returns a copy without an explicit API key (as stored in a run's plan snapshot).
     *
     * @return the new config, or this one if it has no explicit key
     */
    public ModelConfig withoutSecrets() {
        return endpoint.apiKey().isEmpty() ? this : with(endpoint.withApiKey(Optional.empty()));
    }

    /**
     * Returns a copy with a per-attempt timeout.
     *
     * @param timeout more than zero
     * @return the new config
     * @throws NullPointerException if {@code timeout} is {@code null}
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public ModelConfig withTimeout(Duration timeout) {
        return with(endpoint.withTimeout(Objects.requireNonNull(timeout, "timeout")));
    }

    /**
     * Returns a copy limited to a number of requests per second (shared by every config on the same endpoint).
     *
     * @param rps more than zero
     * @return the new config
     * @throws IllegalArgumentException if not more than zero
     */
    public ModelConfig withRequestsPerSecond(double rps) {
        return with(endpoint.withRequestsPerSecond(rps));
    }

    /**
     * Returns a copy limited to a number of requests per minute (shared by every config on the same endpoint).
     *
     * @param rpm more than zero
     * @return the new config
     * @throws IllegalArgumentException if not more than zero
     */
    public ModelConfig withRequestsPerMinute(double rpm) {
        return with(endpoint.withRequestsPerMinute(rpm));
    }

    /**
     * Returns a copy limited to a number of calls in flight at once on its endpoint.
     *
     * @param limit at least 1
     * @return the new config
     * @throws IllegalArgumentException if below 1
     */
    public ModelConfig withMaxConcurrency(int limit) {
        return with(endpoint.withMaxConcurrency(limit));
    }

    /**
     * Returns a copy that streams responses (so time to first token is measured) or not.
     *
     * @param stream whether to stream
     * @return the new config
     */
    public ModelConfig withStream(boolean stream) {
        return with(endpoint.withStream(stream));
    }

    /**
     * Returns a copy with all endpoint settings replaced.
     *
     * @param newEndpoint the settings
     * @return the new config
     * @throws NullPointerException if {@code newEndpoint} is {@code null}
     */
    public ModelConfig withEndpoint(Endpoint newEndpoint) {
        return with(Objects.requireNonNull(newEndpoint, "newEndpoint"));
    }

    /**
     * Returns a copy with a price that overrides the bundled price table.
     *
     * @param newPrice the price
     * @return the new config
     * @throws NullPointerException if {@code newPrice} is {@code null}
     */
    public ModelConfig withPrice(Price newPrice) {
        return new ModelConfig(explicitId, provider, model, parameters, extras, endpoint,
                Optional.of(Objects.requireNonNull(newPrice, "newPrice")));
    }

    /**
     * Compares every setting, the id included.
     *
     * @param o the other object
     * @return whether both configs are the same
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ModelConfig c && id().equals(c.id()) && provider.equals(c.provider)
                && model.equals(c.model) && parameters.equals(c.parameters) && extras.equals(c.extras)
                && endpoint.equals(c.endpoint) && price.equals(c.price);
    }

    /**
     * Hashes every setting.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(id(), provider, model, parameters, extras, endpoint, price);
    }

    /**
     * Describes the config without its API key, e.g.
     * {@code ModelConfig[id=openai:gpt-4o-mini, provider=openai, model=gpt-4o-mini, parameters={temperature=0.0}]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ModelConfig[id=").append(id()).append(", provider=").append(provider)
                .append(", model=").append(model);
        Map<String, Object> params = parameters.asMap();
        if (!params.isEmpty()) {
            sb.append(", parameters=").append(params);
        }
        if (!extras.isEmpty()) {
            sb.append(", extras=").append(extras);
        }
        if (!endpoint.equals(Endpoint.defaults())) {
            sb.append(", endpoint=").append(endpoint);
        }
        price.ifPresent(p -> sb.append(", price=").append(p));
        return sb.append(']').toString();
    }
}
