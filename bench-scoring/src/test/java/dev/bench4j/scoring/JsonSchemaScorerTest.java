package dev.bench4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import dev.bench4j.scoring.testing.Requests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** json_schema: validation against drafts 2020-12 and 07, how JSON is found in the output, and bad schemas. */
class JsonSchemaScorerTest {

    private static final String PERSON = """
            {"type": "object", "required": ["name", "age"], "additionalProperties": false,
             "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0}}}""";

    private static Score score(Scorer scorer, String output) {
        return Requests.score(scorer, output, "");
    }

    private static ScorerFactory factory() {
        return ServiceLoader.load(ScorerFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals("json_schema")).findFirst().orElseThrow();
    }

    @Test
    void anOutputThatMatchesTheSchemaPassesAndOneThatDoesNotFailsListingTheErrorsWithTheirPaths() {
        Scorer s = Scorers.jsonSchema(PERSON);

        assertThat(score(s, "{\"name\": \"Ada\", \"age\": 36}").value()).hasValue(1.0);
        Score bad = score(s, "{\"name\": 7, \"age\": -1}");
        assertThat(bad.value()).hasValue(0.0);
        assertThat(bad.error()).isEmpty();
        assertThat(bad.reason().orElseThrow()).startsWith("2 schema errors: ")
                .contains("at \"/name\": ").contains("string").contains("at \"/age\": ").contains("0");
    }

    @Test
    void theReasonNamesEachErrorsPathAndWhatTheSchemaWanted() {
        Scorer s = Scorers.jsonSchema("{\"type\": \"object\", \"properties\": {\"age\": {\"type\": \"integer\"}, "
                + "\"status\": {\"enum\": [\"active\", \"resolved\"]}}}");

        assertThat(score(s, "{\"age\": \"forty\", \"status\": \"gone\"}").reason()).hasValue("2 schema errors: "
                + "at \"/age\": string found, integer expected; "
                + "at \"/status\": does not have a value in the enumeration [\"active\", \"resolved\"]");
    }

    @Test
    void formatIsAnAnnotationUnder202012AndAnAssertionUnderDraft07() {
        String date = "\"type\": \"string\", \"format\": \"date\"}";

        assertThat(score(Scorers.jsonSchema("{" + date), "\"yesterday\"").value()).hasValue(1.0);
        assertThat(score(Scorers.jsonSchema("{\"$schema\": \"http://json-schema.org/draft-07/schema#\", " + date),
                "\"yesterday\"").value()).hasValue(0.0);
    }

    @Test
    void theReasonListsTheFirstThreeErrorsAndCountsTheRest() {
        Scorer s = Scorers.jsonSchema("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}");

        String reason = score(s, "[1, 2, 3, 4, 5]").reason().orElseThrow();

        assertThat(reason).startsWith("5 schema errors: ").contains("at \"/0\"").contains("at \"/2\"")
                .doesNotContain("at \"/3\"").endsWith("; and 2 more");
    }

    @Test
    void jsonInAFencedBlockOrInProseIsFoundAsTheJudgesVerdictReaderFindsIt() {
        Scorer s = Scorers.jsonSchema(PERSON);

        assertThat(score(s, "```json\n{\"name\": \"Ada\", \"age\": 36}\n```").value()).hasValue(1.0);
        assertThat(score(s, "Here it is: {\"name\": \"Ada\", \"age\": 36}. Anything else?").value()).hasValue(1.0);
        assertThat(score(s, "Sure!\n```json\n{\"name\": \"Ada\", \"age\": 36}\n```\nDone.").value()).hasValue(1.0);
        assertThat(score(Scorers.jsonSchema("{\"type\": \"array\"}"), "The list: [1, 2].").value()).hasValue(1.0);
    }

    @Test
    void anOutputThatIsNotJsonIsAFailedCheckWithAReasonNotAnError() {
        Score s = score(Scorers.jsonSchema(PERSON), "I cannot answer that.");

        assertThat(s.value()).hasValue(0.0);
        assertThat(s.error()).isEmpty();
        assertThat(s.reason().orElseThrow()).startsWith("output is not JSON: I cannot answer that.");
    }

    @Test
    void aPointerValidatesOnlyTheValueThereAndAMissingValueFails() {
        Scorer s = Scorers.jsonSchema("{\"type\": \"integer\"}", "/result/count");

        assertThat(score(s, "{\"result\": {\"count\": 3}, \"notes\": \"x\"}").value()).hasValue(1.0);
        assertThat(score(s, "{\"result\": {\"count\": \"3\"}}").reason().orElseThrow())
                .startsWith("1 schema error: at \"/result/count\": ");
        assertThat(score(s, "{\"result\": {}}").reason()).hasValue("output has nothing at pointer \"/result/count\"");
    }

    @Test
    void theDraftIsTheOneSchemaNamesAnd202012WhenItNamesNone() {
        // prefixItems is a 2020-12 keyword; draft 07 ignores it as an unknown keyword.
        String tuple = "\"prefixItems\": [{\"type\": \"integer\"}]";
        Scorer latest = Scorers.jsonSchema("{" + tuple + "}");
        Scorer named2020 = Scorers.jsonSchema("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", " + tuple + "}");
        Scorer draft07 = Scorers.jsonSchema("{\"$schema\": \"http://json-schema.org/draft-07/schema#\", " + tuple + "}");

        assertThat(score(latest, "[\"x\"]").value()).hasValue(0.0);
        assertThat(score(named2020, "[\"x\"]").value()).hasValue(0.0);
        assertThat(score(draft07, "[\"x\"]").value()).hasValue(1.0);
        // and draft 07's array form of items, which 2020-12 replaced by prefixItems, is checked under draft 07
        Scorer tuple07 = Scorers.jsonSchema("{\"$schema\": \"http://json-schema.org/draft-07/schema#\", "
                + "\"items\": [{\"type\": \"integer\"}]}");
        assertThat(score(tuple07, "[1, \"y\"]").value()).hasValue(1.0);
        assertThat(score(tuple07, "[\"x\"]").value()).hasValue(0.0);
    }

