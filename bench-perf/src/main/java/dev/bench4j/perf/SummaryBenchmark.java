package dev.bench4j.perf;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanSnapshot;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.SummaryCollector;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Scorers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of a run's summary with every interval (issue 14): 100,000 results of an echo run
 * with latency, usage, a price (so a cost) and two scores (a 0/1 score, which gets Wilson's
 * interval, and one in [0, 1], which gets the clamped t-interval) are fed to the public
 * {@link SummaryCollector}, the accumulator the runner and the store use, which then builds the
 * summary: 6 groups (overall, 2 models, 1 prompt, 2 pairs), each with its success-rate, score,
 * latency-percentile and per-cell cost and token intervals.
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

    /** Results summarized. */
    static final int RESULTS = 100_000;

    private PlanSnapshot plan;
    private List<Result> results;

    /** Runs the 100,000 echo cells once, keeping their results. */
    @Setup
    public void setUp() {
        Scorer share = Scorer.of("share", r -> Score.of((r.trial().id().hashCode() & 1023) / 1023.0));
        Price price = Price.perMillionTokens(0.15, 0.6);
        List<Trial> trials = new ArrayList<>(RESULTS / 2);
        for (int i = 0; i < RESULTS / 2; i++) {
            trials.add(Trial.of("t" + i, Map.of("text", "case " + i + ": patient with type 2 diabetes"))
                    .withExpected(i % 3 == 0 ? "hypertension" : "diabetes"));
        }
        Run run = BenchmarkPlan.named("summary-perf")
                .prompt(Prompt.named("extract").user("Text: {{text}}"))
                .model(ModelConfig.of("echo", "echo-a").withPrice(price))
                .model(ModelConfig.of("echo", "echo-b").withTemperature(0.7).withPrice(price))
                .trials(trials).concurrency(64).noCache()
                .scorer(Scorers.contains()).scorer(share).build().run();
        plan = run.info().plan();
        results = run.results();
        if (results.size() != RESULTS || run.summary().overall().cost().totalUsd().isEmpty()) {
            throw new IllegalStateException("the run should have " + RESULTS + " priced results but had "
                    + run.summary().overall());
        }
    }

    /** @return the summary of the 100,000 results, every interval included */
    @Benchmark
    public Summary summarize100kResults() {
        SummaryCollector c = SummaryCollector.of(plan);
        for (Result r : results) {
            c.add(r);
        }
        return c.build(Duration.ofSeconds(60));
    }
}
