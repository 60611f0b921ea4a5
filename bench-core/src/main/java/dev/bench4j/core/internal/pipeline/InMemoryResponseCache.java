package dev.bench4j.core.internal.pipeline;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ResponseCache;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The Caffeine-backed in-memory response cache. */
public final class InMemoryResponseCache implements ResponseCache {

    private final AsyncCache<String, ModelResponse> cache;
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
        CompletableFuture<ModelResponse> f = cache.get(key, (k, executor) -> {
            loaded[0] = true;
            return loader.get();
        });
        return new Lookup(f, !loaded[0]);
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
