package dev.bench4j.perf;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.Message;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.scoring.Scorers;
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
 * JMH benchmarks of the per-cell work of the runner through the public API: rendering a prompt with a
 * trial's variables, and a whole run of 10,000 echo cells (with and without a scorer), which includes
 * every cell's rendering, request key and pipeline.
 *
 * <pre>java -jar bench-perf/target/bench-perf.jar PipelineBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PipelineBenchmark {

    private Prompt prompt;
    private Map<String, Object> vars;
    private BenchmarkPlan plan;
    private BenchmarkPlan scoredPlan;

    /** Prepares the inputs once. */
    @Setup
    public void setUp() {
        prompt = Prompt.named("extract").system("You extract conditions.")
                .user("Extract the conditions from this trial description and answer with JSON.\n\n"
                        + "Trial {{id}}: {{text}}\nPopulation: {{population}}");
        vars = Map.of("id", "t-00042", "text", "A phase 2 study of metformin in adults with type 2 diabetes and obesity.",
                "population", "adults 18-65");
        plan = Throughput.plan(10_000, 0, 64).noCache().retainResults(false).build();
        scoredPlan = Throughput.plan(10_000, 0, 64).noCache().retainResults(false).scorer(Scorers.contains()).build();
    }

    /** @return the prompt's messages rendered with one trial's variables (the public {@code Prompt.render}) */
    @Benchmark
    public List<Message> renderPrompt() {
        return prompt.render(vars);
    }

    /** @return a run of 10,000 echo cells (divide the time by 10,000 for the cost per cell) */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Run run10kEchoCells() {
        return plan.run();
    }

    /** @return a run of 10,000 echo cells, each scored by {@code contains} */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Run run10kEchoCellsScored() {
        return scoredPlan.run();
    }
}
