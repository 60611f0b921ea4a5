package dev.bench4j.providers.ollama;

import dev.bench4j.core.spi.ForwardingModelProviderFactory;
import dev.bench4j.providers.ollama.internal.OllamaChatProviderFactory;

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
 *
 * <p>It answers only to {@code ollama}. Before any call it checks a config: its base URL must be an
 * absolute http(s) URL of the native API (not ending in {@code /v1} or {@code /api}), and every
 * extra must be a known Ollama option or request field of the right type; {@code
 * reasoning_effort}, {@code verbosity} and extras that restate a common parameter are refused.
 * Every parameter problem is reported in one message. Identical requests may be answered from the
 * response cache. The price is {@link dev.bench4j.core.Price#FREE} for the default {@code localhost} or a server on this
 * machine or a private network, empty for Ollama's cloud and other remote servers; a price set on
 * the config still wins. Each run gets its own provider, with its own HTTP connection pool sized
 * to the run's concurrency; the API key is read when a call is made, not here.
 */
public final class OllamaProviderFactory extends ForwardingModelProviderFactory {

    /**
     * Creates the factory; {@link java.util.ServiceLoader} calls this, and so may an application
     * that registers the factory itself with {@code BenchmarkPlan.Builder.provider(...)}.
     */
    public OllamaProviderFactory() {
        super(new OllamaChatProviderFactory());
    }
}
