package dev.bench4j.web.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bench4j.store.json.JsonRunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The cell indexes of the runs the viewer has opened, kept while they fit a memory budget, and built
 * again when a run's files change (a run still being written), at most every few seconds for a large
 * run. Concurrent requests for the same run build its index once.
 */
final class RunIndexes {

    /** How long a large run's index is served before its files are checked for changes. */
    private static final long LARGE_RUN_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int LARGE_RUN = 20_000;

    private final JsonRunStore store;
    private final Cache<String, Entry> cache;

    /** An index with the state of the files it was built from. */
    private record Entry(RunIndex index, Stamp stamp, long builtAt) {
    }

    /** What identifies a version of a run's files. */
    private record Stamp(long resultsSize, long resultsModified, long runModified) {
    }

    RunIndexes(JsonRunStore store, long maxBytes) {
        this.store = store;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String id, Entry e) -> e.index().weight())
                .build();
    }

    /** The index of a run, up to date with its files. */
    RunIndex get(String runId) {
        Entry e = cache.getIfPresent(runId);
        if (e != null && fresh(runId, e)) {
            return e.index();
        }
        Entry old = e;
        return cache.asMap().compute(runId, (id, current) -> {
            if (current != null && current != old && fresh(id, current)) {
                return current;   // another request built it meanwhile
            }
            Stamp before = stamp(id);
            return new Entry(RunIndex.build(store, id), before, System.nanoTime());
        }).index();
    }

    /** Forgets a run's index, e.g. after it was deleted or replaced. */
    void invalidate(String runId) {
        cache.invalidate(runId);
    }

    private boolean fresh(String runId, Entry e) {
        if (e.index().size >= LARGE_RUN && System.nanoTime() - e.builtAt() < LARGE_RUN_REFRESH_NANOS) {
            return true;
        }
        return Objects.equals(e.stamp(), stamp(runId));
    }

    private Stamp stamp(String runId) {
        Path folder = store.folder().resolve(runId);
        return new Stamp(size(folder.resolve("results.jsonl")), modified(folder.resolve("results.jsonl")),
                modified(folder.resolve("run.json")));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static long modified(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).lastModifiedTime().toMillis();
        } catch (IOException e) {
            return -1;
        }
    }
}
