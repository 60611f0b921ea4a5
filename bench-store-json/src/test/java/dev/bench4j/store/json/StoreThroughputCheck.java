package dev.bench4j.store.json;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Environment;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanSnapshot;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.RunSink;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.store.json.internal.SummaryBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Measures the store (not a test; run by hand with {@code -Xmx256m}):
 * <ol>
 * <li>appending 100,000 results with 500-character outputs (flushed per line, fsync every second);
 * <li>opening a 100,000-result run in a new store and computing its summary from its results;
 * <li>100,000 cells of the {@code echo} provider through the runner, without and with the store;
 * <li>writing, then streaming, 1,000,000 results, with the heap in use sampled while streaming.
 * </ol>
 * Usage: {@code java -Xmx256m -cp CLASSPATH dev.bench4j.store.json.StoreThroughputCheck [FOLDER]}
 * (default {@code target/throughput-check}, deleted at the end).
 */
public final class StoreThroughputCheck {

    private static final int MODELS = 4;

    private StoreThroughputCheck() {
    }

    /**
     * Runs the three measurements and prints their figures.
     *
     * @param args an optional folder for the store
     * @throws IOException if the folder cannot be cleaned
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/throughput-check");
        deleteTree(folder);
        try {
            JsonRunStore store = JsonRunStore.at(folder);
            // warm up the JIT on a small run, as a real process has after its first cells
            append(store, "bench_00000000_20260101_000000", 20_000);

            String id = "bench_00000001_20260101_000000";
            double seconds = append(store, id, 100_000);
            long bytes = Files.size(folder.resolve(id).resolve("results.jsonl"));
            System.out.printf(Locale.ROOT, "append 100,000 results (500-char outputs, flush per line, fsync every 1 s):"
                    + " %.2f s = %,.0f results/s (%.0f bytes a line)%n", seconds, 100_000 / seconds, bytes / 100_000.0);

            long t = System.nanoTime();
            JsonRunStore fresh = JsonRunStore.at(folder);
            RunMetadata m = fresh.load(id).orElseThrow();
            Summary s = fresh.summarize(id);
            System.out.printf(Locale.ROOT, "open a 100,000-result run and compute its summary: %.2f s (%d cells, %d models)%n",
                    (System.nanoTime() - t) / 1e9, s.overall().cells(), m.info().plan().models().size());

            for (boolean stored : new boolean[] {false, true, false, true}) {
                BenchmarkPlan.Builder plan = BenchmarkPlan.named("echo-e2e").prompt(Prompt.named("p").user("Q {{x}}"))
                        .model(ModelConfig.of("echo", "e")).trials(Plans.trials(100_000)).concurrency(64).noCache()
                        .retainResults(false);
                if (stored) {
                    plan.store(store);
                }
                BenchmarkPlan built = plan.build();
                t = System.nanoTime();
                Run run = built.run();
                seconds = (System.nanoTime() - t) / 1e9;
                System.out.printf(Locale.ROOT, "100,000 echo cells through the runner %s the store: %.2f s = %,.0f cells/s (%s)%n",
                        stored ? "with" : "without", seconds, 100_000 / seconds, run.status().wireName());
            }

            String big = "bench_00000002_20260101_000000";
            seconds = append(store, big, 1_000_000);
            bytes = Files.size(folder.resolve(big).resolve("results.jsonl"));
            System.out.printf(Locale.ROOT, "append 1,000,000 results: %.2f s = %,.0f results/s, file %,d MB%n", seconds,
                    1_000_000 / seconds, bytes >> 20);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long[] count = {0};
            long[] maxUsed = {rt.totalMemory() - rt.freeMemory()};
            t = System.nanoTime();
            fresh.forEachResult(big, r -> {
                if (++count[0] % 10_000 == 0) {
                    maxUsed[0] = Math.max(maxUsed[0], rt.totalMemory() - rt.freeMemory());
                }
            });
            seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "stream 1,000,000 results: %,d read in %.2f s = %,.0f results/s;"
                    + " max heap %d MB, most heap in use while streaming %d MB%n", count[0], seconds, count[0] / seconds,
                    rt.maxMemory() >> 20, maxUsed[0] >> 20);
        } finally {
            deleteTree(folder);
        }
    }

    private static double append(JsonRunStore store, String id, int n) {
        List<ModelConfig> models = Stream.iterate(0, i -> i + 1).limit(MODELS)
                .map(i -> ModelConfig.of("echo", "m" + i)).toList();
        int trials = n / MODELS;
        PlanSnapshot plan = new PlanSnapshot("throughput", List.of(Prompt.named("p").user("Q {{x}}")), models, trials,
                "0".repeat(64), 1, 64, List.of("exact"));
        RunInfo info = new RunInfo(id, "throughput", Instant.now(), plan, Environment.current());
        String text = "x".repeat(490);
        Instant start = Instant.now();
        Usage usage = Usage.of(120, 130);
        Map<String, Score> pass = Map.of("exact", Score.pass(true));
        Map<String, Score> fail = Map.of("exact", Score.pass(false));
        long t = System.nanoTime();
        RunSink sink = store.open(info, List.of());
        for (int i = 0; i < n; i++) {
            CellId cell = new CellId("p", models.get(i % MODELS).id(), "t" + i / MODELS, 0);
            sink.accept(new Result(cell, (1_000_000_000L + i) + text, FinishReason.STOP, Optional.of("stop"), usage,
                    Result.Timing.of(start.plusMillis(i), Duration.ofNanos(250_000_000L + i)), OptionalDouble.of(1.2e-4),
                    false, 1, Optional.of("m-2026"), Optional.empty(), i % 3 == 0 ? pass : fail, Map.of()));
        }
        Summary none = new SummaryBuilder(plan).build(Duration.ZERO);
        sink.finish(new Run(info, RunStatus.COMPLETED, Optional.empty(), Instant.now(), List.of(), none));
        return (System.nanoTime() - t) / 1e9;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
