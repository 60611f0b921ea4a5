package dev.bench4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench run} and {@code bench show} print a run's health warnings after its summary. */
class WarningsCommandTest {

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    /** The echo provider ignores sampling, so a greedy and a sampled config of it answer alike. */
    private Path plan(String models) throws IOException {
        StringBuilder trials = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            trials.append("{\"id\": \"t").append(i).append("\", \"vars\": {\"text\": \"case ").append(i).append("\"}}\n");
        }
        Files.writeString(dir.resolve("trials.jsonl"), trials);
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"name\": \"health\", \"prompts\": [{\"name\": \"v1\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"Classify: {{text}}\\n\\nAnswer:\"}]}], \"models\": [" + models + "],"
                + " \"trials\": \"trials.jsonl\", \"cache\": false}");
        return plan;
    }

    @Test
    void runAndShowPrintTheWarningsAfterTheSummaryAndTheRunStillSucceeds() throws IOException {
        Path store = dir.resolve("runs");
        Path plan = plan("{\"id\": \"greedy\", \"provider\": \"echo\", \"model\": \"e1\", \"temperature\": 0, \"stop\": [\"\\n\\n\"]},"
                + " {\"id\": \"sampled\", \"provider\": \"echo\", \"model\": \"e1\", \"temperature\": 0.9, \"stop\": [\"\\n\\n\"]}");

        assertThat(cli.run("run", plan.toString(), "--store", store.toString(), "--no-progress")).isZero();
        String out = cli.out();
        assertThat(out).contains("Warnings (3): the results may be silently wrong\n"
                + "  sampling_ignored: configs greedy, sampled differ only in sampling parameters (temperature) but gave"
                + " identical outputs in all 4 cells (4 trials); the server may ignore sampling parameters\n"
                + "  stop_sequence_in_output: config greedy: 4 of 4 outputs contain a configured stop sequence"
                + " (\"\\n\\n\" in trial t0); the server may ignore stop sequences\n"
                + "  stop_sequence_in_output: config sampled: 4 of 4 outputs contain a configured stop sequence"
                + " (\"\\n\\n\" in trial t0); the server may ignore stop sequences\n");
        assertThat(out.indexOf("Warnings (3)")).isGreaterThan(out.indexOf("Run bench_"));
        Matcher m = Pattern.compile("Storing run (bench_[0-9a-f]{8}_\\d{8}_\\d{6}) in").matcher(cli.err());
        assertThat(m.find()).as(cli.err()).isTrue();

        assertThat(cli.run("show", m.group(1), "--store", store.toString())).isZero();
        assertThat(cli.out()).contains("Warnings (3): the results may be silently wrong\n  sampling_ignored: configs greedy, sampled",
                "  stop_sequence_in_output: config sampled: 4 of 4 outputs");
    }

    @Test
    void aHealthyRunPrintsNoWarnings() throws IOException {
        Path plan = plan("{\"provider\": \"echo\", \"model\": \"e1\", \"temperature\": 0}");

        assertThat(cli.run("run", plan.toString(), "--no-progress")).isZero();
        assertThat(cli.out()).contains("4 cells, 4 ok").doesNotContain("Warnings");
    }
}
