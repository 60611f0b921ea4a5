package dev.bench4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) and SIGTERM during {@code bench run}, sent to a real {@code bench} process: the run
 * is recorded as cancelled, the summary and the exact resume command are printed, the exit code is
 * 130 / 143, and the printed command finishes the run.
 */
class SignalTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalCancelsTheRunPrintsTheSummaryAndTheResumeCommand(String signal, int expectedCode) throws Exception {
        assumeTrue(File.separatorChar == '/', "POSIX signals");
        StringBuilder trials = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            trials.append("{\"id\": \"t").append(i).append("\", \"vars\": {\"text\": \"case ").append(i).append("\"}}\n");
        }
        Files.writeString(dir.resolve("trials.jsonl"), trials);
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"name\": \"sig\", \"prompts\": [{\"name\": \"v1\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"Classify: {{text}}\"}]}], \"models\": [{\"provider\": \"echo\", \"model\": \"slow\","
                + " \"params\": {\"latency_ms\": 250}}], \"trials\": \"trials.jsonl\", \"concurrency\": 2}");
        Path store = dir.resolve("runs");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Bench.class.getName(), "run", plan.toString(),
                "--store", store.toString(), "--no-progress"));
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        try {
            waitForResults(store, p);
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("bench ends after SIG" + signal).isTrue();
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as(err).isEqualTo(expectedCode);
        assertThat(out).containsPattern("Run (bench_\\w+) cancelled \\(stopped by SIG" + signal + "\\) in");
        String id = out.replaceAll("(?s).*Run (bench_\\w+) cancelled .*", "$1");
        assertThat(err).contains("Resume it with: bench run " + plan + " --store " + store + " --no-progress --resume " + id);
        Path runJson = store.resolve(id).resolve("run.json");
        assertThat(new ObjectMapper().readTree(runJson.toFile()).get("status").asText()).isEqualTo("cancelled");

        Cli cli = new Cli();
        int code = cli.run("run", plan.toString(), "--store", store.toString(), "--no-progress", "--resume", id);
        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Run " + id + " completed in").contains("60 cells, 60 ok");
    }

    private static void waitForResults(Path store, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.isDirectory(store)) {
                try (Stream<Path> runs = Files.list(store)) {
                    for (Path run : runs.filter(Files::isDirectory).toList()) {
                        Path results = run.resolve("results.jsonl");
                        if (Files.isRegularFile(results) && Files.size(results) > 0) {
                            return;
                        }
                    }
                } catch (IOException racing) {
                    // the store is being created
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("bench wrote no result in 60 s");
    }
}
