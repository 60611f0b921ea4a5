package dev.bench4j.store.json.internal;

import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Summary;
import dev.bench4j.core.json.AtomicFiles;
import dev.bench4j.store.json.InvalidRunFileException;
import dev.bench4j.store.json.RunMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one run into its folder while it runs: holds the run's lock, appends each result to
 * {@code results.jsonl}, keeps a running summary, rewrites {@code run.json} at the start, at
 * checkpoints (when a result arrives {@link #CHECKPOINT_EVERY} after the last one) and at the end, and records the run in the index.
 *
 * <p>Not thread-safe: the runner calls it from one thread at a time.
 */
public final class RunWriter {

    /** How often {@code run.json} is rewritten with the summary so far while the run goes on. */
    public static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(RunWriter.class);

    private final RunInfo info;
    private final Path folder;
    private final IndexFile index;
    private final RunLock lock;
    private final ResultAppender appender;
    private final SummaryBuilder summary;
    private final long checkpointEveryNanos;
    private long lastCheckpoint = System.nanoTime();

    private RunWriter(RunInfo info, Path folder, IndexFile index, RunLock lock, ResultAppender appender,
            SummaryBuilder summary, long checkpointEveryNanos) {
        this.checkpointEveryNanos = checkpointEveryNanos;
        this.info = info;
        this.folder = folder;
        this.index = index;
        this.lock = lock;
        this.appender = appender;
        this.summary = summary;
    }

    /**
     * Creates a run's folder, or reopens it for a resumed run (same id and start): takes its lock,
     * repairs a torn last line, counts the results kept, writes {@code run.json} and the index entry.
     *
     * @param root the store's folder
     * @param info the run
     * @param fsyncEveryNanos how often results are forced to disk (0: every line)
     * @param checkpointEveryNanos how often {@code run.json} is rewritten with the summary so far (0: every result)
     * @param index the store's index
     * @return the writer
     * @throws IllegalStateException if another writer holds the run, or its folder holds another run
     * @throws InvalidRunFileException if the run's existing files cannot be read
     * @throws UncheckedIOException if the files cannot be written
     */
    public static RunWriter open(Path root, RunInfo info, long fsyncEveryNanos, long checkpointEveryNanos, IndexFile index) {
        Path folder = StorePaths.runFolder(root, info.id());
        RunLock lock;
        try {
            Files.createDirectories(folder);
            lock = RunLock.tryAcquire(folder).orElseThrow(() -> new IllegalStateException("run " + info.id()
                    + " is being written by another process or store (" + folder.resolve(RunLock.NAME)
                    + " is locked); a run can have one writer at a time"));
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot create the run's folder: " + e.getMessage(), e);
        }
        try {
            boolean reopened = RunFiles.exists(folder);
            if (reopened) {
                RunMetadata old = RunFiles.read(folder);
                if (!old.info().startedAt().equals(info.startedAt())) {
                    throw new IllegalStateException(folder + " already holds run " + info.id() + " started at "
                            + old.info().startedAt() + ", not the run started at " + info.startedAt()
                            + "; a new run cannot reuse its id");
                }
            }
            Path results = folder.resolve(ResultsFile.NAME);
            ResultsFile.repairTail(results);
            SummaryBuilder summary = new SummaryBuilder(info.plan());
            long kept = ResultsFile.forEach(results, r -> {
                try {
                    summary.add(r);
                } catch (IllegalArgumentException e) {
                    throw new InvalidRunFileException(results + ": " + e.getMessage(), e);
                }
            });
            ResultAppender appender;
            try {
                appender = new ResultAppender(results, fsyncEveryNanos);
            } catch (IOException e) {
                throw new UncheckedIOException(results + ": cannot be opened for appending: " + e.getMessage(), e);
            }
            RunWriter w = new RunWriter(info, folder, index, lock, appender, summary, checkpointEveryNanos);
            try {
                Optional<Summary> sofar = kept > 0 ? Optional.of(w.summarySoFar()) : Optional.empty();
                RunMetadata m = w.writeRunJson(RunStatus.RUNNING, Optional.empty(), Optional.empty(), sofar);
                index.update(entries -> entries.put(info.id(), IndexFile.entry(m)));
            } catch (RuntimeException e) {
                closeQuietly(appender);
                throw e;
            }
            if (reopened) {
                LOG.info("Run {} reopened in {}: {} results kept", info.id(), folder, kept);
            }
            return w;
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    /**
     * Returns the run being written.
     *
     * @return its info
     */
    public RunInfo info() {
        return info;
    }

    /**
     * Appends a result and, when a checkpoint is due, rewrites {@code run.json} with the summary so far.
     *
     * @param r the result
     * @throws UncheckedIOException if it cannot be written
     */
    public void accept(Result r) {
        try {
            appender.append(r);
        } catch (IOException e) {
            throw new UncheckedIOException(appender.file() + ": cannot append the result of cell " + r.cell() + ": "
                    + e.getMessage(), e);
        }
        try {
            summary.add(r);
        } catch (IllegalArgumentException e) {
            LOG.warn("Run {}: {}; it is kept but left out of the checkpoint summary", info.id(), e.getMessage());
        }
        long now = System.nanoTime();
        if (now - lastCheckpoint >= checkpointEveryNanos) {
            lastCheckpoint = now;
            try {
                appender.force();
            } catch (IOException e) {
                throw new UncheckedIOException(appender.file() + ": cannot be forced to disk: " + e.getMessage(), e);
            }
            writeRunJson(RunStatus.RUNNING, Optional.empty(), Optional.empty(), Optional.of(summarySoFar()));
        }
    }

    /**
     * Forces the results to disk, writes the final {@code run.json}, releases the run's lock and
     * records the run's end in the index (an index that cannot be updated is deleted, to be rebuilt).
     *
     * @param run the finished run
     * @throws UncheckedIOException if the results or {@code run.json} cannot be written
     */
    public void finish(Run run) {
        RunMetadata m;
        try {
            try {
                appender.close();
            } catch (IOException e) {
                throw new UncheckedIOException(appender.file() + ": cannot be forced to disk: " + e.getMessage(), e);
            }
            m = writeRunJson(run.status(), run.statusReason(), Optional.of(run.endedAt()), Optional.of(run.summary()));
        } finally {
            closeQuietly(lock);
        }
        try {
            index.update(entries -> entries.put(info.id(), IndexFile.entry(m)));
        } catch (RuntimeException e) {
            LOG.warn("Run {}: the index could not be updated ({}); deleting it so that it is rebuilt", info.id(), e.toString());
            index.invalidate();
        }
    }

    /** Releases the run without finishing it (the run's start failed half way). */
    public void abandon() {
        closeQuietly(appender);
        closeQuietly(lock);
    }

    private Summary summarySoFar() {
        Duration elapsed = Duration.between(info.startedAt(), Instant.now());
        return summary.build(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    private RunMetadata writeRunJson(RunStatus status, Optional<String> reason, Optional<Instant> endedAt,
            Optional<Summary> s) {
        Path file = folder.resolve(RunFiles.NAME);
        try {
            AtomicFiles.write(file, RunFiles.encode(info, status, reason, endedAt, s));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be written: " + e.getMessage(), e);
        }
        return new RunMetadata(info, status, reason, endedAt, s, folder);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing {} failed", c, e);
        }
    }
}
