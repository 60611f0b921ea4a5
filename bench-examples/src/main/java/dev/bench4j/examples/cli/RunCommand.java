package dev.bench4j.examples.cli;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunHandle;
import dev.bench4j.core.RunStatus;
import dev.bench4j.store.json.JsonRunStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench run PLAN [--store DIR] [--resume RUN_ID]}: runs a plan file with a live progress
 * line (on a terminal), keeps it in a JSON run store when the plan or {@code --store} names one (or
 * continues a stored run), and prints the summary table. Exit code 0 when the run completed (some cells may have failed: they are in the
 * table), 1 when it failed or was cancelled, 2 on bad input.
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

    @Option(names = "--no-adaptive-concurrency", description = "keep every endpoint's concurrency where it is configured;"
            + " by default a 429/529/503 halves it and successes raise it again")
    boolean noAdaptiveConcurrency;

    private final Bench.Io io;

    RunCommand(Bench.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        PlanFile file = PlanFile.load(plan);
        BenchmarkPlan.Builder builder = file.toBuilder();
        try {
            if (concurrency != null) {
                builder.concurrency(concurrency);
            }
            if (repetitions != null) {
                builder.repetitions(repetitions);
            }
            if (noAdaptiveConcurrency) {
                builder.adaptiveConcurrency(false);
            }
        } catch (IllegalArgumentException e) {
            throw new Bench.UsageException("--" + (e.getMessage().startsWith("concurrency") ? "concurrency" : "repetitions")
                    + ": " + e.getMessage());
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
        Thread onInterrupt = new Thread(() -> {
            handle.cancel();
            handle.await(Duration.ofSeconds(10));
        }, "bench-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        Run run;
        try (ProgressLine line = new ProgressLine(handle, err, terminal)) {
            run = handle.await();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook cancelled the run; print what finished
        }
        io.out().print(SummaryTable.render(run, failures, io.terminal()));
        io.out().flush();
        return run.status() == RunStatus.COMPLETED ? 0 : 1;
    }
}
