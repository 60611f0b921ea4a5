package dev.bench4j.examples.spring;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application's {@code bench4j.*} settings.
 *
 * <p>The API key is not one of them: {@code server.api-key-env} names the variable that holds it, and
 * the providers read it at call time through Spring's {@code Environment} (an environment variable,
 * a system property or any property source), so it is never bound, logged or echoed here.
 *
 * @param storeDir the folder of the {@code JsonRunStore} every run is written to
 * @param server the OpenAI-compatible server every model is called at
 * @param models the model names the server serves; each benchmark runs every one of them
 * @param benchmarks plan files by benchmark name (JSON or YAML, paths relative to the working directory);
 *     a plan file names prompts, trials and scorers, and the models above are added to its own
 * @param startup whether a benchmark runs once when the application starts
 */
@ConfigurationProperties("bench4j")
public record BenchProperties(@DefaultValue("runs") Path storeDir, @DefaultValue Server server, List<String> models,
        Map<String, Path> benchmarks, @DefaultValue Startup startup) {

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if no model or no benchmark is configured, or the start-up
     *     benchmark is not one of the benchmarks
     */
    public BenchProperties {
        Objects.requireNonNull(storeDir, "bench4j.store-dir");
        Objects.requireNonNull(server, "bench4j.server");
        models = List.copyOf(models == null ? List.of() : models);
        benchmarks = Map.copyOf(benchmarks == null ? Map.of() : benchmarks);
        Objects.requireNonNull(startup, "bench4j.startup");
        if (models.isEmpty()) {
            throw new IllegalArgumentException("bench4j.models: name at least one model the server serves");
        }
        if (benchmarks.isEmpty()) {
            throw new IllegalArgumentException("bench4j.benchmarks: name at least one plan file");
        }
        if (startup.enabled() && !benchmarks.containsKey(startup.benchmark())) {
            throw new IllegalArgumentException("bench4j.startup.benchmark: '" + startup.benchmark()
                    + "' is not one of bench4j.benchmarks " + benchmarks.keySet());
        }
    }

    /**
     * Where the models are called.
     *
     * @param provider the bench4j provider: {@code openai} (OpenAI's API) or {@code openai-compatible}
     *     (vLLM, Ollama's {@code /v1}, llama.cpp, LM Studio...)
     * @param baseUrl the API's base URL, e.g. {@code http://localhost:11434/v1}
     * @param apiKeyEnv the name of the environment variable (or property) holding the API key; empty
     *     for the provider's default: {@code OPENAI_API_KEY} for {@code openai}, no key for
     *     {@code openai-compatible}
     */
    public record Server(@DefaultValue("openai") String provider,
            @DefaultValue("https://api.openai.com/v1") URI baseUrl,
            @DefaultValue("") String apiKeyEnv) {

        /**
         * Checks the settings.
         *
         * @throws NullPointerException if a setting is missing
         */
        public Server {
            Objects.requireNonNull(provider, "bench4j.server.provider");
            Objects.requireNonNull(baseUrl, "bench4j.server.base-url");
            Objects.requireNonNull(apiKeyEnv, "bench4j.server.api-key-env");
        }
    }

    /**
     * The run made when the application starts.
     *
     * @param enabled whether to run a benchmark at start-up
     * @param benchmark which one
     */
    public record Startup(@DefaultValue("false") boolean enabled, @DefaultValue("conditions") String benchmark) {

        /**
         * Checks the settings.
         *
         * @throws NullPointerException if {@code benchmark} is missing
         */
        public Startup {
            Objects.requireNonNull(benchmark, "bench4j.startup.benchmark");
        }
    }
}
