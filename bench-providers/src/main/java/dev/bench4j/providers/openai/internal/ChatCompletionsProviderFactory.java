package dev.bench4j.providers.openai.internal;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.providers.internal.http.BaseUrl;
import dev.bench4j.providers.internal.http.ChatApi;
import dev.bench4j.providers.internal.http.HttpProviderFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The implementation behind the three public Chat Completions factories ({@code openai},
 * {@code xai}, {@code openai-compatible}): the flavor's name and aliases, its wire format and
 * parameter rules, and for {@code openai-compatible} the required {@code base_url} and the free
 * price of a local server.
 */
public final class ChatCompletionsProviderFactory extends HttpProviderFactory {

    private final Flavor flavor;

    private ChatCompletionsProviderFactory(Flavor flavor) {
        this.flavor = flavor;
    }

    /**
     * Returns a new {@code openai} factory.
     *
     * @return the factory
     */
    public static ChatCompletionsProviderFactory openAi() {
        return new ChatCompletionsProviderFactory(Flavor.OPENAI);
    }

    /**
     * Returns a new {@code xai} ({@code grok}) factory.
     *
     * @return the factory
     */
    public static ChatCompletionsProviderFactory xai() {
        return new ChatCompletionsProviderFactory(Flavor.XAI);
    }

    /**
     * Returns a new {@code openai-compatible} factory.
     *
     * @return the factory
     */
    public static ChatCompletionsProviderFactory compatible() {
        return new ChatCompletionsProviderFactory(Flavor.COMPATIBLE);
    }

    @Override
    public String name() {
        return flavor.name();
    }

    /**
     * Returns {@code grok} for {@code xai}, nothing for the others.
     *
     * @return the aliases
     */
    @Override
    public Set<String> aliases() {
        return flavor.equals(Flavor.XAI) ? Set.of("grok") : Set.of();
    }

    /**
     * Checks a config before any call; an {@code openai-compatible} config must name a
     * {@code base_url}.
     *
     * @param config a config of this provider
     * @param baseDirectory unused
     * @throws IllegalArgumentException naming the model and every parameter refused
     */
    @Override
    public void validate(ModelConfig config, Path baseDirectory) {
        if (flavor.equals(Flavor.COMPATIBLE) && config.endpoint().baseUrl().isEmpty()) {
            throw new IllegalArgumentException("model '" + config.id() + "' needs a base_url for provider "
                    + "'openai-compatible' (e.g. http://localhost:8000/v1 for vLLM)");
        }
        super.validate(config, baseDirectory);
    }

    /**
     * Returns {@link Price#FREE} for an {@code openai-compatible} server on this machine or a
     * private network; empty otherwise, so the bundled price table prices {@code openai} and
     * {@code xai} models.
     *
     * @param config a config of this provider
     * @return the price, or empty
     */
    @Override
    public Optional<Price> price(ModelConfig config) {
        return flavor.equals(Flavor.COMPATIBLE) && BaseUrl.isLocal(config) ? Optional.of(Price.FREE) : Optional.empty();
    }

    @Override
    protected ChatApi api() {
        return new ChatCompletionsApi(flavor);
    }

    @Override
    protected List<String> refused(ModelConfig config) {
        return ParameterRules.refused(flavor, config);
    }
}
