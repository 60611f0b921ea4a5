package dev.bench4j.core.internal.pipeline;

import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ResponseCache;
import java.util.concurrent.CompletableFuture;

/**
 * Serves a response from the cache, or sends the call on and caches what comes back. Every lookup
 * gets a future of its own, so cancelling a cell that joined an identical call in flight does not
 * cancel the shared call.
 */
final class CacheStage implements CallStage {

    private final ResponseCache cache;
    private final RequestKeys keys;

    CacheStage(ResponseCache cache, RequestKeys keys) {
        this.cache = cache;
        this.keys = keys;
    }

    @Override
    public CompletableFuture<ModelResponse> apply(CellCall call, CallHandler next) {
        String key = keys.key(call.request());
        ResponseCache.Lookup lookup = cache.lookup(key, () -> {
            call.events().cacheMiss(call);
            return next.handle(call);
        });
        if (!lookup.hit()) {
            return lookup.response();
        }
        call.markCacheHit();
        call.events().cacheHit(call);
        return lookup.response();
    }
}
