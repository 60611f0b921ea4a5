package dev.bench4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code bench run} read without picocli behaves as picocli's reading of the same arguments. */
class QuickRunTest {

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    @AfterEach
    void quiet() {
        System.clearProperty("org.slf4j.simpleLogger.defaultLogLevel");
    }

    private Path folder(String name) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("trials.jsonl"), "{\"id\": \"t1\", \"vars\": {\"text\": \"chest pain\"}}\n"
                + "{\"id\": \"t2\", \"vars\": {\"text\": \"a cold\"}}\n");
        Files.writeString(d.resolve("plan.json"), "{\"name\": \"cli\", \"prompts\": [{\"name\": \"v1\", \"messages\":"
                + " [{\"role\": \"user\", \"content\": \"Classify: {{text}}\"}]}], \"models\": [{\"provider\": \"echo\","
                + " \"model\": \"e1\"}], \"trials\": \"trials.jsonl\", \"scorers\": [\"contains\"]}");
        return d;
    }

    /** Runs the arguments ({@code D} standing for a folder of its own) with or without picocli. */
    private Outcome bench(boolean quick, String args) throws IOException {
        Path d = folder(quick ? "quick" : "picocli");
        String[] argv = Arrays.stream(args.split(" ")).map(a -> a.replace("D", d.toString())).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Bench.execute(argv, new Bench.Io(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Terminal.plain()), quick);
        return new Outcome(code, normal(out, d), normal(err, d));
    }

    /** Without what differs from run to run: the folder, run ids, times and the columns they widen. */
    private static String normal(ByteArrayOutputStream s, Path d) {
        return s.toString(StandardCharsets.UTF_8).replace(d.toString(), "D")
                .replaceAll("bench_[0-9a-f]{8}_\\d{8}_\\d{6}", "ID")
                .replaceAll("\\d+(\\.\\d+)? (µs|ms|s)\\b", "T")
                .replaceAll("[\\d.,]+ cells/s", "N cells/s")
                .replaceAll(" +", " ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "run D/plan.json",
        "--verbose run D/plan.json",
        "run D/plan.json --concurrency 2 --repetitions 3",
        "run --concurrency=2 D/plan.json --repetitions=3 --no-progress",
        "run D/plan.json --concurrency 0",
        "run D/plan.json --repetitions 0",
        "run D/plan.json --store D/runs",
        "run --store=D/runs D/plan.json --no-progress",
        "run D/plan.json --resume bench_00000000_20260101_000000",
        "run D/plan.json --store D/runs --resume bench_00000000_20260101_000000",
        "run D/missing.json",
        "run D/trials.jsonl",
    })
    void quickReadingMatchesPicocli(String args) throws IOException {
        assertThat(QuickRun.parse(args.replace("D", dir.toString()).split(" "), null)).isNotNull();

        Outcome quick = bench(true, args);
        Outcome picocli = bench(false, args);

        assertThat(quick).isEqualTo(picocli);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "run", "run --help", "run -h", "run p.json -V", "--help run p.json", "--version", "list", "help run",
        "run p.json --concurrency", "run p.json --concurrency x", "run p.json --concurrency 010",
        "run p.json --concurrency -1", "run p.json --concurrency +1", "run p.json --concurrency 1234567890",
        "run p.json --concurrency 1 --concurrency 2", "run p.json --concurrency=", "run p.json --store",
        "run p.json q.json", "run @args.txt", "run p.json --store @d", "run -- p.json", "--verbose --verbose run p.json",
        "run p.json --no-progress=true", "run p.json --no-progress --no-progress", "run p.json --verbose",
        "run p.json --concurency 3", "run p.json -", "--verbose=true run p.json", "run p.json --resume -x",
    })
    void everythingElseIsLeftToPicocli(String args) {
        assertThat(QuickRun.parse(args.split(" "), null)).isNull();
        assertThat(QuickRun.parse(new String[0], null)).isNull();
        assertThat(QuickRun.parse(new String[] {"run", ""}, null)).isNull();
    }

    @Test
    void readsEveryOptionAsPicocliDoes() {
        QuickRun.Parsed p = QuickRun.parse(new String[] {"--verbose", "run", "--store=runs", "plans/p.json",
            "--concurrency", "16", "--repetitions=3", "--resume", "bench_1", "--no-progress"}, null);

        assertThat(p.verbose()).isTrue();
        RunCommand run = p.command();
        assertThat(run.plan).isEqualTo(Path.of("plans/p.json"));
        assertThat(run.storeDir).isEqualTo(Path.of("runs"));
        assertThat(run.concurrency).isEqualTo(16);
        assertThat(run.repetitions).isEqualTo(3);
        assertThat(run.resumeId).isEqualTo("bench_1");
        assertThat(run.noProgress).isTrue();
    }
}
