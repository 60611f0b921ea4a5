package dev.bench4j.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.internal.Jackson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typed field reading whose messages name the file, the field's path, the value and what was expected: {@link JsonFields}. */
class JsonFieldsTest {

    private static JsonFields fields(String json) throws Exception {
        return JsonFields.of(Jackson.MAPPER.readTree(json), "f.json", InvalidPlanException::new);
    }

    @Test
    void readsTypedFieldsAndTakesNullAsAbsent() throws Exception {
        JsonFields f = fields("{\"s\": \"x\", \"n\": 2.5, \"i\": 256.0, \"c\": 3, \"b\": true, \"t\": \"2026-11-22T18:45:01Z\","
                + " \"a\": [\"p\", \"q\"], \"m\": {\"k\": [1]}, \"gone\": null}");

        assertThat(f.string("s")).isEqualTo("x");
        assertThat(f.number("n")).isEqualTo(2.5);
        assertThat(f.optInt("i")).contains(256);
        assertThat(f.optLong("c")).contains(3L);
        assertThat(f.count("c")).isEqualTo(3L);
        assertThat(f.intCount("c")).isEqualTo(3);
        assertThat(f.optBoolean("b")).contains(true);
        assertThat(f.instant("t")).isEqualTo(Instant.parse("2026-11-22T18:45:01Z"));
        assertThat(f.strings("a")).containsExactly("p", "q");
        assertThat(f.map("m")).isEqualTo(Map.of("k", List.of(1L)));
        assertThat(f.has("gone")).isFalse();
        assertThat(f.optString("gone")).isEmpty();
        assertThat(f.map("gone")).isEmpty();
        assertThat(f.optObject("gone")).isEmpty();
        assertThat(f.get("absent")).isEmpty();
    }

    @Test
    void namesTheFileTheFieldsPathTheValueAndWhatWasExpected() throws Exception {
        JsonFields f = fields("{\"price\": {\"input\": \"cheap\"}, \"c\": 2.0, \"big\": 3000000000, \"t\": \"yesterday\","
                + " \"a\": [\"p\", 7], \"blank\": \" \", \"m\": {\"k\": null}}");
        JsonFields price = f.object("price");

        assertThatThrownBy(() -> price.number("input")).isInstanceOf(InvalidPlanException.class)
                .hasMessage("f.json: field 'price.input' must be a number but was \"cheap\"");
        assertThatThrownBy(() -> price.number("output")).hasMessage("f.json: missing field 'price.output'");
        assertThatThrownBy(() -> f.count("c")).hasMessage("f.json: field 'c' must be an integer >= 0 but was 2.0");
        assertThatThrownBy(() -> f.optInt("big"))
                .hasMessage("f.json: field 'big' must be an integer of at most 2147483647 but was 3000000000");
        assertThatThrownBy(() -> f.intCount("big"))
                .hasMessage("f.json: field 'big' must be an integer of at most 2147483647 but was 3000000000");
        assertThatThrownBy(() -> f.instant("t"))
                .hasMessage("f.json: field 't' must be an ISO-8601 instant like \"2026-11-22T18:45:01Z\" but was \"yesterday\"");
        assertThatThrownBy(() -> f.strings("a")).hasMessage("f.json: field 'a[1]' must be a string but was 7");
        assertThatThrownBy(() -> f.nonBlankString("blank")).hasMessage("f.json: field 'blank' must not be blank");
        assertThatThrownBy(() -> f.map("m"))
                .hasMessage("f.json: field 'm' has a null value for 'k'; remove the entry or give it a value");
        assertThatThrownBy(() -> f.object("c")).hasMessage("f.json: field 'c' must be an object but was 2.0");
        assertThatThrownBy(() -> f.array("price")).hasMessage("f.json: field 'price' must be an array but was an object");
        assertThatThrownBy(() -> f.optBoolean("c")).hasMessage("f.json: field 'c' must be true or false but was 2.0");
        assertThatThrownBy(() -> f.optNumber("t")).hasMessage("f.json: field 't' must be a number but was \"yesterday\"");
    }

