package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.internal.ResultsFile;
import dev.bench4j.store.json.testing.ForkedRuns;
import dev.bench4j.store.json.testing.LogCapture;
import dev.bench4j.store.json.testing.StorePlans;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Interrupted runs continue where they stopped: every cell exactly once, nothing finished lost. */
class JsonRunStoreResumeTest {

    @TempDir
    Path dir;

    private static List<Result> results(JsonRunStore store, String id) {
        List<Result> out = new ArrayList<>();
        store.forEachResult(id, out::add);
        return out;
    }

    private static void keepLines(Path file, int n) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.writeString(file, String.join("\n", lines.subList(0, n)) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void aRunWhoseResultsWereCutShortResumesCallingOnlyTheMissingCells() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        String id = Plans.over(ScriptedProvider.echoing("echoing"), 10).repetitions(2).store(store).noCache().build().run().id();
        keepLines(dir.resolve(id).resolve("results.jsonl"), 13);

        ScriptedProvider again = ScriptedProvider.echoing("echoing");
        Run resumed = Plans.over(again, 10).repetitions(2).store(JsonRunStore.at(dir)).noCache().build().resume(id);

        assertThat(again.calls()).isEqualTo(7);
        assertThat(resumed.id()).isEqualTo(id);
        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(resumed.summary().overall().cells()).isEqualTo(20);
        assertThat(results(store, id)).hasSize(20).extracting(Result::cell).doesNotHaveDuplicates();
        RunMetadata m = store.load(id).orElseThrow();
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(m.summary().orElseThrow().overall().cells()).isEqualTo(20);
        assertThat(store.list()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(e.cells()).isEqualTo(20);
        });
    }

    @Test
    void aTornLastLineIsRepairedOnResumeWithAWarningAndKeptForDiagnosis() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        String id = Plans.over(ScriptedProvider.echoing("echoing"), 6).store(store).noCache().build().run().id();
        Path file = dir.resolve(id).resolve("results.jsonl");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 30));

        ScriptedProvider again = ScriptedProvider.echoing("echoing");
        Run resumed;
        try (LogCapture log = LogCapture.start()) {
            resumed = Plans.over(again, 6).store(store).noCache().build().resume(id);
            assertThat(log.text()).contains("WARN").contains(file + ": line 6 was torn (it has no line end")
                    .contains(ResultsFile.TORN);
        }

        assertThat(again.calls()).isEqualTo(1);
        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(results(store, id)).hasSize(6).extracting(Result::cell).doesNotHaveDuplicates();
        int lastLineStart = new String(whole, 0, whole.length - 1, StandardCharsets.UTF_8).lastIndexOf('\n') + 1;
        assertThat(Files.readString(dir.resolve(id).resolve(ResultsFile.TORN), StandardCharsets.UTF_8))
                .isEqualTo(new String(whole, lastLineStart, whole.length - 30 - lastLineStart, StandardCharsets.UTF_8) + "\n");
    }

    @Test
    void readingARunNobodyWritesRepairsItsTornLastLine() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        String id = Plans.over(ScriptedProvider.echoing("echoing"), 3).store(store).noCache().build().run().id();
        Path file = dir.resolve(id).resolve("results.jsonl");
        Files.writeString(file, "{\"prompt\": \"p\", \"mod", StandardOpenOption.APPEND);

        try (LogCapture log = LogCapture.start()) {
            assertThat(results(store, id)).hasSize(3);
            assertThat(log.text()).contains(file + ": line 4 was torn");
        }
        assertThat(Files.readAllLines(file)).hasSize(3);
    }

    @Test
    void aCorruptLineInTheMiddleStopsTheResumeNamingFileAndLine() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        String id = Plans.over(ScriptedProvider.echoing("echoing"), 4).store(store).noCache().build().run().id();
        Path file = dir.resolve(id).resolve("results.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, lines.get(1).replace("\"attempts\":1", "\"attempts\":\"one\""));
        Files.writeString(file, String.join("\n", lines) + "\n");

        ScriptedProvider again = ScriptedProvider.echoing("echoing");
        BenchmarkPlan plan = Plans.over(again, 4).store(store).noCache().build();

        assertThatThrownBy(() -> plan.resume(id)).as("refused before the run starts").isInstanceOf(InvalidRunFileException.class)
                .hasMessageStartingWith(file + ": line 2: field 'attempts' must be an integer >= 0 but was \"one\"");
        assertThat(again.calls()).isZero();
        assertThat(Files.readAllLines(file)).isEqualTo(lines);
        assertThatThrownBy(() -> results(store, id)).isInstanceOf(InvalidRunFileException.class)
                .hasMessageStartingWith(file + ": line 2: field 'attempts'");
    }

    @Test
    void aPlanThatChangedIsRefusedAndAnUnknownRunIsNotFound() {
        JsonRunStore store = JsonRunStore.at(dir);
        String id = Plans.over(ScriptedProvider.echoing("echoing"), 3).store(store).noCache().build().run().id();

        assertThatThrownBy(() -> Plans.over(ScriptedProvider.echoing("echoing"), 4).store(store).build().resume(id))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("its trials changed (3 trials then, 4 now");
        assertThatThrownBy(() -> Plans.over(ScriptedProvider.echoing("echoing"), 3).store(store).build()
                .resume("bench_00000000_20260101_000000"))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("no run 'bench_00000000_20260101_000000'");
    }

    @Test
    void aNewRunCannotReuseTheFolderOfAnother() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        String id = Plans.over(ScriptedProvider.echoing("echoing"), 1).store(store).noCache().build().run().id();
        RunInfo stored = store.load(id).orElseThrow().info();
        RunInfo other = new RunInfo(id, "other", stored.startedAt().plusSeconds(1), stored.plan(), stored.environment());

        assertThatThrownBy(() -> store.open(other, List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessage(dir.toRealPath().resolve(id) + " already holds run " + id + " started at "
                        + stored.startedAt() + ", not the run started at " + other.startedAt()
                        + "; a new run cannot reuse its id");
        assertThat(store.load(id).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRunKilledMidwayWithATornLastLineResumesWithEveryCellExactlyOnce() throws Exception {
        Path storeDir = dir.resolve("store");
        Process child = ForkedRuns.fork(dir.resolve("child.log"), "slow", storeDir.toString());
        Path results;
        try {
            results = waitForLines(storeDir, child, 20);
            assertThat(JsonRunStore.at(storeDir).list()).as("its writer is alive").singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(RunStatus.RUNNING));
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        String id = results.getParent().getFileName().toString();
        byte[] runJson = Files.readAllBytes(results.resolveSibling("run.json"));
        long before = countLines(results);
        // a power cut, unlike a kill, can cut a line short: leave half of the last one at the end
        String last = Files.readAllLines(results).get((int) before - 1);
        Files.writeString(results, last.substring(0, last.length() / 2), StandardOpenOption.APPEND);
        JsonRunStore store = JsonRunStore.at(storeDir);
        assertThat(store.load(id).orElseThrow().status()).as("its writer is gone").isEqualTo(RunStatus.INTERRUPTED);
        assertThat(store.list(RunQuery.all().withStatus(RunStatus.INTERRUPTED))).extracting(RunEntry::id).containsExactly(id);
        assertThat(store.list(RunQuery.all().withStatus(RunStatus.RUNNING))).isEmpty();
        assertThat(results.resolveSibling("run.json")).as("shown, not rewritten").hasBinaryContent(runJson);

        ScriptedProvider fast = ScriptedProvider.echoing(StorePlans.SLOW);
        Run resumed = StorePlans.killable(fast).store(store).build().resume(id);

        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        List<Result> all = results(store, id);
        assertThat(all).hasSize(400).extracting(Result::cell).doesNotHaveDuplicates();
        assertThat(fast.calls()).isEqualTo(400 - (int) before).isLessThan(400 - 19);
        assertThat(all).extracting(Result::cell).contains(new CellId("p", "slow:m", "t99", 3), new CellId("p", "slow:m", "t0", 0));
        assertThat(store.load(id).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(store.list()).singleElement().satisfies(e -> assertThat(e.cells()).isEqualTo(400));
        assertThat(results.resolveSibling("results.jsonl.torn")).as("the torn half line was kept apart").exists();
    }

    private static Path waitForLines(Path storeDir, Process child, int lines) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the child process ended with " + child.exitValue() + " before it was killed");
            }
            if (Files.isDirectory(storeDir)) {
                try (Stream<Path> runs = Files.list(storeDir)) {
                    for (Path run : runs.filter(Files::isDirectory).toList()) {
                        Path file = run.resolve("results.jsonl");
                        if (Files.exists(file) && countLines(file) >= lines) {
                            return file;
                        }
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child wrote no " + lines + " results in 60 s");
    }

    private static long countLines(Path file) throws Exception {
        long n = 0;
        for (byte b : Files.readAllBytes(file)) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }
}
