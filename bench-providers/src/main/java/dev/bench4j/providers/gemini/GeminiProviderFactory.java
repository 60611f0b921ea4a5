package dev.bench4j.providers.gemini;

import dev.bench4j.core.spi.ForwardingModelProviderFactory;
import dev.bench4j.providers.gemini.internal.GenerateContentProviderFactory;

/**
 * Registers the {@code gemini} provider (alias {@code google}): Google's Gemini API
 * ({@code POST /models/{model}:generateContent}, streamed with {@code :streamGenerateContent}) at
 * {@code https://generativelanguage.googleapis.com/v1beta} unless the config names a
 * {@code base_url}, with the key read at call time from the config's explicit key, else the variable
 * named in {@code api_key_env}, else {@code GEMINI_API_KEY}, else {@code GOOGLE_API_KEY}, and sent
 * only in the {@code x-goog-api-key} header. Thinking is set with the provider params
 * {@code thinking_budget} and {@code include_thoughts} (Gemini 2.5) or {@code reasoning_effort}
 * (Gemini 3, sent as {@code thinkingLevel}); thought tokens count as output. Prices come from the
 * bundled price table.
 *
 * <p>{@link java.util.ServiceLoader} finds this factory when bench-providers is on the class path.
 * Where it cannot (a shaded jar whose service files were not merged, a Spring or test setup that
 * wires providers itself), register it explicitly:
 *
 * <pre>{@code
 * BenchmarkPlan plan = BenchmarkPlan.named("triage")
 *         .provider(new GeminiProviderFactory())
 *         .prompt(Prompt.named("v1").user("Triage: {{text}}"))
 *         .model(ModelConfig.of("gemini", "gemini-2.5-flash").withParam("thinking_budget", 0))
 *         .trial(Trial.of("t1", Map.of("text", "chest pain since this morning")))
 *         .build();
 * }</pre>
 *
 * <p>It also answers to {@code google}. Before any call it checks a
 * config: a valid absolute http(s) {@code base_url} when one is set, then nothing the API would
 * reject or ignore (see docs/PROVIDERS.md), every parameter problem reported in one message.
 * Identical requests may be answered from the response cache. Gemini models are priced from the
 * bundled price table unless the config sets a price. Each run gets its own provider, with its own
 * HTTP connection pool sized to the run's concurrency; the API key is read when a call is made,
 * not here.
 */
public final class GeminiProviderFactory extends ForwardingModelProviderFactory {

    /**
     * Creates the factory; {@link java.util.ServiceLoader} calls this, and so may an application
     * that registers the factory itself with {@code BenchmarkPlan.Builder.provider(...)}.
     */
    public GeminiProviderFactory() {
        super(new GenerateContentProviderFactory());
    }
}
