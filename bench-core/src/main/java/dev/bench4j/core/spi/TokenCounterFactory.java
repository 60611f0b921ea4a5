package dev.bench4j.core.spi;

import dev.bench4j.core.ModelConfig;
import java.util.Optional;

/**
 * Supplies {@link TokenCounter}s for the models a provider module knows, found with
 * {@link java.util.ServiceLoader} (register the class in
 * {@code META-INF/services/dev.bench4j.core.spi.TokenCounterFactory}). A dry run asks every installed
 * factory in turn and takes the first counter offered; a model no factory serves gets bench4j's
 * estimate. {@code bench-providers} registers exact counters for OpenAI's models.
 */
public interface TokenCounterFactory {

    /**
     * Returns a counter for one model config, or nothing when this factory does not know the model.
     *
     * @param provider the name of the provider that serves the config, as its factory names itself
     *     (an alias in the config, e.g. {@code grok}, is already resolved to {@code xai})
     * @param config the model config
     * @return the counter, or empty
     * @throws NullPointerException if an argument is {@code null}
     */
    Optional<TokenCounter> counterFor(String provider, ModelConfig config);
}
