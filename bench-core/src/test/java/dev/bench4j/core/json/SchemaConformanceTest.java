package dev.bench4j.core.json;

import static dev.bench4j.core.testing.TestFiles.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Usage;
import dev.bench4j.core.internal.Jackson;
import dev.bench4j.core.testing.SampleResults;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What the codecs write conforms to the JSON Schemas in {@code docs/schemas} (which bench-store-json
 * ships): a result line to {@code result.schema.json}, usage to its {@code usage}, a model config and a
 * prompt to {@code run.schema.json}'s {@code model} and {@code prompt}.
 */
class SchemaConformanceTest {

    private static JsonNode schemaFile(String name) throws IOException {
        return Jackson.MAPPER.readTree(Path.of("..", "docs", "schemas", name).toFile());
    }

    private static JsonSchema schema(JsonNode node) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
    }

    /** One definition of a schema file as a schema of its own, keeping the file's definitions for its references. */
    private static JsonSchema definition(String file, String name) throws IOException {
        JsonNode root = schemaFile(file);
        ObjectNode def = ((ObjectNode) root.get("$defs").get(name)).deepCopy();
        def.set("$schema", root.get("$schema"));
        def.set("$defs", root.get("$defs"));
        return schema(def);
    }

    private static void assertValid(JsonSchema schema, JsonNode node, String what) {
        assertThat(schema.validate(node)).as(what + ": " + node).isEmpty();
    }

    @Test
    void everyShapeOfResultLineConformsToTheResultSchema() throws IOException {
        JsonSchema results = schema(schemaFile("result.schema.json"));

        for (Result r : SampleResults.all()) {
            assertValid(results, Jackson.MAPPER.readTree(ResultJsonTest.line(r)), r.cell().toString());
        }
    }

    @Test
    void theResultSchemaRefusesWhatTheCodecNeverWrites() throws IOException {
        JsonSchema results = schema(schemaFile("result.schema.json"));
        ObjectNode line = (ObjectNode) Jackson.MAPPER.readTree(ResultJsonTest.line(SampleResults.all().get(0)));

        assertThat(results.validate(line.deepCopy().put("surprise", 1))).isNotEmpty();
        ObjectNode negative = line.deepCopy();
        ((ObjectNode) negative.get("usage")).put("input_tokens", -1);
        assertThat(results.validate(negative)).isNotEmpty();
        ObjectNode noTotal = line.deepCopy();
        ((ObjectNode) noTotal.get("usage")).remove("total_tokens");
        assertThat(results.validate(noTotal)).as("unknown is written as null, never left out").isNotEmpty();
    }

    @Test
    void usageWithKnownAndUnknownCountsConformsToTheUsageDefinition() throws IOException {
        JsonSchema usage = definition("result.schema.json", "usage");
        List<Usage> usages = List.of(Usage.unknown(), Usage.of(54, 3).withReasoningTokens(0).withCachedInputTokens(0),
                new Usage(OptionalLong.of(10), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                        OptionalLong.of(99)));

        for (Usage u : usages) {
            assertValid(usage, UsageJson.toNode(u), u.toString());
        }
    }

    @Test
    void modelConfigsWithAndWithoutOptionalSettingsConformToTheModelDefinition() throws IOException {
        JsonSchema model = definition("run.schema.json", "model");
        List<ModelConfig> configs = List.of(ModelConfig.of("echo", "echo-1"),
                ModelConfig.fromJson(fixture("model.json")),
                ModelConfig.of("ollama", "llama3.2:3b").withId("local").withTemperature(0).withStop("\n").withSeed(-7)
                        .withTimeout(Duration.ofMillis(1500)).withParam("options", Map.of("num_ctx", 8192L, "mirostat", true))
                        .withPrice(Price.perMillionTokens(0, 0)),
                ModelConfig.of("openai", "o3").withReasoningEffort("high").withVerbosity("low").withMaxOutputTokens(8000)
                        .withRequestsPerMinute(30).withMaxConcurrency(2).withStream(true));

        for (ModelConfig c : configs) {
            assertValid(model, ModelConfigJson.toNode(c), c.id());
        }
        assertThat(model.validate(ModelConfigJson.toNode(configs.get(0)).put("api_key", "sk-..."))).isNotEmpty();
    }

    @Test
    void promptsConformToThePromptDefinition() throws IOException {
        JsonSchema prompt = definition("run.schema.json", "prompt");
        List<Prompt> prompts = List.of(Prompt.named("v1").user("{{text}}"), Prompt.fromJson(fixture("prompt.json")),
                Prompt.named("chat").system("Be terse.").user("Hi").assistant("Hello").user("{{q}}"));

        for (Prompt p : prompts) {
            assertValid(prompt, PromptJson.toNode(p), p.name());
        }
    }
}
