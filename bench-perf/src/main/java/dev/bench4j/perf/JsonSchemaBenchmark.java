package dev.bench4j.perf;

import dev.bench4j.core.CellId;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of the {@code json_schema} scorer on a 2 KB output (target: at least 50,000 checks
 * a second on one thread): a structured-extraction record (a patient with 15 conditions, each with
 * a code, a status and a date) checked against a schema with required fields, types, enums, a
 * pattern and {@code additionalProperties: false}; once valid, once with three errors, and once
 * wrapped in a fenced block with prose around it. Each check parses the output and validates it.
 *
 * <pre>java -jar bench-perf/target/bench-perf.jar JsonSchemaBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JsonSchemaBenchmark {

    private static final String SCHEMA = """
            {"type": "object", "required": ["patient_id", "name", "age", "conditions"], "additionalProperties": false,
             "properties": {
              "patient_id": {"type": "string", "pattern": "^P[0-9]{6}$"},
              "name": {"type": "string", "minLength": 1},
              "age": {"type": "integer", "minimum": 0, "maximum": 130},
              "notes": {"type": "string"},
              "conditions": {"type": "array", "minItems": 1, "items": {
                "type": "object", "required": ["code", "label", "status", "since"], "additionalProperties": false,
                "properties": {
                 "code": {"type": "string", "pattern": "^[A-Z][0-9]{2}(\\\\.[0-9]{1,2})?$"},
                 "label": {"type": "string"},
                 "status": {"enum": ["active", "resolved", "suspected"]},
                 "since": {"type": "string"}}}}}}""";

    private Scorer scorer;
    private ScoreRequest valid;
    private ScoreRequest invalid;
    private ScoreRequest inProse;

    /** Compiles the schema and builds the three outputs, about 2 KB each. */
    @Setup
    public void setUp() {
        scorer = Scorers.jsonSchema(SCHEMA);
        String json = record(false);
        valid = request(json);
        invalid = request(record(true));
        inProse = request("Here is the extracted record:\n```json\n" + json + "\n```\nLet me know if you need more.");
        check(valid, 1.0);
        check(invalid, 0.0);
        check(inProse, 1.0);
    }

    private static String record(boolean withErrors) {
        StringBuilder b = new StringBuilder("{\"patient_id\": \"P004217\", \"name\": \"Ada Example\", \"age\": ")
                .append(withErrors ? "\"forty\"" : "47")
                .append(", \"notes\": \"Referred by the GP for a review of long-term medication and follow-up.\", ")
                .append("\"conditions\": [");
        String[] statuses = {"active", "resolved", "suspected"};
        for (int i = 0; i < 15; i++) {
            b.append(i == 0 ? "" : ", ").append("{\"code\": \"").append(withErrors && i == 5 ? "e11" : "E1" + (i % 10))
                    .append(".").append(i).append("\", \"label\": \"Condition number ").append(i)
                    .append(" with a fairly descriptive label\", \"status\": \"")
                    .append(withErrors && i == 9 ? "unknown" : statuses[i % 3]).append("\", \"since\": \"20")
                    .append(10 + i).append("-0").append(1 + i % 9).append("-15\"}");
        }
        return b.append("]}").toString();
    }

    private static ScoreRequest request(String output) {
        Trial trial = Trial.of("t1", Map.of("x", "1"));
        Prompt prompt = Prompt.named("p").user("{{x}}");
        ModelConfig model = ModelConfig.of("echo", "e");
        Result result = Result.success(new CellId("p", model.id(), "t1", 0), output, FinishReason.STOP,
                Result.Timing.of(Instant.EPOCH, Duration.ofMillis(5)));
        return new ScoreRequest(result, trial, prompt, model);
    }

    private void check(ScoreRequest request, double expected) {
        Score s = scorer.score(request).toCompletableFuture().join();
        if (s.value().orElse(-1) != expected) {
            throw new IllegalStateException("expected " + expected + " but scored " + s + " on "
                    + request.output().length() + " chars");
        }
    }

    /** @return the score of a valid 2 KB record */
    @Benchmark
    public Score validRecord() {
        return scorer.score(valid).toCompletableFuture().join();
    }

    /** @return the score of a 2 KB record with three errors, listed in the reason */
    @Benchmark
    public Score invalidRecord() {
        return scorer.score(invalid).toCompletableFuture().join();
    }

    /** @return the score of a valid record in a fenced block with prose around it */
    @Benchmark
    public Score recordInProse() {
        return scorer.score(inProse).toCompletableFuture().join();
    }
}
