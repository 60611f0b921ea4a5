package dev.bench4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench run} runs a plan file, prints a summary, and exits 0 / 1 / 2 as documented. */
class BenchTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int bench(String... args) {
        return Bench.execute(args, new Bench.Io(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Terminal.plain()));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path plan(String extra) throws IOException {
        Files.writeString(dir.resolve("trials.jsonl"), "{\"id\": \"t1\", \"vars\": {\"text\": \"chest pain\"}}\n"
                + "{\"id\": \"t2\", \"vars\": {\"text\": \"a cold\"}}\n");
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"name\": \"cli\", \"prompts\": [{\"name\": \"v1\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"Classify: {{text}}\"}]}], \"models\": [{\"provider\": \"echo\", \"model\": \"e1\"},"
                + " {\"provider\": \"echo\", \"model\": \"e2\", \"params\": {\"failure_rate\": 1, \"failure_kind\": \"auth\"}}],"
                + " \"trials\": \"trials.jsonl\"" + extra + "}");
        return plan;
    }

    @Test
    void runPrintsASummaryRowPerPromptAndModelAndExitsZero() throws IOException {
        int code = bench("run", plan(", \"scorers\": [{\"type\": \"contains\"}]").toString(), "--repetitions", "2");

        assertThat(code).isZero();
        assertThat(out()).contains("prompt  model", "v1      echo:e1", "v1      echo:e2", "all")
                .containsPattern("Run bench_[0-9a-f]{8}_\\d{8}_\\d{6} completed in .*: 8 cells, 4 ok, 4 failed")
                .contains("Failed cells: auth × 4")
                .contains("v1/echo:e2/t1#0: echo: injected auth failure on attempt 1");
        assertThat(err()).contains("Running cli: 1 prompts × 2 models × 2 trials × 2 repetitions = 8 cells, concurrency 8");
        assertThat(out() + err()).doesNotContain("\u001b[");
    }

    @Test
    void aMissingPlanFileExitsTwoWithAClearMessage() {
        int code = bench("run", dir.resolve("nope.json").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err()).isEqualTo("bench: " + dir.resolve("nope.json") + ": file not found\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void aBadPlanExitsTwoListingEveryProblem() throws IOException {
        Path plan = plan("");
        Files.writeString(plan, Files.readString(plan).replace("{{text}}", "{{txt}}"));

        assertThat(bench("run", plan.toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("bench: 2 problems:\n"
                + "  - Prompt 'v1' uses variable 'txt' but trial 't1' has no such variable (it has: text)\n"
                + "  - Prompt 'v1' uses variable 'txt' but trial 't2' has no such variable (it has: text)\n");
    }

    @Test
    void aBadFlagExitsTwoNamingTheFlag() throws IOException {
        assertThat(bench("run", plan("").toString(), "--concurrency", "0")).isEqualTo(2);
        assertThat(err()).isEqualTo("bench: --concurrency: concurrency must be >= 1 but was 0\n");
    }

    @Test
    void anUnknownFlagOrNoArgumentsShowsUsage() throws IOException {
        assertThat(bench("run", plan("").toString(), "--concurency", "3")).isEqualTo(2);
        assertThat(err()).contains("Unknown options: '--concurency'").contains("Possible solutions: --concurrency");
        assertThat(bench()).isEqualTo(2);
    }

    @Test
    void versionNamesBench4jAndJava() {
        assertThat(bench("--version")).isZero();
        assertThat(out()).startsWith("bench ").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void aNameWithTerminalEscapesIsPrintedHarmlessly() throws IOException {
        Path plan = plan("");
        Files.writeString(plan, Files.readString(plan).replace("\"name\": \"v1\"", "\"name\": \"v1\\u001b[31mred\""));

        assertThat(bench("run", plan.toString())).isZero();
        assertThat(out()).contains("v1?[31mred").doesNotContain("\u001b");
    }
}
