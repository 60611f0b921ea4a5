package dev.bench4j.core.internal.pipeline;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ResponseCache;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The Caffeine-backed in-memory response cache. Entries hold the outcome of a call (response or
 * error) so that a failed call is removed by us, quietly, rather than by Caffeine, which logs a
 * warning with a stack trace for every failed load.
 */
public final class InMemoryResponseCache implements ResponseCache {

    private record Outcome(ModelResponse response, Throwable error) {
    }

    private final AsyncCache<String, Outcome> cache;
    private final long maxEntries;

    /**
     * Creates a cache.
     *
     * @param maxEntries the most responses held
     */
    public InMemoryResponseCache(long maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be >= 1 but was " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).buildAsync();
    }

    @Override
    public Lookup lookup(String key, Supplier<CompletableFuture<ModelResponse>> loader) {
        boolean[] loaded = {false};
        CompletableFuture<Outcome> entry = cache.get(key, (k, executor) -> {
            loaded[0] = true;
            CompletableFuture<ModelResponse> source;
            try {
                source = loader.get();
            } catch (RuntimeException e) {
                source = CompletableFuture.failedFuture(e);
            }
            return source.handle((r, e) -> new Outcome(r, e == null ? null : Failures.unwrap(e)));
        });
        if (loaded[0]) {
            entry.thenAccept(o -> {
                if (o.error() != null) {
                    cache.asMap().remove(key, entry);
                }
            });
        }
        if (entry.isDone() && entry.join().error() == null) {
            return new Lookup(CompletableFuture.completedFuture(entry.join().response()), !loaded[0]);
        }
        CompletableFuture<ModelResponse> response = entry.thenCompose(o -> o.error() == null
                ? CompletableFuture.completedFuture(o.response()) : CompletableFuture.failedFuture(o.error()));
        return new Lookup(response, !loaded[0]);
    }

    @Override
    public void invalidateAll() {
        cache.synchronous().invalidateAll();
    }

    @Override
    public long estimatedSize() {
        return cache.synchronous().estimatedSize();
    }

    @Override
    public String toString() {
        return "ResponseCache[in-memory, max " + maxEntries + " entries, ~" + estimatedSize() + " held]";
    }
}
