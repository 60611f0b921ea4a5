package dev.bench4j.perf;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Run;
import dev.bench4j.core.internal.Template;
import dev.bench4j.core.internal.pipeline.RequestKeys;
import dev.bench4j.core.spi.ModelRequest;
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
 * JMH benchmarks of the per-cell work of the runner: rendering a template, hashing a request into
 * its cache key, and a whole run of 10,000 echo cells (with and without a scorer).
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

    private Template template;
    private Map<String, Object> vars;
    private RequestKeys keys;
    private ModelRequest request;
    private BenchmarkPlan plan;
    private BenchmarkPlan scoredPlan;

    /** Prepares the inputs once. */
    @Setup
    public void setUp() {
        template = Template.parse("Extract the conditions from this trial description and answer with JSON.\n\n"
                + "Trial {{id}}: {{text}}\nPopulation: {{population}}");
        vars = Map.of("id", "t-00042", "text", "A phase 2 study of metformin in adults with type 2 diabetes and obesity.",
                "population", "adults 18-65");
        ModelConfig model = ModelConfig.of("openai", "gpt-4o-mini").temperature(0).maxOutputTokens(256);
        keys = new RequestKeys(List.of(model));
        request = new ModelRequest(new CellId("p", model.id(), "t1", 0), model,
                List.of(Message.system("You extract conditions."), Message.user(renderTemplate())), 1);
        plan = Throughput.plan(10_000, 0, 64).noCache().retainResults(false).build();
        scoredPlan = Throughput.plan(10_000, 0, 64).noCache().retainResults(false).scorer(Scorers.contains()).build();
    }

    /** @return the rendered template */
    @Benchmark
    public String renderTemplate() {
        return template.render(vars, IllegalStateException::new);
    }

    /** @return the request's cache key */
    @Benchmark
    public String requestKey() {
        return keys.key(request);
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
