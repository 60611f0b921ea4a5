package dev.bench4j.store.json.internal;

import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.RunWarning;
import dev.bench4j.core.Summary;
import dev.bench4j.core.json.AtomicFiles;
import dev.bench4j.core.spi.RunSink;
import dev.bench4j.store.json.InvalidRunFileException;
import dev.bench4j.store.json.RunMetadata;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one run into its folder while it runs: holds the run's lock, appends each result to
 * {@code results.jsonl}, rewrites {@code run.json} at the start, at the runner's checkpoints (with its
 * summary so far) and at the end, and records the run in the index.
 *
 * <p>Not thread-safe: the runner calls it from one thread at a time.
 */
public final class RunWriter implements RunSink {

    private static final Logger LOG = LoggerFactory.getLogger(RunWriter.class);

    /** The run's own log in its folder. */
    public static final String LOG_NAME = "run.log";

    private final RunInfo info;
    private final Path folder;
    private final IndexFile index;
    private final RunLock lock;
    private final ResultAppender appender;

    private final Runnable onFinish;
    private Writer runLog;
    private boolean runLogBroken;
    private final FileModes modes;

    private RunWriter(RunInfo info, Path folder, IndexFile index, RunLock lock, ResultAppender appender,
            Runnable onFinish, FileModes modes) {
        this.onFinish = onFinish;
        this.modes = modes;
        this.info = info;
        this.folder = folder;
        this.index = index;
        this.lock = lock;
        this.appender = appender;
    }

