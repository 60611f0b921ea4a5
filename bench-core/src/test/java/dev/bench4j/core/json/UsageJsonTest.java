package dev.bench4j.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Usage;
import dev.bench4j.core.internal.Jackson;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Token counts in the one usage format, unknown written as null: {@link UsageJson}. */
class UsageJsonTest {

    private static Usage read(String json) throws Exception {
        return UsageJson.read(JsonFields.of(Jackson.MAPPER.readTree(json), "usage.json", InvalidPlanException::new));
    }

    @Test
    void writesEveryCountInOrderWithNullForUnknown() {
        Usage partial = new Usage(OptionalLong.of(10), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(0),
                OptionalLong.of(99));

        assertThat(UsageJson.toNode(Usage.of(120, 40).withReasoningTokens(16).withCachedInputTokens(64)).toString())
                .isEqualTo("{\"input_tokens\":120,\"output_tokens\":40,\"reasoning_tokens\":16,\"cached_input_tokens\":64,"
                        + "\"total_tokens\":160}");
        assertThat(UsageJson.toNode(partial).toString())
                .isEqualTo("{\"input_tokens\":10,\"output_tokens\":null,\"reasoning_tokens\":null,\"cached_input_tokens\":0,"
                        + "\"total_tokens\":99}");
        assertThat(UsageJson.toNode(Usage.unknown()).fieldNames()).toIterable().containsExactlyElementsOf(UsageJson.FIELDS);
    }

    @Test
    void readsBackEqualTakingAnAbsentCountAsUnknown() throws Exception {
        for (Usage u : new Usage[] {Usage.unknown(), Usage.of(7, 2), Usage.of(5, 0).withTotalTokens(11).withReasoningTokens(0)}) {
            assertThat(read(UsageJson.toNode(u).toString())).isEqualTo(u);
        }
        assertThat(read("{\"input_tokens\": 5}"))
                .isEqualTo(new Usage(OptionalLong.of(5), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                        OptionalLong.empty()));
        assertThat(read("{\"input_tokens\": 5, \"later_field\": 1}").inputTokens()).hasValue(5);
    }

    @Test
    void aCountThatIsNotAnIntegerOfAtLeastZeroIsRefusedNamingIt() throws Exception {
        var fields = JsonFields.of(Jackson.MAPPER.readTree("{\"usage\": {\"output_tokens\": -1}}"), "recordings.jsonl line 2",
                IllegalArgumentException::new);

        assertThatThrownBy(() -> UsageJson.read(fields.object("usage"))).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("recordings.jsonl line 2: field 'usage.output_tokens' must be an integer >= 0 or null but was -1");
        assertThatThrownBy(() -> read("{\"total_tokens\": 1.5}"))
                .hasMessage("usage.json: field 'total_tokens' must be an integer >= 0 or null but was 1.5");
        assertThatThrownBy(() -> read("{\"input_tokens\": \"12\"}"))
                .hasMessage("usage.json: field 'input_tokens' must be an integer >= 0 or null but was \"12\"");
    }

    @Test
    void aReaderOfHandWrittenFilesRefusesUnknownCountsWithTheFieldNames() throws Exception {
        var fields = JsonFields.of(Jackson.MAPPER.readTree("{\"prompt_tokens\": 3}"), "usage.json", InvalidPlanException::new);

        assertThatThrownBy(() -> UsageJson.read(fields.allowOnly(UsageJson.FIELDS)))
                .hasMessageStartingWith("usage.json: unknown field 'prompt_tokens'")
                .hasMessageEndingWith("; allowed fields are input_tokens, output_tokens, reasoning_tokens, cached_input_tokens,"
                        + " total_tokens");
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> UsageJson.toNode(null)).isInstanceOf(NullPointerException.class).hasMessage("usage");
        assertThatThrownBy(() -> UsageJson.read(null)).isInstanceOf(NullPointerException.class).hasMessage("usage");
    }
}
