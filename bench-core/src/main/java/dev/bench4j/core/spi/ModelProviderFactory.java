package dev.bench4j.core.spi;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Makes {@link ModelProvider}s for one provider name, found with {@link java.util.ServiceLoader}
 * (register the class in {@code META-INF/services/dev.bench4j.core.spi.ModelProviderFactory}) or
 * passed explicitly to {@code BenchmarkPlan.Builder.provider(...)}.
 *
 * <p>Only {@link #name()} and {@link #create} are required; the rest have defaults that suit an
 * HTTP provider.
 */
public interface ModelProviderFactory {

    /**
     * Returns the provider's name, used as {@code ModelConfig.provider()}, e.g. {@code openai}.
     *
     * @return the name
     */
    String name();

    /**
     * Returns other names this factory also answers to (e.g. {@code grok} for {@code xai}).
     *
     * @return the aliases, empty by default
     */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * Creates a provider for one run.
     *
     * @param context the environment, scheduler and folder the provider may use
     * @return the provider
     */
    ModelProvider create(ProviderContext context);

    /**
     * Checks, before any call, that the provider can honour a config: every parameter it would have
     * to drop must be refused here with a message naming the parameter and the model.
     *
     * @param config a config of this provider
     * @param baseDirectory the folder relative file paths in the config resolve against
     * @throws IllegalArgumentException if the config asks for something the provider cannot do
     */
    default void validate(ModelConfig config, Path baseDirectory) {
    }

    /**
     * Returns whether identical requests give answers worth caching. A replaying provider, whose
     * answer depends on the cell rather than the request, returns false.
     *
     * @return true by default
     */
    default boolean cacheable() {
        return true;
    }

    /**
     * Returns whether the provider's service may refuse calls because it is overloaded (HTTP 429,
     * 529, 503), so that a run with adaptive concurrency lowers its calls in flight to it on such
     * replies. A local provider that never sheds load (echo, replay) returns false, and its calls
     * are limited by the configured concurrency only.
     *
     * @return true by default
     */
    default boolean shedsLoad() {
        return true;
    }

    /**
     * Returns this provider's own price for a config, for providers that are free (local models)
     * or know their prices; a price set on the config still wins.
     *
     * @param config a config of this provider
     * @return the price, or empty to use the bundled price table
     */
    default Optional<Price> price(ModelConfig config) {
        return Optional.empty();
    }
}
