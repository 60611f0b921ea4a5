package dev.bench4j.examples.cli;

import dev.bench4j.core.Review;
import dev.bench4j.store.json.InvalidRunFileException;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.RunMetadata;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench review RUN_ID [--import FILE [--reviewer NAME] | --export FILE.csv] [--score NAME]
 * [--pass-at T] [--human-weight W] [--ai-weight W] [--store DIR]}: people's reviews of a run's answers. {@code
 * --export} writes a sheet (one row per answer) to rate in a spreadsheet; {@code --import} adds the
 * reviews of a filled-in sheet, or of a {@code .jsonl} file downloaded from a report, all or none.
 * Without either, prints the run's reviews and their agreement with the AI judge and each other.
 */
@Command(name = "review", description = "Import, export or summarize people's reviews of a run.", mixinStandardHelpOptions = true)
final class ReviewCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "the run's id (see bench list)")
    String runId;

    @Option(names = "--import", paramLabel = "FILE", description = "add the reviews of a filled-in .csv sheet or a .jsonl file")
    Path importFile;

    @Option(names = "--export", paramLabel = "FILE", description = "write a .csv sheet to fill in, one row per answer")
    Path exportFile;

    @Option(names = "--reviewer", paramLabel = "NAME", description = "with --import: who reviewed the rows that name nobody")
    String reviewer;

    @Option(names = "--score", paramLabel = "NAME", description = "the AI score to compare with (default: the run's LLM judge)")
    String score;

    @Option(names = "--pass-at", paramLabel = "T", description = "compare verdicts with the AI score's pass at >= T"
            + " (default 0.5 for scores in [0, 1])")
    Double passAt;

    @Option(names = "--human-weight", paramLabel = "W", defaultValue = "1", description = "the human ranking's weight (default 1)")
    double humanWeight;

    @Option(names = "--ai-weight", paramLabel = "W", defaultValue = "1", description = "the AI ranking's weight (default 1)")
    double aiWeight;

    @Mixin
    StoreOption store;

    private final Bench.Io io;

    ReviewCommand(Bench.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        JsonRunStore runs = store.existing();
        RunMetadata run = store.load(runs, runId);
        if (importFile != null && exportFile != null) {
            throw new Bench.UsageException("--import and --export: give one of them");
        }
        try {
            if (exportFile != null) {
                Path folder = exportFile.toAbsolutePath().getParent();
                if (folder == null || !Files.isDirectory(folder)) {
                    throw new Bench.UsageException("--export: the folder of " + exportFile + " does not exist");
                }
                runs.exportReviewSheet(runId, exportFile);
                io.err().println("Wrote " + exportFile + ": one row per answer; fill in reviewer, rating (scale_min..scale_max,"
                        + " default 1..5), acceptable (yes/no), comment or rank (1 = best), then bench review " + runId
                        + " --import " + exportFile);
                return 0;
            }
            if (importFile != null) {
                int n = runs.importReviews(runId, importFile, Optional.ofNullable(reviewer));
                io.err().println("Added " + n + " review" + (n == 1 ? "" : "s") + " from " + importFile + " to run " + runId);
            }
        } catch (IllegalArgumentException | InvalidRunFileException | UncheckedIOException e) {
            throw new Bench.UsageException(e.getMessage());
        }
        List<Review> reviews = runs.reviews(runId);
        if (reviews.isEmpty()) {
            io.out().println("Run " + runId + " has no reviews yet: rate and rank its answers in bench serve, in a bench report,"
                    + " or in a sheet from bench review " + runId + " --export FILE.csv");
            return 0;
        }
        try {
            if (passAt != null && !Double.isFinite(passAt)) {
                throw new Bench.UsageException("--pass-at must be a finite number but was " + passAt);
            }
            io.out().print(AgreementText.of(runs, run, reviews, Optional.ofNullable(score), humanWeight, aiWeight,
                    passAt == null ? OptionalDouble.empty() : OptionalDouble.of(passAt)));
        } catch (IllegalArgumentException e) {
            throw new Bench.UsageException(e.getMessage());
        }
        return 0;
    }
}
