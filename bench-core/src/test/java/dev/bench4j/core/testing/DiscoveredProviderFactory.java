package dev.bench4j.core.testing;

import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ProviderContext;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A provider registered in the test class path's {@code META-INF/services}, as a third-party jar
 * would register one: it answers "discovered: " and the last message. Aliases: {@code found}.
 */
public class DiscoveredProviderFactory implements ModelProviderFactory {

    @Override
    public String name() {
        return "discovered";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("found");
    }

    @Override
    public ModelProvider create(ProviderContext context) {
        return request -> CompletableFuture.completedFuture(ScriptedProvider.answer(
                "discovered: " + request.messages().get(request.messages().size() - 1).content()));
    }

    /** A second factory claiming the name {@code twin}, for conflict tests. */
    public static class TwinA extends DiscoveredProviderFactory {
        @Override
        public String name() {
            return "twin";
        }

        @Override
        public Set<String> aliases() {
            return Set.of();
        }
    }

    /** Another factory claiming the name {@code twin}, for conflict tests. */
    public static class TwinB extends TwinA {
    }
}
