package dev.bench4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench run}'s exit codes for failed cells, its provenance (tags, description, files, command
 * line) in {@code run.json}, and the run's own {@code run.log}.
 */
class RunControlTest {

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    private Path plan(String models, String extra) throws IOException {
        Files.writeString(dir.resolve("trials.jsonl"), "{\"id\": \"t1\", \"vars\": {\"text\": \"chest pain\"}}\n"
                + "{\"id\": \"t2\", \"vars\": {\"text\": \"a cold\"}}\n");
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"name\": \"ctl\", \"prompts\": [{\"name\": \"v1\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"Classify: {{text}}\"}]}], \"models\": [" + models + "],"
                + " \"trials\": \"trials.jsonl\"" + extra + "}");
        return plan;
    }

    private static final String OK = "{\"provider\": \"echo\", \"model\": \"e1\"}";
    private static final String FAILING = "{\"provider\": \"echo\", \"model\": \"e2\", \"params\": {\"failure_rate\": 1,"
            + " \"failure_kind\": \"auth\"}}";

    @Test
    void aRunWhoseEveryCellFailedExitsOneSayingSo() throws IOException {
        int code = cli.run("run", plan(FAILING, "").toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.out()).contains("2 cells, 0 ok, 2 failed");
        assertThat(cli.err()).contains("bench: every cell failed (exit code 1");
    }

    @Test
    void aRunWithSomeFailedCellsExitsZeroByDefault() throws IOException {
        assertThat(cli.run("run", plan(OK + ", " + FAILING, "").toString())).isZero();
    }

    @Test
    void failOnErrorRateExitsOneWhenMoreThanThatShareFailed() throws IOException {
        Path plan = plan(OK + ", " + FAILING, "");

        assertThat(cli.run("run", plan.toString(), "--fail-on-error-rate", "0.4")).isEqualTo(1);
        assertThat(cli.err()).contains("bench: 2 of 4 cells failed (50%), more than --fail-on-error-rate 0.4 allows");
        assertThat(cli.run("run", plan.toString(), "--fail-on-error-rate", "0.5")).isZero();
    }

    @Test
    void failOnErrorRateOutsideZeroToOneIsABadFlag() throws IOException {
        assertThat(cli.run("run", plan(OK, "").toString(), "--fail-on-error-rate", "1.5")).isEqualTo(2);
        assertThat(cli.err()).contains("--fail-on-error-rate: must be a share between 0 and 1 but was 1.5");
    }

    @Test
    void theRunFileKeepsTagsDescriptionFilesAndTheCommandLineWithoutKeys() throws IOException {
        Path plan = plan(OK, ", \"description\": \"nightly triage check\", \"tags\": [\"nightly\"], \"store\": \"runs\"");

        int code = cli.run("run", plan.toString(), "--tag", "ci", "--tag", "nightly", "--no-progress");

        assertThat(code).isZero();
        JsonNode p = runJson(dir.resolve("runs")).get("provenance");
        assertThat(p.get("description").asText()).isEqualTo("nightly triage check");
        assertThat(p.get("tags")).hasToString("[\"nightly\",\"ci\"]");
        assertThat(p.get("command_line")).hasToString("[\"run\",\"" + plan.toString().replace("\\", "\\\\")
                + "\",\"--tag\",\"ci\",\"--tag\",\"nightly\",\"--no-progress\"]");
        assertThat(p.get("plan_file").get("path").asText()).isEqualTo(plan.toString());
        assertThat(p.get("plan_file").get("sha256").asText()).hasSize(64);
        JsonNode trials = p.get("trial_files").get(0);
        assertThat(trials.get("path").asText()).endsWith("trials.jsonl");
        assertThat(trials.get("trial_ids")).hasToString("[\"t1\",\"t2\"]");
        assertThat(p.get("user").asText()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void showPrintsTheProvenanceAndListShowsTagsAndTheMainScore() throws IOException {
        Path plan = plan(OK, ", \"description\": \"triage check\", \"tags\": [\"nightly\"], \"store\": \"runs\","
                + " \"scorers\": [{\"type\": \"contains\"}]");
        Files.writeString(dir.resolve("trials.jsonl"), "{\"id\": \"t1\", \"vars\": {\"text\": \"chest pain\"}, \"expected\": \"chest\"}\n"
                + "{\"id\": \"t2\", \"vars\": {\"text\": \"a cold\"}, \"expected\": \"cold\"}\n");
        cli.run("run", plan.toString(), "--tag", "ci", "--no-progress");
        String id = runFolder(dir.resolve("runs")).getFileName().toString();

        assertThat(cli.run("show", id, "--store", dir.resolve("runs").toString())).isZero();
        assertThat(cli.out()).contains("  about     triage check", "  tags      nightly, ci",
                "  plan file " + plan + " sha256:", "trials.jsonl sha256:", "(2 trials)",
                "  command   bench run " + plan + " --tag ci --no-progress",
                "  by        " + System.getProperty("user.name") + "@");
        assertThat(cli.run("list", "--store", dir.resolve("runs").toString())).isZero();
        assertThat(cli.out()).contains("main score", "tags").containsPattern(id + " .* contains 1\\.000 .* nightly,ci");
    }

    @Test
    void theRunFolderHasARunLogWithStartFailuresAndEnd() throws IOException {
        Path plan = plan(OK + ", " + FAILING, ", \"store\": \"runs\"");

        cli.run("run", plan.toString(), "--no-progress");

        Path log = runFolder(dir.resolve("runs")).resolve("run.log");
        List<String> lines = Files.readAllLines(log);
        assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT.*Z INFO Run bench_\\w+ of plan 'ctl' started: 1 prompts x 2"
                + " models x 2 trials x 1 repetitions = 4 cells, concurrency 8");
        assertThat(lines).filteredOn(l -> l.contains("failed: auth: echo: injected auth failure")).hasSize(2);
        assertThat(lines.get(lines.size() - 1)).contains("INFO Run bench_").contains(" completed in ")
                .endsWith("4 cells, 2 succeeded, 2 failed, 0 cached");
    }

    private static Path runFolder(Path store) throws IOException {
        try (Stream<Path> s = Files.list(store)) {
            return s.filter(p -> p.getFileName().toString().startsWith("bench_")).findFirst().orElseThrow();
        }
    }

    private static JsonNode runJson(Path store) throws IOException {
        return new ObjectMapper().readTree(runFolder(store).resolve("run.json").toFile());
    }
}
