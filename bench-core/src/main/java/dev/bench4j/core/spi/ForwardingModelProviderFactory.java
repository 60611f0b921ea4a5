package dev.bench4j.core.spi;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A provider factory that hands every method to another factory. Extend it to publish a factory
 * whose implementation lives elsewhere (bench4j's own providers do this: a small public class in
 * {@code dev.bench4j.providers.<name>} over the wire code in its {@code internal} package), or to
 * change one thing about an existing provider, such as its price or its name, and leave the rest:
 *
 * <pre>{@code
 * ModelProviderFactory discounted = new ForwardingModelProviderFactory(new OpenAiProviderFactory()) {
 *     public Optional<Price> price(ModelConfig config) {
 *         return Optional.of(Price.perMillionTokens(0.10, 0.40));
 *     }
 * };
 * }</pre>
 */
public abstract class ForwardingModelProviderFactory implements ModelProviderFactory {

    private final ModelProviderFactory delegate;

    /**
     * Forwards to a factory.
     *
     * @param delegate the factory that does the work
     * @throws NullPointerException if {@code delegate} is {@code null}
     */
    protected ForwardingModelProviderFactory(ModelProviderFactory delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Returns the delegate's provider name.
     *
     * @return the name a {@code ModelConfig} uses for this provider
     */
    @Override
    public String name() {
        return delegate.name();
    }

    /**
     * Returns the delegate's aliases.
     *
     * @return the other names this provider answers to
     */
    @Override
    public Set<String> aliases() {
        return delegate.aliases();
    }

    /**
     * Creates the delegate's provider for one run.
     *
     * @param context the run's environment, scheduler, folder and concurrency
     * @return the provider
     */
    @Override
    public ModelProvider create(ProviderContext context) {
        return delegate.create(context);
    }

    /**
     * Checks a config as the delegate does.
     *
     * @param config a config of this provider
     * @param baseDirectory the plan's folder
     * @throws IllegalArgumentException if the delegate refuses the config
     */
    @Override
    public void validate(ModelConfig config, Path baseDirectory) {
        delegate.validate(config, baseDirectory);
    }

    /**
     * Returns whether the delegate's answers may be cached.
     *
     * @return the delegate's answer
     */
    @Override
    public boolean cacheable() {
        return delegate.cacheable();
    }

    /**
     * Returns whether the delegate's service may shed load.
     *
     * @return the delegate's answer
     */
    @Override
    public boolean shedsLoad() {
        return delegate.shedsLoad();
    }

    /**
     * Returns the delegate's own price of a config.
     *
     * @param config a config of this provider
     * @return the price, or empty to use the plan's price table
     */
    @Override
    public Optional<Price> price(ModelConfig config) {
        return delegate.price(config);
    }

    /**
     * Names the factory and the one it forwards to.
     *
     * @return e.g. {@code OpenAiProviderFactory[openai]}
     */
    @Override
    public String toString() {
        String simple = getClass().getSimpleName();
        return (simple.isEmpty() ? "ForwardingModelProviderFactory" : simple) + "[" + name() + "]";
    }
}
