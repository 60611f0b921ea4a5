package dev.bench4j.examples.cli;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.providers.openai.OpenAiBatch;
import dev.bench4j.store.json.JsonRunStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench batch-import PLAN FILE... [--store DIR]}: reads OpenAI Batch API (or vLLM
 * {@code run_batch}) output files as the answers of the plan's cells and runs the plan on them:
 * each line becomes a result (HTTP errors kept per line), scored, summarized and, when the plan or
 * {@code --store} names a store, kept there as a run. Nothing is called.
 */
@Command(name = "batch-import", description = "Run a plan on the answers of batch output files.", mixinStandardHelpOptions = true)
final class BatchImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PLAN", description = "the plan the batch input was written from")
    Path plan;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "batch output (and error) files")
    List<Path> files;

    @Option(names = "--store", paramLabel = "DIR", description = "keep the imported run in this store (overrides the plan's store)")
    Path storeDir;

    private final Bench.Io io;

    BatchImportCommand(Bench.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        PlanFile file = PlanFile.load(plan);
        BenchmarkPlan built = file.build();
        Optional<Path> folder = Optional.ofNullable(storeDir).or(file::store);
        BenchmarkPlan.Builder answered;
        try {
            answered = OpenAiBatch.importOutput(built, files);
        } catch (IllegalArgumentException e) {
            throw new Bench.UsageException(e.getMessage());
        }
        folder.ifPresent(f -> answered.store(JsonRunStore.at(f)));
        FailureSample failures = new FailureSample();
        Run run = answered.retainResults(false).sink(failures).build().run();
        folder.ifPresent(f -> io.err().println("Stored run " + run.id() + " in " + f));
        io.out().print(SummaryTable.render(run, failures, io.terminal()));
        return run.status() == RunStatus.COMPLETED ? 0 : 1;
    }
}
