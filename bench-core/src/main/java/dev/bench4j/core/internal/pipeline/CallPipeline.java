package dev.bench4j.core.internal.pipeline;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Summary;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ResponseCache;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The call pipeline of one run: for each model config, the chain of stages its calls go through.
 * Configs on the same endpoint (provider and base URL) share its rate limiter, concurrency limit
 * and retry, whether they are candidates or judges; configs of one provider share the provider's
 * concurrency limit.
 *
 * <p>With adaptive concurrency on, an endpoint whose configs all come from providers that
 * {@linkplain ModelProviderFactory#shedsLoad() shed load} gets an adaptive limit (see
 * {@link AsyncSemaphore}): it starts at the lowest of the endpoint's {@code max_concurrency}, its
 * provider's limit and the run's concurrency, is halved on every burst of overload replies and grows
 * back by one after as many successes as the limit.
 */
public final class CallPipeline {

    private final Map<String, CallHandler> handlers = new HashMap<>();
    private final Map<String, Endpoint> endpoints = new HashMap<>();
    private final Map<String, AsyncSemaphore> providerLimits = new HashMap<>();
    private final List<AsyncSemaphore> adaptiveLimits = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private final Settings settings;
    private final RequestKeys keys;

    /**
     * What the pipeline is made of.
     *
     * @param models the plan's model configs
     * @param providers the provider serving each config, by config id
     * @param factories the factory of each config, by config id
     * @param cache the response cache, if caching is on
     * @param retry the retry policy
     * @param attemptTimeout the per-attempt timeout where a config sets none
     * @param providerConcurrency per-provider limits, by provider name
     * @param scheduler the scheduler for waits and timeouts
     * @param concurrency the run's concurrency: the highest an adaptive limit goes
     * @param adaptiveConcurrency whether endpoints of providers that shed load get an adaptive limit
     */
    public record Settings(List<ModelConfig> models, Map<String, ModelProvider> providers,
            Map<String, ModelProviderFactory> factories, Optional<ResponseCache> cache, RetryPolicy retry,
            Duration attemptTimeout, Map<String, Integer> providerConcurrency, ScheduledExecutorService scheduler,
            int concurrency, boolean adaptiveConcurrency) {
    }

    private record Endpoint(Optional<RateLimiter> limiter, Optional<AsyncSemaphore> limit, RetryStage retry) {
    }

    /**
     * Assembles the pipeline.
     *
     * @param settings what it is made of
     */
    public CallPipeline(Settings settings) {
        this.settings = settings;
        this.keys = new RequestKeys(settings.models());
        for (ModelConfig m : settings.models()) {
            handlers.put(m.id(), assemble(m));
        }
    }

    /**
     * The order every call goes through, top to bottom. The concurrency limits are taken per
     * attempt, inside the retry: a retry waiting for its backoff holds no permit, and a limit
     * lowered by overload replies applies to the retries of those replies.
     */
    private CallHandler assemble(ModelConfig m) {
        Endpoint endpoint = endpoint(m);
        List<CallStage> stages = new ArrayList<>();
        if (settings.cache().isPresent() && settings.factories().get(m.id()).cacheable()) {
            stages.add(new CacheStage(settings.cache().get(), keys));
        }
        endpoint.limiter().ifPresent(l -> stages.add(new RateLimitStage(l, settings.scheduler())));
        stages.add(endpoint.retry());
        List<AsyncSemaphore> limits = new ArrayList<>();   // endpoint first: see ConcurrencyStage
        endpoint.limit().ifPresent(limits::add);
        providerLimit(m).ifPresent(limits::add);
        if (!limits.isEmpty()) {
            stages.add(new ConcurrencyStage(limits));
        }
        stages.add(new TimeoutStage(m.endpoint().timeout().orElse(settings.attemptTimeout()), settings.scheduler()));
        return CallStage.chain(stages, new ProviderStage(m.provider(), settings.providers().get(m.id())));
    }

