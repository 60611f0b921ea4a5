package dev.bench4j.perf;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Checks;
import dev.bench4j.scoring.Scorers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of the per-trial {@code checks} scorer's own cost (target: at most 1 µs per check per
 * cell besides the checks themselves): one cell scored by the plan's {@code checks} scorer over N
 * {@code contains} checks (half of them failing, so the reason is built), against the same N
 * {@code contains} scorers (one instance per check, as the checks scorer has) called one after the other on requests whose trial already carries each
 * check's value. The overhead per check is {@code (checks - alone) / N}.
 *
 * <pre>java -jar bench-perf/target/bench-perf.jar ChecksBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChecksBenchmark {

    /** How many checks the trial carries. */
    @Param({"1", "10", "50"})
    public int checks;

    private Scorer checksScorer;
    private ScoreRequest request;
    private Scorer[] contains;
    private ScoreRequest[] alone;

    /** Builds a plan whose one trial has the checks, and the requests for the checks alone. */
    @Setup
    public void setUp() {
        String output = "The capital of France is Paris; word0 word2 word4 and so on.";
        Trial trial = Trial.of("t", Map.of("q", "Capital of France?"));
        for (int i = 0; i < checks; i++) {
            trial = trial.withCheck(Checks.contains("word" + i));
        }
        Prompt prompt = Prompt.named("p").user("{{q}}");
        ModelConfig model = ModelConfig.of("echo", "e");
        BenchmarkPlan plan = BenchmarkPlan.named("checks").prompt(prompt).model(model).trial(trial).noCache().build();
        checksScorer = plan.scorers().stream().filter(s -> s.name().equals("checks")).findFirst().orElseThrow();
        Result result = Result.success(new CellId("p", model.id(), "t", 0), output, FinishReason.STOP,
                Result.Timing.of(Instant.EPOCH, Duration.ofMillis(5)));
        request = new ScoreRequest(result, trial, prompt, model);
        contains = new Scorer[checks];
        alone = new ScoreRequest[checks];
        for (int i = 0; i < checks; i++) {
            contains[i] = Scorers.contains();
            alone[i] = new ScoreRequest(result, trial.withExpected("word" + i), prompt, model);
        }
    }

    /** @return the checks scorer's combined score of one cell */
    @Benchmark
    public Score checksScorer() {
        return checksScorer.score(request).toCompletableFuture().join();
    }

    /** @return the sum of the same checks' scores, each scorer called alone */
    @Benchmark
    public double checksAlone() {
        double sum = 0;
        for (int i = 0; i < alone.length; i++) {
            sum += contains[i].score(alone[i]).toCompletableFuture().join().value().orElse(0);
        }
        return sum;
    }
}
