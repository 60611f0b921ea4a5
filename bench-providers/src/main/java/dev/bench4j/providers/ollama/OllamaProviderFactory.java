package dev.bench4j.providers.ollama;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ProviderContext;
import dev.bench4j.providers.ollama.internal.OllamaChatProviderFactory;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Registers the {@code ollama} provider: Ollama's native chat API ({@code POST /api/chat}, models
 * from {@code /api/tags}) at {@code http://localhost:11434} unless the config names a
 * {@code base_url} (the server's root, not its OpenAI-compatible {@code /v1}). No key is needed and
 * no environment variable is read by default; when the config sets a key or names
 * {@code api_key_env} (Ollama behind a proxy, or Ollama's cloud), the key is read at call time and
 * sent as {@code Authorization: Bearer}. Because
 * Ollama silently ignores option names it does not know, every extra that is not a known Ollama
 * option or request field is refused at {@code build()}, as are the common parameters Ollama has no
 * equivalent for. Local models are free unless the config sets a price.
 *
 * <p>{@link java.util.ServiceLoader} finds this factory when bench-providers is on the class path.
 * Where it cannot (a shaded jar whose service files were not merged, a Spring or test setup that
 * wires providers itself), register it explicitly:
 *
 * <pre>{@code
 * BenchmarkPlan plan = BenchmarkPlan.named("triage")
 *         .provider(new OllamaProviderFactory())
 *         .prompt(Prompt.named("v1").user("Triage: {{text}}"))
 *         .model(ModelConfig.of("ollama", "llama3.2").withParam("num_ctx", 8192))
 *         .trial(Trial.of("t1", Map.of("text", "chest pain since this morning")))
 *         .build();
 * }</pre>
 */
public final class OllamaProviderFactory implements ModelProviderFactory {

    private final ModelProviderFactory delegate = new OllamaChatProviderFactory();

    /**
     * Creates the factory; {@link java.util.ServiceLoader} calls this, and so may an application
     * that registers the factory itself with {@code BenchmarkPlan.Builder.provider(...)}.
     */
    public OllamaProviderFactory() {
    }

    /**
     * Returns {@code ollama}, the name a {@code ModelConfig} uses for this provider.
     *
     * @return the provider name
     */
    @Override
    public String name() {
        return delegate.name();
    }

    /**
     * Returns no aliases: this provider answers only to {@code ollama}.
     *
     * @return the aliases
     */
    @Override
    public Set<String> aliases() {
        return delegate.aliases();
    }

    /**
     * Creates a provider for one run, with its own HTTP connection pool sized to the run's
     * concurrency; the API key is read when a call is made, not here.
     *
     * @param context the run's environment, scheduler and concurrency
     * @return the provider
     */
    @Override
    public ModelProvider create(ProviderContext context) {
        return delegate.create(context);
    }

    /**
     * Checks a config before any call: its base URL must be an absolute http(s) URL of the native
     * API (not ending in {@code /v1} or {@code /api}), and every extra must be a known Ollama
     * option or request field of the right type; {@code reasoning_effort}, {@code verbosity} and
     * extras that restate a common parameter are refused. Every parameter problem is reported in
     * one message.
     *
     * @param config a config of this provider
     * @param baseDirectory unused
     * @throws IllegalArgumentException naming the model and every parameter that cannot be sent
     */
    @Override
    public void validate(ModelConfig config, Path baseDirectory) {
        delegate.validate(config, baseDirectory);
    }

    /**
     * Returns true: identical requests may be answered from the response cache.
     *
     * @return true
     */
    @Override
    public boolean cacheable() {
        return delegate.cacheable();
    }

    /**
     * Returns {@link Price#FREE} for the default {@code localhost} or a server on this machine or a
     * private network, empty for Ollama's cloud and other remote servers; a price set on the config
     * still wins.
     *
     * @param config a config of this provider
     * @return the provider's own price, or empty to use the bundled price table
     */
    @Override
    public Optional<Price> price(ModelConfig config) {
        return delegate.price(config);
    }
}
