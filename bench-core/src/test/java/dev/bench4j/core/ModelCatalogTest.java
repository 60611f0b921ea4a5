package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** ModelCatalog asks a provider for its models, with the config's endpoint and the given environment. */
class ModelCatalogTest {

    /** A provider whose model list is whatever the test sets. */
    private static final class Listing implements ModelProviderFactory {
        final AtomicReference<CompletableFuture<List<ModelInfo>>> answer = new AtomicReference<>();
        final AtomicReference<ModelConfig> asked = new AtomicReference<>();
        final AtomicReference<Optional<Secret>> key = new AtomicReference<>();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public String name() {
            return "listing";
        }

        @Override
        public ModelProvider create(ProviderContext context) {
            return new ModelProvider() {
                @Override
                public CompletionStage<ModelResponse> call(ModelRequest request) {
                    throw new AssertionError("not called");
                }

                @Override
                public CompletionStage<List<ModelInfo>> listModels(ModelConfig config) {
                    asked.set(config);
                    key.set(context.apiKey(config, "LISTING_KEY"));
                    return answer.get();
                }

                @Override
                public void close() {
                    closed.set(true);
                }
            };
        }
    }

    @Test
    void listsWhatTheProviderAnswersAndClosesIt() {
        Listing f = new Listing();
        ModelInfo m = new ModelInfo("big-1", Optional.of("Big One"), Optional.of(Instant.parse("2026-01-02T00:00:00Z")),
                Map.of("owned_by", "lab"));
        f.answer.set(CompletableFuture.completedFuture(List.of(m)));

        List<ModelInfo> models = ModelCatalog.create(name -> Optional.of("k-" + name), f)
                .list(ModelConfig.of("listing", "x").withBaseUrl("http://localhost:1234"));

        assertThat(models).containsExactly(m);
        assertThat(f.asked.get().endpoint().baseUrl()).contains("http://localhost:1234");
        assertThat(f.key.get().map(Secret::reveal)).contains("k-LISTING_KEY");
        assertThat(f.closed).isTrue();
    }

    @Test
    void aFailedListIsThrownAsTheProvidersCallException() {
        Listing f = new Listing();
        f.answer.set(CompletableFuture.failedFuture(new CallException(ErrorKind.AUTH, "HTTP 401 from listing")));

        assertThatThrownBy(() -> ModelCatalog.create(n -> Optional.empty(), f).list("listing"))
                .isInstanceOf(CallException.class).hasMessage("HTTP 401 from listing");
    }

    @Test
    void aListThatTakesLongerThanTheConfigsTimeoutIsATimeout() {
        Listing f = new Listing();
        CompletableFuture<List<ModelInfo>> never = new CompletableFuture<>();
        f.answer.set(never);

        assertThatThrownBy(() -> ModelCatalog.create(n -> Optional.empty(), f)
                .list(ModelConfig.of("listing", "x").withTimeout(Duration.ofMillis(50))))
                .isInstanceOf(CallException.class)
                .satisfies(e -> assertThat(((CallException) e).kind()).isEqualTo(ErrorKind.TIMEOUT));
        assertThat(never).isCancelled();
    }

    @Test
    void aProviderThatCannotListOrIsUnknownIsRefused() {
        assertThatThrownBy(() -> ModelCatalog.create().list("echo"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("cannot list its models");
        assertThatThrownBy(() -> ModelCatalog.create().list("ecko"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did you mean 'echo'");
    }

    @Test
    void modelInfoNeedsAnIdAndSortsItsDetails() {
        assertThatThrownBy(() -> ModelInfo.of(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThat(new ModelInfo("m", Optional.empty(), Optional.empty(), Map.of("b", "2", "a", "1")).details().keySet())
                .containsExactly("a", "b");
    }
}