    @Test
    void aSchemaThatIsNotValidJsonSchemaIsRefusedSayingWhatIsWrong() {
        assertThatThrownBy(() -> Scorers.jsonSchema("{\"type\": \"strng\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("json_schema scorer option 'schema_json': schema is not a valid JSON Schema ("
                        + "https://json-schema.org/draft/2020-12/schema): at \"/type\": ");
        assertThatThrownBy(() -> Scorers.jsonSchema("{\"minimum\": \"zero\"}"))
                .hasMessageContaining("at \"/minimum\": ");
        assertThatThrownBy(() -> Scorers.jsonSchema("{\"$schema\": \"http://json-schema.org/draft-07/schema#\", "
                + "\"required\": \"name\"}"))
                .hasMessageContaining("(http://json-schema.org/draft-07/schema#)").hasMessageContaining("at \"/required\": ");
        assertThatThrownBy(() -> Scorers.jsonSchema("{\"$schema\": \"https://example.com/my-draft\"}"))
                .hasMessageContaining("names no JSON Schema draft this validator knows");
        assertThatThrownBy(() -> Scorers.jsonSchema("[1]")).hasMessageContaining("must be a JSON object or boolean");
        assertThatThrownBy(() -> Scorers.jsonSchema("{\"type\": ")).hasMessageContaining("is not JSON");
        assertThatThrownBy(() -> Scorers.jsonSchema("{}", "name")).hasMessageContaining("JSON Pointer");
    }

    @Test
    void thePlanFileOptionsTakeTheSchemaInlineOrOneOfTheTwoFormsButNotBoth() {
        Scorer inline = factory().create(Map.of("schema", Map.of("type", "string"), "name", "is_text"));

        assertThat(inline.name()).isEqualTo("is_text");
        assertThat(score(inline, "\"x\"").value()).hasValue(1.0);
        assertThat(inline.settings()).isEqualTo(Map.of("type", "json_schema",
                "schema_json", "{\"type\":\"string\"}", "pointer", ""));
        assertThatThrownBy(() -> factory().create(Map.of())).hasMessageContaining("needs exactly one of options 'schema'");
        assertThatThrownBy(() -> factory().create(Map.of("schema", Map.of(), "schema_json", "{}")))
                .hasMessageContaining("needs exactly one of");
        assertThatThrownBy(() -> factory().create(Map.of("schema", 42)))
                .hasMessage("json_schema scorer option 'schema' must be a JSON Schema (an object or boolean) or the path "
                        + "of a JSON file holding one but was 42");
        assertThatThrownBy(() -> factory().create(Map.of("schema", Map.of("type", 1))))
                .hasMessageStartingWith("json_schema scorer option 'schema': schema is not a valid JSON Schema");
    }

    @Test
    void aSchemaFileInAPlanFileResolvesAgainstThePlansFolderAndABadOneIsRefusedNamingTheScorer(@TempDir Path dir)
            throws IOException {
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(dir.resolve("schemas/answer.json"), "{\"type\": \"object\", \"required\": [\"answer\"]}");
        Files.writeString(dir.resolve("schemas/broken.json"), "{\"type\": \"objekt\"}");
        String plan = """
                {"name": "schema", "prompts": [{"name": "p", "messages": [{"role": "user", "content": "{{x}}"}]}],
                 "models": [{"provider": "echo", "model": "e"}],
                 "trials": [{"id": "good", "vars": {"x": "{\\"answer\\": 1}"}}, {"id": "bad", "vars": {"x": "{}"}}],
                 "scorers": [{"type": "json_schema", "schema": "schemas/%s.json"}]}""";
        Path good = Files.writeString(dir.resolve("good.json"), plan.formatted("answer"));
        Path broken = Files.writeString(dir.resolve("broken.json"), plan.formatted("broken"));
        Path missing = Files.writeString(dir.resolve("missing.json"), plan.formatted("absent"));

        Run run = PlanFile.load(good).build().run();
        assertThat(run.results()).extracting(r -> r.cell().trial() + "=" + r.scores().get("json_schema").value().orElseThrow())
                .containsExactlyInAnyOrder("good=1.0", "bad=0.0");
        assertThatThrownBy(() -> PlanFile.load(broken)).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("field 'scorers[0]' (json_schema): json_schema scorer schema file ")
                .hasMessageContaining("broken.json: schema is not a valid JSON Schema");
        assertThatThrownBy(() -> PlanFile.load(missing)).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("json_schema scorer cannot read schema file ");
    }

    @Test
    void aSchemaFileFromCodeIsReadOnce(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("s.json"), "{\"type\": \"boolean\"}");
        Scorer s = Scorers.jsonSchema(file);
        Files.delete(file);

        assertThat(score(s, "true").value()).hasValue(1.0);
        assertThat(score(s, "1").value()).hasValue(0.0);
    }
}
