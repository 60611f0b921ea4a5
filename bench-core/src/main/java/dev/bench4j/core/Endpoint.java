package dev.bench4j.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Where and how a {@link ModelConfig} is called: base URL, where its API key comes from, the
 * per-attempt timeout, the request rate and concurrency allowed, and whether to stream.
 *
 * <p>Configs that share a provider and base URL share one endpoint: one rate limiter and one
 * concurrency limit (the strictest of their settings). {@link #toString()} never shows the key.
 *
 * @param baseUrl the API's base URL; absent means the provider's default
 * @param apiKeyEnv the environment variable holding the API key; absent means the provider's default
 * @param apiKey an explicit API key, preferred over the environment
 * @param timeout the per-attempt timeout; absent means the plan's default
 * @param requestsPerSecond the most requests per second to send
 * @param requestsPerMinute the most requests per minute to send
 * @param maxConcurrency the most calls in flight at once
 * @param stream whether to stream the response (time to first token is then measured)
 */
public record Endpoint(Optional<String> baseUrl, Optional<String> apiKeyEnv, Optional<Secret> apiKey,
        Optional<Duration> timeout, OptionalDouble requestsPerSecond, OptionalDouble requestsPerMinute,
        OptionalInt maxConcurrency, boolean stream) {

    private static final Endpoint DEFAULTS = new Endpoint(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), false);

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if a value is out of range (the message names it)
     */
    public Endpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (baseUrl.isPresent() && baseUrl.get().isBlank()) {
            throw new IllegalArgumentException("base_url must not be blank");
        }
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        if (apiKeyEnv.isPresent() && !apiKeyEnv.get().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("api_key_env must be an environment variable name "
                    + "(letters, digits, _) but was '" + apiKeyEnv.get() + "'");
        }
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
            throw new IllegalArgumentException("timeout must be > 0 but was " + timeout.get());
        }
        positive("requests_per_second", Objects.requireNonNull(requestsPerSecond, "requestsPerSecond"));
        positive("requests_per_minute", Objects.requireNonNull(requestsPerMinute, "requestsPerMinute"));
        Objects.requireNonNull(maxConcurrency, "maxConcurrency");
        if (maxConcurrency.isPresent() && maxConcurrency.getAsInt() < 1) {
            throw new IllegalArgumentException("max_concurrency must be >= 1 but was " + maxConcurrency.getAsInt());
        }
    }

    private static void positive(String name, OptionalDouble v) {
        if (v.isPresent() && !(v.getAsDouble() > 0 && v.getAsDouble() < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0 but was " + v.getAsDouble());
        }
    }

    /**
     * Returns the settings where everything is the provider's or the plan's default.
     *
     * @return the default endpoint settings
     */
    public static Endpoint defaults() {
        return DEFAULTS;
    }

    /**
     * Returns the requests per second allowed, the stricter of the per-second and per-minute limits.
     *
     * @return the rate, or empty if unlimited
     */
    public OptionalDouble effectiveRequestsPerSecond() {
        double rps = requestsPerSecond.orElse(Double.POSITIVE_INFINITY);
        double fromRpm = requestsPerMinute.isPresent() ? requestsPerMinute.getAsDouble() / 60d : Double.POSITIVE_INFINITY;
        double min = Math.min(rps, fromRpm);
        return min == Double.POSITIVE_INFINITY ? OptionalDouble.empty() : OptionalDouble.of(min);
    }

    Endpoint withBaseUrl(String v) {
        return new Endpoint(Optional.of(v), apiKeyEnv, apiKey, timeout, requestsPerSecond, requestsPerMinute, maxConcurrency, stream);
    }

    Endpoint withApiKeyEnv(String v) {
        return new Endpoint(baseUrl, Optional.of(v), apiKey, timeout, requestsPerSecond, requestsPerMinute, maxConcurrency, stream);
    }

    Endpoint withApiKey(Optional<Secret> v) {
        return new Endpoint(baseUrl, apiKeyEnv, v, timeout, requestsPerSecond, requestsPerMinute, maxConcurrency, stream);
    }

    Endpoint withTimeout(Duration v) {
        return new Endpoint(baseUrl, apiKeyEnv, apiKey, Optional.of(v), requestsPerSecond, requestsPerMinute, maxConcurrency, stream);
    }

    Endpoint withRequestsPerSecond(double v) {
        return new Endpoint(baseUrl, apiKeyEnv, apiKey, timeout, OptionalDouble.of(v), requestsPerMinute, maxConcurrency, stream);
    }

    Endpoint withRequestsPerMinute(double v) {
        return new Endpoint(baseUrl, apiKeyEnv, apiKey, timeout, requestsPerSecond, OptionalDouble.of(v), maxConcurrency, stream);
    }

    Endpoint withMaxConcurrency(int v) {
        return new Endpoint(baseUrl, apiKeyEnv, apiKey, timeout, requestsPerSecond, requestsPerMinute, OptionalInt.of(v), stream);
    }

    Endpoint withStream(boolean v) {
        return new Endpoint(baseUrl, apiKeyEnv, apiKey, timeout, requestsPerSecond, requestsPerMinute, maxConcurrency, v);
    }
}
