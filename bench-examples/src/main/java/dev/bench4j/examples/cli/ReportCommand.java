package dev.bench4j.examples.cli;

import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.web.BenchReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench report RUN_ID [RUN_ID...] --out report.html [--store DIR]}: the viewer's pages for
 * some runs as one self-contained HTML file (opens from {@code file://}, no network), for CI
 * artifacts and e-mail.
 */
@Command(name = "report", description = "Write runs as one self-contained HTML report.", mixinStandardHelpOptions = true)
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN_ID", description = "the runs to put in the report (see bench list)")
    List<String> runIds;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the HTML file to write")
    Path out;

    @Mixin
    StoreOption store;

    private final Bench.Io io;

    ReportCommand(Bench.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        JsonRunStore runs = store.existing();
        for (String id : runIds) {
            store.load(runs, id);
        }
        long start = System.nanoTime();
        try {
            BenchReport.write(runs, runIds, out);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new Bench.UsageException(e.getMessage());
        }
        io.err().printf(Locale.ROOT, "Wrote %s (%s, %d run%s) in %.1f s%n", out, Format.bytes(Files.size(out)),
                runIds.size(), runIds.size() == 1 ? "" : "s", (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
