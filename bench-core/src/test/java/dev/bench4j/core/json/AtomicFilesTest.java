package dev.bench4j.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole files replaced so that a reader sees the old content or the new one, never a part: {@link AtomicFiles}. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void createsAndReplacesAFileLeavingNoTemporaryFile() throws IOException {
        Path file = dir.resolve("run.json");

        AtomicFiles.write(file, "old".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(file, out -> {
            out.write("new ".getBytes(StandardCharsets.UTF_8));
            out.close();   // only flushes
            out.write("content".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(Files.readString(file)).isEqualTo("new content");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aFailedWriteLeavesTheFileAsItWasAndDeletesItsTemporaryFile() throws IOException {
        Path file = dir.resolve("index.json");
        AtomicFiles.write(file, "kept".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(Files.readString(file)).isEqualTo("kept");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aMissingFolderIsAnError() {
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("nope").resolve("f.json"), new byte[0]))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void deletesATreeAndForcesAFolderWithoutFailing() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("doomed").resolve("sub"));
        Files.writeString(tree.resolve("a.txt"), "a");
        Files.writeString(tree.getParent().resolve("b.txt"), "b");

        AtomicFiles.forceDirectory(dir);
        AtomicFiles.forceDirectory(dir.resolve("missing"));
        AtomicFiles.deleteTree(dir.resolve("doomed"));

        assertThat(filesIn(dir)).isZero();
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> AtomicFiles.write(null, new byte[0])).isInstanceOf(NullPointerException.class)
                .hasMessage("target");
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("f"), (byte[]) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("content");
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("f"), (AtomicFiles.Content) null))
                .isInstanceOf(NullPointerException.class).hasMessage("content");
        assertThatThrownBy(() -> AtomicFiles.deleteTree(null)).isInstanceOf(NullPointerException.class).hasMessage("dir");
        assertThatThrownBy(() -> AtomicFiles.forceDirectory(null)).isInstanceOf(NullPointerException.class).hasMessage("dir");
    }
}
