package dev.bench4j.core.spi;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Secret;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * What a provider may use: the environment to read API keys from at call time, a scheduler for
 * work that must happen later (never a sleeping thread), the folder relative paths resolve against,
 * and the run's concurrency (to size connection pools).
 *
 * @param environment looks up environment variables (tests pass a map, production {@code System::getenv})
 * @param scheduler schedules delayed work
 * @param baseDirectory the folder relative file paths resolve against (the plan file's folder)
 * @param concurrency the most calls the run makes at once
 */
public record ProviderContext(Function<String, Optional<String>> environment, ScheduledExecutorService scheduler,
        Path baseDirectory, int concurrency) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code concurrency} is below 1
     */
    public ProviderContext {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1 but was " + concurrency);
        }
    }

    /**
     * Finds a config's API key: its explicit key, else the variable it names in {@code api_key_env},
     * else the first of the provider's default variables that is set and not blank.
     *
     * @param config the config
     * @param defaultVariables the provider's default variables, e.g. {@code XAI_API_KEY}, {@code GROK_API_KEY}
     * @return the key, or empty if none is set
     */
    public Optional<Secret> apiKey(ModelConfig config, String... defaultVariables) {
        if (config.endpoint().apiKey().isPresent()) {
            return config.endpoint().apiKey();
        }
        if (config.endpoint().apiKeyEnv().isPresent()) {
            return env(config.endpoint().apiKeyEnv().get());
        }
        for (String v : defaultVariables) {
            Optional<Secret> s = env(v);
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    private Optional<Secret> env(String name) {
        return environment.apply(name).filter(v -> !v.isBlank()).map(Secret::of);
    }
}
