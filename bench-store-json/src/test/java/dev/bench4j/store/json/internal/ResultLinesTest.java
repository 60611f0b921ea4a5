package dev.bench4j.store.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Result;
import dev.bench4j.core.Usage;
import dev.bench4j.core.testing.SampleResults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultLinesTest {

    @TempDir
    Path dir;

    private List<Result> roundTrip(List<Result> results) throws Exception {
        Path file = dir.resolve("results.jsonl");
        try (ResultAppender out = new ResultAppender(file, 0)) {
            for (Result r : results) {
                out.append(r);
            }
        }
        List<Result> back = new ArrayList<>();
        ResultsFile.forEach(file, back::add);
        return back;
    }

    @Test
    void everyShapeOfResultReadsBackEqual() throws Exception {
        List<Result> samples = SampleResults.all();

        assertThat(roundTrip(samples)).containsExactlyElementsOf(samples);
    }

    @Test
    void eachResultIsOneLineWithTheDocumentedFieldsInOrder() throws Exception {
        roundTrip(SampleResults.all());

        List<String> lines = Files.readAllLines(dir.resolve("results.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(SampleResults.all().size());
        JsonNode first = Jackson.MAPPER.readTree(lines.get(0));
        assertThat(first.fieldNames()).toIterable().containsExactly("prompt", "model", "trial", "repetition", "output",
                "finish_reason", "raw_finish_reason", "usage", "started_at", "latency_ms", "time_to_first_token_ms",
                "cost_usd", "cached", "attempts", "model_version", "error", "scores", "metrics");
        assertThat(first.get("usage").fieldNames()).toIterable().containsExactly("input_tokens", "output_tokens",
                "reasoning_tokens", "cached_input_tokens", "total_tokens");
        assertThat(first.get("latency_ms").doubleValue()).isEqualTo(812.345678);
        assertThat(first.get("started_at").textValue()).isEqualTo("2026-11-22T18:45:01.123456789Z");
        assertThat(first.get("finish_reason").textValue()).isEqualTo("stop");
        JsonNode failed = Jackson.MAPPER.readTree(lines.get(1));
        assertThat(failed.get("error").toString())
                .isEqualTo("{\"kind\":\"rate_limited\",\"message\":\"Rate limit reached for requests\",\"http_status\":429}");
        assertThat(failed.get("usage").get("input_tokens").isNull()).isTrue();
        assertThat(failed.get("cost_usd").isNull()).isTrue();
        JsonNode scored = Jackson.MAPPER.readTree(lines.get(5));
        assertThat(scored.get("scores").get("exact").toString()).isEqualTo("{\"value\":1.0}");
        assertThat(scored.get("scores").get("judge").toString())
                .isEqualTo("{\"value\":null,\"error\":\"judge answer is not JSON: 'Sure!'\"}");
        assertThat(Jackson.MAPPER.readTree(lines.get(6)).get("metrics").toString())
                .isEqualTo("{\"load_duration_ms\":12.5,\"eval_duration_ms\":300.0,\"prompt_eval_count\":42.0}");
    }

    @Test
    void millisecondsWithAFractionKeepEveryNanosecond() {
        for (long nanos : new long[] {0, 1, 999_999, 1_234_567_891, 86_400_000_000_123L, 7 * 86_400_000_000_000L + 7}) {
            Duration d = Duration.ofNanos(nanos);
            assertThat(ResultLines.duration(ResultLines.millis(d))).isEqualTo(d);
        }
    }

    private static String problem(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        try {
            ResultLines.read(b, 0, b.length);
        } catch (BadLineException e) {
            return e.getMessage();
        }
        throw new AssertionError("no problem found in " + line);
    }

    private static final String GOOD = "{\"prompt\":\"p\",\"model\":\"m\",\"trial\":\"t\",\"repetition\":0,\"output\":\"x\","
            + "\"finish_reason\":\"stop\",\"started_at\":\"2026-11-22T18:45:01Z\",\"latency_ms\":1,\"cached\":false,\"attempts\":1";

    @Test
    void aLineThatIsNotAResultIsDescribedPrecisely() {
        assertThat(problem("[1, 2]")).isEqualTo("expected a JSON object (a result) but found an array");
        assertThat(problem("{\"prompt\": 1}")).isEqualTo("field 'prompt' must be a string but was 1");
        assertThat(problem("{\"prompt\":\"p\"}")).isEqualTo("missing field 'model'");
        assertThat(problem(GOOD + ",\"usage\":{\"input_tokens\":-1}}"))
                .isEqualTo("field 'usage.input_tokens' must be an integer >= 0 or null but was -1");
        assertThat(problem(GOOD + ",\"error\":{\"kind\":\"oops\",\"message\":\"m\"}}"))
                .startsWith("field 'error.kind': error kind must be one of rate_limited, server");
        assertThat(problem(GOOD + ",\"scores\":{\"exact\":{\"value\":null}}}"))
                .isEqualTo("field 'scores.exact': a score has either a value or an error, not neither");
        assertThat(problem(GOOD + ",\"started_at\":\"yesterday\"}"))
                .isEqualTo("field 'started_at' must be an ISO-8601 instant like \"2026-11-22T18:45:01Z\" but was \"yesterday\"");
        assertThat(problem(GOOD + "} {}")).isEqualTo("unexpected content after the result: an object");
        assertThat(problem(GOOD + ",\"finish_reason\":\"error\"}"))
                .isEqualTo("not a valid result: a result with finish reason ERROR must have an error");
        assertThat(problem("{\"prompt\":\"p\",")).startsWith("column ").contains("invalid JSON: Unexpected end-of-input");
    }

    @Test
    void optionalFieldsMayBeAbsentOrNull() {
        byte[] b = (GOOD + ",\"usage\":null,\"error\":null,\"scores\":null,\"metrics\":null,\"cost_usd\":null}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] minimal = (GOOD + "}").getBytes(StandardCharsets.UTF_8);

        assertThat(ResultLines.read(b, 0, b.length)).isEqualTo(ResultLines.read(minimal, 0, minimal.length));
        assertThat(ResultLines.read(minimal, 0, minimal.length).usage()).isEqualTo(Usage.unknown());
    }

    @Test
    void fieldsALaterVersionAddsAreIgnored() {
        byte[] b = (GOOD + ",\"new_field\":{\"a\":[1,2,{\"b\":null}]}}").getBytes(StandardCharsets.UTF_8);

        assertThat(ResultLines.read(b, 0, b.length).output()).isEqualTo("x");
    }
}