    /**
     * Creates a run's folder, or reopens it for a resumed run (same id and start): takes its lock,
     * repairs a torn last line, writes {@code run.json} (a reopened run keeps its last summary until
     * the runner's first checkpoint) and the index entry.
     *
     * @param root the store's folder
     * @param info the run
     * @param fsyncEveryNanos how often results are forced to disk (0: every line)
     * @param index the store's index
     * @param onFinish runs once the run is finished and its lock released (the store forgets the writer)
     * @param modes the permissions of the files and folders written
     * @return the writer
     * @throws dev.bench4j.store.json.RunInUseException if another writer holds the run
     * @throws IllegalStateException if its folder holds another run
     * @throws InvalidRunFileException if the run's existing files cannot be read, or a file or folder
     *     it writes is a symbolic link or of the wrong kind
     * @throws UncheckedIOException if the files cannot be written
     */
    public static RunWriter open(Path root, RunInfo info, long fsyncEveryNanos, IndexFile index, Runnable onFinish,
            FileModes modes) {
        Path folder = StorePaths.checkWritable(root, StorePaths.runFolder(root, info.id()), true);
        RunLock lock;
        try {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(folder);
                modes.folder(folder);
            }
            lock = acquire(folder).orElseThrow(() -> RunLock.inUse(info.id(), folder));
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot create the run's folder: " + e.getMessage(), e);
        }
        try {
            modes.file(folder.resolve(RunLock.NAME));
            StorePaths.checkWritable(root, folder.resolve(RunFiles.NAME), false);
            StorePaths.checkWritable(root, folder.resolve(ResultsFile.NAME), false);
            StorePaths.checkWritable(root, folder.resolve(ResultsFile.TORN), false);
            StorePaths.checkWritable(root, folder.resolve(TrialsFile.NAME), false);
            StorePaths.checkWritable(root, folder.resolve(LOG_NAME), false);
            Optional<RunMetadata> reopened = RunFiles.exists(folder) ? Optional.of(RunFiles.read(folder)) : Optional.empty();
            if (reopened.isPresent()) {
                RunMetadata old = reopened.get();
                if (!old.info().startedAt().equals(info.startedAt())) {
                    throw new IllegalStateException(folder + " already holds run " + info.id() + " started at "
                            + old.info().startedAt() + ", not the run started at " + info.startedAt()
                            + "; a new run cannot reuse its id");
                }
            }
            Path results = folder.resolve(ResultsFile.NAME);
            if (ResultsFile.repairTail(results)) {
                modes.file(folder.resolve(ResultsFile.TORN));
            }
            ResultAppender appender;
            try {
                appender = new ResultAppender(results, fsyncEveryNanos);
            } catch (IOException e) {
                throw new UncheckedIOException(results + ": cannot be opened for appending: " + e.getMessage(), e);
            }
            try {
                modes.file(results);
            } catch (RuntimeException e) {
                closeQuietly(appender);
                throw e;
            }
            RunWriter w = new RunWriter(info, folder, index, lock, appender, onFinish, modes);
            try {
                Optional<Summary> sofar = reopened.flatMap(RunMetadata::summary);
                RunMetadata m = w.writeRunJson(RunStatus.RUNNING, Optional.empty(), Optional.empty(), sofar);
                index.update(entries -> entries.put(info.id(), IndexFile.entry(m)));
            } catch (RuntimeException e) {
                closeQuietly(appender);
                throw e;
            }
            if (reopened.isPresent()) {
                LOG.info("Run {} reopened in {}", info.id(), folder);
            }
            return w;
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    /**
     * Takes the run's lock, trying a few times over about 100 ms: a reader that checks whether a
     * writer holds it (to tell a live run from an interrupted one) holds it for a moment.
     */
    private static Optional<RunLock> acquire(Path folder) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Optional<RunLock> lock = RunLock.tryAcquire(folder);
            if (lock.isPresent() || attempt == 4) {
                return lock;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return lock;
            }
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
     * Appends a result to {@code results.jsonl}.
     *
     * @param r the result
     * @throws UncheckedIOException if it cannot be written
     */
    @Override
    public void accept(Result r) {
        Objects.requireNonNull(r, "result");
        try {
            appender.append(r);
        } catch (IOException e) {
            throw new UncheckedIOException(appender.file() + ": cannot append the result of cell " + r.cell() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Forces the results to disk and rewrites {@code run.json} with the runner's summary so far.
     *
     * @param soFar the summary of the results so far
     * @throws UncheckedIOException if the results or {@code run.json} cannot be written
     */
    @Override
    public void checkpoint(Summary soFar) {
        Objects.requireNonNull(soFar, "soFar");
        try {
            appender.force();
        } catch (IOException e) {
            throw new UncheckedIOException(appender.file() + ": cannot be forced to disk: " + e.getMessage(), e);
        }
        writeRunJson(RunStatus.RUNNING, Optional.empty(), Optional.empty(), Optional.of(soFar));
        flushLog();
    }

    /** Hands the run's log lines written since the last checkpoint to the operating system. */
    private void flushLog() {
        if (runLog != null && !runLogBroken) {
            try {
                runLog.flush();
            } catch (IOException e) {
                runLogBroken = true;
                LOG.warn("Run {}: {} cannot be written ({}); the run goes on without it", info.id(),
                        folder.resolve(LOG_NAME), e.getMessage());
            }
        }
    }

    /**
     * Forces the results to disk, writes the final {@code run.json}, releases the run's lock and
     * records the run's end in the index (an index that cannot be updated is deleted, to be rebuilt).
     *
     * @param run the finished run
     * @throws UncheckedIOException if the results or {@code run.json} cannot be written
     */
    @Override
    public void finish(Run run) {
        Objects.requireNonNull(run, "run");
        RunMetadata m;
        try {
            try {
                appender.close();
            } catch (IOException e) {
                throw new UncheckedIOException(appender.file() + ": cannot be forced to disk: " + e.getMessage(), e);
            }
            m = writeRunJson(run.status(), run.statusReason(), Optional.of(run.endedAt()), Optional.of(run.summary()),
                    Optional.of(run.warnings()));
        } finally {
            closeLog();
            closeQuietly(lock);
            onFinish.run();
        }
        try {
            index.update(entries -> entries.put(info.id(), IndexFile.entry(m)));
        } catch (RuntimeException e) {
            LOG.warn("Run {}: the index could not be updated ({}); deleting it so that it is rebuilt", info.id(), e.toString());
            index.invalidate();
        }
    }

    /**
     * Appends a line to the run's {@code run.log}: {@code <ISO instant> <LEVEL> <message>}, handed to
     * the operating system at each checkpoint and at the end. A log that
     * cannot be written is reported once at WARN and then left alone; the run goes on.
     *
     * @param at when it happened
     * @param level the level's name
     * @param message the line
     */
    @Override
    public void log(Instant at, String level, String message) {
        if (runLogBroken) {
            return;
        }
        Path file = folder.resolve(LOG_NAME);
        try {
            if (runLog == null) {
                runLog = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                modes.file(file);
            }
            runLog.write(at + " " + level + " " + message.replace('\n', ' ').replace('\r', ' ') + "\n");
        } catch (IOException e) {
            runLogBroken = true;
            LOG.warn("Run {}: {} cannot be written ({}); the run goes on without it", info.id(), file, e.getMessage());
        }
    }

    /** Releases the run without finishing it (the run's start failed half way). */
    public void abandon() {
        closeLog();
        closeQuietly(appender);
        closeQuietly(lock);
    }

    private RunMetadata writeRunJson(RunStatus status, Optional<String> reason, Optional<Instant> endedAt,
            Optional<Summary> s) {
        return writeRunJson(status, reason, endedAt, s, Optional.empty());
    }

    private RunMetadata writeRunJson(RunStatus status, Optional<String> reason, Optional<Instant> endedAt,
            Optional<Summary> s, Optional<List<RunWarning>> warnings) {
        Path file = folder.resolve(RunFiles.NAME);
        try {
            AtomicFiles.write(file, RunFiles.encode(info, status, reason, endedAt, s, warnings));
            modes.file(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be written: " + e.getMessage(), e);
        }
        return new RunMetadata(info, status, reason, endedAt, s, folder, warnings.orElse(List.of()));
    }

    private void closeLog() {
        if (runLog != null) {
            closeQuietly(runLog);
            runLog = null;
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing {} failed", c, e);
        }
    }
}
