package dev.bench4j.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A forwarding factory hands every method to its delegate, and a subclass overrides only what it changes. */
class ForwardingModelProviderFactoryTest {

    /** Answers every method with something recognisable and records what it was asked. */
    static final class Recording implements ModelProviderFactory {
        final List<String> calls = new ArrayList<>();

        @Override
        public String name() {
            return "recorded";
        }

        @Override
        public Set<String> aliases() {
            return Set.of("rec");
        }

        @Override
        public ModelProvider create(ProviderContext context) {
            calls.add("create");
            return request -> CompletableFuture.failedFuture(new IllegalStateException("not for calling"));
        }

        @Override
        public void validate(ModelConfig config, Path baseDirectory) {
            calls.add("validate " + config.id() + " " + baseDirectory);
            if (config.model().equals("bad")) {
                throw new IllegalArgumentException("bad model");
            }
        }

        @Override
        public boolean cacheable() {
            return false;
        }

        @Override
        public boolean shedsLoad() {
            return false;
        }

        @Override
        public Optional<Price> price(ModelConfig config) {
            return Optional.of(Price.perMillionTokens(1, 2));
        }
    }

    @Test
    void everyMethodReachesTheDelegate() {
        Recording delegate = new Recording();
        ModelProviderFactory forwarding = new ForwardingModelProviderFactory(delegate) {
        };
        ModelConfig config = ModelConfig.of("recorded", "m");

        assertThat(forwarding.name()).isEqualTo("recorded");
        assertThat(forwarding.aliases()).containsExactly("rec");
        assertThat(forwarding.cacheable()).isFalse();
        assertThat(forwarding.shedsLoad()).isFalse();
        assertThat(forwarding.price(config)).contains(Price.perMillionTokens(1, 2));
        forwarding.validate(config, Path.of("/plans"));
        assertThat(forwarding.create(null)).isNotNull();
        assertThat(delegate.calls).containsExactly("validate " + config.id() + " " + Path.of("/plans"), "create");
        assertThatThrownBy(() -> forwarding.validate(ModelConfig.of("recorded", "bad"), Path.of("."))).hasMessage("bad model");
        assertThat(forwarding.toString()).isEqualTo("ForwardingModelProviderFactory[recorded]");
    }

    @Test
    void aSubclassChangesOnlyWhatItOverrides() {
        ModelProviderFactory discounted = new ForwardingModelProviderFactory(new Recording()) {
            @Override
            public Optional<Price> price(ModelConfig config) {
                return Optional.of(Price.perMillionTokens(0.1, 0.4));
            }
        };

        assertThat(discounted.price(ModelConfig.of("recorded", "m"))).contains(Price.perMillionTokens(0.1, 0.4));
        assertThat(discounted.name()).isEqualTo("recorded");
        assertThat(discounted.cacheable()).isFalse();
    }

    @Test
    void refusesANullDelegate() {
        assertThatThrownBy(() -> new ForwardingModelProviderFactory(null) {
        }).isInstanceOf(NullPointerException.class).hasMessage("delegate");
    }
}
