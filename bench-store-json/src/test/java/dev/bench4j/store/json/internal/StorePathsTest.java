package dev.bench4j.store.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.store.json.InvalidRunFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StorePathsTest {

    @Test
    void aRunIdOfTheRunnerIsAccepted() {
        assertThat(StorePaths.checkRunId("bench_3f9a1c2e_20261122_184501")).isEqualTo("bench_3f9a1c2e_20261122_184501");
        assertThat(StorePaths.isRunId("imported-run.2")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "..                | it contains '..'",
        "../evil           | it contains '..'",
        "a/../../etc       | it contains '..'",
        "/etc/passwd       | it is an absolute path",
        "\\\\server\\share | it is an absolute path",
        "C:evil            | it is an absolute path",
        "a/b               | it contains a path separator",
        "a\\b              | it contains a path separator",
        "run id            | it contains ' '",
        ".hidden           | it starts with '.'",
        "index.json        | it is a name the store uses for its own files",
        "index.lock        | it is a name the store uses for its own files",
        "-rf               | it starts with '-'",
    })
    void namesThatCouldLeaveTheStoreAreRefusedNamingTheValue(String id, String reason) {
        assertThatThrownBy(() -> StorePaths.checkRunId(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run id '" + id + "' is not allowed: " + reason
                        + "; a run id is letters, digits, '.', '_' and '-' (e.g. bench_3f9a1c2e_20261122_184501)");
    }

    @Test
    void controlCharactersEmptyAndOverlongIdsAreRefused() {
        assertThatThrownBy(() -> StorePaths.checkRunId("bench\n1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("run id 'bench?1' is not allowed: it contains a control character");
        assertThatThrownBy(() -> StorePaths.checkRunId("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run id must not be empty");
        assertThatThrownBy(() -> StorePaths.checkRunId("a".repeat(129))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("it is longer than 128 characters");
        assertThatThrownBy(() -> StorePaths.checkRunId(null)).isInstanceOf(NullPointerException.class).hasMessage("runId");
    }

    @Test
    void aRunFolderIsADirectChildOfTheStore() {
        Path root = Path.of("/stores/runs");

        assertThat(StorePaths.runFolder(root, "bench_1")).isEqualTo(root.resolve("bench_1"));
    }

    @Test
    void aPathToWriteIsRefusedWhenAnyComponentInsideTheStoreIsALinkOrOfTheWrongKind(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("store")).toRealPath();
        Path run = Files.createDirectories(root.resolve("bench_1"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path linked = Files.createSymbolicLink(root.resolve("bench_2"), elsewhere);
        Files.createDirectory(run.resolve("sub"));

        assertThat(StorePaths.checkWritable(root, run.resolve("results.jsonl"), false)).isEqualTo(run.resolve("results.jsonl"));
        assertThatThrownBy(() -> StorePaths.checkWritable(root, linked.resolve("run.json"), false))
                .isInstanceOf(InvalidRunFileException.class).hasMessage(linked + " is a symbolic link; the store never"
                        + " writes through a link (it could write outside the store); replace it with a real folder");
        assertThatThrownBy(() -> StorePaths.checkWritable(root, run.resolve("sub"), false))
                .isInstanceOf(InvalidRunFileException.class)
                .hasMessage(run.resolve("sub") + " is a folder; the store expected a file there");
        Path file = Files.writeString(root.resolve("bench_3"), "x");
        assertThatThrownBy(() -> StorePaths.checkWritable(root, file.resolve("run.json"), false))
                .isInstanceOf(InvalidRunFileException.class)
                .hasMessage(file + " is not a folder; the store expected a folder there");
        assertThat(StorePaths.checkWritable(root, root, true)).as("the store's own folder").isEqualTo(root);
    }
}
