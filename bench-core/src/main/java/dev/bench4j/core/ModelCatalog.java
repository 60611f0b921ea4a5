package dev.bench4j.core;

import dev.bench4j.core.internal.ProviderRegistry;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.Names;
import dev.bench4j.core.spi.ProviderContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Asks a provider which models it offers, so you can discover what to benchmark:
 *
 * <pre>{@code
 * ModelCatalog.create().list("ollama");                                   // GET /api/tags
 * ModelCatalog.create().list(ModelConfig.of("openai-compatible", "any")
 *         .withBaseUrl("http://localhost:8000/v1"));                       // GET /models
 * }</pre>
 *
 * <p>Providers are found with {@link java.util.ServiceLoader} as for a plan; API keys are read from
 * the environment when the list is fetched. A catalog holds no connections between calls.
 */
public final class ModelCatalog {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final ProviderRegistry registry;
    private final Function<String, Optional<String>> environment;

    private ModelCatalog(ProviderRegistry registry, Function<String, Optional<String>> environment) {
        this.registry = registry;
        this.environment = environment;
    }

    /**
     * Creates a catalog over the installed providers, reading API keys from the process environment.
     *
     * @return the catalog
     */
    public static ModelCatalog create() {
        return create(name -> Optional.ofNullable(System.getenv(name)));
    }

    /**
     * Creates a catalog over the installed providers and any given explicitly, reading API keys
     * through {@code environment}.
     *
     * @param environment looks up environment variables
     * @param providers provider factories to use besides the installed ones
     * @return the catalog
     * @throws NullPointerException if an argument is {@code null}
     * @throws InvalidPlanException if two providers claim the same name
     */
    public static ModelCatalog create(Function<String, Optional<String>> environment, ModelProviderFactory... providers) {
        Objects.requireNonNull(environment, "environment");
        return new ModelCatalog(ProviderRegistry.discover(Arrays.asList(providers)), environment);
    }

    /**
     * Lists a provider's models at its default endpoint.
     *
     * @param provider the provider's name, e.g. {@code ollama}, {@code openai}
     * @return the models, in the order the provider lists them
     * @throws IllegalArgumentException if no such provider is installed
     * @throws UnsupportedOperationException if the provider cannot list its models
     * @throws CallException if the endpoint fails or answers with something unreadable
     */
    public List<ModelInfo> list(String provider) {
        return list(ModelConfig.of(provider, "models"));
    }

    /**
     * Lists the models at a config's endpoint (its base URL and API key; its model is ignored). The
     * config's timeout applies, 30 seconds when it has none.
     *
     * @param config the provider and endpoint to ask
     * @return the models, in the order the provider lists them
     * @throws IllegalArgumentException if the config's provider is not installed
     * @throws UnsupportedOperationException if the provider cannot list its models
     * @throws CallException if the endpoint fails, times out or answers with something unreadable
     */
    public List<ModelInfo> list(ModelConfig config) {
        Objects.requireNonNull(config, "config");
        ModelProviderFactory factory = registry.find(config.provider()).orElseThrow(() -> new IllegalArgumentException(
                "unknown provider '" + config.provider() + "'" + Names.closest(config.provider(), registry.names())
                        .map(n -> " (did you mean '" + n + "'?)").orElse("") + "; installed: " + registry.names()));
        Duration timeout = config.endpoint().timeout().orElse(DEFAULT_TIMEOUT);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench4j-catalog");
            t.setDaemon(true);
            return t;
        });
        try (ModelProvider provider = factory.create(new ProviderContext(environment, scheduler, Path.of(""), 1))) {
            CompletableFuture<List<ModelInfo>> f = provider.listModels(config).toCompletableFuture();
            try {
                return List.copyOf(f.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                f.cancel(true);
                throw new CallException(ErrorKind.TIMEOUT, "listing the models of '" + config.provider()
                        + "' took longer than " + timeout.toMillis() + " ms");
            } catch (ExecutionException e) {
                throw rethrow(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                throw new CancellationException("interrupted while listing models");
            }
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        return new CallException(ErrorKind.INTERNAL, String.valueOf(cause), OptionalInt.empty(),
                Optional.empty(), cause);
    }
}
