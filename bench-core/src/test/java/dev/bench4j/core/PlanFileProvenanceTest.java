package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan file's provenance: its description and tags, and the plan and trials files with their hashes and trial ids. */
class PlanFileProvenanceTest {

    @TempDir
    Path dir;

    private static final String PROMPT = "\"prompts\": [{\"name\": \"v1\", \"messages\": [{\"role\": \"user\", \"content\": \"{{q}}\"}]}],"
            + " \"models\": [{\"provider\": \"echo\", \"model\": \"e\"}]";

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void recordsThePlanAndTrialsFilesWithTheirHashesAndTrialIds() throws Exception {
        Path trials = dir.resolve("trials.jsonl");
        Files.writeString(trials, "{\"id\": \"a\", \"vars\": {\"q\": \"1\"}}\n{\"id\": \"b\", \"vars\": {\"q\": \"2\"}}\n");
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"name\": \"p\", \"description\": \"triage v2\", \"tags\": [\"nightly\", \"gpu\"], "
                + PROMPT + ", \"trials\": \"trials.jsonl\"}", StandardCharsets.UTF_8);

        Provenance p = PlanFile.load(plan).provenance();

        assertThat(p.description()).contains("triage v2");
        assertThat(p.tags()).containsExactly("nightly", "gpu");
        assertThat(p.planFile()).contains(new Provenance.SourceFile(plan.toString(), sha256(plan), java.util.List.of()));
        assertThat(p.trialFiles()).containsExactly(new Provenance.SourceFile(trials.toString(), sha256(trials),
                java.util.List.of("a", "b")));
        assertThat(p.commandLine()).isEmpty();
    }

    @Test
    void inlineTrialsAreListedUnderThePlanFile() throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "name: p\nprompts:\n  - name: v1\n    messages:\n      - {role: user, content: \"{{q}}\"}\n"
                + "models:\n  - {provider: echo, model: e}\ntrials:\n  - {id: x, vars: {q: '1'}}\n");

        Provenance p = PlanFile.load(plan).provenance();

        assertThat(p.trialFiles()).containsExactly(new Provenance.SourceFile(plan.toString(), sha256(plan),
                java.util.List.of("x")));
        assertThat(p.planFile().orElseThrow().trialIds()).isEmpty();   // listed once, under the trials
    }

    @Test
    void theBuiltPlansRunCarriesTheProvenanceWithHostAndUser() throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"name\": \"p\", \"tags\": [\"ci\"], " + PROMPT + ", \"trials\": [{\"id\": \"t\", \"vars\": {\"q\": \"1\"}}]}");

        Run run = PlanFile.load(plan).toBuilder().tags("extra").build().run();

        assertThat(run.info().provenance().tags()).containsExactly("ci", "extra");
        assertThat(run.info().provenance().user()).contains(System.getProperty("user.name"));
        assertThat(run.info().provenance().planFile()).isPresent();
    }

    @Test
    void aTagThatIsNotTextNamesTheField() throws IOException {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"name\": \"p\", \"tags\": [\"ok\", 3], " + PROMPT + ", \"trials\": [{\"id\": \"t\", \"vars\": {\"q\": \"1\"}}]}");

        assertThatThrownBy(() -> PlanFile.load(plan)).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining(plan.toString()).hasMessageContaining("tags[1]")
                .hasMessageContaining("must be non-blank text");
    }
}
