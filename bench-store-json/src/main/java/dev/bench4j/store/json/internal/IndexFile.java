package dev.bench4j.store.json.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Summary;
import dev.bench4j.core.json.AtomicFiles;
import dev.bench4j.core.json.JsonFields;
import dev.bench4j.store.json.InvalidRunFileException;
import dev.bench4j.store.json.RunEntry;
import dev.bench4j.store.json.RunMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's {@code index.json} ({@code "schema": "bench4j.index/1"}): one entry per run, so that
 * listing runs reads one file. It is a cache of the run folders: when it is missing, damaged or
 * does not list the same runs as the folders, it is rebuilt from them.
 *
 * <p>Every change is a read-modify-write under a lock on {@code index.lock} (a file lock, so two
 * processes writing runs into one store never lose an entry, plus a lock per store folder within
 * this JVM), and the new index is written atomically.
 */
public final class IndexFile {

    /** The index's file name. */
    public static final String NAME = "index.json";
    /** The lock file's name. */
    public static final String LOCK = "index.lock";
    /** The schema this version writes and reads. */
    public static final String SCHEMA = "bench4j.index/1";

    private static final Logger LOG = LoggerFactory.getLogger(IndexFile.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** One lock per store folder in this JVM, since file locks are held per process. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    /** Newest first; runs started at the same instant by id. */
    static final Comparator<RunEntry> NEWEST_FIRST = Comparator.comparing(RunEntry::startedAt).reversed()
            .thenComparing(RunEntry::id, Comparator.reverseOrder());

    private final Path root;
    private final FileModes modes;

    /**
     * Opens the index of a store.
     *
     * @param root the store's folder, absolute and real
     * @param modes the permissions of the files written
     */
    public IndexFile(Path root, FileModes modes) {
        this.root = root;
        this.modes = modes;
    }

    /**
     * Makes the index entry of a run from its metadata.
     *
     * @param m the run's metadata
     * @return the entry
     */
    public static RunEntry entry(RunMetadata m) {
        Optional<Summary.Group> all = m.summary().map(Summary::overall);
        return new RunEntry(m.info().id(), m.info().name(), m.status(), m.info().startedAt(), m.endedAt(),
                m.info().plan().models().stream().map(ModelConfig::id).toList(),
                m.info().plan().prompts().stream().map(Prompt::name).toList(), m.info().plan().trialCount(),
                all.map(Summary.Group::cells).orElse(0L),
                all.map(Summary.Group::successRate).orElse(OptionalDouble.empty()),
                all.map(g -> g.cost().totalUsd()).orElse(OptionalDouble.empty()), m.folder(),
                all.map(IndexFile::means).orElse(Map.of()), m.info().provenance().tags(),
                m.summary().map(Summary::retriedCells).orElse(0L));
    }

    private static Map<String, Double> means(Summary.Group g) {
        Map<String, Double> means = new LinkedHashMap<>();
        g.scores().forEach((name, s) -> s.mean().ifPresent(v -> means.put(name, v)));
        return means;
    }

    /**
     * Returns every run of the store, newest first, rebuilding the index if it is missing, damaged,
     * or does not list the run folders there are (from the folders alone if the index cannot be written).
     *
     * @return the entries
     */
    public List<RunEntry> read() {
        Set<String> folders = runFolders();
        Optional<Map<String, RunEntry>> index = tryRead(!folders.isEmpty());
        if (index.isPresent() && index.get().keySet().equals(folders)) {
            return sorted(index.get());
        }
        try {
            return sorted(locked(entries -> { }, false));
        } catch (UncheckedIOException e) {
            LOG.warn("{}: the index cannot be rewritten ({}); listing the runs from their folders", root, e.getMessage());
            Map<String, RunEntry> entries = new LinkedHashMap<>();
            reconcile(entries);
            return sorted(entries);
        }
    }

    /**
     * Changes the index under its lock: reads it (rebuilding it if needed, and adding or dropping
     * runs whose folders appeared or went), lets {@code change} modify the entries, and writes it.
     *
     * @param change modifies the entries, by run id
     * @return the entries as written
     * @throws UncheckedIOException if the index cannot be locked or written
     * @throws InvalidRunFileException if {@code index.json} or {@code index.lock} is a symbolic link or a folder
     */
    public Map<String, RunEntry> update(Consumer<Map<String, RunEntry>> change) {
        return locked(change, true);
    }

    private Map<String, RunEntry> locked(Consumer<Map<String, RunEntry>> change, boolean warn) {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(root, r -> new ReentrantLock());
        checkFiles();
        jvmLock.lock();
        try (FileChannel ch = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = ch.lock();
            try {
                modes.file(root.resolve(LOCK));
                Map<String, RunEntry> entries = tryRead(warn).orElseGet(LinkedHashMap::new);
                reconcile(entries);
                change.accept(entries);
                write(entries);
                return entries;
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(root.resolve(NAME) + ": cannot update the index: " + e.getMessage(), e);
        } finally {
            jvmLock.unlock();
        }
    }

    /**
     * Checks that {@code index.json} and {@code index.lock} are regular files (or missing), not
     * symbolic links or folders, which the store would otherwise write through or fail on.
     *
     * @throws InvalidRunFileException naming the file if one is not
     */
    public void checkFiles() {
        StorePaths.checkWritable(root, root.resolve(NAME), false);
        StorePaths.checkWritable(root, root.resolve(LOCK), false);
    }

    /**
     * Writes an empty index into a new store (a folder without index and without runs), so that its
     * first run does not find the index missing. A store that cannot be written is left as it is.
     */
    public void initialize() {
        if (!Files.exists(root.resolve(NAME)) && runFolders().isEmpty()) {
            try {
                locked(entries -> { }, false);
            } catch (UncheckedIOException e) {
                LOG.debug("{}: cannot write an empty index: {}", root, e.toString());
            }
        }
    }

    /**
     * Deletes the index, so that the next reader rebuilds it: what is left when it could not be updated.
     */
    public void invalidate() {
        try {
            Files.deleteIfExists(root.resolve(NAME));
        } catch (IOException e) {
            LOG.warn("{}: cannot delete the stale index ({}); it may list a run's status wrongly", root.resolve(NAME),
                    e.toString());
        }
    }

    private void reconcile(Map<String, RunEntry> entries) {
        Set<String> folders = runFolders();
        entries.keySet().retainAll(folders);
        for (String id : folders) {
            if (!entries.containsKey(id)) {
                try {
                    entries.put(id, entry(RunFiles.read(root.resolve(id))));
                } catch (InvalidRunFileException e) {
                    LOG.warn("Run folder {} is left out of the index: {}", root.resolve(id), e.getMessage());
                }
            }
        }
    }

    /** The names of the folders that hold a run (a valid id and a run.json). */
    private Set<String> runFolders() {
        Set<String> ids = new TreeSet<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (StorePaths.isRunId(name) && RunFiles.exists(dir)) {
                    ids.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot list the store's runs: " + e.getMessage(), e);
        }
        return ids;
    }

    private Optional<Map<String, RunEntry>> tryRead(boolean warn) {
        Path file = root.resolve(NAME);
        if (!Files.exists(file)) {
            if (warn && !runFolders().isEmpty()) {
                LOG.warn("{} is missing; rebuilding it from the run folders", file);
            }
            return Optional.empty();
        }
        try {
            JsonFields f = JsonFields.of(RunFiles.readTree(file), file.toString(), InvalidRunFileException::new);
            String schema = f.string("schema");
            if (!schema.equals(SCHEMA)) {
                throw f.problem("schema", "must be \"" + SCHEMA + "\" but was \"" + schema + "\"");
            }
            JsonNode runs = f.array("runs");
            Map<String, RunEntry> entries = new LinkedHashMap<>();
            for (int i = 0; i < runs.size(); i++) {
                RunEntry e = entry(f.nested(runs.get(i), "runs[" + i + "]"));
                entries.put(e.id(), e);
            }
            return Optional.of(entries);
        } catch (InvalidRunFileException e) {
            if (warn) {
                LOG.warn("{} is damaged ({}); rebuilding it from the run folders", file, e.getMessage());
            }
            return Optional.empty();
        }
    }

    private RunEntry entry(JsonFields e) {
        String id = e.string("id");
        if (!StorePaths.isRunId(id)) {
            throw e.problem("id", "is not a valid run id: \"" + StorePaths.shown(id) + "\"");
        }
        RunStatus status;
        try {
            status = RunStatus.fromWireName(e.string("status"));
        } catch (IllegalArgumentException ex) {
            throw e.problem("status", ex.getMessage().replace("status must", "must"));
        }
        return new RunEntry(id, e.string("name"), status, e.instant("started_at"), e.optInstant("ended_at"),
                e.strings("models"), e.strings("prompts"), e.intCount("trial_count"), e.count("cells"),
                optional(e.optNumber("success_rate")), optional(e.optNumber("cost_usd")), root.resolve(id), scores(e),
                e.has("tags") ? e.strings("tags") : List.of(), e.has("retried_cells") ? e.count("retried_cells") : 0);
    }

    private static Map<String, Double> scores(JsonFields e) {
        Map<String, Double> out = new LinkedHashMap<>();
        Optional<JsonFields> scores = e.optObject("scores");
        if (scores.isPresent()) {
            scores.get().node().fieldNames().forEachRemaining(name -> out.put(name, scores.get().number(name)));
        }
        return out;
    }

    private void write(Map<String, RunEntry> entries) throws IOException {
        ObjectNode n = F.objectNode();
        n.put("schema", SCHEMA);
        ArrayNode runs = n.putArray("runs");
        for (RunEntry e : sorted(entries)) {
            ObjectNode o = runs.addObject();
            o.put("id", e.id());
            o.put("name", e.name());
            o.put("status", e.status().wireName());
            o.put("started_at", e.startedAt().toString());
            if (e.endedAt().isPresent()) {
                o.put("ended_at", e.endedAt().get().toString());
            } else {
                o.putNull("ended_at");
            }
            e.models().forEach(o.putArray("models")::add);
            e.prompts().forEach(o.putArray("prompts")::add);
            o.put("trial_count", e.trialCount());
            o.put("cells", e.cells());
            number(o, "success_rate", e.successRate());
            number(o, "cost_usd", e.costUsd());
            o.put("folder", e.id());
            ObjectNode scores = o.putObject("scores");
            e.scores().forEach(scores::put);
            if (!e.tags().isEmpty()) {
                e.tags().forEach(o.putArray("tags")::add);
            }
            if (e.retriedCells() > 0) {
                o.put("retried_cells", e.retriedCells());
            }
        }
        try {
            AtomicFiles.write(root.resolve(NAME), Jackson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
            modes.file(root.resolve(NAME));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the index: " + e.getOriginalMessage(), e);
        }
    }

    private static void number(ObjectNode o, String name, OptionalDouble v) {
        if (v.isPresent()) {
            o.put(name, v.getAsDouble());
        } else {
            o.putNull(name);
        }
    }

    private static List<RunEntry> sorted(Map<String, RunEntry> entries) {
        List<RunEntry> list = new ArrayList<>(entries.values());
        list.sort(NEWEST_FIRST);
        return list;
    }

    private static OptionalDouble optional(Optional<Double> v) {
        return v.map(OptionalDouble::of).orElseGet(OptionalDouble::empty);
    }
}
