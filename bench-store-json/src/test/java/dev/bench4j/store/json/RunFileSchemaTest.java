package dev.bench4j.store.json;

import dev.bench4j.store.json.internal.Jackson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.Run;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.core.testing.SampleResults;
import dev.bench4j.store.json.testing.StorePlans;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files the store writes conform to the JSON Schemas it ships, which docs/schemas repeats. */
class RunFileSchemaTest {

    @TempDir
    Path dir;

    private static JsonSchema schema(String name) throws Exception {
        try (InputStream in = JsonRunStore.class.getResourceAsStream(name)) {
            assertThat(in).as(name + " is on the class path next to JsonRunStore").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static void assertValid(JsonSchema schema, JsonNode node, String what) {
        Set<ValidationMessage> errors = schema.validate(node);
        assertThat(errors).as(what + ": " + node).isEmpty();
    }

    /** A provider whose answers take every shape: failures with and without status, streamed, with metrics. */
    private static ScriptedProvider varied() {
        return ScriptedProvider.named("echoing", r -> {
            String text = r.messages().get(r.messages().size() - 1).content();
            return switch (r.cell().trial()) {
                case "t0" -> CompletableFuture.failedFuture(new CallException(ErrorKind.BAD_REQUEST, "no chat template",
                        OptionalInt.of(400), Optional.empty(), null));
                case "t1" -> CompletableFuture.completedFuture(ScriptedProvider.answer(text)
                        .withTimeToFirstToken(Duration.ofMillis(3)).withMetric("eval_duration_ms", 2.5)
                        .withModelVersion("v1").withRawFinishReason("stop"));
                default -> CompletableFuture.completedFuture(ScriptedProvider.answer(text));
            };
        });
    }

    @Test
    void runJsonAndEveryResultLineConformToTheShippedSchemas() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = StorePlans.rich(varied()).retry(dev.bench4j.core.RetryPolicy.none()).store(store).build().run();
        assertThat(run.summary().overall().failed()).isPositive();
        JsonSchema runSchema = schema("run.schema.json");
        JsonSchema resultSchema = schema("result.schema.json");

        assertValid(runSchema, Jackson.MAPPER.readTree(dir.resolve(run.id()).resolve("run.json").toFile()), "run.json");
        for (String line : Files.readAllLines(dir.resolve(run.id()).resolve("results.jsonl"), StandardCharsets.UTF_8)) {
            assertValid(resultSchema, Jackson.MAPPER.readTree(line), "result line");
        }
    }

    @Test
    void everySampleResultShapeConformsToTheResultSchema() throws Exception {
        JsonSchema resultSchema = schema("result.schema.json");
        for (var r : SampleResults.all()) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (var g = Jackson.MAPPER.getFactory().createGenerator(bytes)) {
                dev.bench4j.store.json.internal.ResultLines.write(g, r);
            }
            assertValid(resultSchema, Jackson.MAPPER.readTree(bytes.toByteArray()), r.cell().toString());
        }
    }

