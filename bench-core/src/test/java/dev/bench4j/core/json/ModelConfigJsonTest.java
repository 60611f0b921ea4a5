package dev.bench4j.core.json;

import static dev.bench4j.core.testing.TestFiles.fixture;
import static dev.bench4j.core.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.internal.Jackson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model configurations in the {@code model.json} format: files, inline configurations and the copy a
 * run keeps: {@link ModelConfigJson}.
 */
class ModelConfigJsonTest {

    @TempDir
    Path dir;

    private static ModelConfig fromNode(JsonNode node, String where) {
        return ModelConfigJson.read(JsonFields.of(node, where, InvalidPlanException::new));
    }

    private Path model(String json) {
        return write(dir, "mini.json", json);
    }

    @Test
    void readsEveryFieldThroughTheFluentApi() {
        ModelConfig expected = ModelConfig.of("openai", "gpt-4o-mini").withId("mini-t0")
                .withTemperature(0).withTopP(0.9).withTopK(40).withMaxOutputTokens(256).withSeed(42).withStop("\n\n", "END")
                .withFrequencyPenalty(0.5).withPresencePenalty(-0.5).withReasoningEffort("low").withVerbosity("medium")
                .withBaseUrl("http://localhost:8000/v1").withApiKeyEnv("OPENAI_API_KEY").withTimeout(Duration.ofMillis(2500))
                .withRequestsPerSecond(5).withRequestsPerMinute(120).withMaxConcurrency(4).withStream(true)
                .withPrice(Price.perMillionTokens(0.15, 0.6).withCachedInput(0.075))
                .withParam("num_ctx", 8192L).withParam("response_format", Map.of("type", "json_object"));

        assertThat(ModelConfig.fromJson(fixture("model.json"))).isEqualTo(expected);
    }

    @Test
    void readsAMinimalConfigWhoseIdDefaultsToProviderAndModel() {
        ModelConfig c = ModelConfig.fromJson(model("{\"provider\": \"ollama\", \"model\": \"qwen3:8b\"}"));

        assertThat(c).isEqualTo(ModelConfig.of("ollama", "qwen3:8b"));
        assertThat(c.id()).isEqualTo("ollama:qwen3:8b");
    }

    @Test
    void treatsANullFieldAsUnset() {
        ModelConfig c = ModelConfig.fromJson(model("{\"provider\": \"openai\", \"model\": \"gpt-5\", \"temperature\": null}"));

        assertThat(c.parameters().temperature()).isEmpty();
    }

    @Test
    void acceptsMaxTokensAsAnotherNameForMaxOutputTokens() {
        ModelConfig c = ModelConfig.fromJson(model("{\"provider\": \"openai\", \"model\": \"gpt-5\", \"max_tokens\": 8000}"));

        assertThat(c.parameters().maxOutputTokens()).hasValue(8000);
    }

    @Test
    void refusesMaxTokensTogetherWithMaxOutputTokens() {
        Path file = model("{\"provider\": \"openai\", \"model\": \"gpt-5\", \"max_tokens\": 10, \"max_output_tokens\": 20}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file)).hasMessage(file + ": fields 'max_output_tokens' and"
                + " 'max_tokens' are both set; keep one (max_tokens is another name for max_output_tokens)");
    }

    @Test
    void acceptsAWholeNumberWrittenWithADecimalPoint() {
        ModelConfig c = ModelConfig.fromJson(model("{\"provider\": \"openai\", \"model\": \"gpt-5\", \"max_output_tokens\": 256.0}"));

        assertThat(c.parameters().maxOutputTokens()).hasValue(256);
    }

    @Test
    void acceptsStopAsOneStringOrAnArray() {
        ModelConfig one = ModelConfig.fromJson(model("{\"provider\": \"p\", \"model\": \"m\", \"stop\": \"\\n\"}"));
        ModelConfig many = ModelConfig.fromJson(model("{\"provider\": \"p\", \"model\": \"m\", \"stop\": [\"。\", \"END\"]}"));

        assertThat(one.parameters().stop()).containsExactly("\n");
        assertThat(many.parameters().stop()).containsExactly("。", "END");
    }

