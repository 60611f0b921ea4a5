package dev.bench4j.web.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bench4j.core.Trial;
import dev.bench4j.store.json.JsonRunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cell indexes of the runs the viewer has opened, kept while they fit a memory budget, and built
 * again when a run's files change (a run still being written), at most every few seconds for a large
 * run. Indexes are built on background threads: a run's page starts its build ({@link #prefetch}) so
 * that its cells are ready when asked for, and concurrent requests for one run share one build.
 */
final class RunIndexes implements AutoCloseable {

    /** How long a large run's index is served before its files are checked for changes. */
    private static final long LARGE_RUN_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int LARGE_RUN = 20_000;

    private final JsonRunStore store;
    private final Cache<String, Entry> cache;
    private final Map<String, CompletableFuture<Entry>> building = new ConcurrentHashMap<>();
    private final ExecutorService builders;

    /** The trials of runs, read once per version of their file and shared by the indexes built from them. */
    private final Cache<String, TrialsRead> trials = Caffeine.newBuilder().maximumWeight(2_000_000)
            .weigher((String id, TrialsRead t) -> 1 + t.trials().size()).build();

    private record TrialsRead(List<Trial> trials, long modified) {
    }

    /** A run's trials (empty for a run kept without them), cached while their file is unchanged; read once for concurrent callers. */
    List<Trial> trials(String runId) {
        long modified = modified(store.folder().resolve(runId).resolve("trials.jsonl"));
        // one read however many threads ask at once (the first page and the whole index want them together)
        return trials.asMap().compute(runId, (id, t) -> t != null && t.modified() == modified ? t
                : new TrialsRead(store.trials(id), modified)).trials();
    }

    /** The ids of a run's trials, in plan order, read (only the ids) once per version of their file. */
    private final Cache<String, IdsRead> trialIds = Caffeine.newBuilder().maximumWeight(2_000_000)
            .weigher((String id, IdsRead t) -> 1 + t.ids().size()).build();

    private record IdsRead(List<String> ids, long modified) {
    }

    /** A run's trial ids in plan order (empty for a run kept without its trials); read once for concurrent callers. */
    List<String> trialIds(String runId) {
        long modified = modified(store.folder().resolve(runId).resolve("trials.jsonl"));
        return trialIds.asMap().compute(runId, (id, t) -> t != null && t.modified() == modified ? t
                : new IdsRead(store.trialIds(id), modified)).ids();
    }

    /** A partial index of a run's first rows (see {@link RunIndex#prefix}). */
    Optional<RunIndex> prefix(String runId, int rows, int maxResults) {
        return RunIndex.prefix(store, runId, trialIds(runId), rows, maxResults);
    }

    /** An index with the state of the files it was built from. */
    private record Entry(String runId, RunIndex index, Stamp stamp, long builtAt) {
    }

    /** The index built last, kept even when it is too large for the cache, so the run someone looks at stays indexed. */
    private volatile Entry pinned;

    /** Runs with fewer planned cells than this are indexed on the request's own thread, not queued behind large ones. */
    private static final long SMALL_RUN = 20_000;

    /** What identifies a version of a run's files. */
    private record Stamp(long resultsSize, long resultsModified, long runModified) {
    }

    RunIndexes(JsonRunStore store, long maxBytes) {
        this.store = store;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String id, Entry e) -> e.index().weight())
                .build();
        AtomicInteger n = new AtomicInteger();
        this.builders = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench4j-web-index-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The index of a run, up to date with its files; waits while it is being built. */
    RunIndex get(String runId) {
        Optional<RunIndex> ready = ready(runId);
        if (ready.isPresent()) {
            return ready.get();
        }
        try {
            return build(runId).join().index();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The index of a run if it is built and up to date, without waiting. */
    Optional<RunIndex> ready(String runId) {
        Entry e = cache.getIfPresent(runId);
        Entry last = pinned;
        if (e == null && last != null && last.runId().equals(runId)) {
            e = last;
        }
        return e != null && fresh(runId, e) ? Optional.of(e.index()) : Optional.empty();
    }

    /** Starts building a run's index in the background unless it is up to date or being built. */
    void prefetch(String runId) {
        if (ready(runId).isEmpty()) {
            build(runId);
        }
    }

    private CompletableFuture<Entry> build(String runId) {
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = building.putIfAbsent(runId, mine);
        if (running != null) {
            return running;
        }
        Runnable task = () -> {
            try {
                Stamp before = stamp(runId);
                Entry e = new Entry(runId, RunIndex.build(store, runId, trialIds(runId)), before, System.nanoTime());
                pinned = e;
                cache.put(runId, e);
                mine.complete(e);
            } catch (RuntimeException | Error ex) {
                mine.completeExceptionally(ex);
            } finally {
                building.remove(runId, mine);
            }
        };
        boolean small;
        try {
            small = store.load(runId).map(m -> m.info().totalCells() < SMALL_RUN).orElse(true);
        } catch (RuntimeException e) {
            small = true;   // the build reports what is wrong with the run
        }
        if (small) {
            task.run();
        } else {
            builders.execute(task);
        }
        return mine;
    }

    @Override
    public void close() {
        builders.shutdownNow();
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
