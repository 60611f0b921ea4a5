package dev.bench4j.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.bench4j.providers.testing.ProviderHarness.FAKE_KEY;
import static dev.bench4j.providers.testing.ProviderHarness.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.providers.internal.http.Json;
import dev.bench4j.providers.testing.ProviderHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Writing a plan as an OpenAI Batch input file and importing a batch output file as a run. */
class OpenAiBatchTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private static final String GPT = "openai:gpt-4o-mini";

    /** 2 prompts × 2 Chat Completions models (OpenAI and a vLLM server, both at WireMock) × 3 trials. */
    private BenchmarkPlan.Builder livePlan() {
        return BenchmarkPlan.named("batch-write")
                .prompt(Prompt.named("triage").system("You are a triage nurse. Be brief.").user("Conditions in: {{text}}"))
                .prompt(Prompt.named("codes").user("ICD-10 codes for: {{text}}"))
                .model(ModelConfig.of("openai", "gpt-4o-mini").withBaseUrl(api.baseUrl() + "/v1")
                        .withTemperature(0.2).withMaxOutputTokens(64).withSeed(7).withStop("END"))
                .model(ModelConfig.of("openai-compatible", "Qwen/Qwen3-8B").withId("qwen").withBaseUrl(api.baseUrl() + "/v1")
                        .withMaxOutputTokens(128).withTopK(20).withParam("min_p", 0.05)
                        .withParam("chat_template_kwargs", Map.of("enable_thinking", false)))
                .trial(Trial.of("t1", Map.of("text", "fever and cough")))
                .trial(Trial.of("case|7", Map.of("text", "Diagnósticos: 糖尿病 \"type 2\"\nand 100% sure")))
                .trial(Trial.of("t3", Map.of("text", "chest pain")))
                .environment(name -> name.equals("OPENAI_API_KEY") ? Optional.of(FAKE_KEY) : Optional.empty())
                .noCache();
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(Json.MAPPER.readTree(line));
        }
        return out;
    }

    @Test
    void writesOneLinePerCellWithTheBodyTheLiveProviderSendsAndACustomIdThatRoundTrips() throws IOException {
        BenchmarkPlan plan = livePlan().build();
        Path file = dir.resolve("out/batch-input.jsonl");

        long written = OpenAiBatch.writeInput(plan, file);

        assertThat(written).isEqualTo(12);
        List<JsonNode> lines = lines(file);
        assertThat(lines).hasSize(12);
        List<CellId> cells = new ArrayList<>();
        plan.forEachRequest(r -> cells.add(r.cell()));
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertThat(line.fieldNames()).toIterable().containsExactly("custom_id", "method", "url", "body");
            assertThat(line.get("method").asText()).isEqualTo("POST");
            assertThat(line.get("url").asText()).isEqualTo("/v1/chat/completions");
            assertThat(OpenAiBatch.cellOf(line.get("custom_id").asText())).as("line %d", i + 1).isEqualTo(cells.get(i));
        }
        assertThat(lines.stream().map(l -> l.get("custom_id").asText())).doesNotHaveDuplicates()
                .contains("triage|openai:gpt-4o-mini|case%7C7|0", "codes|qwen|t3|0");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("Diagnósticos: 糖尿病");
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file is left behind").containsExactly(file);
        }

        // The same plan run live: WireMock receives exactly the bodies the file holds.
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("openai/success.json"))));
        Run run = plan.run();
        assertThat(run.results()).allMatch(Result::succeeded);
        List<JsonNode> sent = api.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).stream()
                .map(ProviderHarness::body).toList();
        assertThat(sent).hasSize(12);
        assertThat(lines.stream().map(l -> l.get("body")).toList()).containsExactlyInAnyOrderElementsOf(sent);

        JsonNode openai = lines.get(0).get("body");
        assertThat(openai.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(openai.get("max_completion_tokens").asInt()).isEqualTo(64);
        JsonNode vllm = lines.get(1).get("body");
        assertThat(vllm.get("model").asText()).isEqualTo("Qwen/Qwen3-8B");
        assertThat(vllm.get("max_tokens").asInt()).isEqualTo(128);
        assertThat(vllm.get("chat_template_kwargs").toString()).isEqualTo("{\"enable_thinking\":false}");
    }

    @Test
    void aBatchNeverStreamsAndOneModelsCellsCanBeWrittenAlone() throws IOException {
        BenchmarkPlan plan = livePlan()
                .model(ModelConfig.of("xai", "grok-4").withId("grok").withStream(true)
                        .withParam("stream_options", Map.of("include_obfuscation", false)))
                .build();
        Path file = dir.resolve("grok.jsonl");

        long written = OpenAiBatch.writeInput(plan, "grok", file);

        assertThat(written).isEqualTo(6);
        List<JsonNode> lines = lines(file);
        assertThat(lines).hasSize(6).allSatisfy(l -> {
            assertThat(OpenAiBatch.cellOf(l.get("custom_id").asText()).model()).isEqualTo("grok");
            assertThat(l.get("body").fieldNames()).toIterable().containsExactly("model", "messages");
        });
        assertThatThrownBy(() -> OpenAiBatch.writeInput(plan, "nope", file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no model 'nope'");
    }

    @Test
    void refusesAModelWhoseProviderHasNoBatchFormat() {
        BenchmarkPlan plan = livePlan()
                .model(ModelConfig.of("anthropic", "claude-sonnet-4-5").withMaxOutputTokens(1024))
                .build();
        Path file = dir.resolve("batch.jsonl");

        assertThatThrownBy(() -> OpenAiBatch.writeInput(plan, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model 'anthropic:claude-sonnet-4-5' uses provider 'anthropic'")
                .hasMessageContaining("only openai, openai-compatible and xai (grok)");
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> OpenAiBatch.importOutput(plan, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anthropic:claude-sonnet-4-5");
    }

    @Test
    void customIdsEscapeTheSeparatorAndThePercentSign() {
        CellId cell = new CellId("a|b%c", "openai:gpt-4o", "100%|", 2);

        String id = OpenAiBatch.customId(cell);

        assertThat(id).isEqualTo("a%7Cb%25c|openai:gpt-4o|100%25%7C|2");
        assertThat(OpenAiBatch.cellOf(id)).isEqualTo(cell);
        assertThat(OpenAiBatch.cellOf("p|m|t%7c|0").trial()).isEqualTo("t|");
        for (String bad : List.of("request-1", "p|m|t", "p|m|t|x", "p|m|t|-1", "p|m|t|0|1", "p%zz|m|t|0", "|m|t|0")) {
            assertThatThrownBy(() -> OpenAiBatch.cellOf(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not one bench4j writes");
        }
    }

    /** The plan batch-output.jsonl answers: 2 prompts × (OpenAI, local vLLM) × 2 trials. */
    private static BenchmarkPlan importPlan() {
        return BenchmarkPlan.named("batch-import")
                .prompt(Prompt.named("triage").user("Conditions in: {{text}}"))
                .prompt(Prompt.named("codes").user("ICD-10 codes for: {{text}}"))
                .model(ModelConfig.of("openai", "gpt-4o-mini").withMaxOutputTokens(16))
                .model(ModelConfig.of("openai-compatible", "Qwen/Qwen3-8B").withId("qwen").withBaseUrl("http://localhost:8000/v1"))
                .trial(Trial.of("t1", Map.of("text", "fever")))
                .trial(Trial.of("case|7", Map.of("text", "thirst")))
                .scorer(Scorer.of("len", r -> Score.of(r.output().length())))
                .build();
    }

    private Path fixtureFile() throws IOException {
        Path file = dir.resolve("batch-output.jsonl");
        Files.writeString(file, fixture("openai/batch-output.jsonl"), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void importsAnOutputFileAsAScoredCostedRunWithEachLinesErrorKept() throws IOException {
        BenchmarkPlan.Builder builder = OpenAiBatch.importOutput(importPlan(), fixtureFile());
        BenchmarkPlan plan = builder.build();

        Run run = plan.run();
        Run again = plan.run();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.results()).as("an answer read from a file is not retried").allSatisfy(r ->
                assertThat(r.attempts()).isLessThanOrEqualTo(1));
        assertThat(again.results()).as("nor cached: a second import reads the files again").noneMatch(Result::cached);
        Map<String, Result> byId = run.results().stream()
                .collect(Collectors.toMap(r -> OpenAiBatch.customId(r.cell()), Function.identity()));
        assertThat(byId).hasSize(8);

        Result ok = byId.get("triage|" + GPT + "|t1|0");
        assertThat(ok.output()).isEqualTo("diabetes, hypertension");
        assertThat(ok.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(ok.rawFinishReason()).contains("stop");
        assertThat(ok.modelVersion()).contains("gpt-4o-mini-2024-07-18");
        assertThat(ok.usage().inputTokens()).isEqualTo(OptionalLong.of(54));
        assertThat(ok.usage().outputTokens()).isEqualTo(OptionalLong.of(3));
        assertThat(ok.usage().totalTokens()).isEqualTo(OptionalLong.of(57));
        assertThat(ok.costUsd().getAsDouble()).as("bundled gpt-4o-mini price")
                .isCloseTo((54 * 0.15 + 3 * 0.60) / 1e6, offset(1e-12));
        assertThat(ok.attempts()).isEqualTo(1);
        assertThat(ok.cached()).isFalse();
        assertThat(ok.score("len")).isEqualTo(OptionalDouble.of(22));

        Result length = byId.get("codes|" + GPT + "|t1|0");
        assertThat(length.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(length.output()).isEqualTo("E11.9, I10, and the patient also reports");
        assertThat(length.usage().cachedInputTokens()).isEqualTo(OptionalLong.of(32));
        assertThat(length.score("len")).isEqualTo(OptionalDouble.of(40));

        Result vllm = byId.get("triage|qwen|t1|0");
        assertThat(vllm.output()).isEqualTo("Type 2 diabetes; essential hypertension.");
        assertThat(vllm.modelVersion()).contains("Qwen/Qwen3-8B");
        assertThat(vllm.usage().inputTokens()).isEqualTo(OptionalLong.of(41));
        assertThat(vllm.usage().outputTokens()).isEqualTo(OptionalLong.of(9));
        assertThat(vllm.costUsd()).as("a local server is free").isEqualTo(OptionalDouble.of(0));
        assertThat(byId.get("codes|qwen|case%7C7|0").output()).startsWith("E11.9 Type 2 diabetes");

        Result noTemplate = byId.get("codes|qwen|t1|0");
        assertThat(noTemplate.succeeded()).isFalse();
        assertThat(noTemplate.error().get().kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(noTemplate.error().get().httpStatus()).isEqualTo(OptionalInt.of(400));
        assertThat(noTemplate.error().get().message()).startsWith("HTTP 400 from openai-compatible: BadRequestError: ")
                .contains("you must provide a chat template");
        assertThat(noTemplate.scores()).isEmpty();

        Result tooLong = byId.get("triage|" + GPT + "|case%7C7|0");
        assertThat(tooLong.error().get().kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(tooLong.error().get().httpStatus()).isEqualTo(OptionalInt.of(400));
        assertThat(tooLong.error().get().message()).startsWith("HTTP 400 from openai: invalid_request_error: ")
                .contains("maximum context length is 128000 tokens");

        Result expired = byId.get("codes|" + GPT + "|case%7C7|0");
        assertThat(expired.error().get().kind()).isEqualTo(ErrorKind.DEADLINE_EXCEEDED);
        assertThat(expired.error().get().httpStatus()).isEmpty();
        assertThat(expired.error().get().message()).isEqualTo("openai batch request failed: batch_expired: "
                + "This request could not be executed before the completion window expired.");

        Result missing = byId.get("triage|qwen|case%7C7|0");
        assertThat(missing.error().get().kind()).isEqualTo(ErrorKind.NO_RECORDING);
        assertThat(missing.error().get().message())
                .startsWith("the batch output has no line for custom_id 'triage|qwen|case%7C7|0'");
        assertThat(missing.attempts()).isEqualTo(1);

        var overall = run.summary().overall();
        assertThat(overall.cells()).isEqualTo(8);
        assertThat(overall.succeeded()).isEqualTo(4);
        assertThat(overall.failed()).isEqualTo(4);
        assertThat(overall.scores().get("len").n()).isEqualTo(4);
        assertThat(overall.tokens().input()).hasValue(54 + 60 + 41 + 47);
    }

    @Test
    void importsSeveralOutputFilesTogether() throws IOException {
        List<String> all = Files.readAllLines(fixtureFile(), StandardCharsets.UTF_8);
        Path first = dir.resolve("a.jsonl");
        Path second = dir.resolve("b.jsonl");
        Files.write(first, all.subList(0, 3), StandardCharsets.UTF_8);
        Files.write(second, all.subList(3, all.size()), StandardCharsets.UTF_8);

        Run run = OpenAiBatch.importOutput(importPlan(), List.of(first, second)).build().run();

        assertThat(run.summary().overall().succeeded()).isEqualTo(4);
        assertThat(run.summary().overall().failed()).isEqualTo(4);

        Files.write(second, all, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OpenAiBatch.importOutput(importPlan(), List.of(first, second)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(second + " line 1: custom_id 'triage|qwen|t1|0' appears twice; first at " + first + " line 1");
    }

    private String importError(String... lines) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        try {
            OpenAiBatch.importOutput(importPlan(), file);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("the import did not fail");
    }

    @Test
    void malformedOutputFilesFailNamingTheFileAndLine() throws IOException {
        String good = "{\"custom_id\": \"triage|qwen|t1|0\", \"response\": null, \"error\": {\"code\": \"x\", \"message\": \"y\"}}";
        Path bad = dir.resolve("bad.jsonl");

        assertThat(importError(good, "", "{\"custom_id\": \"codes|qwen|t1|0\", \"response\": {")).startsWith(bad + " line 3: not valid JSON");
        assertThat(importError("[1, 2]")).isEqualTo(bad + " line 1: expected a JSON object but found array");
        assertThat(importError(good, "{\"id\": \"batch_req_1\", \"response\": null, \"error\": {}}"))
                .isEqualTo(bad + " line 2: the line has no custom_id");
        assertThat(importError(good.replace("t1", "t9"))).isEqualTo(bad + " line 1: unknown custom_id "
                + "'triage|qwen|t9|0': plan 'batch-import' has no trial 't9'");
        assertThat(importError(good.replace("|qwen|", "|gpt-5|"))).contains("line 1: unknown custom_id")
                .endsWith("has no model 'gpt-5'");
        assertThat(importError(good.replace("|0\"", "|1\""))).contains("line 1: unknown custom_id")
                .endsWith("has 1 repetition (0 to 0) but the line is for repetition 1");
        assertThat(importError(good.replace("triage|qwen|t1|0", "request-1")))
                .isEqualTo(bad + " line 1: unknown custom_id 'request-1' is not one bench4j writes "
                        + "(prompt|model|trial|repetition)");
        assertThat(importError(good, good.replace("\"y\"", "\"z\""))).isEqualTo(bad + " line 2: custom_id "
                + "'triage|qwen|t1|0' appears twice; first at " + bad + " line 1");
        assertThat(importError("{\"custom_id\": \"triage|qwen|t1|0\", \"response\": null, \"error\": null}"))
                .isEqualTo(bad + " line 1: the line has neither a response nor an error");
        assertThat(importError("{\"custom_id\": \"triage|qwen|t1|0\", \"response\": {\"body\": {}}}"))
                .isEqualTo(bad + " line 1: the response has no integer status_code");
        assertThatThrownBy(() -> OpenAiBatch.importOutput(importPlan(), dir.resolve("nowhere.jsonl")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowhere.jsonl not found");
    }

    @Test
    void aSuccessBodyItCannotReadIsAMalformedResponseForThatCellOnly() throws IOException {
        Path file = dir.resolve("out.jsonl");
        Files.writeString(file, "{\"custom_id\": \"triage|qwen|t1|0\", \"response\": {\"status_code\": 200, "
                + "\"body\": {\"object\": \"chat.completion\", \"choices\": []}}, \"error\": null}\n"
                + "{\"custom_id\": \"codes|qwen|t1|0\", \"response\": {\"status_code\": 503, \"body\": "
                + "{\"error\": {\"message\": \"Service Unavailable\", \"type\": \"server_error\"}}}, \"error\": null}\n",
                StandardCharsets.UTF_8);

        Run run = OpenAiBatch.importOutput(importPlan(), file).build().run();

        Map<String, Result> byId = run.results().stream()
                .collect(Collectors.toMap(r -> OpenAiBatch.customId(r.cell()), Function.identity()));
        assertThat(byId.get("triage|qwen|t1|0").error().get().kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(byId.get("triage|qwen|t1|0").error().get().message()).contains("no choices");
        Result unavailable = byId.get("codes|qwen|t1|0");
        assertThat(unavailable.error().get().kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(unavailable.error().get().httpStatus()).isEqualTo(OptionalInt.of(503));
        assertThat(unavailable.attempts()).as("an answer read from a file is not retried").isEqualTo(1);
    }

    @Test
    void anUnwritableTargetIsReportedWithItsName() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");

        assertThatThrownBy(() -> OpenAiBatch.writeInput(importPlan(), blocker.resolve("batch.jsonl")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot write batch input file " + blocker.resolve("batch.jsonl"));
    }

    @Test
    void aJudgeGradesTheImportedAnswersLiveWhileTheCandidatesComeFromTheFile() throws IOException {
        api.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(fixture("openai/success.json")
                .replace("diabetes, hypertension", "4"))));
        ModelConfig judge = ModelConfig.of("openai-compatible", "judge-model").withId("judge").withBaseUrl(api.baseUrl() + "/v1");
        Scorer grade = new Scorer() {
            @Override
            public String name() {
                return "grade";
            }

            @Override
            public List<ModelConfig> models() {
                return List.of(judge);
            }

            @Override
            public CompletionStage<Score> score(ScoreRequest request) {
                return request.caller().call(judge, List.of(Message.user("Grade 1-5: " + request.output())))
                        .thenApply(r -> r.succeeded() ? Score.of(Double.parseDouble(r.output())).withCall(r)
                                : Score.error(r.error().get().message()).withCall(r));
            }
        };
        BenchmarkPlan plan = importPlan().toBuilder().scorer(grade).build();

        Run run = OpenAiBatch.importOutput(plan, fixtureFile()).build().run();

        List<Result> answered = run.results().stream().filter(Result::succeeded).toList();
        assertThat(answered).isNotEmpty().allSatisfy(r -> assertThat(r.score("grade")).hasValue(4.0));
        api.verify(answered.size(), postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(run.summary().overall().scorerCalls().calls()).isEqualTo(answered.size());
    }
}