    @Test
    void refusesFieldsNotAllowedSuggestingTheClosestName() throws Exception {
        JsonFields f = fields("{\"provider\": \"echo\", \"temprature\": 1}");

        assertThatThrownBy(() -> f.allowOnly(List.of("provider", "temperature")))
                .hasMessage("f.json: unknown field 'temprature' (did you mean 'temperature'?); allowed fields are"
                        + " provider, temperature");
        assertThat(f.allowOnly(List.of("provider", "temprature"))).isSameAs(f);
    }

    @Test
    void reportsEveryProblemWithTheExceptionTheCallerChose() throws Exception {
        JsonNode node = Jackson.MAPPER.readTree("{\"run\": {\"n\": \"x\"}}");
        JsonFields f = JsonFields.of(node, "export.json", IllegalStateException::new);
        IllegalArgumentException refusal = new IllegalArgumentException("n must be >= 1 but was 0");

        assertThatThrownBy(() -> f.object("run").count("n")).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("export.json: field 'run.n' must be an integer >= 0 but was \"x\"");
        assertThat(f.refused("n", refusal)).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("export.json: field 'n': n must be >= 1 but was 0").hasCause(refusal);
        assertThat(f.failure("fields 'a' and 'b' are both set")).hasMessage("export.json: fields 'a' and 'b' are both set");
        assertThat(f.missing("n", " (a count)")).hasMessage("export.json: missing field 'n' (a count)");
        assertThat(JsonFields.of(node.get("run"), "export.json", "run", IllegalStateException::new).problem("n", "is odd"))
                .hasMessage("export.json: field 'run.n' is odd");
    }

    @Test
    void refusesANodeThatIsNotAnObject() throws Exception {
        JsonNode array = Jackson.MAPPER.readTree("[1]");

        assertThatThrownBy(() -> JsonFields.of(array, "f.json", InvalidPlanException::new))
                .isInstanceOf(InvalidPlanException.class).hasMessage("f.json: expected a JSON object but found an array");
        assertThatThrownBy(() -> JsonFields.of(array, "export.json", "run", InvalidPlanException::new))
                .hasMessage("export.json: field 'run' must be an object but was an array");
        assertThatThrownBy(() -> fields("{}").nested(null, "messages[0]"))
                .hasMessage("f.json: field 'messages[0]' must be an object but was nothing");
    }

    @Test
    void describesValuesShortly() throws Exception {
        assertThat(JsonFields.describe(null)).isEqualTo("nothing");
        assertThat(JsonFields.describe(Jackson.MAPPER.readTree("null"))).isEqualTo("null");
        assertThat(JsonFields.describe(Jackson.MAPPER.readTree("{}"))).isEqualTo("an object");
        assertThat(JsonFields.describe(Jackson.MAPPER.readTree("\"" + "x".repeat(50) + "\"")))
                .isEqualTo("\"" + "x".repeat(39) + "...");
        assertThat(JsonFields.describe(Jackson.MAPPER.readTree("\"" + "x".repeat(38) + "😀\"")))
                .isEqualTo("\"" + "x".repeat(38) + "...");
    }

    @Test
    void rejectsNullArguments() throws Exception {
        JsonNode node = Jackson.MAPPER.readTree("{}");

        assertThatThrownBy(() -> JsonFields.of(null, "w", InvalidPlanException::new)).isInstanceOf(NullPointerException.class)
                .hasMessage("node");
        assertThatThrownBy(() -> JsonFields.of(node, null, InvalidPlanException::new)).isInstanceOf(NullPointerException.class)
                .hasMessage("where");
        assertThatThrownBy(() -> JsonFields.of(node, "w", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("failure");
        assertThatThrownBy(() -> JsonFields.of(node, "w", null, InvalidPlanException::new))
                .isInstanceOf(NullPointerException.class).hasMessage("path");
        assertThat(JsonFields.of(node, "w", InvalidPlanException::new).optObject("x")).isEqualTo(Optional.empty());
    }
}
