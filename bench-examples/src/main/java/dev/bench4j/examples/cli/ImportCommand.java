package dev.bench4j.examples.cli;

import dev.bench4j.store.json.InvalidRunFileException;
import dev.bench4j.store.json.JsonRunStore;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench import FILE [--store DIR] [--replace]}: adds a run exported with
 * {@code bench export --format json} to a store. A run the store already has is refused unless
 * {@code --replace}; a malformed file is refused with the place in it that is wrong, and the store
 * is left as it was.
 */
@Command(name = "import", description = "Import an exported run into a store.", mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "a file written by bench export --format json")
    Path file;

    @Mixin
    StoreOption store;

    @Option(names = "--replace", description = "replace a run with the same id")
    boolean replace;

    private final Bench.Io io;

    ImportCommand(Bench.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        String id;
        JsonRunStore runs = store.open();
        try {
            id = runs.importRun(file, replace);
        } catch (InvalidRunFileException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new Bench.UsageException(e.getMessage());
        }
        io.err().println("Imported run " + id + " into " + store.folder);
        return 0;
    }
}
