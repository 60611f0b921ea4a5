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
    void runUsesNoResponseCacheUnlessThePlanAsksForOne() throws IOException {
        // two prompts that render the same request: a cache sends it once and serves the other from memory
        Files.writeString(dir.resolve("trials.jsonl"), "{\"id\": \"t1\", \"vars\": {\"text\": \"chest pain\"}}\n");
        String plan = "{\"name\": \"twins\", \"prompts\": [{\"name\": \"a\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"Classify: {{text}}\"}]}, {\"name\": \"b\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"Classify: {{text}}\"}]}], \"models\": [{\"provider\": \"echo\", \"model\": \"e1\"}],"
                + " \"trials\": \"trials.jsonl\", \"concurrency\": 1";
        Path plain = dir.resolve("plain.json");
        Files.writeString(plain, plan + "}");
        Path cached = dir.resolve("cached.json");
        Files.writeString(cached, plan + ", \"cache\": {\"max_entries\": 100}}");

        assertThat(bench("run", plain.toString(), "--no-progress")).isZero();
        assertThat(out()).contains("2 cells, 2 ok, 0 failed, 0 cached, 2 calls");
        out.reset();
        assertThat(bench("run", cached.toString(), "--no-progress")).isZero();
        assertThat(out()).contains("2 cells, 2 ok, 0 failed, 1 cached, 1 calls");
    }

    @Test
    void aRunWithRepetitionsPrintsPassAtKOfItsPassFailScores() throws IOException {
        // t1 ("chest pain") passes every repetition, t2 ("a cold") none: pass@3 = pass^3 = 0.5 for e1
        int code = bench("run", plan(", \"scorers\": [{\"type\": \"regex\", \"pattern\": \"chest\"}]").toString(),
                "--repetitions", "3", "--no-progress");

        assertThat(code).isZero();
        assertThat(out()).contains("regex pass@3  pass^3")
                .containsPattern("v1      echo:e1 +0\\.500 +0\\.500")
                .containsPattern("v1      echo:e2 +- +-")
                .containsPattern("all +0\\.500 +0\\.500")
                .contains("pass@3 is the chance that at least one of 3 attempts at a trial passes");
    }

    @Test
    void aRunSaysWhichOfATrialsOwnChecksFailedAndWhy() throws IOException {
        Files.writeString(dir.resolve("trials.jsonl"), "{\"id\": \"t1\", \"vars\": {\"text\": \"chest pain\"}, \"checks\":"
                + " [{\"type\": \"regex\", \"pattern\": \"chest\"}, {\"type\": \"json_valid\"}]}\n"
                + "{\"id\": \"t2\", \"vars\": {\"text\": \"a cold\"}, \"checks\": [{\"type\": \"regex\", \"pattern\": \"cold\"}]}\n");
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"name\": \"checked\", \"prompts\": [{\"name\": \"v1\", \"messages\": [{\"role\":"
                + " \"user\", \"content\": \"Classify: {{text}}\"}]}], \"models\": [{\"provider\": \"echo\", \"model\": \"e1\"}],"
                + " \"trials\": \"trials.jsonl\"}");

        assertThat(bench("run", plan.toString(), "--no-progress")).isZero();
        assertThat(out()).contains("Failed checks: 1 answer ([1] json_valid × 1)",
                "  v1/echo:e1/t1#0: 1 of 2 checks passed; failed: [1] json_valid 0 < 1: output is not JSON");
        assertThat(out()).doesNotContain("t2#0: ");
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
    void aNameWithTerminalEscapesIsRefusedAndShownEscaped() throws IOException {
        Path plan = plan("");
        Files.writeString(plan, Files.readString(plan).replace("\"name\": \"v1\"", "\"name\": \"v1\\u001b[31mred\""));

        assertThat(bench("run", plan.toString())).isEqualTo(2);
        assertThat(err()).contains("The prompt name 'v1\\u001b[31mred' has a control character").doesNotContain("\u001b");
        assertThat(out()).isEmpty();
    }

    @Test
    void aMissingPlanOrAFolderInsteadOfAPlanIsOneLineAndExitTwo() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder.json"));

        assertThat(bench("run", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err().lines()).hasSize(1).first().asString().startsWith("bench: " + dir.resolve("nope.yaml") + ": file not found");
        err.reset();
        assertThat(bench("run", folder.toString())).isEqualTo(2);
        assertThat(err().lines()).containsExactly("bench: " + folder + ": is a directory, not a file");
    }

    @Test
    void aBadPlanValueIsOneLineWithoutAStackTrace() throws IOException {
        assertThat(bench("run", plan(", \"concurrency\": 1e100").toString())).isEqualTo(2);

        assertThat(err().lines()).containsExactly("bench: " + dir.resolve("plan.json")
                + ": field 'concurrency' must be a whole number >= 1 and at most 2147483647 but was 1.0E100");
        assertThat(out()).isEmpty();
    }

    @Test
    void aBrokenPlaceholderIsRefusedWithExitTwoAndNothingCalled() throws IOException {
        Path plan = plan("");
        Files.writeString(plan, Files.readString(plan).replace("Classify: {{text}}", "Classify: {{text"));

        assertThat(bench("run", plan.toString())).isEqualTo(2);

        assertThat(err().lines()).containsExactly("bench: " + plan + ": Prompt 'v1' message 1 has a broken placeholder "
                + "'{{text' at line 1, column 11 (no closing }}); a placeholder is {{name}}");
        assertThat(out()).isEmpty();
    }

    @Test
    void aSingleBracePlaceholderIsWarnedOnStderrAndTheRunGoesOn() throws IOException {
        Path plan = plan("");
        Files.writeString(plan, Files.readString(plan).replace("Classify: {{text}}", "Classify: {text}"));

        assertThat(bench("run", plan.toString())).isZero();

        assertThat(err()).containsOnlyOnce("bench: warning: Prompt 'v1' has text that looks like a placeholder but is sent as written: "
                + "message 1 '{text}' at line 1, column 11");
        assertThat(out()).contains("Run bench_");
    }

    @Test
    void aControlCharacterInATrialIdIsRefusedShownEscaped() throws IOException {
        Path plan = plan("");
        Files.writeString(dir.resolve("trials.jsonl"), "{\"id\": \"t\\u0007\", \"vars\": {\"text\": \"x\"}}\n");

        assertThat(bench("run", plan.toString())).isEqualTo(2);

        assertThat(err().lines()).containsExactly("bench: The trial id 't\\u0007' has a control character; use printable "
                + "characters (it is used in file names, tables and logs)");
    }

    @Test
    void importingAFolderInsteadOfAnExportIsOneLineAndExitTwo() throws IOException {
        Path plan = plan(", \"store\": \"runs\"");
        assertThat(bench("run", plan.toString())).isZero();
        err.reset();

        assertThat(bench("import", dir.toString(), "--store", dir.resolve("runs").toString())).isEqualTo(2);

        assertThat(err().lines()).hasSize(1).first().asString().startsWith("bench: ").doesNotContain("Exception");
    }
}