    @Test
    void aResultWithAScoreOfBothValueAndErrorOrAnUnknownFieldIsRefusedBySchema() throws Exception {
        JsonSchema resultSchema = schema("result.schema.json");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var g = Jackson.MAPPER.getFactory().createGenerator(bytes)) {
            dev.bench4j.store.json.internal.ResultLines.write(g, SampleResults.all().get(0));
        }
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) Jackson.MAPPER.readTree(bytes.toByteArray());
        node.putObject("scores").putObject("x").put("value", 1).put("error", "both");
        assertThat(resultSchema.validate(node)).isNotEmpty();
        node.putObject("scores");
        node.put("surprise", 1);
        assertThat(resultSchema.validate(node)).isNotEmpty();
    }

    @Test
    void everyKindOfReviewLineConformsToTheReviewSchemaAndABrokenOneDoesNot() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = StorePlans.rich(varied()).retry(dev.bench4j.core.RetryPolicy.none()).store(store).build().run();
        java.time.Instant at = java.time.Instant.parse("2026-12-07T10:15:30Z");
        dev.bench4j.core.CellId a = new dev.bench4j.core.CellId("p1", "second", "t2", 1);
        dev.bench4j.core.CellId b = new dev.bench4j.core.CellId("p2", "second", "t2", 1);
        store.appendReviews(run.id(), List.of(dev.bench4j.core.Review.rating("ana", at, a, 3.5, 1, 5),
                dev.bench4j.core.Review.verdict("ana", at, a, false), dev.bench4j.core.Review.comment("ana b", at, a, ""),
                dev.bench4j.core.Review.ranking("bo", at, List.of(b, a), java.time.Duration.ofMillis(1234))));
        JsonSchema reviewSchema = schema("review.schema.json");
        List<String> lines = Files.readAllLines(dir.resolve(run.id()).resolve("reviews.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        for (String line : lines) {
            assertValid(reviewSchema, Jackson.MAPPER.readTree(line), "review line");
        }
        var broken = (com.fasterxml.jackson.databind.node.ObjectNode) Jackson.MAPPER.readTree(lines.get(0));
        broken.remove("scale");
        assertThat(reviewSchema.validate(broken)).isNotEmpty();
        broken = (com.fasterxml.jackson.databind.node.ObjectNode) Jackson.MAPPER.readTree(lines.get(3));
        broken.put("reviewer", " bo");
        assertThat(reviewSchema.validate(broken)).isNotEmpty();
    }

    @Test
    void theSchemasInDocsAreTheShippedOnes() throws Exception {
        for (String name : List.of("run.schema.json", "result.schema.json", "review.schema.json")) {
            try (InputStream in = JsonRunStore.class.getResourceAsStream(name)) {
                assertThat(Files.readString(Path.of("..", "docs", "schemas", name), StandardCharsets.UTF_8))
                        .as("docs/schemas/" + name).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    /** Asks a judge provider "grade: OUTPUT" and takes its answer as the score, recording the call. */
    private record Grader(dev.bench4j.core.ModelConfig judge, String criteria) implements dev.bench4j.core.spi.Scorer {
        Grader(dev.bench4j.core.ModelConfig judge) {
            this(judge, "complete and correct");
        }

        @Override
        public String name() {
            return "grade";
        }

        @Override
        public java.util.Map<String, Object> settings() {
            return java.util.Map.of("criteria", criteria, "scale", List.of(1L, 5L));
        }

        @Override
        public List<dev.bench4j.core.ModelConfig> models() {
            return List.of(judge);
        }

        @Override
        public java.util.concurrent.CompletionStage<dev.bench4j.core.Score> score(dev.bench4j.core.spi.ScoreRequest request) {
            return request.caller().call(judge, List.of(dev.bench4j.core.Message.user("grade: " + request.output())))
                    .thenApply(r -> dev.bench4j.core.Score.of(0.5).withCall(r));
        }
    }

    @Test
    void aJudgedRunKeepsItsJudgeCallsApartConformsToTheSchemasAndReadsBackEqual() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        ScriptedProvider judge = ScriptedProvider.named("judge", r -> CompletableFuture.completedFuture(
                ScriptedProvider.answer("0.5")));
        var judgeConfig = dev.bench4j.core.ModelConfig.of("judge", "j").withPrice(dev.bench4j.core.Price.perMillionTokens(3, 15));
        Run run = StorePlans.rich(varied()).provider(judge).retry(dev.bench4j.core.RetryPolicy.none())
                .scorer(new Grader(judgeConfig)).store(store).build().run();
        var calls = run.summary().overall().scorerCalls();
        assertThat(calls.calls()).isEqualTo(run.summary().overall().succeeded()).isPositive();

        JsonNode runJson = Jackson.MAPPER.readTree(dir.resolve(run.id()).resolve("run.json").toFile());
        assertValid(schema("run.schema.json"), runJson, "run.json");
        assertThat(runJson.get("summary").get("scorer_calls").get("calls").longValue()).isEqualTo(calls.calls());
        assertThat(runJson.get("summary").get("scores").get("grade").get("standard_error").isNumber()).isTrue();
        JsonSchema resultSchema = schema("result.schema.json");
        for (String line : Files.readAllLines(dir.resolve(run.id()).resolve("results.jsonl"), StandardCharsets.UTF_8)) {
            assertValid(resultSchema, Jackson.MAPPER.readTree(line), "result line");
        }
        assertThat(runJson.get("plan").get("scorer_models").get(0).get("model").textValue()).isEqualTo("j");
        assertThat(store.load(run.id()).orElseThrow().info().plan().scorerModels()).containsExactly(judgeConfig);
        assertThat(store.load(run.id()).orElseThrow().summary().orElseThrow().overall().scorerCalls()).isEqualTo(calls);
        assertThat(store.summarize(run.id()).overall().scorerCalls()).isEqualTo(calls);
        assertThat(runJson.get("plan").get("scorer_settings").get("grade").get("scale").toString()).isEqualTo("[1,5]");
        assertThat(store.load(run.id()).orElseThrow().info().plan().scorerSettings().get("grade"))
                .containsEntry("criteria", "complete and correct");
        var same = StorePlans.rich(varied()).provider(judge).retry(dev.bench4j.core.RetryPolicy.none())
                .scorer(new Grader(judgeConfig)).store(store).build();
        assertThat(same.resume(run.id()).status()).isEqualTo(dev.bench4j.core.RunStatus.COMPLETED);
        var otherCriteria = StorePlans.rich(varied()).provider(judge).retry(dev.bench4j.core.RetryPolicy.none())
                .scorer(new Grader(judgeConfig, "brief")).store(store).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> otherCriteria.resume(run.id()))
                .isInstanceOf(dev.bench4j.core.InvalidPlanException.class)
                .hasMessageContaining("scorer 'grade' changed its criteria");
        List<dev.bench4j.core.Result> back = new java.util.ArrayList<>();
        store.forEachResult(run.id(), back::add);
        assertThat(back).containsExactlyInAnyOrderElementsOf(run.results());
    }
}