    private Endpoint endpoint(ModelConfig m) {
        return endpoints.computeIfAbsent(endpointKey(m), k -> {
            List<ModelConfig> same = settings.models().stream().filter(o -> endpointKey(o).equals(k)).toList();
            OptionalDouble rps = same.stream().map(o -> o.endpoint().effectiveRequestsPerSecond())
                    .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).min();
            Optional<RateLimiter> limiter = rps.isPresent() ? Optional.of(rateLimiter(k, rps.getAsDouble())) : Optional.empty();
            var conc = same.stream().map(o -> o.endpoint().maxConcurrency()).filter(OptionalInt::isPresent)
                    .mapToInt(OptionalInt::getAsInt).min();
            Optional<AsyncSemaphore> limit;
            if (settings.adaptiveConcurrency() && same.stream().allMatch(o -> settings.factories().get(o.id()).shedsLoad())) {
                int ceiling = Math.min(conc.orElse(Integer.MAX_VALUE), settings.concurrency());
                Integer perProvider = settings.providerConcurrency().get(m.provider());
                if (perProvider != null) {
                    ceiling = Math.min(ceiling, perProvider);
                }
                AsyncSemaphore adaptive = AsyncSemaphore.adaptive(endpointName(m), ceiling, startNanos);
                adaptiveLimits.add(adaptive);
                limit = Optional.of(adaptive);
            } else {
                limit = conc.isPresent()
                        ? Optional.of(new AsyncSemaphore("endpoint " + k, conc.getAsInt())) : Optional.empty();
            }
            RetryStage retry = new RetryStage(k, settings.retry(), settings.scheduler(), limiter);
            return new Endpoint(limiter, limit, retry);
        });
    }

    /** The endpoint as the summary names it: the provider, and the base URL if the configs set one. */
    private static String endpointName(ModelConfig m) {
        return m.provider().toLowerCase(Locale.ROOT) + m.endpoint().baseUrl().map(u -> " " + u).orElse("");
    }

    private static String endpointKey(ModelConfig m) {
        return m.provider().toLowerCase(Locale.ROOT) + " " + m.endpoint().baseUrl().orElse("(default)");
    }

    private Optional<AsyncSemaphore> providerLimit(ModelConfig m) {
        Integer limit = settings.providerConcurrency().get(m.provider());
        if (limit == null) {
            return Optional.empty();
        }
        return Optional.of(providerLimits.computeIfAbsent(m.provider(), p -> new AsyncSemaphore("provider " + p, limit)));
    }

    private static RateLimiter rateLimiter(String name, double rps) {
        long periodNanos = Math.round(1_000_000_000d / rps);
        int perPeriod = 1;
        if (periodNanos < 1_000_000) {
            perPeriod = (int) Math.max(1, Math.round(rps / 1000d));
            periodNanos = 1_000_000;
        }
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(perPeriod)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                .timeoutDuration(Duration.ofDays(1))
                .build();
        return RateLimiter.of(name, config);
    }

    /**
     * Sends a call through its config's chain.
     *
     * @param call the call
     * @return the response, or a future failed with a {@code CallException} or a cancellation
     */
    public CompletableFuture<ModelResponse> call(CellCall call) {
        return handlers.get(call.request().config().id()).handle(call);
    }

    /**
     * Returns the current limit of each endpoint whose adaptive concurrency is below its configured
     * limit. Any thread.
     *
     * @return the lowered limits by endpoint name, empty if none is lowered
     */
    public Map<String, Integer> loweredConcurrency() {
        Map<String, Integer> lowered = Map.of();
        for (AsyncSemaphore a : adaptiveLimits) {
            int limit = a.limit();
            if (limit < a.ceiling()) {
                if (lowered.isEmpty()) {
                    lowered = new LinkedHashMap<>();
                }
                lowered.put(a.name(), limit);
            }
        }
        return lowered;
    }

    /**
     * Returns how adaptive concurrency changed each endpoint's limit so far. Any thread.
     *
     * @return the history of every endpoint whose limit changed, in the plan's order of endpoints
     */
    public List<Summary.EndpointConcurrency> concurrencyHistory() {
        List<Summary.EndpointConcurrency> history = new ArrayList<>();
        for (AsyncSemaphore a : adaptiveLimits) {
            a.history().ifPresent(history::add);
        }
        return history;
    }
}