    @Test
    void refusesAStopArrayWithANonString() {
        Path file = model("{\"provider\": \"p\", \"model\": \"m\", \"stop\": [\"a\", 3]}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file)).hasMessage(file + ": field 'stop[1]' must be a string but was 3");
    }

    @Test
    void refusesAnEmptyStopSequenceWithTheApiMessage() {
        Path file = model("{\"provider\": \"p\", \"model\": \"m\", \"stop\": [\"\"]}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file)).hasMessage(file + ": field 'stop': stop sequences must not be empty");
    }

    @Test
    void refusesApiKeyFieldAndPointsToApiKeyEnv() {
        Path file = model("{\"provider\": \"openai\", \"model\": \"gpt-5\", \"api_key\": \"sk-secret-123\"}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file)).isInstanceOf(InvalidPlanException.class)
                .hasMessage(file + ": field 'api_key' is not allowed: an API key must not be written in a file;"
                        + " put it in an environment variable and name that variable with \"api_key_env\","
                        + " e.g. \"api_key_env\": \"OPENAI_API_KEY\"")
                .message().doesNotContain("sk-secret-123");
    }

    @Test
    void refusesApiKeyInsideParams() {
        Path file = model("{\"provider\": \"openai\", \"model\": \"gpt-5\", \"params\": {\"api_key\": \"sk-secret-123\"}}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file)).hasMessageStartingWith(file
                + ": field 'params.api_key' is not allowed: an API key must not be written in a file;")
                .message().doesNotContain("sk-secret-123");
    }

    @Test
    void refusesAnUnknownFieldListingTheAllowedOnes() {
        Path file = model("{\"provider\": \"openai\", \"model\": \"gpt-5\", \"temprature\": 0}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file)).hasMessage(file + ": unknown field 'temprature'"
                + " (did you mean 'temperature'?); allowed fields are id, provider, model, temperature, top_p, top_k,"
                + " max_output_tokens, max_tokens, seed, stop, frequency_penalty, presence_penalty, reasoning_effort,"
                + " verbosity, base_url, api_key_env, timeout_seconds, requests_per_second, requests_per_minute,"
                + " max_concurrency, stream, price, params");
    }

    @Test
    void reportsAValueOutOfRangeWithTheFileTheFieldAndTheApiMessage() {
        Path file = model("{\"provider\": \"openai\", \"model\": \"gpt-4o-mini\", \"temperature\": 3.5}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file)).isInstanceOf(InvalidPlanException.class)
                .hasMessage(file + ": field 'temperature': temperature must be between 0 and 2 but was 3.5");
    }

    @Test
    void reportsTheAliasFieldWhenItsValueIsOutOfRange() {
        Path file = model("{\"provider\": \"openai\", \"model\": \"gpt-4o-mini\", \"max_tokens\": 0}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file))
                .hasMessage(file + ": field 'max_tokens': max_output_tokens must be >= 1 but was 0");
    }

    @Test
    void reportsATypeErrorWithTheFileAndTheField() {
        Path file = model("{\"provider\": \"openai\", \"model\": \"gpt-4o-mini\", \"max_output_tokens\": \"lots\"}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file))
                .hasMessage(file + ": field 'max_output_tokens' must be an integer but was \"lots\"");
    }

    @Test
    void refusesAFractionalInteger() {
        Path file = model("{\"provider\": \"p\", \"model\": \"m\", \"top_k\": 2.5}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file)).hasMessage(file + ": field 'top_k' must be an integer but was 2.5");
    }

    @Test
    void refusesAnIntegerTooLargeForTheField() {
        Path file = model("{\"provider\": \"p\", \"model\": \"m\", \"max_concurrency\": 3000000000}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file))
                .hasMessage(file + ": field 'max_concurrency' must be an integer of at most 2147483647 but was 3000000000");
    }

    @Test
    void refusesANumberWrittenAsAString() {
        Path file = model("{\"provider\": \"p\", \"model\": \"m\", \"top_p\": \"0.5\"}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file)).hasMessage(file + ": field 'top_p' must be a number but was \"0.5\"");
    }

    @Test
    void refusesAMissingProviderOrModel() {
        Path noProvider = model("{\"model\": \"gpt-5\"}");
        assertThatThrownBy(() -> ModelConfig.fromJson(noProvider)).hasMessage(noProvider + ": missing field 'provider'");

        Path blankModel = model("{\"provider\": \"openai\", \"model\": \"\"}");
        assertThatThrownBy(() -> ModelConfig.fromJson(blankModel)).hasMessage(blankModel + ": field 'model' must not be blank");
    }

    @Test
    void refusesAnIdThatCouldEscapeTheStore() {
        Path file = model("{\"id\": \"../evil\", \"provider\": \"p\", \"model\": \"m\"}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file)).hasMessage(file
                + ": field 'id': id must not contain '/', '\\' or control characters but was '../evil'");
    }

    @Test
    void refusesAnApiKeyEnvThatIsNotAVariableName() {
        Path file = model("{\"provider\": \"p\", \"model\": \"m\", \"api_key_env\": \"my key\"}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file)).hasMessage(file + ": field 'api_key_env':"
                + " api_key_env must be an environment variable name (letters, digits, _) but was 'my key'");
    }

    @Test
    void refusesATimeoutThatIsNotPositive() {
        Path file = model("{\"provider\": \"p\", \"model\": \"m\", \"timeout_seconds\": 0}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file)).hasMessage(file + ": field 'timeout_seconds' must be > 0 but was 0");
    }

    @Test
    void refusesATimeoutTooLongForADuration() {
        Path file = model("{\"provider\": \"p\", \"model\": \"m\", \"timeout_seconds\": 1e10}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file))
                .hasMessage(file + ": field 'timeout_seconds' must be less than 9223372036 but was 1.0E10");
    }

    @Test
    void keepsAFractionalTimeoutToTheMillisecond() {
        ModelConfig c = ModelConfig.fromJson(model("{\"provider\": \"p\", \"model\": \"m\", \"timeout_seconds\": 0.25}"));

        assertThat(c.endpoint().timeout()).contains(Duration.ofMillis(250));
    }

    @Test
    void refusesANumberTooLargeForADouble() {
        Path file = model("{\"provider\": \"p\", \"model\": \"m\", \"price\": {\"input\": 1e400, \"output\": 1}}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file))
                .hasMessage(file + ": field 'price.input' must be a number of at most 1.7976931348623157E308");
    }

    @Test
    void refusesARateThatIsNotPositive() {
        Path file = model("{\"provider\": \"p\", \"model\": \"m\", \"requests_per_minute\": -1}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file))
                .hasMessage(file + ": field 'requests_per_minute': requests_per_minute must be a finite number > 0 but was -1.0");
    }

    @Test
    void refusesStreamThatIsNotABoolean() {
        Path file = model("{\"provider\": \"p\", \"model\": \"m\", \"stream\": \"yes\"}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file)).hasMessage(file + ": field 'stream' must be true or false but was \"yes\"");
    }

    @Test
    void refusesANegativePrice() {
        Path file = model("{\"provider\": \"p\", \"model\": \"m\", \"price\": {\"input\": -1, \"output\": 2}}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file)).hasMessage(file + ": field 'price.input' must be a number >= 0 but was -1");
    }

    @Test
    void refusesAPriceWithoutOutputOrWithAnUnknownField() {
        Path noOutput = model("{\"provider\": \"p\", \"model\": \"m\", \"price\": {\"input\": 1}}");
        assertThatThrownBy(() -> ModelConfig.fromJson(noOutput))
                .hasMessage(noOutput + ": missing field 'price.output' (USD per 1M output tokens)");

        Path typo = model("{\"provider\": \"p\", \"model\": \"m\", \"price\": {\"input\": 1, \"output\": 2, \"cached\": 0.5}}");
        assertThatThrownBy(() -> ModelConfig.fromJson(typo))
                .hasMessage(typo + ": unknown field 'price.cached'; allowed fields are input, output, cached_input");
    }

    @Test
    void passesParamsThroughUnchanged() {
        ModelConfig c = ModelConfig.fromJson(model("""
                {"provider": "ollama", "model": "llama3", "params": {"num_ctx": 8192, "mirostat": 0.5, "keep_alive": "5m",
                 "options": {"stop": ["a"], "f": false}}}
                """));

        assertThat(c.extras()).isEqualTo(Map.of("num_ctx", 8192L, "mirostat", 0.5, "keep_alive", "5m",
                "options", Map.of("stop", List.of("a"), "f", false)));
    }

    @Test
    void refusesANullParam() {
        Path file = model("{\"provider\": \"p\", \"model\": \"m\", \"params\": {\"num_ctx\": null}}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file))
                .hasMessage(file + ": field 'params.num_ctx' must not be null; remove it to use the provider's default");
    }

    @Test
    void refusesParamsThatAreNotAnObject() {
        Path file = model("{\"provider\": \"p\", \"model\": \"m\", \"params\": [1]}");

        assertThatThrownBy(() -> ModelConfig.fromJson(file))
                .hasMessage(file + ": field 'params' must be an object of provider parameters but was an array");
    }

    @Test
    void reportsAMissingFile() {
        Path file = dir.resolve("models").resolve("mini.json");

        assertThatThrownBy(() -> ModelConfig.fromJson(file)).hasMessage(file + ": file not found");
    }

    @Test
    void readsAnInlineConfigAndPrefixesItsMessagesWithWhere() throws Exception {
        JsonNode good = Jackson.MAPPER.readTree("{\"provider\": \"echo\", \"model\": \"echo\", \"seed\": 7}");
        JsonNode bad = Jackson.MAPPER.readTree("{\"provider\": \"echo\", \"model\": \"echo\", \"seed\": \"x\"}");

        assertThat(fromNode(good, "plan.json: models[0]")).isEqualTo(ModelConfig.of("echo", "echo").withSeed(7));
        assertThatThrownBy(() -> fromNode(bad, "plan.json: models[1]"))
                .hasMessage("plan.json: models[1]: field 'seed' must be an integer but was \"x\"");
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> ModelConfig.fromJson(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
        assertThatThrownBy(() -> fromNode(null, "w")).isInstanceOf(NullPointerException.class)
                .hasMessage("node");
        assertThatThrownBy(() -> ModelConfigJson.read(null)).isInstanceOf(NullPointerException.class).hasMessage("fields");
        assertThatThrownBy(() -> ModelConfigJson.toNode(null)).isInstanceOf(NullPointerException.class).hasMessage("config");
    }

    @Test
    void writesEverySettingInTheFileFormatAndReadsItBackEqual() {
        ModelConfig full = ModelConfig.fromJson(fixture("model.json"));
        ModelConfig minimal = ModelConfig.of("ollama", "qwen3:8b");

        for (ModelConfig c : List.of(full, minimal, minimal.withId("local").withTimeout(Duration.ofNanos(1_500_000_001)))) {
            assertThat(fromNode(ModelConfigJson.toNode(c), "run.json: plan.models[0]")).isEqualTo(c);
        }
        assertThat(ModelConfigJson.toNode(minimal).toString())
                .isEqualTo("{\"provider\":\"ollama\",\"model\":\"qwen3:8b\",\"stream\":false}");
        assertThat(ModelConfigJson.toNode(full).get("id").textValue()).isEqualTo("mini-t0");
        assertThat(ModelConfigJson.toNode(full).get("price").toString())
                .isEqualTo("{\"input\":0.15,\"output\":0.6,\"cached_input\":0.075}");
    }

    @Test
    void aStoreReadsAConfigWithItsOwnExceptionNamingThePlace() throws Exception {
        JsonNode node = Jackson.MAPPER.readTree("{\"provider\": \"echo\", \"model\": \"echo\", \"temprature\": 1}");

        assertThatThrownBy(() -> ModelConfigJson.read(JsonFields.of(node, "runs/r/run.json: plan.models[2]",
                IllegalStateException::new)))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("runs/r/run.json: plan.models[2]: unknown field 'temprature' (did you mean 'temperature'?)");
    }
}
