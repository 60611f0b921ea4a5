package dev.bench4j.examples.cli;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.Budget;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Provenance;
import dev.bench4j.core.ResumeOptions;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunHandle;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Subset;
import dev.bench4j.store.json.JsonRunStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench run PLAN [--store DIR] [--resume RUN_ID [--retry-failed [--only-kind KINDS]]]
 * [--prompt P] [--model M] [--trial T] [--limit N | --sample N [--seed S]] [--max-cost-usd X]
 * [--max-tokens N] [--max-calls N] [--junit-xml FILE [--min-score SCORER=VALUE]...]}: runs a plan file (or a subset of it, within a budget) with a live progress
 * line (on a terminal), keeps it in a JSON run store when the plan or {@code --store} names one (or
 * continues a stored run), and prints the summary table. Exit code 0 when the run completed (some
 * cells may have failed: they are in the table), 1 when it failed, was cancelled or stopped at a
 * budget, or when every cell failed ({@code --fail-on-error-rate R}: when more than that share of
 * cells failed), 2 on bad input, 130 / 143 after Ctrl-C / SIGTERM (the run is cancelled, its summary
 * and the command that resumes it printed). With {@code --junit-xml} it also writes a JUnit XML report
 * ({@link JunitXml}: a test case per cell; failed cells are errors, cells scored below a
 * {@code --min-score} are failures), when the run ends whatever its status, and now and then while
 * it goes; the thresholds do not change the exit code.
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
    @Option(names = "--retry-failed", description = "with --resume: call the stored run's failed cells again; their new "
            + "results supersede the old ones")
    boolean retryFailed;

    @Option(names = "--only-kind", paramLabel = "KIND", split = ",", description = "with --retry-failed: retry only cells "
            + "that failed with these error kinds (e.g. rate_limited,server,timeout)")
    List<String> onlyKinds = new ArrayList<>();

    @Option(names = "--prompt", paramLabel = "NAME", split = ",", description = "run only these prompts (names or globs "
            + "like extract-*; comma-separated, repeatable)")
    List<String> onlyPrompts = new ArrayList<>();

    @Option(names = "--model", paramLabel = "ID", split = ",", description = "run only these model configs (ids or globs)")
    List<String> onlyModels = new ArrayList<>();

    @Option(names = "--trial", paramLabel = "ID", split = ",", description = "run only these trials (ids or globs)")
    List<String> onlyTrials = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "run only the first N (selected) trials")
    Integer limit;

    @Option(names = "--sample", paramLabel = "N", description = "run a seeded random sample of N (selected) trials")
    Integer sample;

    @Option(names = "--seed", paramLabel = "S", description = "the seed of --sample (default 0); the same seed draws the "
            + "same sample on every machine")
    Long seed;

    @Option(names = "--max-cost-usd", paramLabel = "USD", description = "stop dispatching once the run has spent this "
            + "much (overrides the plan's budget.max_cost_usd)")
    Double maxCostUsd;

    @Option(names = "--max-tokens", paramLabel = "N", description = "stop dispatching once the run has used this many "
            + "tokens (overrides budget.max_tokens)")
    Long maxTokens;

    @Option(names = "--max-calls", paramLabel = "N", description = "stop dispatching once the run has made this many "
            + "model calls (overrides budget.max_calls)")
    Long maxCalls;
    @Option(names = "--no-adaptive-concurrency", description = "keep every endpoint's concurrency where it is configured;"
            + " by default a 429/529/503 halves it and successes raise it again")
    boolean noAdaptiveConcurrency;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "also write a JUnit XML report (a test case per "
            + "cell) for CI dashboards, even when the run fails or is stopped")
    Path junitXml;

    @Option(names = "--min-score", paramLabel = "SCORER=VALUE", description = "with --junit-xml: a cell scored below "
            + "VALUE by SCORER is a failed test case (repeatable, e.g. set_f1=0.8)")
    List<String> minScores = new ArrayList<>();

    private final Bench.Io io;

    RunCommand(Bench.Io io) {
        this.io = io;
    }

    /** The resume flags: a plain resume, or failed cells called again (of the listed kinds). */
    private ResumeOptions resumeOptions() {
        if (!onlyKinds.isEmpty() && !retryFailed) {
            throw new Bench.UsageException("--only-kind needs --retry-failed");
        }
        if (retryFailed && resumeId == null) {
            throw new Bench.UsageException("--retry-failed needs --resume RUN_ID: it calls the failed cells of a stored run again");
        }
        if (!retryFailed) {
            return ResumeOptions.plain();
        }
        Set<ErrorKind> kinds = EnumSet.noneOf(ErrorKind.class);
        for (String k : onlyKinds) {
            try {
                kinds.add(ErrorKind.fromWireName(k.trim()));
            } catch (IllegalArgumentException e) {
                throw new Bench.UsageException("--only-kind: " + e.getMessage());
            }
        }
        return ResumeOptions.retryFailed(kinds);
    }

    /** Applies --prompt, --model, --trial, --limit, --sample and --seed. */
    private void subset(BenchmarkPlan.Builder builder) {
        if (seed != null && sample == null) {
            throw new Bench.UsageException("--seed needs --sample N");
        }
        if (limit != null && sample != null) {
            throw new Bench.UsageException("--limit and --sample cannot be combined: take either the first N trials or a sample");
        }
        try {
            builder.onlyPrompts(onlyPrompts.toArray(String[]::new));
            builder.onlyModels(onlyModels.toArray(String[]::new));
            builder.onlyTrials(onlyTrials.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new Bench.UsageException("--prompt/--model/--trial: " + e.getMessage());
        }
        if (limit != null) {
            if (limit < 1) {
                throw new Bench.UsageException("--limit must be >= 1 but was " + limit);
            }
            builder.firstTrials(limit);
        }
        if (sample != null) {
            if (sample < 1) {
                throw new Bench.UsageException("--sample must be >= 1 but was " + sample);
            }
            builder.sampleTrials(sample, seed == null ? 0 : seed);
        }
    }

    /** Applies --max-cost-usd, --max-tokens and --max-calls over the plan's budget. */
    private BenchmarkPlan budget(BenchmarkPlan plan) {
        if (maxCostUsd == null && maxTokens == null && maxCalls == null) {
            return plan;
        }
        Budget b = plan.budget();
        String flag = "--max-cost-usd";
        try {
            if (maxCostUsd != null) {
                b = b.withMaxCostUsd(maxCostUsd);
            }
            flag = "--max-tokens";
            if (maxTokens != null) {
                b = b.withMaxTokens(maxTokens);
            }
            flag = "--max-calls";
            if (maxCalls != null) {
                b = b.withMaxCalls(maxCalls);
            }
        } catch (IllegalArgumentException e) {
            throw new Bench.UsageException(flag + ": " + e.getMessage());
        }
        return plan.toBuilder().budget(b).build();
    }

    @Override
    public Integer call() {
        if (failOnErrorRate != null && !(failOnErrorRate >= 0 && failOnErrorRate <= 1)) {
            throw new Bench.UsageException("--fail-on-error-rate: must be a share between 0 and 1 but was "
                    + failOnErrorRate);
        }
        PlanFile file = PlanFile.load(plan);
        BenchmarkPlan.Builder builder = file.toBuilder();
        if (!file.declaresCache()) {
            // a process that runs one plan and exits has no later run to serve from memory (every cell's
            // key holds its repetition): without a "cache" in the plan, no cache and none of its cost
            builder.noCache();
        }
        try {
            Provenance origin = file.provenance().withCommandLine(commandLine).withTags(tags);
            builder.provenance(description == null ? origin : origin.withDescription(description));
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
            String flag = e.getMessage().startsWith("concurrency") ? "concurrency"
                    : e.getMessage().startsWith("tag") ? "tag" : "repetitions";
            throw new Bench.UsageException("--" + flag + ": " + e.getMessage());
        }
        ResumeOptions resumeOptions = resumeOptions();
        subset(builder);
        if (dryRun) {
            return DryRunReport.print(budget(builder.build()), Optional.ofNullable(resumeId), io);
        }
        Optional<Path> folder = Optional.ofNullable(storeDir).or(file::store);
        if (resumeId != null && folder.isEmpty()) {
            throw new Bench.UsageException("--resume needs a store: give --store DIR or set \"store\" in the plan");
        }
        folder.ifPresent(f -> builder.store(JsonRunStore.at(f)));
        FailureSample failures = new FailureSample();
        Optional<JunitReport> junit = junitReport(builder, folder);
        BenchmarkPlan built = budget(builder.retainResults(false).sink(failures).build());
        if (junit.isPresent()) {
            JunitReport.MinScore.check(junit.get().thresholds(), built.scorers().stream().map(s -> s.name()).toList());
        }
        PrintStream err = io.err();
        file.warnings().forEach(w -> err.println("bench: warning: " + Terminal.clean(w)));
        Terminal terminal = noProgress ? new Terminal(false, io.terminal().colour()) : io.terminal();
        err.println("Running " + Terminal.clean(built.name()) + ": " + built.prompts().size() + " prompts × "
                + built.models().size() + " models × " + built.trials().size() + " trials × " + built.repetitions()
                + " repetitions = " + built.cellCount() + " cells, concurrency " + built.concurrency());
        if (!built.subset().isAll()) {
            err.println("Subset " + Terminal.clean(built.subset().toString()) + " of " + built.toBuilder().subset(Subset.all()).build().cellCount()
                    + " cells");
        }
        if (!built.budget().isNone()) {
            err.println(built.budget().toString().replace("Budget[", "Budget: ").replace("]", "")
                    + " (judge calls included; a resume counts the stored spend)");
        }
        RunHandle handle = resumeId != null ? built.startResume(resumeId, resumeOptions) : built.start();
        folder.ifPresent(f -> err.println((resumeId != null ? "Resuming " : "Storing ") + "run " + handle.id()
                + " in " + f));
        Run run;
        Optional<Integer> signalled;
        try (Interrupts interrupts = Interrupts.install(handle);
                ProgressLine line = new ProgressLine(handle, err, terminal)) {
            run = handle.await();
            signalled = interrupts.exitCode();
        }
        boolean reportWritten = junit.map(r -> writeJunit(r, run)).orElse(true);
        io.out().print(SummaryTable.render(run, failures, io.terminal()));
        io.out().print(WarningsText.render(run.warnings(), io.terminal()));
        if (run.summary().retriedCells() > 0) {
            io.out().println("Retried " + run.summary().retriedCells() + " failed cells; the table counts each cell's "
                    + "newest result.");
        }
        io.out().flush();
        if (run.status() == RunStatus.BUDGET_EXCEEDED && folder.isPresent()) {
            err.println("Resume it with a higher cap (the stored spend counts toward it): "
                    + ResumeCommand.of(ResumeCommand.withoutCaps(commandLine), run.id()) + " --max-cost-usd|--max-tokens|--max-calls N");
        } else if (run.status() != RunStatus.COMPLETED && run.status() != RunStatus.FAILED) {
            err.println(folder.isPresent()
                    ? "Resume it with: " + ResumeCommand.of(commandLine, run.id())
                    : "The run was not stored, so it cannot be resumed; give --store DIR to keep runs.");
        } else if (folder.isPresent() && run.status() == RunStatus.COMPLETED && run.summary().overall().failed() > 0) {
            err.println("Call its " + run.summary().overall().failed() + " failed cells again with: "
                    + ResumeCommand.of(commandLine, run.id()) + (retryFailed ? "" : " --retry-failed"));
        }
        int code = exitCode(run, signalled);
        return code == 0 && !reportWritten ? 1 : code;
    }

    /**
     * Reads --junit-xml and --min-score; for a resumed run, the report starts with the stored results.
     *
     * @return the report to fill, or empty without --junit-xml
     */
    private Optional<JunitReport> junitReport(BenchmarkPlan.Builder builder, Optional<Path> folder) {
        List<JunitReport.MinScore> thresholds = minScores.stream().map(JunitReport.MinScore::parse).toList();
        if (junitXml == null) {
            if (!thresholds.isEmpty()) {
                throw new Bench.UsageException("--min-score needs --junit-xml FILE: it marks cells failed in that report");
            }
            return Optional.empty();
        }
        Path parent = junitXml.toAbsolutePath().getParent();
        if (parent == null || !java.nio.file.Files.isDirectory(parent)) {
            throw new Bench.UsageException("--junit-xml: the folder of " + junitXml + " does not exist");
        }
        if (java.nio.file.Files.isDirectory(junitXml)) {
            throw new Bench.UsageException("--junit-xml: " + junitXml + " is a folder, not a file");
        }
        JunitReport report = new JunitReport(thresholds, Optional.of(junitXml), Duration.ofSeconds(10));
        if (resumeId != null && folder.isPresent()) {
            JsonRunStore store = JsonRunStore.at(folder.get());
            if (store.load(resumeId).isPresent()) {
                store.forEachResult(resumeId, report::add);
            }
        }
        builder.sink(report);
        return Optional.of(report);
    }

    /** Writes the JUnit XML report of a run that ended; says so, or why it could not. */
    private boolean writeJunit(JunitReport report, Run run) {
        if (report.info() == null) {
            report.about(run.info(), List.of());   // the run failed before its sinks were opened: no cell finished
        }
        try {
            JunitXml.write(junitXml, report, run.status(), run.statusReason(), run.duration());
            io.err().println("Wrote JUnit XML report " + junitXml + " (" + report.finished() + " of "
                    + run.info().totalCells() + " cells finished)");
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            io.err().println("bench: could not write the JUnit XML report " + junitXml + ": " + e);
            return false;
        }
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
