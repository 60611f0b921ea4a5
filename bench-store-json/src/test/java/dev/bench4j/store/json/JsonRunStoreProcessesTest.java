package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Result;
import dev.bench4j.core.RunStatus;
import dev.bench4j.store.json.internal.Jackson;
import dev.bench4j.store.json.testing.ForkedRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two processes writing runs into one store at once lose no index entry and no result. */
class JsonRunStoreProcessesTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoProcessesWritingRunsIntoOneStoreAreBothListed() throws Exception {
        Path storeDir = dir.resolve("store");
        Process a = ForkedRuns.fork(dir.resolve("a.log"), "runs", storeDir.toString(), "6");
        Process b = ForkedRuns.fork(dir.resolve("b.log"), "runs", storeDir.toString(), "6");
        assertThat(a.waitFor(100, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(100, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).as(Files.readString(dir.resolve("a.log"))).isZero();
        assertThat(b.exitValue()).as(Files.readString(dir.resolve("b.log"))).isZero();
        List<String> ids = new ArrayList<>();
        for (String log : List.of("a.log", "b.log")) {
            Files.readAllLines(dir.resolve(log)).stream().filter(l -> l.startsWith("RUN ")).map(l -> l.substring(4))
                    .forEach(ids::add);
        }
        assertThat(ids).hasSize(12).doesNotHaveDuplicates();

        assertThat(Jackson.MAPPER.readTree(storeDir.resolve("index.json").toFile()).get("runs"))
                .as("the index as the processes left it, not rebuilt").hasSize(12);
        JsonRunStore store = JsonRunStore.at(storeDir);
        assertThat(store.list()).extracting(RunEntry::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(store.list()).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(e.cells()).isEqualTo(30);
        });
        for (String id : ids) {
            List<Result> results = new ArrayList<>();
            store.forEachResult(id, results::add);
            assertThat(results).hasSize(30).extracting(Result::cell).doesNotHaveDuplicates();
        }
    }
}
