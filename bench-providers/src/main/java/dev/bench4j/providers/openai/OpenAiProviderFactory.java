package dev.bench4j.providers.openai;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ProviderContext;
import dev.bench4j.providers.openai.internal.ChatCompletionsProviderFactory;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

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
 */
public final class OpenAiProviderFactory implements ModelProviderFactory {

    private final ModelProviderFactory delegate = ChatCompletionsProviderFactory.openAi();

    /**
     * Creates the factory; {@link java.util.ServiceLoader} calls this, and so may an application
     * that registers the factory itself with {@code BenchmarkPlan.Builder.provider(...)}.
     */
    public OpenAiProviderFactory() {
    }

    /**
     * Returns {@code openai}, the name a {@code ModelConfig} uses for this provider.
     *
     * @return the provider name
     */
    @Override
    public String name() {
        return delegate.name();
    }

    /**
     * Returns no aliases: this provider answers only to {@code openai}.
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
     * Checks a config before any call: a valid absolute http(s) {@code base_url} when one is set, then
     * nothing the API would reject or ignore (see docs/PROVIDERS.md), every parameter problem reported
     * in one message. OpenAI reasoning models, for example, refuse {@code temperature}.
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
     * Returns empty: OpenAI models are priced from the bundled price table unless the config sets a price.
     *
     * @param config a config of this provider
     * @return the provider's own price, or empty to use the bundled price table
     */
    @Override
    public Optional<Price> price(ModelConfig config) {
        return delegate.price(config);
    }
}
