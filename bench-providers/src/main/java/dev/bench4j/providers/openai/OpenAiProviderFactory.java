package dev.bench4j.providers.openai;

import dev.bench4j.core.spi.ForwardingModelProviderFactory;
import dev.bench4j.providers.openai.internal.ChatCompletionsProviderFactory;

/**
 * Registers the {@code openai} provider: OpenAI's Chat Completions API
 * ({@code POST /chat/completions}) at {@code https://api.openai.com/v1} unless the config names a
 * {@code base_url}, with the key read at call time from the config's explicit key, else the variable
 * named in {@code api_key_env}, else {@code OPENAI_API_KEY}, and sent only as
 * {@code Authorization: Bearer}. The output limit is sent as {@code max_completion_tokens}; prices
 * come from the bundled price table.
 *
 * <p>{@link java.util.ServiceLoader} finds this factory when bench-providers is on the class path.
 * Where it cannot (a shaded jar whose service files were not merged, a Spring or test setup that
 * wires providers itself), register it explicitly:
 *
 * <pre>{@code
 * BenchmarkPlan plan = BenchmarkPlan.named("triage")
 *         .provider(new OpenAiProviderFactory())
 *         .prompt(Prompt.named("v1").user("Triage: {{text}}"))
 *         .model(ModelConfig.of("openai", "gpt-4o-mini").withTemperature(0.0))
 *         .trial(Trial.of("t1", Map.of("text", "chest pain since this morning")))
 *         .build();
 * }</pre>
 *
 * <p>It answers only to {@code openai}. Before any call it checks a config: a valid absolute http(s)
 * {@code base_url} when one is set, then nothing the API would reject or ignore (see
 * docs/PROVIDERS.md), every parameter problem reported in one message. OpenAI reasoning models,
 * for example, refuse {@code temperature}. Identical requests may be answered from the response
 * cache. OpenAI models are priced from the bundled price table unless the config sets a price.
 * Each run gets its own provider, with its own HTTP connection pool sized to the run's
 * concurrency; the API key is read when a call is made, not here.
 */
public final class OpenAiProviderFactory extends ForwardingModelProviderFactory {

    /**
     * Creates the factory; {@link java.util.ServiceLoader} calls this, and so may an application
     * that registers the factory itself with {@code BenchmarkPlan.Builder.provider(...)}.
     */
    public OpenAiProviderFactory() {
        super(ChatCompletionsProviderFactory.openAi());
    }
}
