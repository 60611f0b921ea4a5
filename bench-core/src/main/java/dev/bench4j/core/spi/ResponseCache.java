package dev.bench4j.core.spi;

import dev.bench4j.core.internal.pipeline.DiskResponseCache;
import dev.bench4j.core.internal.pipeline.InMemoryResponseCache;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The response cache at the front of the call pipeline, keyed by a hash of the canonical request
 * (provider, base URL, model, parameters, extras, rendered messages, repetition).
 *
 * <p>Identical requests in flight at once are sent once; a failed call is never cached. The
 * default is {@link #inMemory(long)}; a persistent tier (e.g. on disk) implements this interface
 * and delegates to an in-memory one in front of it. A plan's cache outlives its runs, so running a
 * plan again is served from it.
 */
public interface ResponseCache {

    /**
     * Returns the cached response for a key, or loads it with {@code loader} and caches it once it
     * succeeds.
     *
     * @param key the request's hash (64 hex digits)
     * @param loader calls the rest of the pipeline; invoked at most once, only on a miss
     * @return the response future and whether it was a hit (cached or already in flight)
     */
    Lookup lookup(String key, Supplier<CompletableFuture<ModelResponse>> loader);

    /**
     * Drops every cached response.
     */
    void invalidateAll();

    /**
     * Returns about how many responses are cached.
     *
     * @return the estimated count
     */
    long estimatedSize();

    /**
     * The answer of a lookup.
     *
     * @param response the response, possibly still in flight
     * @param hit whether it came from the cache or an identical call already in flight
     */
    record Lookup(CompletableFuture<ModelResponse> response, boolean hit) {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if {@code response} is {@code null}
         */
        public Lookup {
            Objects.requireNonNull(response, "response");
        }
    }

    /**
     * Returns an in-memory cache (Caffeine) holding at most {@code maxEntries} responses, evicting
     * the least useful first.
     *
     * @param maxEntries at least 1
     * @return the cache
     * @throws IllegalArgumentException if {@code maxEntries} is below 1
     */
    static ResponseCache inMemory(long maxEntries) {
        return new InMemoryResponseCache(maxEntries);
    }

    /**
     * Creates a cache that keeps responses on disk too, behind a 10,000-response in-memory tier, so
     * that another process running the same plan (or this one after a restart) calls nothing until
     * the entries are older than {@code ttl}. Files go under {@code folder} (one small JSON file per
     * response); failures are never stored.
     *
     * @param folder where the responses are kept; made if missing
     * @param ttl how long a stored response stays valid, e.g. {@code Duration.ofDays(7)}
     * @return the cache
     * @throws IllegalArgumentException if {@code ttl} is not positive
     * @throws java.io.UncheckedIOException if the folder cannot be created
     */
    static ResponseCache onDisk(Path folder, Duration ttl) {
        return new DiskResponseCache(folder, ttl, 10_000, Clock.systemUTC());
    }
}
