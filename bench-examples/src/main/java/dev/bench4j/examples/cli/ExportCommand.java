package dev.bench4j.examples.cli;

import dev.bench4j.store.json.JsonRunStore;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench export RUN_ID --format json|csv --out FILE [--summary] [--store DIR]}: a stored run
 * as one portable JSON file ({@code bench4j.run-export/1}: metadata and results, for
 * {@code bench import} elsewhere), or its results as CSV (one row per result, one column per
 * score), or with {@code --summary} its summary as CSV (one row per group).
 */
@Command(name = "export", description = "Export a stored run as JSON or CSV.", mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "the run's id (see bench list)")
    String runId;

    @Option(names = "--format", paramLabel = "json|csv", defaultValue = "json", description = "json (default) or csv")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the file to write")
    Path out;

    @Option(names = "--summary", description = "with --format csv: the summary (a row per group) instead of the results")
    boolean summary;

    @Mixin
    StoreOption store;

    private final Bench.Io io;

    ExportCommand(Bench.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        JsonRunStore runs = store.existing();
        store.load(runs, runId);
        try {
            switch (format) {
                case "json" -> {
                    if (summary) {
                        throw new Bench.UsageException("--summary goes with --format csv");
                    }
                    runs.exportRun(runId, out);
                }
                case "csv" -> {
                    if (summary) {
                        runs.exportSummaryCsv(runId, out);
                    } else {
                        runs.exportResultsCsv(runId, out);
                    }
                }
                default -> throw new Bench.UsageException("--format: expected json or csv but was '" + format + "'");
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new Bench.UsageException(e.getMessage());
        }
        io.err().println("Wrote " + out);
        return 0;
    }
}
