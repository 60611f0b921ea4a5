package dev.bench4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench run PLAN --dry-run}: the estimate table, nothing called, nothing stored, exit 0. */
class DryRunReportTest {

    private static final Path QUICKSTART = Path.of("..", "examples", "quickstart", "plan.json");

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    private String line(String startingWith) {
        return Arrays.stream(cli.out().split("\n")).filter(l -> l.startsWith(startingWith)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + startingWith + "' in\n" + cli.out()));
    }

    @Test
    void theQuickstartsDryRunShowsCellsRequestsJudgeCallsAndCostsAndStoresNothing() {
        Path store = dir.resolve("runs");

        assertThat(cli.run("run", QUICKSTART.toString(), "--dry-run", "--store", store.toString())).isZero();

        assertThat(cli.out()).contains("Dry run of quickstart-conditions: nothing is called or stored.",
                "2 prompts × 2 models × 20 trials × 1 repetitions = 80 cells: 80 model requests, 80 judge calls");
        assertThat(line("careful ")).contains("replay/careful-extractor", "estimated (utf8-estimate)", " 40 ",
                "256/call").containsPattern("\\$[0-9.]+ - \\$[0-9.]+$");
        assertThat(line("hasty ")).contains("replay/hasty-extractor", " 40 ", "256/call");
        // the judge reads each answer: from 0 up to the graded model's 256 tokens, 80 times = 20,480 more
        String judge = line("judge (judge) ");
        assertThat(judge).contains("replay/recorded-judge", " 80 ", "not set").containsPattern(">= \\$[0-9.]+$");
        String[] bounds = judge.replaceAll(".* ([0-9,]+) - ([0-9,]+) .*", "$1 $2").replace(",", "").split(" ");
        assertThat(Long.parseLong(bounds[1]) - Long.parseLong(bounds[0])).isEqualTo(80 * 256);
        assertThat(line("total ")).contains("estimated", " 160 ").containsPattern(">= \\$[0-9.]+$");
        assertThat(cli.out()).contains("No max_output_tokens for judge: ");
        assertThat(cli.err()).isEmpty();
        assertThat(store).doesNotExist();
    }

    private Path openAiPlan() throws IOException {
        Files.writeString(dir.resolve("trials.jsonl"), "{\"id\": \"t1\", \"vars\": {\"text\": \"chest pain\"}}\n"
                + "{\"id\": \"t2\", \"vars\": {\"text\": \"a rash since Tuesday\"}}\n");
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, """
                {"name": "openai-dry", "store": "runs",
                 "prompts": [{"name": "v1", "messages": [{"role": "system", "content": "Answer in one word."},
                                                        {"role": "user", "content": "Classify: {{text}}"}]}],
                 "models": [{"id": "mini", "provider": "openai", "model": "gpt-4o-mini", "max_output_tokens": 100},
                            {"id": "future", "provider": "openai", "model": "gpt-9-nova"},
                            {"id": "claude", "provider": "anthropic", "model": "claude-sonnet-4", "max_output_tokens": 100}],
                 "trials": "trials.jsonl", "repetitions": 2,
                 "scorers": [{"type": "llm_judge", "name": "judge",
                              "judge": {"id": "grader", "provider": "openai", "model": "gpt-4.1-mini",
                                        "max_output_tokens": 50},
                              "criteria": "One correct word."}]}
                """);
        return plan;
    }

    @Test
    void anOpenAiPlanIsCountedExactlyWithoutAnApiKeyAndUnknownsAreSaid() throws IOException {
        Path plan = openAiPlan();

        assertThat(cli.run("run", plan.toString(), "--dry-run")).isZero();

        assertThat(cli.out()).contains("1 prompts × 3 models × 2 trials × 2 repetitions = 12 cells: 12 model requests, "
                + "12 judge calls");
        assertThat(line("mini ")).contains("openai/gpt-4o-mini", "exact (o200k_base)", " 4 ", "100/call")
                .containsPattern("\\$[0-9.]+ - \\$[0-9.]+$");
        assertThat(line("future ")).contains("estimated (o200k_base, assumed)", "not set", "unknown (no price)");
        assertThat(line("claude ")).contains("anthropic/claude-sonnet-4", "estimated (utf8-estimate)");
        // the judge grades every cell, and one answer has no cap: no upper bound on its input
        assertThat(line("grader (judge) ")).contains("openai/gpt-4.1-mini", "exact (o200k_base)", " 12 ", ">= ",
                "50/call");
        assertThat(line("total ")).contains("estimated", " 24 ").endsWith("unknown");
        assertThat(cli.out()).contains("No price for future: ", "No max_output_tokens for future: ");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void theReportIsTheSameUnderACommaDecimalLocale() throws IOException {
        Path plan = openAiPlan();
        assertThat(cli.run("run", plan.toString(), "--dry-run")).isZero();
        String root = cli.out();
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(cli.run("run", plan.toString(), "--dry-run")).isZero();
        } finally {
            Locale.setDefault(before);
        }
        assertThat(cli.out()).isEqualTo(root);
    }

    @Test
    void repetitionsGivenOnTheCommandLineAreEstimated() throws IOException {
        assertThat(cli.run("run", openAiPlan().toString(), "--dry-run", "--repetitions", "5")).isZero();

        assertThat(cli.out()).contains("= 30 cells: 30 model requests, 30 judge calls");
    }
}
