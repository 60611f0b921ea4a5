package dev.bench4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench compare} shows two stored runs side by side and fails on a regression; {@code bench leaderboard} ranks models. */
class CompareCommandsTest {

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    private int bench(String... args) {
        return cli.run(args);
    }

    /** A stored run whose trials expect {@code expected} (echo answers "Classify: case i"). */
    private String storedRun(String expected) throws IOException {
        StringBuilder trials = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            trials.append("{\"id\": \"t").append(i).append("\", \"vars\": {\"text\": \"case ").append(i)
                    .append("\"}, \"expected\": \"").append(i < 3 ? "case" : expected).append("\"}\n");
        }
        Files.writeString(dir.resolve("trials.jsonl"), trials);
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"name\": \"cmp\", \"prompts\": [{\"name\": \"v1\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"Classify: {{text}}\"}]}], \"models\": [{\"provider\": \"echo\", \"model\": \"e1\"},"
                + " {\"provider\": \"echo\", \"model\": \"e2\", \"max_output_tokens\": 2}],"
                + " \"trials\": \"trials.jsonl\", \"cache\": false, \"scorers\": [{\"type\": \"contains\"}]}");
        assertThat(bench("run", plan.toString(), "--store", dir.resolve("runs").toString(), "--no-progress")).isZero();
        Matcher m = Pattern.compile("run (bench_\\S+) in").matcher(cli.err());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void compareShowsBothRunsAndFailsOnARegression() throws IOException {
        String good = storedRun("case");
        String worse = storedRun("nothing like it");
        String store = dir.resolve("runs").toString();

        assertThat(bench("compare", good, worse, "--store", store)).isZero();
        assertThat(cli.out()).contains("contains base", "echo:e1", "1", "0.500")
                .contains("Cells:").contains("differ").contains("Regressions:", "echo:e1: contains 1.000 -> 0.500");

        assertThat(bench("compare", good, worse, "--store", store, "--fail-on-regression")).isEqualTo(1);
        assertThat(bench("compare", good, good, "--store", store, "--fail-on-regression")).isZero();
        assertThat(cli.out()).contains("No regression");
    }

    /** The line of the table that starts with {@code start}. */
    private String line(String start) {
        return cli.out().lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(
                "no line starting with " + start + " in\n" + cli.out()));
    }

    @Test
    void compareShowsEachModelsPairedPValueHolmAdjustedAndTheCostAndLatencyDeltas() throws IOException {
        String good = storedRun("case");
        String worse = storedRun("nothing like it");
        String store = dir.resolve("runs").toString();

        assertThat(bench("compare", good, worse, "--store", store)).isZero();

        // e1: 3 of 6 cells went from 1 to 0, McNemar exact p = 0.25; e2 unchanged, p = 1; Holm: 0.5, 1
        assertThat(cli.out()).contains("p (Holm)", "Δ cost/cell", "Δ p50")
                .contains("p-values Holm-adjusted for 2 comparisons (--p-adjust bonferroni|holm|bh|none)");
        assertThat(line("echo:e1")).contains(" 0.500 ").containsPattern("[+-]\\d+\\.\\d ms$");
        assertThat(line("echo:e2")).contains(" 1.000 ");

        assertThat(bench("compare", good, worse, "--store", store, "--p-adjust", "none")).isZero();
        assertThat(cli.out()).contains("p-values not adjusted for the 2 comparisons").doesNotContain("p (Holm)");
        assertThat(line("echo:e1")).contains(" 0.250 ");

        assertThat(bench("compare", good, worse, "--store", store, "--p-adjust", "sidak")).isEqualTo(2);
        assertThat(cli.err()).contains("--p-adjust: unknown p-value adjustment 'sidak'; expected one of none, bonferroni, holm, bh");
    }

    @Test
    void theCrossRunLeaderboardTestsEachEntryAgainstTheLeaderWithAdjustedPValues() throws IOException {
        String good = storedRun("case");
        String worse = storedRun("nothing like it");
        String store = dir.resolve("runs").toString();

        assertThat(bench("leaderboard", "--metric", "contains", "--store", store)).isZero();

        // against e1 @ good (all 1): e1 @ worse 3 discordant cells (p 0.25), each e2 6 (p 0.03125);
        // Holm over 3: 0.03125 * 3 = 0.094 for both e2, max(0.25, 0.094) = 0.25 for e1 @ worse
        assertThat(cli.out()).contains("vs leader", "p (Holm)", "p-values Holm-adjusted for 3 comparisons");
        assertThat(line("1     echo:e1 @ " + good)).matches(".*  -  +-  tied");
        assertThat(line("1     echo:e1 @ " + worse)).contains("-0.500", "0.250", "tied");
        assertThat(line("3     echo:e2 @ " + good)).contains("-1.000", "0.094", "tied");
        assertThat(line("3     echo:e2 @ " + worse)).contains("-1.000", "0.094", "tied");

        assertThat(bench("leaderboard", "--metric", "contains", "--store", store, "--p-adjust", "bonferroni")).isZero();
        assertThat(cli.out()).contains("p (Bonferroni)", "p-values Bonferroni-adjusted for 3 comparisons");
        assertThat(line("1     echo:e1 @ " + worse)).contains("0.750");
        assertThat(bench("leaderboard", "--metric", "contains", "--store", store, "--p-adjust", "bh")).isZero();
        assertThat(cli.out()).contains("p (BH)", "p-values Benjamini–Hochberg-adjusted for 3 comparisons");
    }

    @Test
    void aLeaderNothingTiesWithIsNotMarkedTied() throws IOException {
        String id = storedRun("case");

        assertThat(bench("leaderboard", "--metric", "contains", "--store", dir.resolve("runs").toString(), "--run", id))
                .isZero();

        assertThat(line("1     echo:e1")).doesNotContain("tied");
        assertThat(line("2     echo:e2")).contains("-1.000", "0.031").doesNotContain("tied");
        assertThat(cli.out()).doesNotContain("adjusted");
    }

    @Test
    void leaderboardRanksTheModelsOfTheStore() throws IOException {
        String id = storedRun("case");

        assertThat(bench("leaderboard", "--metric", "contains", "--store", dir.resolve("runs").toString(), "--run", id))
                .isZero();

        assertThat(cli.out()).contains("rank  model", "1     echo:e1", "1.000");
        assertThat(bench("leaderboard", "--metric", "nope", "--store", dir.resolve("runs").toString())).isEqualTo(2);
    }
}
