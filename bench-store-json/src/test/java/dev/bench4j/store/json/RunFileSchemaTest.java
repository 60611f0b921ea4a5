package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.Result;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Review;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Score;
import dev.bench4j.core.json.ResultJson;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.testing.SampleResults;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.internal.Jackson;
import dev.bench4j.store.json.internal.ResultLines;
import dev.bench4j.store.json.testing.StorePlans;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
        Run run = StorePlans.rich(varied()).retry(RetryPolicy.none()).store(store).build().run();
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
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (var g = Jackson.MAPPER.getFactory().createGenerator(bytes)) {
                ResultJson.write(g, r);
            }
            assertValid(resultSchema, Jackson.MAPPER.readTree(bytes.toByteArray()), r.cell().toString());
        }
    }

    @Test
    void aResultWithAScoreOfBothValueAndErrorOrAnUnknownFieldIsRefusedBySchema() throws Exception {
        JsonSchema resultSchema = schema("result.schema.json");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var g = Jackson.MAPPER.getFactory().createGenerator(bytes)) {
            ResultJson.write(g, SampleResults.all().get(0));
        }
        var node = (ObjectNode) Jackson.MAPPER.readTree(bytes.toByteArray());
        node.putObject("scores").putObject("x").put("value", 1).put("error", "both");
        assertThat(resultSchema.validate(node)).isNotEmpty();
        node.putObject("scores");
        node.put("surprise", 1);
        assertThat(resultSchema.validate(node)).isNotEmpty();
    }

    @Test
    void everyKindOfReviewLineConformsToTheReviewSchemaAndABrokenOneDoesNot() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = StorePlans.rich(varied()).retry(RetryPolicy.none()).store(store).build().run();
        Instant at = Instant.parse("2026-12-07T10:15:30Z");
        CellId a = new CellId("p1", "second", "t2", 1);
        CellId b = new CellId("p2", "second", "t2", 1);
        store.appendReviews(run.id(), List.of(Review.rating("ana", at, a, 3.5, 1, 5),
                Review.verdict("ana", at, a, false), Review.comment("ana b", at, a, ""),
                Review.ranking("bo", at, List.of(b, a), Duration.ofMillis(1234))));
        JsonSchema reviewSchema = schema("review.schema.json");
        List<String> lines = Files.readAllLines(dir.resolve(run.id()).resolve("reviews.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        for (String line : lines) {
            assertValid(reviewSchema, Jackson.MAPPER.readTree(line), "review line");
        }
        var broken = (ObjectNode) Jackson.MAPPER.readTree(lines.get(0));
        broken.remove("scale");
        assertThat(reviewSchema.validate(broken)).isNotEmpty();
        broken = (ObjectNode) Jackson.MAPPER.readTree(lines.get(3));
        broken.put("reviewer", " bo");
        assertThat(reviewSchema.validate(broken)).isNotEmpty();
    }

    @Test
    void aRunWhoseConcurrencyAdaptedKeepsTheChangesInRunJsonAndReadsThemBack() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        ScriptedProvider shedding = ScriptedProvider.named("shedding", r -> r.attempt() == 1
                ? CompletableFuture.failedFuture(CallException.forHttpStatus(429, "HTTP 429 from the test",
                        Optional.of(Duration.ZERO)))
                : CompletableFuture.completedFuture(ScriptedProvider.answer("ok")));
        Run run = StorePlans.rich(shedding).store(store).build().run();
        assertThat(run.summary().concurrency()).hasSize(1);
        var history = run.summary().concurrency().get(0);
        assertThat(history.endpoint()).isEqualTo("shedding");
        assertThat(history.configured()).isEqualTo(3);
        assertThat(history.lowest()).isLessThan(3);

        JsonNode runJson = Jackson.MAPPER.readTree(dir.resolve(run.id()).resolve("run.json").toFile());
        assertValid(schema("run.schema.json"), runJson, "run.json");
        JsonNode written = runJson.get("summary").get("concurrency").get(0);
        assertThat(written.get("endpoint").textValue()).isEqualTo("shedding");
        assertThat(written.get("changes").get(0).get("limit").intValue()).isEqualTo(history.changes().get(0).limit());
        assertThat(store.load(run.id()).orElseThrow().summary().orElseThrow().concurrency())
                .isEqualTo(run.summary().concurrency());
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
    private record Grader(ModelConfig judge, String criteria) implements Scorer {
        Grader(ModelConfig judge) {
            this(judge, "complete and correct");
        }

        @Override
        public String name() {
            return "grade";
        }

        @Override
        public Map<String, Object> settings() {
            return Map.of("criteria", criteria, "scale", List.of(1L, 5L));
        }

        @Override
        public List<ModelConfig> models() {
            return List.of(judge);
        }

        @Override
        public CompletionStage<Score> score(ScoreRequest request) {
            return request.caller().call(judge, List.of(Message.user("grade: " + request.output())))
                    .thenApply(r -> Score.of(0.5).withCall(r));
        }
    }

    @Test
    void aJudgedRunKeepsItsJudgeCallsApartConformsToTheSchemasAndReadsBackEqual() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        ScriptedProvider judge = ScriptedProvider.named("judge", r -> CompletableFuture.completedFuture(
                ScriptedProvider.answer("0.5")));
        var judgeConfig = ModelConfig.of("judge", "j").withPrice(Price.perMillionTokens(3, 15));
        Run run = StorePlans.rich(varied()).provider(judge).retry(RetryPolicy.none())
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
        var same = StorePlans.rich(varied()).provider(judge).retry(RetryPolicy.none())
                .scorer(new Grader(judgeConfig)).store(store).build();
        assertThat(same.resume(run.id()).status()).isEqualTo(RunStatus.COMPLETED);
        var otherCriteria = StorePlans.rich(varied()).provider(judge).retry(RetryPolicy.none())
                .scorer(new Grader(judgeConfig, "brief")).store(store).build();
        assertThatThrownBy(() -> otherCriteria.resume(run.id()))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("scorer 'grade' changed its criteria");
        List<Result> back = new ArrayList<>();
        store.forEachResult(run.id(), back::add);
        assertThat(back).containsExactlyInAnyOrderElementsOf(run.results());
    }
}
