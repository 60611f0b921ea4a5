package dev.bench4j.perf;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Scorers;
import dev.bench4j.store.json.JsonRunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of a run's summary with every interval (issue 14): a stored run of 100,000 echo
 * results with latency, usage, a price (so a cost) and two scores (a 0/1 score, which gets Wilson's
 * interval, and one in [0, 1], which gets the clamped t-interval) is summarized again from its
 * results file through the public {@link JsonRunStore#summarize(String)}, which feeds every result
 * to the same accumulator the runner uses. {@code readResults} is the reading alone, so the
 * difference is the summary's own work.
 *
 * <pre>java -jar bench-perf/target/bench-perf.jar SummaryBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SummaryBenchmark {

    /** Results in the stored run. */
    static final int RESULTS = 100_000;

    private Path folder;
    private JsonRunStore store;
    private String runId;

    /** Runs the 100,000 cells once into a store in a temporary folder. */
    @Setup
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("bench4j-summary-perf");
        store = JsonRunStore.at(folder);
        Scorer share = Scorer.of("share", r -> Score.of((r.trial().id().hashCode() & 1023) / 1023.0));
        Price price = Price.perMillionTokens(0.15, 0.6);
        List<Trial> trials = new ArrayList<>(RESULTS / 2);
        for (int i = 0; i < RESULTS / 2; i++) {
            trials.add(Trial.of("t" + i, Map.of("text", "case " + i + ": patient with type 2 diabetes"))
                    .withExpected(i % 3 == 0 ? "hypertension" : "diabetes"));
        }
        BenchmarkPlan priced = BenchmarkPlan.named("summary-perf")
                .prompt(Prompt.named("extract").user("Text: {{text}}"))
                .model(ModelConfig.of("echo", "echo-a").withPrice(price))
                .model(ModelConfig.of("echo", "echo-b").withTemperature(0.7).withPrice(price))
                .trials(trials).concurrency(64).noCache().retainResults(false)
                .scorer(Scorers.contains()).scorer(share).store(store).build();
        Run run = priced.run();
        runId = run.id();
        if (run.summary().overall().cells() != RESULTS || run.summary().overall().cost().totalUsd().isEmpty()) {
            throw new IllegalStateException("the stored run should have " + RESULTS + " priced results but had "
                    + run.summary().overall());
        }
    }

    /** Deletes the temporary store. */
    @TearDown
    public void tearDown() {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the summary of the 100,000 stored results, every interval included */
    @Benchmark
    public Summary summarize100kResults() {
        return store.summarize(runId);
    }

    /** @return how many of the 100,000 stored results were read (reading alone, the baseline) */
    @Benchmark
    public long readResults() {
        long[] n = {0};
        store.forEachResult(runId, r -> n[0]++);
        return n[0];
    }
}
