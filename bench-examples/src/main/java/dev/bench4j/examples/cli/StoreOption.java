package dev.bench4j.examples.cli;

import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.RunMetadata;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option the commands over a JSON run store share (default {@code runs}). */
final class StoreOption {

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "runs", description = "the store folder (default: runs)")
    Path folder;

    /**
     * Opens the store, which must exist.
     *
     * @return the store
     * @throws Bench.UsageException if the folder is not there, is a file, or cannot be read
     * @throws dev.bench4j.store.json.InvalidRunFileException if a file of the store is a folder or a symbolic link
     */
    JsonRunStore existing() {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new Bench.UsageException("--store: " + folder + " is a file, not a store folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new Bench.UsageException("--store: no store at " + folder);
        }
        return open();
    }

    /**
     * Opens the store, creating its folder if missing.
     *
     * @return the store
     * @throws Bench.UsageException if the folder is a file or cannot be created or read
     * @throws dev.bench4j.store.json.InvalidRunFileException if a file of the store is a folder or a symbolic link
     */
    JsonRunStore open() {
        try {
            return JsonRunStore.at(folder);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new Bench.UsageException("--store: " + e.getMessage());
        }
    }

    /**
     * Loads a run's metadata.
     *
     * @param store the open store
     * @param runId the run's id
     * @return the metadata
     * @throws Bench.UsageException if the store has no such run or the id is not a run id
     */
    RunMetadata load(JsonRunStore store, String runId) {
        try {
            return store.load(runId).orElseThrow(() -> new Bench.UsageException("no run '" + runId + "' in " + folder));
        } catch (IllegalArgumentException e) {
            throw new Bench.UsageException(e.getMessage());
        }
    }
}
