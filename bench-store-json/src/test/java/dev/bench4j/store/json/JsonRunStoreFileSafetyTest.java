package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Result;
import dev.bench4j.core.Review;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.spi.RunSink;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.internal.RunWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the store writes and where: never through a symbolic link, with owner-only permissions
 * unless configured, and a run whose writer died shown as interrupted.
 */
class JsonRunStoreFileSafetyTest {

    @TempDir
    Path dir;

    private static String run(JsonRunStore store) {
        return plan(store).run().id();
    }

    private static BenchmarkPlan plan(JsonRunStore store) {
        return Plans.over(ScriptedProvider.echoing("echoing"), 3).store(store).noCache().build();
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Every file and folder of a store, relative, with its permissions. */
    private static Map<String, String> modes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                out.put(root.relativize(p).toString() + (Files.isDirectory(p) ? "/" : ""),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
            }
        }
        return out;
    }

    @Test
    void filesAreReadableByTheOwnerOnlyByDefault() throws Exception {
        assumeThat(posix(dir)).as("POSIX permissions").isTrue();
        JsonRunStore store = JsonRunStore.at(dir.resolve("runs"));
        String id = run(store);
        store.appendReview(id, Review.rating("ann", Instant.parse("2026-11-22T18:45:01Z"),
                new CellId("p", "echoing:m", "t0", 0), 4, 1, 5));

        Map<String, String> modes = modes(store.folder());

        assertThat(modes).containsKeys("/", id + "/", "index.json", "index.lock", id + "/run.json", id + "/results.jsonl",
                id + "/trials.jsonl", id + "/run.lock", id + "/reviews.jsonl");
        modes.forEach((name, mode) -> assertThat(mode).as(name).isEqualTo(name.endsWith("/") ? "rwx------" : "rw-------"));
    }

    @Test
    void aStoreSharedByAGroupCanWidenThePermissions() throws Exception {
        assumeThat(posix(dir)).as("POSIX permissions").isTrue();
        JsonRunStore store = JsonRunStore.builder(dir.resolve("shared"))
                .filePermissions(PosixFilePermissions.fromString("rw-rw----")).build();
        String id = run(store);

        Map<String, String> modes = modes(store.folder());

        assertThat(modes).containsKeys(id + "/run.json", id + "/");
        modes.forEach((name, mode) -> assertThat(mode).as(name).isEqualTo(name.endsWith("/") ? "rwxrwx---" : "rw-rw----"));
        assertThatThrownBy(() -> JsonRunStore.builder(dir).filePermissions(PosixFilePermissions.fromString("r--r--r--")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("filePermissions must let the owner read and write but was r--r--r--");
    }

    @Test
    void anImportedRunIsReadableByTheOwnerOnly() throws Exception {
        assumeThat(posix(dir)).as("POSIX permissions").isTrue();
        JsonRunStore source = JsonRunStore.at(dir.resolve("a"));
        String id = run(source);
        Path export = dir.resolve("export.json");
        source.exportRun(id, export);
        JsonRunStore target = JsonRunStore.at(dir.resolve("b"));

        target.importRun(export, false);

        modes(target.folder()).forEach((name, mode) -> assertThat(mode).as(name)
                .isEqualTo(name.endsWith("/") ? "rwx------" : "rw-------"));
    }

    @Test
    void aSymlinkedRunFolderIsNeverWrittenThrough() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir.resolve("runs"));
        String id = run(store);
        Path outside = dir.resolve("outside");
        Files.move(store.folder().resolve(id), outside);
        Path link = Files.createSymbolicLink(store.folder().resolve(id), outside);
        List<String> before = Files.readAllLines(outside.resolve("results.jsonl"));
        byte[] runJson = Files.readAllBytes(outside.resolve("run.json"));

        assertThatThrownBy(() -> plan(store).resume(id)).isInstanceOf(InvalidRunFileException.class)
                .hasMessage(link + " is a symbolic link; the store never writes through a link (it could write outside"
                        + " the store); replace it with a real folder");
        assertThat(outside.resolve("results.jsonl")).hasContent(String.join("\n", before));
        assertThat(outside.resolve("run.json")).hasBinaryContent(runJson);
    }

    @Test
    void aSymlinkedRunFolderIsNeitherDeletedNorReplacedThrough() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir.resolve("runs"));
        String id = run(store);
        Path export = dir.resolve("export.json");
        store.exportRun(id, export);
        Path outside = dir.resolve("outside");
        Files.move(store.folder().resolve(id), outside);
        Files.delete(outside.resolve("run.lock"));
        Path link = Files.createSymbolicLink(store.folder().resolve(id), outside);

        assertThatThrownBy(() -> store.delete(id)).isInstanceOf(InvalidRunFileException.class)
                .hasMessageStartingWith(link + " is a symbolic link");
        assertThatThrownBy(() -> store.importRun(export, true)).isInstanceOf(InvalidRunFileException.class)
                .hasMessageStartingWith(link + " is a symbolic link");
        assertThat(outside.resolve("run.lock")).as("no lock file created through the link").doesNotExist();
        assertThat(outside.resolve("results.jsonl")).exists();
    }

    @Test
    void symlinkedRunFilesAreRefusedNamingThem() throws Exception {
        for (String name : List.of("results.jsonl", "run.json", "trials.jsonl", "run.lock")) {
            JsonRunStore store = JsonRunStore.at(dir.resolve("runs-" + name));
            String id = run(store);
            Path file = store.folder().resolve(id).resolve(name);
            Path outside = dir.resolve("outside-" + name);
            Files.move(file, outside);
            Files.createSymbolicLink(file, outside);
            byte[] content = Files.readAllBytes(outside);

            assertThatThrownBy(() -> plan(store).resume(id)).as(name).isInstanceOf(InvalidRunFileException.class)
                    .hasMessageStartingWith(file + " is a symbolic link; the store never writes through a link");
            assertThat(outside).as(name).hasBinaryContent(content);
        }
    }

    @Test
    void aSymlinkedResultsFileCanStillBeRead() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir.resolve("runs"));
        String id = run(store);
        Path file = store.folder().resolve(id).resolve("results.jsonl");
        Path outside = dir.resolve("results-elsewhere.jsonl");
        Files.move(file, outside);
        Files.createSymbolicLink(file, outside);

        List<Result> read = new ArrayList<>();
        store.forEachResult(id, read::add);

        assertThat(read).hasSize(3);
    }

    @Test
    void aStoreWhoseIndexIsALinkOrAFolderIsRefusedWhenOpened() throws Exception {
        Path linked = dir.resolve("linked");
        JsonRunStore.at(linked);
        Path outside = Files.writeString(dir.resolve("index-elsewhere.json"), "{}");
        Files.delete(linked.resolve("index.json"));
        Files.createSymbolicLink(linked.resolve("index.json"), outside);
        Path folder = dir.resolve("folder");
        Files.createDirectories(folder.resolve("index.json"));

        assertThatThrownBy(() -> JsonRunStore.at(linked)).isInstanceOf(InvalidRunFileException.class)
                .hasMessageStartingWith(linked.toRealPath().resolve("index.json") + " is a symbolic link");
        assertThat(outside).hasContent("{}");
        assertThatThrownBy(() -> JsonRunStore.at(folder)).isInstanceOf(InvalidRunFileException.class)
                .hasMessage(folder.toRealPath().resolve("index.json") + " is a folder; the store expected a file there");
    }

    @Test
    void aRunWhoseWriterIsGoneIsInterruptedWhileALiveOneIsRunningAndBusy() throws Exception {
        JsonRunStore writer = JsonRunStore.at(dir.resolve("runs"));
        String id = run(writer);
        RunInfo info = writer.load(id).orElseThrow().info();
        Path folder = writer.folder().resolve(id);
        RunSink live = writer.open(info, Plans.trials(3));   // reopened: run.json says running again
        JsonRunStore reader = JsonRunStore.at(dir.resolve("runs"));

        assertThat(reader.load(id).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(reader.list(RunQuery.all().withStatus(RunStatus.RUNNING))).extracting(RunEntry::id).containsExactly(id);
        assertThatThrownBy(() -> plan(reader).resume(id)).isInstanceOf(RunInUseException.class)
                .hasMessage("run " + id + " is being written by another process or store (" + folder.resolve("run.lock")
                        + " is locked); a run can have one writer at a time");

        ((RunWriter) live).abandon();   // the writer dies: its lock is released, run.json still says running
        byte[] runJson = Files.readAllBytes(folder.resolve("run.json"));

        assertThat(reader.load(id).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(reader.list(RunQuery.all().withStatus(RunStatus.INTERRUPTED))).extracting(RunEntry::id)
                .containsExactly(id);
        assertThat(reader.list(RunQuery.all().withStatus(RunStatus.RUNNING))).isEmpty();
        assertThat(folder.resolve("run.json")).as("shown as interrupted, not rewritten").hasBinaryContent(runJson);

        Run resumed = plan(reader).resume(id);
        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(reader.list()).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(RunStatus.COMPLETED));
    }
}
