package dev.bench4j.store.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.CellId;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.RunEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunWriterTest {

    private static final Instant T0 = Instant.parse("2026-11-22T18:45:01Z");

    @TempDir
    Path dir;

    private static Result result(String trial) {
        return Result.success(new CellId("p", "echoing:m", trial, 0), "out " + trial, FinishReason.STOP,
                Result.Timing.of(T0, Duration.ofMillis(10)));
    }

    private JsonNode runJson(RunInfo info) throws Exception {
        return Jackson.MAPPER.readTree(dir.toRealPath().resolve(info.id()).resolve("run.json").toFile());
    }

    @Test
    void runJsonIsRewrittenAtStartAtEachCheckpointAndAtTheEndAndAReopenedRunKeepsItsLastSummary() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        String first = Plans.over(ScriptedProvider.echoing("echoing"), 3).store(store).noCache().build().run().id();
        RunInfo stored = store.load(first).orElseThrow().info();
        RunInfo info = new RunInfo("bench_0000000c_20261122_184501", "writer", T0, stored.plan(), stored.environment());
        Path root = store.folder();
        FileModes modes = FileModes.of(FileModes.DEFAULT_FILES, root);
        IndexFile index = new IndexFile(root, modes);

        RunWriter w = RunWriter.open(root, info, 0, index, () -> { }, modes);
        assertThat(runJson(info).get("status").textValue()).isEqualTo("running");
        assertThat(runJson(info).get("summary").isNull()).isTrue();
        assertThat(store.list()).extracting(RunEntry::id).containsExactly(first, info.id());
        SummaryBuilder soFar = new SummaryBuilder(info.plan());
        w.accept(result("t0"));
        soFar.add(result("t0"));
        assertThat(runJson(info).get("summary").isNull()).as("no checkpoint yet").isTrue();
        w.checkpoint(soFar.build(Duration.ofSeconds(1)));
        assertThat(runJson(info).get("summary").get("cells").longValue()).isEqualTo(1);
        w.accept(result("t1"));
        soFar.add(result("t1"));
        w.checkpoint(soFar.build(Duration.ofSeconds(2)));
        assertThat(runJson(info).get("summary").get("cells").longValue()).isEqualTo(2);
        assertThat(RunLock.isHeld(root.resolve(info.id()))).isTrue();
        w.abandon();   // as if the process had died
        assertThat(RunLock.isHeld(root.resolve(info.id()))).isFalse();
        assertThat(runJson(info).get("status").textValue()).as("the file is left as it was").isEqualTo("running");
        assertThat(store.load(info.id()).orElseThrow().status()).as("nobody holds its lock").isEqualTo(RunStatus.INTERRUPTED);

        RunWriter again = RunWriter.open(root, info, 0, index, () -> { }, modes);
        assertThat(runJson(info).get("summary").get("cells").longValue()).isEqualTo(2);
        again.accept(result("t2"));
        assertThat(runJson(info).get("summary").get("cells").longValue()).as("no checkpoint due").isEqualTo(2);
        SummaryBuilder summary = new SummaryBuilder(info.plan());
        List.of(result("t0"), result("t1"), result("t2")).forEach(summary::add);
        again.finish(new Run(info, RunStatus.COMPLETED, Optional.empty(), T0.plusSeconds(3), List.of(),
                summary.build(Duration.ofSeconds(3))));

        assertThat(runJson(info).get("status").textValue()).isEqualTo("completed");
        assertThat(runJson(info).get("duration_seconds").doubleValue()).isEqualTo(3.0);
        assertThat(runJson(info).get("summary").get("cells").longValue()).isEqualTo(3);
        assertThat(RunLock.isHeld(root.resolve(info.id()))).isFalse();
        RunEntry entry = store.list().get(1);
        assertThat(entry.id()).isEqualTo(info.id());
        assertThat(entry.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(entry.cells()).isEqualTo(3);
    }

    @Test
    void aResultKeptTwiceCountsOnceInTheSummary() {
        RunInfo info;
        JsonRunStore store = JsonRunStore.at(dir);
        String id = Plans.over(ScriptedProvider.echoing("echoing"), 3).store(store).noCache().build().run().id();
        info = store.load(id).orElseThrow().info();
        SummaryBuilder summary = new SummaryBuilder(info.plan());

        assertThat(summary.add(result("t0"))).isTrue();
        assertThat(summary.add(result("t0"))).isFalse();
        assertThat(summary.add(result("t1"))).isTrue();
        assertThat(summary.cells()).isEqualTo(2);
        assertThat(summary.build(Duration.ofSeconds(1)).overall().cells()).isEqualTo(2);
    }
}
