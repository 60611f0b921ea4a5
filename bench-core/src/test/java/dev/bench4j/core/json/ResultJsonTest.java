package dev.bench4j.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Result;
import dev.bench4j.core.Usage;
import dev.bench4j.core.internal.Jackson;
import dev.bench4j.core.testing.SampleResults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A result as one line of {@code results.jsonl}, read back equal: {@link ResultJson}. */
class ResultJsonTest {

    static byte[] line(Result r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Jackson.MAPPER.getFactory().createGenerator(out)) {
            ResultJson.write(g, r);
        }
        return out.toByteArray();
    }

    private static Result read(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return ResultJson.read(b, 0, b.length);
    }

    private static String problem(String line) {
        try {
            read(line);
        } catch (InvalidJsonException e) {
            return e.getMessage();
        }
        throw new AssertionError("no problem found in " + line);
    }

    private static final String GOOD = "{\"prompt\":\"p\",\"model\":\"m\",\"trial\":\"t\",\"repetition\":0,\"output\":\"x\","
            + "\"finish_reason\":\"stop\",\"started_at\":\"2026-11-22T18:45:01Z\",\"latency_ms\":1,\"cached\":false,\"attempts\":1";

    @Test
    void everyShapeOfResultReadsBackEqual() throws IOException {
        for (Result r : SampleResults.all()) {
            byte[] b = line(r);
            assertThat(ResultJson.read(b, 0, b.length)).isEqualTo(r);
        }
    }

    @Test
    void writesEveryFieldInTheDocumentedOrderOnOneLine() throws IOException {
        String line = new String(line(SampleResults.all().get(0)), StandardCharsets.UTF_8);

        assertThat(line).isEqualTo("{\"prompt\":\"p\",\"model\":\"openai:gpt-4o-mini\",\"trial\":\"t1\",\"repetition\":0,"
                + "\"output\":\"{\\\"conditions\\\": [\\\"asthma\\\"]}\",\"finish_reason\":\"stop\",\"raw_finish_reason\":\"stop\","
                + "\"usage\":{\"input_tokens\":120,\"output_tokens\":40,\"reasoning_tokens\":16,\"cached_input_tokens\":64,"
                + "\"total_tokens\":160},\"started_at\":\"2026-11-22T18:45:01.123456789Z\",\"latency_ms\":812.345678,"
                + "\"time_to_first_token_ms\":null,\"cost_usd\":4.2E-5,\"cached\":false,\"attempts\":1,"
                + "\"model_version\":\"gpt-4o-mini-2024-07-18\",\"error\":null,\"scores\":{},\"metrics\":{}}");
        String judged = new String(line(SampleResults.all().get(5)), StandardCharsets.UTF_8);
        assertThat(judged).contains("\"llm_judge\":{\"value\":0.75,\"reason\":\"misses one condition\","
                + "\"details\":{\"judge_score\":4.0},\"calls\":[{\"model\":\"anthropic:judge\",\"usage\":{\"input_tokens\":null,"
                + "\"output_tokens\":null,\"reasoning_tokens\":null,\"cached_input_tokens\":null,\"total_tokens\":null},"
                + "\"cost_usd\":null,\"cached\":false,\"attempts\":3,\"latency_ms\":3000.0,\"error\":{\"kind\":\"server\","
                + "\"message\":\"overloaded\",\"http_status\":529}},");
    }

    @Test
    void readsResultsInsideALargerDocumentLeavingTheParserOnEachEnd() throws IOException {
        List<Result> samples = SampleResults.all().subList(0, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Jackson.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartArray();
            for (Result r : samples) {
                ResultJson.write(g, r);
            }
            g.writeEndArray();
        }
        List<Result> back = new ArrayList<>();
        try (JsonParser p = Jackson.MAPPER.getFactory().createParser(out.toByteArray())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                back.add(ResultJson.read(p));
            }
        }

        assertThat(back).containsExactlyElementsOf(samples);
    }

    @Test
    void aLineThatIsNotAResultIsDescribedPrecisely() {
        assertThat(problem("[1, 2]")).isEqualTo("expected a JSON object (a result) but found an array");
        assertThat(problem("{\"prompt\": 1}")).isEqualTo("field 'prompt' must be a string but was 1");
        assertThat(problem("{\"prompt\":\"p\"}")).isEqualTo("missing field 'model'");
        assertThat(problem(GOOD + ",\"usage\":{\"input_tokens\":-1}}"))
                .isEqualTo("field 'usage.input_tokens' must be an integer >= 0 or null but was -1");
        assertThat(problem(GOOD + ",\"scores\":{\"j\":{\"value\":1,\"calls\":[{\"model\":\"judge\",\"usage\":{\"total_tokens\":"
                + "\"many\"}}]}}}")).isEqualTo("field 'scores.j.calls[0].usage.total_tokens' must be an integer >= 0 or null"
                + " but was \"many\"");
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

    private static CellId cell(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return ResultJson.readCell(b, 0, b.length);
    }

    @Test
    void readsTheCellOfEveryShapeOfResult() throws IOException {
        for (Result r : SampleResults.all()) {
            byte[] b = line(r);
            assertThat(ResultJson.readCell(b, 0, b.length)).isEqualTo(r.cell());
        }
    }

    @Test
    void readsTheCellWithoutReadingThePartOfTheLineAfterIt() {
        assertThat(cell(GOOD.substring(0, GOOD.indexOf(",\"output\"")) + ",\"output\": not json at all"))
                .isEqualTo(new CellId("p", "m", "t", 0));
        assertThat(cell("{\"output\":\"x\",\"scores\":{\"a\":{\"value\":1}},\"repetition\":2,\"trial\":\"t\",\"model\":\"m\","
                + "\"prompt\":\"p\"}")).as("in any order").isEqualTo(new CellId("p", "m", "t", 2));
    }

    @Test
    void aCellThatCannotBeReadIsDescribedAsTheWholeReadDescribesIt() {
        for (String bad : List.of("[1, 2]", "{\"prompt\": 1}", "{\"prompt\":\"p\"}", "{\"prompt\":\"p\",",
                "{\"prompt\":\"p\",\"model\":\"m\",\"trial\":\"t\",\"repetition\":-1}",
                "{\"prompt\":\"p\",\"model\":\"m\",\"trial\":\"t\",\"repetition\":1.5}", "{\"prompt\": garbage")) {
            String whole = problem(bad);
            assertThatThrownBy(() -> cell(bad)).as(bad).isInstanceOf(InvalidJsonException.class).hasMessage(whole);
        }
    }

    @Test
    void optionalFieldsMayBeAbsentOrNullAndUnknownOnesAreIgnored() {
        Result minimal = read(GOOD + "}");

        assertThat(read(GOOD + ",\"usage\":null,\"error\":null,\"scores\":null,\"metrics\":null,\"cost_usd\":null}"))
                .isEqualTo(minimal);
        assertThat(read(GOOD + ",\"new_field\":{\"a\":[1,2,{\"b\":null}]}}")).isEqualTo(minimal);
        assertThat(minimal.usage()).isEqualTo(Usage.unknown());
        assertThat(minimal.costUsd()).isEmpty();
    }

    @Test
    void millisecondsWithAFractionKeepEveryNanosecond() {
        for (long nanos : new long[] {0, 1, 999_999, 1_234_567_891, 86_400_000_000_123L, 7 * 86_400_000_000_000L + 7}) {
            Duration d = Duration.ofNanos(nanos);
            assertThat(ResultJson.duration(ResultJson.millis(d))).isEqualTo(d);
        }
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> ResultJson.write(null, SampleResults.all().get(0))).isInstanceOf(NullPointerException.class)
                .hasMessage("g");
        assertThatThrownBy(() -> ResultJson.read((JsonParser) null)).isInstanceOf(NullPointerException.class).hasMessage("p");
        assertThatThrownBy(() -> ResultJson.read(null, 0, 0)).isInstanceOf(NullPointerException.class);
    }
}
