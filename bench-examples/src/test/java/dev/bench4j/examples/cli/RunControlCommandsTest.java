package dev.bench4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench run} steering flags: --retry-failed and --only-kind, subsets, and budget caps. */
class RunControlCommandsTest {

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    private int bench(String... args) {
        return cli.run(args);
    }

    /** Ten trials, two prompts, an echo model that fails about half the cells (the same ones every time). */
    private Path plan(String extra) throws IOException {
        StringBuilder trials = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            trials.append("{\"id\": \"").append(i < 5 ? "extract-" : "other-").append(i)
                    .append("\", \"vars\": {\"text\": \"case ").append(i).append("\"}}\n");
        }
        Files.writeString(dir.resolve("trials.jsonl"), trials);
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"name\": \"steered\", \"prompts\": ["
                + "{\"name\": \"v1\", \"messages\": [{\"role\": \"user\", \"content\": \"A {{text}}\"}]},"
                + "{\"name\": \"v2\", \"messages\": [{\"role\": \"user\", \"content\": \"B {{text}}\"}]}],"
                + " \"models\": [{\"provider\": \"echo\", \"model\": \"e1\"" + extra + "}],"
                + " \"trials\": \"trials.jsonl\", \"cache\": false, \"retry\": {\"max_attempts\": 1},"
                + " \"store\": \"runs\"}");
        return plan;
    }

    private String storedRunId() {
        Matcher m = Pattern.compile("run (bench_[0-9a-f]{8}_\\d{8}_\\d{6}) in").matcher(cli.err());
        assertThat(m.find()).as("the run id is printed: " + cli.err()).isTrue();
        return m.group(1);
    }

    private long lines(String id) throws IOException {
        return Files.readAllLines(dir.resolve("runs").resolve(id).resolve("results.jsonl")).size();
    }

    @Test
    void retryFailedCallsTheFailedCellsAgainAndShowSaysHowManyWereRetried() throws IOException {
        Path plan = plan(", \"params\": {\"failure_rate\": 0.5, \"failure_kind\": \"server\"}");
        bench("run", plan.toString(), "--no-progress");
        String id = storedRunId();
        Matcher failed = Pattern.compile("20 cells, (\\d+) ok, (\\d+) failed").matcher(cli.out());
        assertThat(failed.find()).as(cli.out()).isTrue();
        int failures = Integer.parseInt(failed.group(2));
        assertThat(failures).isPositive();

        assertThat(bench("run", plan.toString(), "--resume", id, "--no-progress")).isZero();
        assertThat(lines(id)).as("a plain resume calls nothing").isEqualTo(20);

        assertThat(bench("run", plan.toString(), "--resume", id, "--retry-failed", "--only-kind", "rate_limited",
                "--no-progress")).isZero();
        assertThat(lines(id)).as("no cell failed with rate_limited").isEqualTo(20);

        bench("run", plan.toString(), "--resume", id, "--retry-failed", "--only-kind", "server,timeout", "--no-progress");
        assertThat(lines(id)).isEqualTo(20 + failures);
        assertThat(cli.out()).contains("20 cells", "Retried " + failures + " failed cells");

        assertThat(bench("show", id, "--store", dir.resolve("runs").toString())).isZero();
        assertThat(cli.out()).contains("retried   " + failures + " failed cells called again");
        assertThat(bench("list", "--store", dir.resolve("runs").toString())).isZero();
        assertThat(cli.out()).containsPattern(id + " .* 20 \\(" + failures + " retried\\) ");
        assertThat(cli.out()).as("the success rate with its Wilson interval").containsPattern(id + " .* \\d+% \\(\\d+–\\d+%\\) ");
    }

    @Test
    void aBadErrorKindOrAMisplacedRetryFlagExitsTwoNamingIt() throws IOException {
        Path plan = plan("");
        assertThat(bench("run", plan.toString(), "--resume", "bench_00000000_20260101_000000", "--retry-failed",
                "--only-kind", "rate_limited,slow")).isEqualTo(2);
        assertThat(cli.err()).contains("--only-kind", "but was 'slow'", "rate_limited, server");
        assertThat(bench("run", plan.toString(), "--retry-failed")).isEqualTo(2);
        assertThat(cli.err()).contains("--retry-failed needs --resume RUN_ID");
        assertThat(bench("run", plan.toString(), "--only-kind", "server")).isEqualTo(2);
        assertThat(cli.err()).contains("--only-kind needs --retry-failed");
    }

    @Test
    void aSubsetRunsOnlyTheSelectedCellsIsShownAndResumesWithItsSubset() throws IOException {
        Path plan = plan("");
        assertThat(bench("run", plan.toString(), "--prompt", "v2", "--trial", "extract-*", "--trial", "other-9",
                "--no-progress")).isZero();
        String id = storedRunId();
        assertThat(cli.err()).contains("1 prompts × 1 models × 6 trials", "Subset --prompt v2 --trial extract-*,other-9 of 20 cells");
        assertThat(lines(id)).isEqualTo(6);

        assertThat(bench("show", id, "--store", dir.resolve("runs").toString())).isZero();
        assertThat(cli.out()).contains("subset    --prompt v2 --trial extract-*,other-9 (of 2 prompts, 1 models, 10 trials)");

        assertThat(bench("run", plan.toString(), "--resume", id, "--no-progress")).isZero();
        assertThat(lines(id)).isEqualTo(6);
        assertThat(bench("run", plan.toString(), "--resume", id, "--limit", "2", "--no-progress")).isEqualTo(2);
        assertThat(cli.err()).contains("cannot be resumed with the subset --limit 2");

        bench("run", plan.toString(), "--no-progress");
        String whole = storedRunId();
        assertThat(bench("compare", whole, id, "--store", dir.resolve("runs").toString())).isZero();
        assertThat(cli.out()).contains("Note: run " + id + " ran a subset (--prompt v2 --trial extract-*,other-9)")
                .doesNotContain("Note: run " + whole);
    }

    @Test
    void aSampleIsReproducibleAndASelectorMatchingNothingExitsTwo() throws IOException {
        Path plan = plan("");
        bench("run", plan.toString(), "--sample", "3", "--seed", "42", "--model", "echo:*", "--no-progress");
        String first = Files.readString(dir.resolve("runs").resolve(storedRunId()).resolve("run.json"));
        bench("run", plan.toString(), "--sample", "3", "--seed", "42", "--model", "echo:*", "--no-progress");
        String second = Files.readString(dir.resolve("runs").resolve(storedRunId()).resolve("run.json"));
        String fingerprint = "\"trials_fingerprint\" : \"";
        assertThat(first.substring(first.indexOf(fingerprint), first.indexOf(fingerprint) + 90))
                .isEqualTo(second.substring(second.indexOf(fingerprint), second.indexOf(fingerprint) + 90));

        assertThat(bench("run", plan.toString(), "--prompt", "v9")).isEqualTo(2);
        assertThat(cli.err()).contains("prompt selector 'v9' matches no prompt of plan 'steered'; its prompts are: v1, v2");
        assertThat(bench("run", plan.toString(), "--limit", "2", "--sample", "3")).isEqualTo(2);
        assertThat(cli.err()).contains("--limit and --sample cannot be combined");
    }

    @Test
    void aBudgetCapStopsTheRunAsBudgetExceededAndAHigherCapFinishesIt() throws IOException {
        Path plan = plan("");
        assertThat(bench("run", plan.toString(), "--max-calls", "5", "--concurrency", "1", "--no-progress")).isEqualTo(1);
        String id = storedRunId();
        assertThat(cli.err()).contains("Budget: max_calls 5");
        assertThat(cli.out()).contains("budget_exceeded (budget exceeded: max_calls 5 reached");
        assertThat(lines(id)).isEqualTo(5);
        assertThat(cli.err()).contains("Resume it with a higher cap (the stored spend counts toward it): bench run "
                + plan + " --concurrency 1 --no-progress --resume " + id + " --max-cost-usd|--max-tokens|--max-calls N");

        assertThat(bench("run", plan.toString(), "--resume", id, "--max-calls", "100", "--no-progress")).isZero();
        assertThat(lines(id)).isEqualTo(20);

        assertThat(bench("run", plan.toString(), "--max-cost-usd", "-1")).isEqualTo(2);
        assertThat(cli.err()).contains("--max-cost-usd: max_cost_usd must be a finite number > 0 but was -1.0");
    }
}
