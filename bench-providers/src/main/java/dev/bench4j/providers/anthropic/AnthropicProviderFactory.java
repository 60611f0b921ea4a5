package dev.bench4j.providers.anthropic;

import dev.bench4j.core.spi.ForwardingModelProviderFactory;
import dev.bench4j.providers.anthropic.internal.MessagesProviderFactory;

/**
 * Registers the {@code anthropic} provider: Anthropic's Messages API ({@code POST /messages}) at
 * {@code https://api.anthropic.com/v1} unless the config names a {@code base_url}, with the key read
 * at call time from the config's explicit key, else the variable named in {@code api_key_env}, else
 * {@code ANTHROPIC_API_KEY}, and sent only in the {@code x-api-key} header with
 * {@code anthropic-version: 2023-06-01}. {@code max_output_tokens} is required (the API has no
 * default), system messages become the top-level {@code system} text, and parameters the API or the
 * model rejects are refused at {@code build()}. Prices come from the bundled price table.
 *
 * <p>{@link java.util.ServiceLoader} finds this factory when bench-providers is on the class path.
 * Where it cannot (a shaded jar whose service files were not merged, a Spring or test setup that
 * wires providers itself), register it explicitly:
 *
 * <pre>{@code
 * BenchmarkPlan plan = BenchmarkPlan.named("triage")
 *         .provider(new AnthropicProviderFactory())
 *         .prompt(Prompt.named("v1").user("Triage: {{text}}"))
 *         .model(ModelConfig.of("anthropic", "claude-sonnet-4-5").withMaxOutputTokens(1024))
 *         .trial(Trial.of("t1", Map.of("text", "chest pain since this morning")))
 *         .build();
 * }</pre>
 *
 * <p>It answers only to {@code anthropic}. Before any call it checks a config: a valid absolute
 * http(s) {@code base_url} when one is set, then nothing the API would reject or ignore (see
 * docs/PROVIDERS.md), every parameter problem reported in one message. A config without {@code
 * max_output_tokens} is refused. Identical requests may be answered from the response cache.
 * Anthropic models are priced from the bundled price table unless the config sets a price. Each
 * run gets its own provider, with its own HTTP connection pool sized to the run's concurrency; the
 * API key is read when a call is made, not here.
 */
public final class AnthropicProviderFactory extends ForwardingModelProviderFactory {

    /**
     * Creates the factory; {@link java.util.ServiceLoader} calls this, and so may an application
     * that registers the factory itself with {@code BenchmarkPlan.Builder.provider(...)}.
     */
    public AnthropicProviderFactory() {
        super(new MessagesProviderFactory());
    }
}
