package dev.bench4j.store.json;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanSnapshot;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Review;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.core.json.AtomicFiles;
import dev.bench4j.core.json.ResultJson;
import dev.bench4j.core.spi.RunSink;
import dev.bench4j.core.spi.RunStore;
import dev.bench4j.store.json.internal.CellOffsets;
import dev.bench4j.store.json.internal.CsvExport;
import dev.bench4j.store.json.internal.FileModes;
import dev.bench4j.store.json.internal.IndexFile;
import dev.bench4j.store.json.internal.ResultsFile;
import dev.bench4j.store.json.internal.ReviewSheet;
import dev.bench4j.store.json.internal.ReviewsFile;
import dev.bench4j.store.json.internal.RunExport;
import dev.bench4j.store.json.internal.RunFiles;
import dev.bench4j.store.json.internal.RunLock;
import dev.bench4j.store.json.internal.RunWriter;
import dev.bench4j.store.json.internal.StorePaths;
import dev.bench4j.store.json.internal.SummaryBuilder;
import dev.bench4j.store.json.internal.TrialsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps runs in a folder as plain JSON files that survive a crash, can be read with jq or Python,
 * and can be copied to a colleague: one folder per run, named by its id, holding {@code run.json}
 * (metadata, plan snapshot, environment, status, summary; rewritten atomically),
 * {@code results.jsonl} (one result per line, appended as each cell finishes), {@code trials.jsonl}
 * (the plan's trials, written when the run starts) and {@code reviews.jsonl} (people's judgments of
 * the answers, appended), and an {@code index.json} of every run at the root.
 *
 * <pre>{@code
 * JsonRunStore store = JsonRunStore.at(Path.of("runs"));
 * Run run = plan.toBuilder().store(store).build().run();
 * List<RunEntry> recent = store.list(RunQuery.all().withStatus(RunStatus.COMPLETED));
 * store.forEachResult(run.id(), r -> System.out.println(r.cell() + " " + r.output()));
 * Run resumed = plan.toBuilder().store(store).build().resume(interruptedRunId);
 * }</pre>
 *
 * <p>A run interrupted by a crash or a kill loses at most the cells in flight: the line being
 * written when the process died is detected on the next open and cut off (with a warning, its bytes
 * kept in {@code results.jsonl.torn}), and {@link dev.bench4j.core.BenchmarkPlan#resume(String)} runs
 * only the cells that have no result. Several processes may write runs into one store at once. A
 * run recorded as running whose writer is gone is listed as {@link dev.bench4j.core.RunStatus#INTERRUPTED}.
 * {@code results.jsonl} is append-only: when a cell has several lines, the later line wins.
 * The store never writes through a symbolic link, and its files are {@code rw-------} unless
 * {@link Builder#filePermissions} says otherwise.
 *
 * <p>A store is thread-safe and may write several runs at once, each through the {@code RunSink}
 * {@link #open} returned for it.
 */
public final class JsonRunStore implements RunStore {

    private static final Logger LOG = LoggerFactory.getLogger(JsonRunStore.class);

    private final Path folder;
    private final long fsyncEveryNanos;
    private final FileModes modes;
    private final IndexFile index;
    private final Map<String, RunWriter> open = new ConcurrentHashMap<>();
    /** Where each cell's result is in a run's results file, for {@link #result}; weighed by cells when first indexed. */
    private final Cache<String, CellOffsets> offsets = Caffeine.newBuilder()
            .maximumWeight(1_000_000)
            .weigher((String id, CellOffsets o) -> 1 + o.size())
            .build();

    private JsonRunStore(Path folder, Duration fsyncEvery, FileModes modes) {
        this.folder = folder;
        this.fsyncEveryNanos = fsyncEvery.toNanos();
        this.modes = modes;
        this.index = new IndexFile(folder, modes);
    }

    /**
     * Opens a store with the default settings (results forced to disk when one arrives a second after the last force),
     * creating its folder if missing.
     *
     * @param folder the store's folder
     * @return the store
     * @throws NullPointerException if {@code folder} is {@code null}
     * @throws InvalidStorePathException if {@code folder} is a file
     * @throws InvalidRunFileException if the store's {@code index.json} is a folder or a symbolic link
     * @throws UncheckedIOException if the folder cannot be created
     */
    public static JsonRunStore at(Path folder) {
        return builder(folder).build();
    }

    /**
     * Starts configuring a store.
     *
     * @param folder the store's folder
     * @return a builder
     * @throws NullPointerException if {@code folder} is {@code null}
     */
    public static Builder builder(Path folder) {
        return new Builder(Objects.requireNonNull(folder, "folder"));
    }

    /** Configures a {@link JsonRunStore}. */
    public static final class Builder {
        private final Path folder;
        private Duration fsyncEvery = Duration.ofSeconds(1);
        private Set<PosixFilePermission> filePermissions = FileModes.DEFAULT_FILES;

        private Builder(Path folder) {
            this.folder = folder;
        }

        /**
         * Sets how often appended results are forced to disk (fsync). Each result is handed to the
         * operating system as soon as its cell finishes, so a crash of the process loses nothing
         * written; forcing protects against a power cut, at a cost per call.
         *
         * @param interval the shortest time between forces: a result that arrives this long after the last
         *     force forces the file (with no new result, nothing more is forced before the run ends);
         *     {@link Duration#ZERO} forces every line. Default 1 second.
         * @return this builder
         * @throws NullPointerException if {@code interval} is {@code null}
         * @throws IllegalArgumentException if {@code interval} is negative
         */
        public Builder fsyncEvery(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("fsyncEvery must be >= 0 but was " + interval);
            }
            this.fsyncEvery = interval;
            return this;
        }

        /**
         * Sets the POSIX permissions of the files the store writes (run files, index, locks, imported
         * runs); the folders it creates (the store's folder if missing, run folders) get the same plus
         * search (execute) wherever read is granted. Run files hold prompts, answers and trial data,
         * so by default only the owner may read them: {@code rw-------} (0600) and {@code rwx------}
         * (0700). A store shared by a group may use {@code PosixFilePermissions.fromString("rw-rw----")}.
         * On a file system without POSIX permissions (Windows) this has no effect. Files written
         * outside the store (exports) keep the system's defaults.
         *
         * @param permissions the permissions of files
         * @return this builder
         * @throws NullPointerException if {@code permissions} or an element is {@code null}
         * @throws IllegalArgumentException if the owner may not both read and write
         */
        public Builder filePermissions(Set<PosixFilePermission> permissions) {
            Set<PosixFilePermission> p = Set.copyOf(Objects.requireNonNull(permissions, "permissions"));
            if (!p.contains(PosixFilePermission.OWNER_READ) || !p.contains(PosixFilePermission.OWNER_WRITE)) {
                throw new IllegalArgumentException("filePermissions must let the owner read and write but was "
                        + PosixFilePermissions.toString(p));
            }
            this.filePermissions = p;
            return this;
        }

        /**
         * Opens the store, creating its folder if missing.
         *
         * @return the store
         * @throws InvalidStorePathException if the folder is a file
         * @throws InvalidRunFileException if the store's {@code index.json} is a folder or a symbolic link
         * @throws UncheckedIOException if the folder cannot be created
         */
        public JsonRunStore build() {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new InvalidStorePathException("store folder " + folder + " is a file, not a folder;"
                        + " give the folder runs are kept in (it is created if missing)");
            }
            try {
                boolean created = !Files.exists(folder);
                Files.createDirectories(folder);
                Path real = folder.toRealPath();
                FileModes modes = FileModes.of(filePermissions, real);
                if (created) {
                    modes.folder(real);
                }
                JsonRunStore store = new JsonRunStore(real, fsyncEvery, modes);
                store.index.checkFiles();
                store.index.initialize();
                return store;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the store folder " + folder + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Returns the store's folder.
     *
     * @return the folder, absolute with symbolic links resolved
     */
    public Path folder() {
        return folder;
    }

    // ---- RunStore ------------------------------------------------------------------------------

    /**
     * Opens a run for writing: creates its folder with {@code run.json}, an empty {@code results.jsonl}
     * and the plan's trials in {@code trials.jsonl} (so that its answers can later be shown with their
     * variables and expected answer), and adds it to the index; for a resumed run (same id and start)
     * reopens its folder, cutting off a torn last line. The returned sink appends each result to
     * {@code results.jsonl}, rewrites {@code run.json} with the runner's summary at each checkpoint, and
     * at the end forces the results to disk and writes the final {@code run.json} and index entry.
     *
     * @param run the run
     * @param trials the plan's trials
     * @return the run's writer
     * @throws NullPointerException if an argument is {@code null}
     * @throws InvalidStorePathException if the run id is not a valid folder name
     * @throws RunInUseException if the run is being written by this or another store or process
     * @throws IllegalStateException if the run's folder holds another run
     * @throws InvalidRunFileException if a resumed run's files cannot be read, or a file or folder the
     *     store writes is a symbolic link (the store never writes through one) or of the wrong kind
     * @throws UncheckedIOException if the files cannot be written
     */
    @Override
    public RunSink open(RunInfo run, List<Trial> trials) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(trials, "trials");
        StorePaths.checkRunId(run.id());
        if (open.containsKey(run.id())) {
            throw new RunInUseException("run " + run.id() + " is already being written by this store");
        }
        // the writer forgets itself when its run finishes; a writer that lost the race below is abandoned, never finished
        RunWriter w = RunWriter.open(folder, run, fsyncEveryNanos, index, () -> open.remove(run.id()), modes);
        if (open.putIfAbsent(run.id(), w) != null) {
            w.abandon();
            throw new RunInUseException("run " + run.id() + " is already being written by this store");
        }
        try {
            Path trialsFile = StorePaths.runFolder(folder, run.id()).resolve(TrialsFile.NAME);
            TrialsFile.write(trialsFile.getParent(), trials);
            modes.file(trialsFile);
        } catch (RuntimeException e) {
            open.remove(run.id());
            w.abandon();
            throw e;
        }
        return w;
    }

    /**
     * Finds a run to resume: its metadata from {@code run.json} and a reader over {@code results.jsonl}
     * (where, for a cell kept more than once, the later line wins). Everything that would stop the
     * resumed run is checked here, before it starts: no writer holds the run, no file or folder the
     * store writes is a symbolic link, and every line of {@code results.jsonl} is a result (one scan
     * of the file; a torn last line is cut off).
     *
     * @param runId the run's id
     * @return the run, or empty if the store has none with that id
     * @throws NullPointerException if {@code runId} is {@code null}
     * @throws InvalidStorePathException if {@code runId} is not a valid run id
     * @throws RunInUseException if a writer in this or another process holds the run
     * @throws InvalidRunFileException naming the file (and line) if the run's {@code run.json} or
     *     {@code results.jsonl} cannot be read, or a file or folder of the run is a symbolic link
     */
    @Override
    public Optional<StoredRun> resumable(String runId) {
        Path runFolder = StorePaths.runFolder(folder, runId);
        if (!RunFiles.exists(runFolder)) {
            return Optional.empty();
        }
        StorePaths.checkWritable(folder, runFolder, true);
        for (String name : List.of(RunFiles.NAME, ResultsFile.NAME, ResultsFile.TORN, TrialsFile.NAME, RunLock.NAME)) {
            StorePaths.checkWritable(folder, runFolder.resolve(name), false);
        }
        if (open.containsKey(runId) || RunLock.isHeldIfPresent(runFolder)) {
            throw RunLock.inUse(runId, runFolder);
        }
        RunMetadata m = RunFiles.read(runFolder);
        repairIfIdle(runFolder);
        long lines = offsetsOf(runId).snapshot().size();
        // every line read whole once here: a damaged one fails in the caller's thread, naming file and line, before the run starts
        ResultsFile.forEach(runFolder.resolve(ResultsFile.NAME), lines, (r, at) -> true, r -> { });
        // every stored line, superseded ones too: the runner takes each cell's newest and counts the cells retried before
        return Optional.of(new StoredRun(m.info(), action -> ResultsFile.forEach(runFolder.resolve(ResultsFile.NAME), lines,
                (r, at) -> true, action)));
    }

    // ---- queries -------------------------------------------------------------------------------

    /**
     * Lists the runs that match a query, newest first, from the index (rebuilt from the run folders
     * if it is missing, damaged or out of date).
     *
     * @param query the filters
     * @return the matching runs, newest first
     * @throws NullPointerException if {@code query} is {@code null}
     * @throws UncheckedIOException if the store cannot be read
     */
    public List<RunEntry> list(RunQuery query) {
        Objects.requireNonNull(query, "query");
        return index.read().stream().map(this::live).filter(query::matches).toList();
    }

    /** An entry recorded as running whose writer is gone (no lock held) is shown as interrupted. */
    private RunEntry live(RunEntry e) {
        if (e.status() != RunStatus.RUNNING || isWritten(e.id(), e.folder())) {
            return e;
        }
        return e.withStatus(RunStatus.INTERRUPTED);
    }

    private boolean isWritten(String runId, Path runFolder) {
        return open.containsKey(runId) || RunLock.isHeldIfPresent(runFolder);
    }

    /**
     * Lists every run, newest first.
     *
     * @return the runs
     * @throws UncheckedIOException if the store cannot be read
     */
    public List<RunEntry> list() {
        return list(RunQuery.all());
    }

    /**
     * Reads a run's metadata, plan snapshot and summary, without its results.
     *
     * @param runId the run's id
     * @return the run, or empty if the store has none with that id
     * @throws NullPointerException if {@code runId} is {@code null}
     * @throws IllegalArgumentException if {@code runId} is not a valid run id
     * @throws InvalidRunFileException naming the file and field if {@code run.json} is malformed
     */
    public Optional<RunMetadata> load(String runId) {
        Path runFolder = StorePaths.runFolder(folder, runId);
        if (!RunFiles.exists(runFolder)) {
            return Optional.empty();
        }
        RunMetadata m = RunFiles.read(runFolder);
        if (m.status() == RunStatus.RUNNING && !isWritten(runId, runFolder)) {
            m = new RunMetadata(m.info(), RunStatus.INTERRUPTED, m.statusReason(), m.endedAt(), m.summary(), m.folder());
        }
        return Optional.of(m);
    }

    /**
     * Passes every result of a run to an action, in the order they were kept, reading
     * {@code results.jsonl} line by line. The file is append-only, so a cell may have more than one
     * line (its failed result, then the result of a retry): the later line wins, and only it is
     * passed on. Memory grows only with the index of where each cell's latest line is (about 80
     * bytes a cell, kept for later reads). If no one is writing the run and its last line is torn,
     * that line is cut off first (with a warning).
     *
     * @param runId the run's id
     * @param action receives each result
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code runId} is not a valid run id or the store has no such run
     * @throws InvalidRunFileException naming the file and line if a line is corrupt
     */
    public void forEachResult(String runId, Consumer<Result> action) {
        Objects.requireNonNull(action, "action");
        Path runFolder = existing(runId);
        repairIfIdle(runFolder);
        CellOffsets latest = offsetsOf(runId);
        CellOffsets.Snapshot now = latest.snapshot();
        ResultsFile.Filter filter = now.hasSuperseded() ? (r, at) -> latest.isLatest(r.cell(), at) : (r, at) -> true;
        ResultsFile.forEach(runFolder.resolve(ResultsFile.NAME), now.size(), filter, action);
    }

    /**
     * Passes a run's results to an action in the order their lines were written, without first
     * finding each cell's latest line as {@link #forEachResult} does: every stored line, a failed
     * result that a retry superseded included. One pass over {@code results.jsonl}, so the
     * beginning of a large run is read in milliseconds; an action that has read enough may stop the
     * reading by throwing. For what a run holds, use {@link #forEachResult}.
     *
     * @param runId the run's id
     * @param action receives each stored result
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code runId} is not a valid run id or the store has no such run
     * @throws InvalidRunFileException naming the file and line if a line is corrupt
     */
    public void forEachStoredResult(String runId, Consumer<Result> action) {
        Objects.requireNonNull(action, "action");
        Path runFolder = existing(runId);
        repairIfIdle(runFolder);
        ResultsFile.forEach(runFolder.resolve(ResultsFile.NAME), action);
    }

    /**
     * Reads one cell's result without reading the whole run: the first call for a run indexes where
     * each result is in {@code results.jsonl} (one scan), later calls read only what was appended since.
     *
     * @param runId the run's id
     * @param cell the cell
     * @return its result, or empty if the run has none for that cell (yet)
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code runId} is not a valid run id or the store has no such run
     * @throws InvalidRunFileException naming the file and position if a line is corrupt
     */
    public Optional<Result> result(String runId, CellId cell) {
        Objects.requireNonNull(cell, "cell");
        return offsetsOf(runId).find(cell);
    }

    private CellOffsets offsetsOf(String runId) {
        Path runFolder = existing(runId);
        return offsets.get(runId, id -> new CellOffsets(runFolder.resolve(ResultsFile.NAME)));
    }

    /**
     * Reads the trials a run kept in {@code trials.jsonl} when it started.
     *
     * @param runId the run's id
     * @return the trials in plan order; empty for a run kept before bench4j wrote them
     * @throws NullPointerException if {@code runId} is {@code null}
     * @throws IllegalArgumentException if {@code runId} is not a valid run id or the store has no such run
     * @throws InvalidRunFileException naming the file and line if it is malformed
     */
    public List<Trial> trials(String runId) {
        return TrialsFile.read(existing(runId));
    }

    /**
     * Reads only the ids of the trials a run kept, in plan order: much less work than
     * {@link #trials(String)} for a large run, for what needs the order of its trials and not their contents.
     *
     * @param runId the run's id
     * @return the trial ids in plan order; empty for a run kept before bench4j wrote its trials
     * @throws NullPointerException if {@code runId} is {@code null}
     * @throws IllegalArgumentException if {@code runId} is not a valid run id or the store has no such run
     * @throws InvalidRunFileException naming the file and line if it is malformed
     */
    public List<String> trialIds(String runId) {
        return TrialsFile.readIds(existing(runId));
    }

    /**
     * Reads the reviews of a run (people's ratings, verdicts, comments and rankings of its answers),
     * every one ever added, in the order they were added; {@link Review#latest} keeps those in effect.
     *
     * @param runId the run's id
     * @return the reviews; empty when the run has none
     * @throws NullPointerException if {@code runId} is {@code null}
     * @throws IllegalArgumentException if {@code runId} is not a valid run id or the store has no such run
     * @throws InvalidRunFileException naming the file and line if a line is not a review
     */
    public List<Review> reviews(String runId) {
        return ReviewsFile.read(existing(runId));
    }

    /**
     * Adds a review to a run's {@code reviews.jsonl}, after checking that every cell it names has an
     * answer in the run. The line is written whole and forced to disk before this returns; reviewers
     * in several threads or processes may add reviews at once and none is lost.
     *
     * @param runId the run's id
     * @param review the review
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code runId} is not a valid run id, the store has no such run,
     *     or the review names a cell the run has no answer for (the message says which and why)
     * @throws InvalidRunFileException if the run's files are malformed
     * @throws UncheckedIOException if the file cannot be written
     */
    public void appendReview(String runId, Review review) {
        appendReviews(runId, List.of(Objects.requireNonNull(review, "review")));
    }

    /**
     * Adds reviews to a run's {@code reviews.jsonl} at once (e.g. a spreadsheet's), after checking
     * them all: either all are added or none.
     *
     * @param runId the run's id
     * @param reviews the reviews, in order
     * @throws NullPointerException if an argument or an element is {@code null}
     * @throws IllegalArgumentException if {@code runId} is not a valid run id, the store has no such run,
     *     or a review names a cell the run has no answer for (the message says which review and why)
     * @throws InvalidRunFileException if the run's files are malformed, or its folder or review files
     *     are symbolic links (the store never writes through one)
     * @throws UncheckedIOException if the file cannot be written
     */
    public void appendReviews(String runId, List<? extends Review> reviews) {
        Objects.requireNonNull(reviews, "reviews");
        Path runFolder = existing(runId);
        PlanSnapshot plan = RunFiles.read(runFolder).info().plan();
        CellOffsets cells = offsetsOf(runId);
        for (int i = 0; i < reviews.size(); i++) {
            Review r = Objects.requireNonNull(reviews.get(i), "reviews contains null");
            for (CellId c : r.cells()) {
                if (!cells.has(c)) {
                    String which = reviews.size() == 1 ? "" : "review " + (i + 1) + " of " + reviews.size() + ": ";
                    throw new IllegalArgumentException(which + "run " + runId + " has no answer to review for cell "
                            + c + ": " + whyNoCell(plan, c));
                }
            }
        }
        StorePaths.checkWritable(folder, runFolder, true);
        for (String name : List.of(ReviewsFile.NAME, ReviewsFile.LOCK, ReviewsFile.TORN)) {
            StorePaths.checkWritable(folder, runFolder.resolve(name), false);
        }
        ReviewsFile.append(runFolder, reviews);
        for (String name : List.of(ReviewsFile.NAME, ReviewsFile.LOCK, ReviewsFile.TORN)) {
            modes.file(runFolder.resolve(name));
        }
    }

    /**
     * Adds the reviews of a file to a run, all or none: a filled-in review sheet ({@code .csv}, as
     * {@link #exportReviewSheet} writes it) or review lines ({@code .jsonl}, e.g. downloaded from a
     * report). Every review is checked as {@link #appendReviews} does before any is added.
     *
     * @param runId the run's id
     * @param file the file
     * @param reviewer the reviewer of sheet rows whose {@code reviewer} column is empty
     * @return how many reviews were added
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code runId} is not a valid run id, the store has no such run,
     *     or a review names a cell the run has no answer for
     * @throws InvalidRunFileException naming the file, row or line and column if it cannot be read, or
     *     a row has no reviewer
     * @throws UncheckedIOException if the reviews cannot be written
     */
    public int importReviews(String runId, Path file, Optional<String> reviewer) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reviewer, "reviewer");
        existing(runId);
        List<Review> reviews = ReviewSheet.read(file, reviewer, Instant.now());
        appendReviews(runId, reviews);
        return reviews.size();
    }

    /**
     * Writes a review sheet for a spreadsheet: one row per answer of the run (trial by trial, in plan
     * order), with its output and expected answer, and empty columns {@code reviewer, rating,
     * scale_min, scale_max, acceptable, comment, rank} to fill in; {@link #importReviews} reads it back.
     *
     * @param runId the run's id
     * @param file the CSV file to create or replace; its folder must exist
     * @throws NullPointerException if an argument is {@code null}
     * @throws InvalidStorePathException naming the file if it is a folder or its folder does not exist
     * @throws IllegalArgumentException if {@code runId} is not a valid run id or the store has no such run
     * @throws InvalidRunFileException if a file of the run is malformed
     * @throws UncheckedIOException if the file cannot be written
     */
    public void exportReviewSheet(String runId, Path file) {
        checkTarget(file);
        RunMetadata m = RunFiles.read(existing(runId));
        List<Trial> kept = trials(runId);
        Map<String, Trial> byId = new HashMap<>();
        Map<String, Integer> trialOrder = new HashMap<>();
        for (Trial t : kept) {
            byId.put(t.id(), t);
            trialOrder.put(t.id(), trialOrder.size());
        }
        List<String> prompts = m.info().plan().prompts().stream().map(Prompt::name).toList();
        List<String> models = m.info().plan().models().stream().map(ModelConfig::id).toList();
        List<Result> results = new ArrayList<>();
        forEachResult(runId, results::add);
        results.sort(Comparator.<Result>comparingInt(r -> trialOrder.getOrDefault(r.cell().trial(), Integer.MAX_VALUE))
                .thenComparing(r -> r.cell().trial())
                .thenComparingInt(r -> r.cell().repetition())
                .thenComparingInt(r -> prompts.indexOf(r.cell().prompt()))
                .thenComparingInt(r -> models.indexOf(r.cell().model())));
        ReviewSheet.write(file, results, byId);
    }

    private static String whyNoCell(PlanSnapshot plan, CellId c) {
        if (plan.prompts().stream().map(Prompt::name).noneMatch(c.prompt()::equals)) {
            return "the run has no prompt '" + c.prompt() + "'";
        }
        if (plan.models().stream().map(ModelConfig::id).noneMatch(c.model()::equals)) {
            return "the run has no model '" + c.model() + "'";
        }
        if (c.repetition() >= plan.repetitions()) {
            return "the run has " + plan.repetitions() + " repetition" + (plan.repetitions() == 1 ? "" : "s")
                    + " (0 to " + (plan.repetitions() - 1) + ")";
        }
        return "no trial '" + c.trial() + "' or no result for it yet";
    }

    /**
     * Computes a run's summary from its results (for a run that was interrupted, whose
     * {@code run.json} holds only the last checkpoint's), as the runner computes it.
     *
     * @param runId the run's id
     * @return the summary; its elapsed time runs to the run's end, or to the end of its last result
     * @throws NullPointerException if {@code runId} is {@code null}
     * @throws IllegalArgumentException if {@code runId} is not a valid run id or the store has no such run
     * @throws InvalidRunFileException if a file of the run is malformed, or a result is not of the run's plan
     */
    public Summary summarize(String runId) {
        Path runFolder = existing(runId);
        RunMetadata m = RunFiles.read(runFolder);
        SummaryBuilder summary = new SummaryBuilder(m.info().plan());
        Instant[] last = {m.info().startedAt()};
        forEachResult(runId, r -> {
            try {
                summary.add(r);
            } catch (IllegalArgumentException e) {
                throw new InvalidRunFileException(runFolder.resolve(ResultsFile.NAME) + ": " + e.getMessage(), e);
            }
            Instant end = r.timing().startedAt().plus(r.latency());
            if (end.isAfter(last[0])) {
                last[0] = end;
            }
        });
        Duration elapsed = Duration.between(m.info().startedAt(), m.endedAt().orElse(last[0]));
        return summary.build(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    /**
     * Deletes a run's folder and index entry.
     *
     * @param runId the run's id
     * @return true if the run was deleted, false if the store had no such run
     * @throws NullPointerException if {@code runId} is {@code null}
     * @throws IllegalArgumentException if {@code runId} is not a valid run id
     * @throws RunInUseException if the run is being written
     * @throws InvalidRunFileException if the run's folder or lock is a symbolic link
     * @throws UncheckedIOException if the folder cannot be removed
     */
    public boolean delete(String runId) {
        Path runFolder = StorePaths.runFolder(folder, runId);
        if (!Files.isDirectory(runFolder)) {
            return false;
        }
        StorePaths.checkWritable(folder, runFolder.resolve(RunLock.NAME), false);
        if (open.containsKey(runId) || RunLock.isHeld(runFolder)) {
            throw new RunInUseException("run " + runId + " is being written; delete it once it has finished");
        }
        Path doomed = folder.resolve(".deleting-" + runId + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.move(runFolder, doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete run " + runId + " (" + runFolder + "): " + e.getMessage(), e);
        }
        index.update(entries -> entries.remove(runId));
        offsets.invalidate(runId);
        try {
            AtomicFiles.deleteTree(doomed);
        } catch (IOException e) {
            LOG.warn("Run {} is deleted from the store, but its files in {} could not all be removed: {}", runId, doomed,
                    e.toString());
        }
        return true;
    }

    // ---- export and import ---------------------------------------------------------------------

    /**
     * Writes a run as one portable JSON file, {@code {"schema": "bench4j.run-export/1", "run": {...},
     * "results": [...]}}: {@code run} is the run's {@code run.json} object and {@code results} its
     * results as in {@code results.jsonl}, one per line. Written with a streaming generator (memory
     * does not grow with the number of results) to a temporary file renamed over {@code file}, so a
     * failed export leaves no partial file.
     *
     * @param runId the run's id
     * @param file the file to create or replace; its folder must exist
     * @throws NullPointerException if an argument is {@code null}
     * @throws InvalidStorePathException naming the file if it is a folder or its folder does not exist
     * @throws IllegalArgumentException if {@code runId} is not a valid run id or the store has no such run
     * @throws InvalidRunFileException if a file of the run is malformed
     * @throws UncheckedIOException if the file cannot be written
     */
    public void exportRun(String runId, Path file) {
        checkTarget(file);
        Path runFolder = existing(runId);
        RunExport.write(runFolder, action -> forEachResult(runId, action), file);
    }

    /**
     * Imports a run from a file written by {@link #exportRun}, streaming it. Everything is checked
     * before the store changes: the export's schema ({@code bench4j.run-export/1}) and the run's
     * ({@code bench4j.run/1}), every field of the run, its id (which becomes a folder name), every
     * result, and that each result is a cell of the run's plan. The run is written to a temporary
     * folder of the store and renamed into place, then added to the index. On any error the store is
     * left exactly as it was.
     *
     * @param file the export file
     * @param replace whether a run of the same id in this store is replaced (the new folder is
     *     renamed in place of the old one, which is then deleted); if false such a run is an error
     * @return the imported run's id
     * @throws NullPointerException if {@code file} is {@code null}
     * @throws InvalidRunFileException naming the file and the JSON path or result index if the file
     *     is not JSON, is truncated, has another schema version, lacks a field, has an invalid run id,
     *     or holds a result that is malformed, not of the run's plan, a second result for a cell, or
     *     for a trial the export's {@code trials} lack
     * @throws InvalidStorePathException if {@code file} is a folder or not a regular file
     * @throws IllegalStateException naming the run if the store has a run of that id and
     *     {@code replace} is false, or the run is being written
     * @throws UncheckedIOException if the store cannot be written
     */
    public String importRun(Path file, boolean replace) {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new InvalidStorePathException(file + " is a folder; import reads a file written by export (a run"
                    + " export, bench4j.run-export/1)");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new InvalidStorePathException(file + " is not a regular file; import reads a file written by export");
        }
        RunExport.Staged staged = RunExport.stage(file, folder, id -> checkImportable(id, replace, false));
        String id = staged.runId();
        Path target = staged.metadata().folder();
        Path old = null;
        try {
            modes.tree(staged.staging());
            checkImportable(id, replace, true);   // again: another import or run may have taken the id meanwhile
            if (Files.exists(target)) {
                old = folder.resolve(".replacing-" + id + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
                move(target, old);
                try {
                    move(staged.staging(), target);
                } catch (IOException e) {
                    move(old, target);
                    old = null;
                    throw e;
                }
            } else {
                move(staged.staging(), target);
            }
            AtomicFiles.forceDirectory(folder);
            offsets.invalidate(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot import run " + id + " from " + file + " into " + folder + ": "
                    + e.getMessage(), e);
        } finally {
            try {
                staged.discard();
            } catch (IOException e) {
                LOG.warn("{}: cannot remove the temporary folder {}: {}", folder, staged.staging(), e.toString());
            }
        }
        try {
            index.update(entries -> entries.put(id, IndexFile.entry(staged.metadata())));
        } catch (RuntimeException e) {
            LOG.warn("Run {} is imported into {}, but index.json could not be updated ({}); it is rebuilt from the "
                    + "run folders when next read", id, folder, e.toString());
        }
        if (old != null) {
            try {
                AtomicFiles.deleteTree(old);
            } catch (IOException e) {
                LOG.warn("Run {} is replaced, but the files of the old run in {} could not all be removed: {}", id, old,
                        e.toString());
            }
        }
        LOG.debug("Imported run {} ({} results) from {} into {}", id, staged.results(), file, folder);
        return id;
    }

    /**
     * Loads a stored run as a {@link Run}: its metadata, every result (the newest line of each cell,
     * as {@link #forEachResult} reads them), the summary of {@code run.json} (recomputed from the
     * results when the run has none yet) and its warnings. A run that has not ended gets its start
     * time as its end.
     *
     * @param runId the run's id
     * @return the run, or empty if the store has no such run
     * @throws NullPointerException if {@code runId} is {@code null}
     * @throws IllegalArgumentException if {@code runId} is not a valid run id
     * @throws InvalidRunFileException if a file of the run is malformed
     */
    public Optional<Run> run(String runId) {
        Optional<RunMetadata> found = load(runId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RunMetadata m = found.get();
        List<Result> results = new ArrayList<>();
        forEachResult(runId, results::add);
        Summary summary = m.summary().orElseGet(() -> summarize(runId));
        return Optional.of(new Run(m.info(), m.status(), m.statusReason(), m.endedAt().orElse(m.info().startedAt()),
                results, summary, m.warnings()));
    }

    /**
     * Reads a file written by {@link #exportRun} (schema {@code bench4j.run-export/1}) as a
     * {@link Run}, e.g. a baseline committed under {@code src/test/resources}, with every check
     * {@link #importRun} makes. The file is imported into a temporary store, read back with
     * {@link #run(String)}, and the temporary store deleted; nothing else is written.
     *
     * <pre>{@code
     * Run baseline = JsonRunStore.readExported(Path.of("src/test/resources/baseline.json"));
     * }</pre>
     *
     * @param file the export file
     * @return the run with its results and summary
     * @throws NullPointerException if {@code file} is {@code null}
     * @throws InvalidRunFileException naming the file and the place if it is not a valid export
     * @throws InvalidStorePathException if {@code file} is a folder or not a regular file
     * @throws UncheckedIOException if {@code file} cannot be read or the temporary store cannot be written
     */
    public static Run readExported(Path file) {
        Objects.requireNonNull(file, "file");
        Path temp;
        try {
            // java.io.tmpdir may name a folder not made yet (e.g. Surefire's per-module target/test-tmp)
            temp = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))),
                    "bench4j-export-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder to read " + file + ": " + e.getMessage(), e);
        }
        try {
            JsonRunStore store = JsonRunStore.at(temp);
            String id = store.importRun(file, false);
            return store.run(id).orElseThrow(() -> new IllegalStateException("imported run " + id + " is missing"));
        } finally {
            try {
                AtomicFiles.deleteTree(temp);
            } catch (IOException e) {
                LOG.warn("cannot remove the temporary store {}: {}", temp, e.toString());
            }
        }
    }

    /** Refuses an id the store has unless replacing; the lock is only probed right before replacing (probing creates run.lock). */
    private void checkImportable(String id, boolean replace, boolean probeLock) {
        Path target = StorePaths.runFolder(folder, id);
        if (!Files.exists(target)) {
            return;
        }
        if (!replace) {
            throw new IllegalStateException("store " + folder + " already has a run '" + id
                    + "'; delete it first or import with replace to replace it");
        }
        StorePaths.checkWritable(folder, target.resolve(RunLock.NAME), false);
        if (open.containsKey(id) || probeLock && RunLock.isHeld(target)) {
            throw new RunInUseException("run " + id + " is being written; replace it once it has finished");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Writes a run's results as CSV (UTF-8, a header row, RFC 4180 quoting of commas, quotes and line
     * ends): one row per result with the columns {@code prompt, model, trial, repetition, ok,
     * error_kind, error_message, http_status, finish_reason, output, input_tokens, output_tokens,
     * reasoning_tokens, cached_input_tokens, total_tokens, latency_ms, time_to_first_token_ms,
     * cost_usd, cached, attempts, model_version}, then one column per score name (the union over the
     * run's results, in first-seen order) holding the score's value. An unknown value is an empty
     * cell. Reads the results twice in constant memory; written atomically (temporary file renamed).
     *
     * @param runId the run's id
     * @param file the file to create or replace; its folder must exist
     * @throws NullPointerException if an argument is {@code null}
     * @throws InvalidStorePathException naming the file if it is a folder or its folder does not exist
     * @throws IllegalArgumentException if {@code runId} is not a valid run id or the store has no such run
     * @throws InvalidRunFileException if a file of the run is malformed
     * @throws UncheckedIOException if the file cannot be written
     */
    public void exportResultsCsv(String runId, Path file) {
        checkTarget(file);
        existing(runId);
        CsvExport.writeResults(action -> forEachResult(runId, action), file);
    }

    /**
     * Writes a run's summary, recomputed from its results as {@link #summarize} does, as CSV: one row
     * per group ({@code group} is {@code all}, {@code model}, {@code prompt} or
     * {@code prompt_and_model}) with the columns {@code group, prompt, model, cells, succeeded,
     * failed, success_rate}, per score {@code <name>_mean, <name>_ci_low, <name>_ci_high, <name>_n}
     * (95% interval), then {@code latency_p50_ms, latency_p95_ms, latency_p99_ms, input_tokens,
     * output_tokens, cost_usd}. An unknown value is an empty cell. Written atomically.
     *
     * @param runId the run's id
     * @param file the file to create or replace; its folder must exist
     * @throws NullPointerException if an argument is {@code null}
     * @throws InvalidStorePathException naming the file if it is a folder or its folder does not exist
     * @throws IllegalArgumentException if {@code runId} is not a valid run id or the store has no such run
     * @throws InvalidRunFileException if a file of the run is malformed
     * @throws UncheckedIOException if the file cannot be written
     */
    public void exportSummaryCsv(String runId, Path file) {
        checkTarget(file);
        CsvExport.writeSummary(summarize(runId), file);
    }

    /**
     * Returns the trend of one metric of one model config across runs: one point per run that used
     * the model and has the metric in its summary, oldest first, with a score mean's 95% interval.
     *
     * @param metric a scorer's name (its mean), or {@code success_rate}, {@code cost_usd},
     *     {@code latency_p50_ms}, {@code latency_p95_ms}, {@code latency_p99_ms} (these names win
     *     over a scorer of the same name)
     * @param modelId the model config's id
     * @return the points, oldest first; empty if no run has the metric
     * @throws NullPointerException if an argument is {@code null}
     * @throws UncheckedIOException if the store cannot be read
     */
    public List<MetricPoint> history(String metric, String modelId) {
        return history(metric, modelId, e -> true);
    }

    /**
     * Returns the trend of one metric of one model config across the runs a filter keeps (e.g. the
     * runs of a report), reading only their {@code run.json}: as {@link #history(String, String)}.
     *
     * @param metric a scorer's name, or one of the built-in metrics of {@link #history(String, String)}
     * @param modelId the model config's id
     * @param include which runs to look at, from their index entries
     * @return the points, oldest first; empty if no included run has the metric
     * @throws NullPointerException if an argument is {@code null}
     * @throws UncheckedIOException if the store cannot be read
     */
    public List<MetricPoint> history(String metric, String modelId, Predicate<RunEntry> include) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(include, "include");
        List<RunEntry> runs = new ArrayList<>(list(RunQuery.all().withModel(modelId)).stream().filter(include).toList());
        Collections.reverse(runs);
        List<MetricPoint> points = new ArrayList<>();
        for (RunEntry e : runs) {
            Optional<RunMetadata> m;
            try {
                m = load(e.id());
            } catch (InvalidRunFileException ex) {
                LOG.warn("Run {} is left out of the history of {} for {}: {}", e.id(), metric, modelId, ex.getMessage());
                continue;
            }
            Optional<Summary.Group> group = m.flatMap(RunMetadata::summary).map(s -> s.byModel().get(modelId));
            OptionalDouble v = group.map(g -> value(g, metric)).orElse(OptionalDouble.empty());
            if (v.isPresent()) {
                Optional<Summary.Interval> ci = isBuiltInMetric(metric) ? Optional.empty()
                        : group.map(g -> g.scores().get(metric)).flatMap(Summary.ScoreStats::ci95);
                points.add(new MetricPoint(e.id(), e.startedAt(), v.getAsDouble(), ci));
            }
        }
        return points;
    }

    private static boolean isBuiltInMetric(String metric) {
        return List.of("success_rate", "cost_usd", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms").contains(metric);
    }

    private static OptionalDouble value(Summary.Group g, String metric) {
        return switch (metric) {
            case "success_rate" -> g.successRate();
            case "cost_usd" -> g.cost().totalUsd();
            case "latency_p50_ms" -> millis(g.latency().map(Summary.Latency::p50));
            case "latency_p95_ms" -> millis(g.latency().map(Summary.Latency::p95));
            case "latency_p99_ms" -> millis(g.latency().map(Summary.Latency::p99));
            default -> Optional.ofNullable(g.scores().get(metric)).map(Summary.ScoreStats::mean).orElse(OptionalDouble.empty());
        };
    }

    private static OptionalDouble millis(Optional<Duration> d) {
        return d.map(x -> OptionalDouble.of(ResultJson.millis(x))).orElse(OptionalDouble.empty());
    }

    /**
     * Describes the store, e.g. {@code JsonRunStore[/home/me/runs]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "JsonRunStore[" + folder + "]";
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Path existing(String runId) {
        Path runFolder = StorePaths.runFolder(folder, runId);
        if (!RunFiles.exists(runFolder)) {
            throw new IllegalArgumentException("store " + folder + " has no run '" + runId + "'");
        }
        return runFolder;
    }

    /**
     * Checks a file an export is written to: its folder must exist, and it must not be a folder.
     *
     * @throws InvalidStorePathException naming the file if not
     */
    private static void checkTarget(Path file) {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new InvalidStorePathException(file + " is a folder; give the name of the file to write");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InvalidStorePathException("cannot write " + file + ": the folder " + parent
                    + (Files.exists(parent) ? " is not a folder" : " does not exist") + "; create it first");
        }
    }

    /** Cuts off a torn last line of a run nobody is writing; a live run's last line may be half written. */
    private void repairIfIdle(Path runFolder) {
        try {
            StorePaths.checkWritable(folder, runFolder.resolve(ResultsFile.NAME), false);
            StorePaths.checkWritable(folder, runFolder.resolve(ResultsFile.TORN), false);
            StorePaths.checkWritable(folder, runFolder.resolve(RunLock.NAME), false);
        } catch (InvalidRunFileException e) {
            LOG.debug("{}; reading without repairing a torn last line", e.getMessage());
            return;
        }
        Optional<RunLock> lock;
        try {
            lock = RunLock.tryAcquire(runFolder);
        } catch (IOException e) {
            LOG.debug("{}: cannot take the run's lock ({}), e.g. a read-only store; reading without repair", runFolder,
                    e.toString());
            return;
        }
        if (lock.isEmpty()) {
            return;   // a writer holds the run: its last line may be in the middle of being written
        }
        try {
            if (ResultsFile.repairTail(runFolder.resolve(ResultsFile.NAME))) {
                modes.file(runFolder.resolve(ResultsFile.TORN));
            }
        } catch (UncheckedIOException e) {
            LOG.warn("{}; reading up to its last complete line", e.getMessage());
        } finally {
            try {
                lock.get().close();
            } catch (IOException e) {
                LOG.debug("{}: releasing the run's lock failed: {}", runFolder, e.toString());
            }
        }
    }

}
