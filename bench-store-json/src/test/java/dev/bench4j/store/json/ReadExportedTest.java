package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.Run;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.testing.StorePlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exported run file reads back as the run that was exported, and a stored run loads as a Run. */
class ReadExportedTest {

    @TempDir
    Path dir;

    @Test
    void anExportedFileReadsBackAsTheRunWithItsResultsAndSummary() {
        JsonRunStore store = JsonRunStore.at(dir.resolve("a"));
        Run run = StorePlans.rich(ScriptedProvider.echoing("echoing")).store(store).build().run();
        Path export = dir.resolve("baseline.json");
        store.exportRun(run.id(), export);

        Run read = JsonRunStore.readExported(export);

        assertThat(read.info()).isEqualTo(run.info());
        assertThat(read.status()).isEqualTo(run.status());
        assertThat(read.endedAt()).isEqualTo(run.endedAt());
        assertThat(read.summary()).isEqualTo(store.load(run.id()).orElseThrow().summary().orElseThrow());
        assertThat(read.results()).hasSize(24)
                .containsExactlyInAnyOrderElementsOf(store.run(run.id()).orElseThrow().results());
        assertThat(read.results().stream().map(r -> r.cell()).sorted(Comparator.comparing(Object::toString)))
                .containsExactlyElementsOf(run.results().stream().map(r -> r.cell())
                        .sorted(Comparator.comparing(Object::toString)).toList());
    }

    @Test
    void aStoredRunLoadsAsARunAndAnUnknownIdIsEmpty() {
        JsonRunStore store = JsonRunStore.at(dir.resolve("a"));
        Run run = StorePlans.rich(ScriptedProvider.echoing("echoing")).store(store).build().run();

        Run loaded = store.run(run.id()).orElseThrow();

        assertThat(loaded.id()).isEqualTo(run.id());
        assertThat(loaded.results()).hasSize(run.results().size());
        assertThat(loaded.summary().overall().cells()).isEqualTo(run.summary().overall().cells());
        assertThat(store.run("bench_00000000_20260101_000000")).isEmpty();
    }

    @Test
    void aFileThatIsNotAnExportIsRefusedNamingItAndNoTemporaryStoreIsLeft() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schema\": \"bench4j.run-export/9\"}");
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        long before = countExportFolders(tmp);

        assertThatThrownBy(() -> JsonRunStore.readExported(bad))
                .isInstanceOf(InvalidRunFileException.class)
                .hasMessageContaining(bad.toString());
        assertThat(countExportFolders(tmp)).isEqualTo(before);
    }

    private static long countExportFolders(Path tmp) throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("bench4j-export-")).count();
        }
    }
}
