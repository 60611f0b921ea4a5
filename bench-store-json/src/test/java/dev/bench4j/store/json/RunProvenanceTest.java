package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.bench4j.core.Provenance;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Run;
import dev.bench4j.store.json.testing.StorePlans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's provenance is kept in run.json, read back equal, carried by export and import; its log is in run.log. */
class RunProvenanceTest {

    @TempDir
    Path dir;

    private static ScriptedProvider answering() {
        return ScriptedProvider.named("echoing", r -> CompletableFuture.completedFuture(ScriptedProvider.answer("ok")));
    }

    @Test
    void provenanceIsKeptReadBackAndCarriedByExportAndImport() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir.resolve("a"));
        Provenance origin = Provenance.none().withDescription("regression check").withTags(List.of("nightly"))
                .withCommandLine(List.of("run", "plan.json", "--api-key", "sk-secret"))
                .withFiles(Optional.of(new Provenance.SourceFile("plan.json", "b".repeat(64), List.of())), List.of());
        Run run = StorePlans.rich(answering()).retry(RetryPolicy.none()).provenance(origin).store(store).build().run();

        Provenance kept = store.load(run.id()).orElseThrow().info().provenance();

        assertThat(kept).isEqualTo(run.info().provenance());
        assertThat(kept.description()).contains("regression check");
        assertThat(kept.commandLine()).containsExactly("run", "plan.json", "--api-key", "***");
        assertThat(kept.host().isPresent() || System.getenv("HOSTNAME") == null).isTrue();
        Path runJson = dir.resolve("a").resolve(run.id()).resolve("run.json");
        assertThat(Files.readString(runJson)).doesNotContain("sk-secret");
        try (InputStream in = JsonRunStore.class.getResourceAsStream("run.schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            assertThat(schema.validate(new ObjectMapper().readTree(runJson.toFile()))).isEmpty();
        }

        Path export = dir.resolve("run.json.gz");
        store.exportRun(run.id(), export);
        JsonRunStore other = JsonRunStore.at(dir.resolve("b"));
        String imported = other.importRun(export, false);
        assertThat(other.load(imported).orElseThrow().info().provenance()).isEqualTo(kept);
    }

    @Test
    void aRunWithoutProvenanceReadsBackWithNone() {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = StorePlans.rich(answering()).retry(RetryPolicy.none()).store(store).build().run();

        Provenance kept = store.load(run.id()).orElseThrow().info().provenance();

        assertThat(kept.tags()).isEmpty();
        assertThat(kept.planFile()).isEmpty();
        assertThat(kept.user()).contains(System.getProperty("user.name"));
    }

    @Test
    void theRunLogHasTheStartAndTheEndOfEveryAttempt() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = StorePlans.rich(answering()).retry(RetryPolicy.none()).store(store).build().run();
        List<String> first = Files.readAllLines(dir.resolve(run.id()).resolve("run.log"));

        assertThat(first.get(0)).contains(" INFO Run " + run.id() + " of plan '");
        assertThat(first.get(first.size() - 1)).contains(" INFO Run " + run.id() + " completed in ");
        store.load(run.id()).orElseThrow();
        StorePlans.rich(answering()).retry(RetryPolicy.none()).store(store).build().resume(run.id());
        List<String> both = Files.readAllLines(dir.resolve(run.id()).resolve("run.log"));
        assertThat(both).hasSizeGreaterThan(first.size());
        assertThat(both.subList(0, first.size())).isEqualTo(first);
        assertThat(both).anyMatch(l -> l.contains("resumed: "));
    }
}
