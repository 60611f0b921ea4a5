package dev.bench4j.store.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Result;
import dev.bench4j.core.json.InvalidJsonException;
import dev.bench4j.core.testing.SampleResults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void aLineThatIsNotAResultBecomesABadLineWithTheCodecsMessage() {
        byte[] b = "{\"prompt\": 1}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ResultLines.read(b, 0, b.length)).isInstanceOf(BadLineException.class)
                .hasMessage("field 'prompt' must be a string but was 1").hasCauseInstanceOf(InvalidJsonException.class);
    }

    @Test
    void readsTheLineBetweenItsOffsetsOnly() {
        byte[] b = "garbage{\"prompt\":\"p\",\"model\":\"m\",\"trial\":\"t\",\"repetition\":0,\"output\":\"x\",\"finish_reason\":\"stop\",\"started_at\":\"2026-11-22T18:45:01Z\",\"latency_ms\":1,\"cached\":false,\"attempts\":1}garbage"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(ResultLines.read(b, 7, b.length - 14).output()).isEqualTo("x");
    }
}
