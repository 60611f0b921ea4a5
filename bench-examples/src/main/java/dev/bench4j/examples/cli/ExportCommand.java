package dev.bench4j.examples.cli;

import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.RunMetadata;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench export RUN_ID --format json|csv|junit --out FILE [--summary] [--min-score SCORER=VALUE]...
 * [--store DIR]}: a stored run
 * as one portable JSON file ({@code bench4j.run-export/1}: metadata and results, for
 * {@code bench import} elsewhere), or its results as CSV (one row per result, one column per
 * score), or with {@code --summary} its summary as CSV (one row per group), or as a JUnit XML
 * report for CI dashboards ({@link JunitXml}: a test case per cell, {@code --min-score} thresholds).
 */
@Command(name = "export", description = "Export a stored run as JSON or CSV.", mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "the run's id (see bench list)")
    String runId;

    @Option(names = "--format", paramLabel = "json|csv", defaultValue = "json", description = "json (default), csv or junit (JUnit XML)")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the file to write")
    Path out;

    @Option(names = "--summary", description = "with --format csv: the summary (a row per group) instead of the results")
    boolean summary;

    @Option(names = "--min-score", paramLabel = "SCORER=VALUE", description = "with --format junit: a cell scored "
            + "below VALUE by SCORER is a failed test case (repeatable, e.g. set_f1=0.8)")
    java.util.List<String> minScores = new java.util.ArrayList<>();

    @Mixin
    StoreOption store;

    private final Bench.Io io;

    ExportCommand(Bench.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        JsonRunStore runs = store.existing();
        RunMetadata stored = store.load(runs, runId);
        if (!minScores.isEmpty() && !format.equals("junit")) {
            throw new Bench.UsageException("--min-score goes with --format junit");
        }
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
                case "junit" -> {
                    if (summary) {
                        throw new Bench.UsageException("--summary goes with --format csv");
                    }
                    junit(runs, stored);
                }
                default -> throw new Bench.UsageException("--format: expected json, csv or junit but was '" + format + "'");
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new Bench.UsageException(e.getMessage());
        }
        io.err().println("Wrote " + out);
        return 0;
    }

    /** Writes the stored run as JUnit XML: its status says why unfinished cells did not run. */
    private void junit(JsonRunStore runs, RunMetadata stored) {
        JunitReport report = new JunitReport(minScores.stream().map(JunitReport.MinScore::parse).toList(),
                java.util.Optional.empty(), java.time.Duration.ZERO);
        JunitReport.MinScore.check(report.thresholds(), stored.info().plan().scorers());
        report.about(stored.info(), runs.trials(runId));
        runs.forEachResult(runId, report::add);
        java.time.Duration took = java.time.Duration.between(stored.info().startedAt(),
                stored.endedAt().orElse(stored.info().startedAt()));
        try {
            JunitXml.write(out, report, stored.status(), stored.statusReason(), took);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
