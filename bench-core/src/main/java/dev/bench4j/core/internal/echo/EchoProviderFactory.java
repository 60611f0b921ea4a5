package dev.bench4j.core.internal.echo;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ProviderContext;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code echo} provider: answers with the rendered last user message, about one token per four
 * characters, at no cost; optional latency and failures (see {@link EchoSettings}). It accepts every
 * generation parameter and honours only {@code max_output_tokens} (it truncates the echo).
 */
public final class EchoProviderFactory implements ModelProviderFactory {

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public ModelProvider create(ProviderContext context) {
        return new EchoProvider(context.scheduler());
    }

    @Override
    public void validate(ModelConfig config, Path baseDirectory) {
        EchoSettings.of(config);
    }

    /** A local provider never sheds load: its calls keep the configured concurrency. */
    @Override
    public boolean shedsLoad() {
        return false;
    }

    @Override
    public Optional<Price> price(ModelConfig config) {
        return Optional.of(Price.FREE);
    }
}
