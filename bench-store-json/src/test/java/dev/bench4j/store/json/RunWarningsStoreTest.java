package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunHandle;
import dev.bench4j.core.RunWarning;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.internal.Jackson;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finished run's health warnings are kept in run.json, read back, exported and imported. */
class RunWarningsStoreTest {

    @TempDir
    Path dir;

    /** A server that ignores sampling and answers as another model than the one asked for. */
    private static ScriptedProvider ignoringServer() {
        return ScriptedProvider.named("srv", r -> CompletableFuture.completedFuture(ModelResponse.of(
                "answer to " + r.messages().get(0).content(), FinishReason.STOP, Usage.of(3, 2))
                .withModelVersion("Meta-Llama-3-8B")));
    }

    private static BenchmarkPlan.Builder plan(ScriptedProvider p, JsonRunStore store) {
        return BenchmarkPlan.named("health").provider(p).prompt(Prompt.named("p").user("Q {{x}}"))
                .model(ModelConfig.of("srv", "gpt-4o").withId("greedy").withTemperature(0))
                .model(ModelConfig.of("srv", "gpt-4o").withId("sampled").withTemperature(0.9))
                .trials(Plans.trials(3)).noCache().store(store);
    }

    private static JsonSchema runSchema() throws Exception {
        try (InputStream in = JsonRunStore.class.getResourceAsStream("run.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void warningsAreWrittenToRunJsonConformToTheSchemaAndReadBackEqual() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = plan(ignoringServer(), store).build().run();
        assertThat(run.warnings()).extracting(RunWarning::code).containsExactly(RunWarning.SAMPLING_IGNORED,
                RunWarning.MODEL_MISMATCH, RunWarning.MODEL_MISMATCH);

        JsonNode json = Jackson.MAPPER.readTree(dir.resolve(run.id()).resolve("run.json").toFile());
        assertThat(runSchema().validate(json)).isEmpty();
        assertThat(json.get("warnings")).hasSize(3);
        assertThat(json.get("warnings").get(1).toString()).isEqualTo("{\"code\":\"model_mismatch\",\"message\":"
                + "\"config greedy asked for model \\\"gpt-4o\\\" but 3 of 3 answers named another model, e.g. "
                + "\\\"Meta-Llama-3-8B\\\"\",\"models\":[\"greedy\"],\"count\":3,\"total\":3}");
        assertThat(store.load(run.id()).orElseThrow().warnings()).isEqualTo(run.warnings());
    }

    @Test
    void aHealthyRunHasAnEmptyArrayAndARunningOneNone() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        CompletableFuture<ModelResponse> held = new CompletableFuture<>();
        ScriptedProvider slow = ScriptedProvider.named("srv", r -> r.cell().trial().equals("t2") ? held
                : CompletableFuture.completedFuture(ModelResponse.of("a " + r.cell(), FinishReason.STOP, Usage.of(1, 1))
                        .withModelVersion("gpt-4o-2024-08-06")));
        RunHandle handle = plan(slow, store).concurrency(1).build().start();
        Path file = dir.resolve(handle.id()).resolve("run.json");
        while (!Files.exists(file)) {
            Thread.sleep(5);
        }

        assertThat(Jackson.MAPPER.readTree(file.toFile()).has("warnings")).isFalse();
        assertThat(store.load(handle.id()).orElseThrow().warnings()).isEmpty();

        held.complete(ModelResponse.of("late", FinishReason.STOP, Usage.of(1, 1)));
        Run run = handle.await();
        JsonNode json = Jackson.MAPPER.readTree(file.toFile());
        assertThat(run.warnings()).isEmpty();
        assertThat(json.get("warnings").isArray()).isTrue();
        assertThat(json.get("warnings")).isEmpty();
        assertThat(runSchema().validate(json)).isEmpty();
    }

    @Test
    void aRunFileWithoutWarningsFromAnOlderVersionReadsAsNone() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = plan(ignoringServer(), store).build().run();
        Path file = dir.resolve(run.id()).resolve("run.json");
        ObjectNode json = (ObjectNode) Jackson.MAPPER.readTree(file.toFile());
        json.remove("warnings");
        Files.write(file, Jackson.MAPPER.writeValueAsBytes(json));

        assertThat(store.load(run.id()).orElseThrow().warnings()).isEmpty();
    }

    @Test
    void aMalformedWarningIsAClearErrorNamingTheField() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = plan(ignoringServer(), store).build().run();
        Path file = dir.resolve(run.id()).resolve("run.json");
        String good = Files.readString(file);

        Files.writeString(file, good.replace("\"count\" : 3,", "\"count\" : 4,"));
        assertThatThrownBy(() -> store.load(run.id())).isInstanceOf(InvalidRunFileException.class)
                .hasMessage(file + ": field 'warnings[0]': count must be <= total but was 4 of 3");
        Files.writeString(file, good.replace("\"code\" : \"model_mismatch\",", "\"kode\" : \"model_mismatch\","));
        assertThatThrownBy(() -> store.load(run.id())).isInstanceOf(InvalidRunFileException.class)
                .hasMessageStartingWith(file + ": unknown field 'warnings[1].kode' (did you mean 'code'?)");
        Files.writeString(file, good.replace("\"warnings\" : [", "\"warnings\" : {\"x\": [").replace("} ]\n}", "} ]}\n}"));
        assertThatThrownBy(() -> store.load(run.id())).isInstanceOf(InvalidRunFileException.class)
                .hasMessageStartingWith(file + ": field 'warnings' must be an array but was an object");
    }

    @Test
    void anExportedRunKeepsItsWarningsWhenImported() {
        JsonRunStore store = JsonRunStore.at(dir.resolve("a"));
        Run run = plan(ignoringServer(), store).build().run();
        Path export = dir.resolve("run-export.json");
        store.exportRun(run.id(), export);

        JsonRunStore other = JsonRunStore.at(dir.resolve("b"));
        String id = other.importRun(export, false);

        assertThat(other.load(id).orElseThrow().warnings()).isEqualTo(run.warnings());
    }
}
