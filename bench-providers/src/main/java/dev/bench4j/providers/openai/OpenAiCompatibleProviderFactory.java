package dev.bench4j.providers.openai;

import dev.bench4j.core.spi.ForwardingModelProviderFactory;
import dev.bench4j.providers.openai.internal.ChatCompletionsProviderFactory;

/**
 * Registers the {@code openai-compatible} provider, for any server that speaks Chat Completions
 * (vLLM, llama.cpp server, LM Studio, OpenRouter, Groq, ...): the config's {@code base_url} is
 * required (there is no default endpoint), and the key is optional: it is read at call time from the
 * config's explicit key or the variable named in {@code api_key_env}, and sent as
 * {@code Authorization: Bearer}; no environment variable is read by default. The output limit is
 * sent as {@code max_tokens} and every parameter is passed through. A server on this machine or a
 * private network costs nothing unless the config sets a price; any other has no known price.
 *
 * <p>{@link java.util.ServiceLoader} finds this factory when bench-providers is on the class path.
 * Where it cannot (a shaded jar whose service files were not merged, a Spring or test setup that
 * wires providers itself), register it explicitly:
 *
 * <pre>{@code
 * BenchmarkPlan plan = BenchmarkPlan.named("triage")
 *         .provider(new OpenAiCompatibleProviderFactory())
 *         .prompt(Prompt.named("v1").user("Triage: {{text}}"))
 *         .model(ModelConfig.of("openai-compatible", "Qwen/Qwen3-8B").withBaseUrl("http://localhost:8000/v1"))
 *         .trial(Trial.of("t1", Map.of("text", "chest pain since this morning")))
 *         .build();
 * }</pre>
 *
 * <p>It answers only to {@code openai-compatible}. Before any call it checks a config: it must name a
 * {@code base_url} (an absolute http(s) URL), and ask for nothing the provider cannot send; every
 * parameter problem is reported in one message. Identical requests may be answered from the
 * response cache. The price is {@link dev.bench4j.core.Price#FREE} for a server on this machine or a private network
 * (localhost, 127.x, 10.x, 192.168.x, ...), empty for any other; a price set on the config still
 * wins. Each run gets its own provider, with its own HTTP connection pool sized to the run's
 * concurrency; the API key is read when a call is made, not here.
 */
public final class OpenAiCompatibleProviderFactory extends ForwardingModelProviderFactory {

    /**
     * Creates the factory; {@link java.util.ServiceLoader} calls this, and so may an application
     * that registers the factory itself with {@code BenchmarkPlan.Builder.provider(...)}.
     */
    public OpenAiCompatibleProviderFactory() {
        super(ChatCompletionsProviderFactory.compatible());
    }
}
