package dev.bench4j.examples.cli;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.PlanFile;
import dev.bench4j.providers.openai.OpenAiBatch;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench batch-export PLAN --out FILE [--model ID]}: writes the plan's cells as an OpenAI
 * Batch API input file (JSON Lines of {@code custom_id}, {@code method}, {@code url}, {@code body}),
 * which OpenAI's Batch API and vLLM's {@code run_batch} read. Nothing is called.
 */
@Command(name = "batch-export", description = "Write a plan's cells as an OpenAI Batch API input file.",
        mixinStandardHelpOptions = true)
final class BatchExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PLAN", description = "the plan file")
    Path plan;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the batch input file to write (.jsonl)")
    Path out;

    @Option(names = "--model", paramLabel = "ID", description = "only this model's cells (a batch runs one model)")
    String model;

    private final Bench.Io io;

    BatchExportCommand(Bench.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        BenchmarkPlan built = PlanFile.load(plan).build();
        long lines;
        try {
            lines = model == null ? OpenAiBatch.writeInput(built, out) : OpenAiBatch.writeInput(built, model, out);
        } catch (IllegalArgumentException e) {
            throw new Bench.UsageException(e.getMessage());
        }
        io.err().println("Wrote " + Format.count(lines) + " requests to " + out);
        return 0;
    }
}
