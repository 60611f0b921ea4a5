package dev.bench4j.examples.cli;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Provenance;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunHandle;
import dev.bench4j.core.RunStatus;
import dev.bench4j.store.json.JsonRunStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench run PLAN [--store DIR] [--resume RUN_ID]}: runs a plan file with a live progress
 * line (on a terminal), keeps it in a JSON run store when the plan or {@code --store} names one (or
 * continues a stored run), and prints the summary table. Exit code 0 when the run completed (some
 * cells may have failed: they are in the table), 1 when it failed, was cancelled or stopped at a
 * budget, or when every cell failed ({@code --fail-on-error-rate R}: when more than that share of
 * cells failed), 2 on bad input, 130 / 143 after Ctrl-C / SIGTERM (the run is cancelled, its summary
 * and the command that resumes it printed).
 */
@Command(name = "run", description = "Run a plan file and print its summary.", mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PLAN", description = "the plan file (.json, .yaml or .yml)")
    Path plan;

    @Option(names = "--concurrency", paramLabel = "N", description = "cells in flight at once (overrides the plan)")
    Integer concurrency;

    @Option(names = "--repetitions", paramLabel = "N", description = "repetitions of every cell (overrides the plan)")
    Integer repetitions;

    @Option(names = "--store", paramLabel = "DIR", description = "keep the run in this store folder (overrides the plan's store)")
    Path storeDir;

    @Option(names = "--resume", paramLabel = "RUN_ID", description = "continue this stored run: cells it already has are not called again")
    String resumeId;

    @Option(names = "--no-progress", description = "no live progress line, even on a terminal")
    boolean noProgress;

    @Option(names = "--tag", paramLabel = "TAG", description = "label the run (repeatable; added to the plan's tags)")
    List<String> tags = new ArrayList<>();

    @Option(names = "--description", paramLabel = "TEXT", description = "what the run is for (replaces the plan's description)")
    String description;

    @Option(names = "--fail-on-error-rate", paramLabel = "R",
            description = "exit 1 when more than this share of cells failed, 0..1 (default: only when every cell failed)")
    Double failOnErrorRate;

    /** The command's arguments as given, for the run's provenance and the resume command. */
    List<String> commandLine = List.of();

    @Option(names = "--dry-run", description = "print the cells, requests, judge calls, input tokens (exact or "
            + "estimated) and cost range per model, and exit: nothing is called or stored")
    boolean dryRun;

    private final Bench.Io io;

    RunCommand(Bench.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (failOnErrorRate != null && !(failOnErrorRate >= 0 && failOnErrorRate <= 1)) {
            throw new Bench.UsageException("--fail-on-error-rate: must be a share between 0 and 1 but was "
                    + failOnErrorRate);
        }
        PlanFile file = PlanFile.load(plan);
        BenchmarkPlan.Builder builder = file.toBuilder();
        try {
            Provenance origin = file.provenance().withCommandLine(commandLine).withTags(tags);
            builder.provenance(description == null ? origin : origin.withDescription(description));
            if (concurrency != null) {
                builder.concurrency(concurrency);
            }
            if (repetitions != null) {
                builder.repetitions(repetitions);
            }
        } catch (IllegalArgumentException e) {
            String flag = e.getMessage().startsWith("concurrency") ? "concurrency"
                    : e.getMessage().startsWith("tag") ? "tag" : "repetitions";
            throw new Bench.UsageException("--" + flag + ": " + e.getMessage());
        }
        if (dryRun) {
            return DryRunReport.print(builder.build(), Optional.ofNullable(resumeId), io);
        }
        Optional<Path> folder = Optional.ofNullable(storeDir).or(file::store);
        if (resumeId != null && folder.isEmpty()) {
            throw new Bench.UsageException("--resume needs a store: give --store DIR or set \"store\" in the plan");
        }
        folder.ifPresent(f -> builder.store(JsonRunStore.at(f)));
        FailureSample failures = new FailureSample();
        BenchmarkPlan built = builder.retainResults(false).sink(failures).build();
        PrintStream err = io.err();
        Terminal terminal = noProgress ? new Terminal(false, io.terminal().colour()) : io.terminal();
        err.println("Running " + Terminal.clean(built.name()) + ": " + built.prompts().size() + " prompts × "
                + built.models().size() + " models × " + built.trials().size() + " trials × " + built.repetitions()
                + " repetitions = " + built.cellCount() + " cells, concurrency " + built.concurrency());
        RunHandle handle = resumeId != null ? built.startResume(resumeId) : built.start();
        folder.ifPresent(f -> err.println((resumeId != null ? "Resuming " : "Storing ") + "run " + handle.id()
                + " in " + f));
        Run run;
        Optional<Integer> signalled;
        try (Interrupts interrupts = Interrupts.install(handle);
                ProgressLine line = new ProgressLine(handle, err, terminal)) {
            run = handle.await();
            signalled = interrupts.exitCode();
        }
        io.out().print(SummaryTable.render(run, failures, io.terminal()));
        io.out().flush();
        if (run.status() != RunStatus.COMPLETED && run.status() != RunStatus.FAILED) {
            err.println(folder.isPresent()
                    ? "Resume it with: " + ResumeCommand.of(commandLine, run.id())
                    : "The run was not stored, so it cannot be resumed; give --store DIR to keep runs.");
        }
        return exitCode(run, signalled);
    }

    /**
     * The exit code: 130 or 143 after Ctrl-C or SIGTERM, 1 when the run did not complete or too many
     * of its cells failed ({@code --fail-on-error-rate}, by default only when all did), else 0.
     */
    private int exitCode(Run run, Optional<Integer> signalled) {
        if (signalled.isPresent() && run.status() == RunStatus.CANCELLED) {
            return signalled.get();
        }
        if (run.status() != RunStatus.COMPLETED) {
            return 1;
        }
        long cells = run.summary().overall().cells();
        long failed = run.summary().overall().failed();
        if (cells == 0) {
            return 0;
        }
        if (failOnErrorRate == null) {
            if (failed == cells) {
                io.err().println("bench: every cell failed (exit code 1; see the errors above)");
                return 1;
            }
            return 0;
        }
        double rate = (double) failed / cells;
        if (rate > failOnErrorRate) {
            io.err().println("bench: " + failed + " of " + cells + " cells failed (" + Format.percent(OptionalDouble.of(rate))
                    + "), more than --fail-on-error-rate " + failOnErrorRate + " allows (exit code 1)");
            return 1;
        }
        return 0;
    }
}
