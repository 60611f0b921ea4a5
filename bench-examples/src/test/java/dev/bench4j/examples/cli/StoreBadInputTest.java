package dev.bench4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.RunInfo;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.RunSink;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.internal.RunWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the store commands ({@code run --resume/--store}, {@code list}, {@code export},
 * {@code import}) is refused with exit code 2 and one line naming the path or run id, never a stack trace.
 */
class StoreBadInputTest {

    @TempDir
    Path dir;

    private final Cli cli = new Cli();
    private Path plan;
    private Path store;
    private String id;

    @BeforeEach
    void aStoredRun() throws IOException {
        StringBuilder trials = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            trials.append("{\"id\": \"t").append(i).append("\", \"vars\": {\"text\": \"case ").append(i).append("\"}}\n");
        }
        Files.writeString(dir.resolve("trials.jsonl"), trials);
        plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"name\": \"stored\", \"prompts\": [{\"name\": \"v1\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"Classify: {{text}}\"}]}], \"models\": [{\"provider\": \"echo\", \"model\": \"e1\"}],"
                + " \"trials\": \"trials.jsonl\", \"cache\": false}");
        store = dir.resolve("runs");
        assertThat(cli.run("run", plan.toString(), "--store", store.toString(), "--no-progress")).isZero();
        Matcher m = Pattern.compile("run (bench_[0-9a-f]{8}_\\d{8}_\\d{6}) in").matcher(cli.err());
        assertThat(m.find()).isTrue();
        id = m.group(1);
    }

    /** Runs a command that must be refused: exit code 2, and stderr's last line is the one error line. */
    private String refused(String... args) {
        int code = cli.run(args);
        String err = cli.err();
        assertThat(code).as(String.join(" ", args) + "\n" + err).isEqualTo(2);
        assertThat(err).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        List<String> lines = err.lines().filter(l -> !l.startsWith("Running ")).toList();
        assertThat(lines).as(err).hasSize(1);
        assertThat(lines.get(0)).startsWith("bench: ");
        return lines.get(0);
    }

    private String[] resume(String runId, String... more) {
        List<String> args = new ArrayList<>(List.of("run", plan.toString(), "--store", store.toString(), "--no-progress",
                "--resume", runId));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void aRunIdThatIsAPathOrHoldsAControlCharacterIsRefused() {
        assertThat(refused(resume("../x"))).contains("run id '../x' is not allowed: it contains '..'");
        assertThat(refused(resume("/etc"))).contains("run id '/etc' is not allowed: it is an absolute path");
        assertThat(refused(resume("bench_\u0007x"))).contains("run id 'bench_?x' is not allowed: it contains a control character");
        assertThat(refused("show", "a/b", "--store", store.toString())).contains("run id 'a/b' is not allowed");
        assertThat(refused("export", "../x", "--store", store.toString(), "--out", dir.resolve("x.json").toString()))
                .contains("run id '../x' is not allowed");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aStoreThatIsARegularFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-store"), "x");
        assertThat(refused("run", plan.toString(), "--store", file.toString(), "--no-progress"))
                .contains("store folder " + file + " is a file, not a folder");
        assertThat(refused("list", "--store", file.toString())).isEqualTo("bench: --store: " + file
                + " is a file, not a store folder");
        assertThat(refused("import", dir.resolve("x.json").toString(), "--store", file.toString()))
                .contains(file + " is a file, not a folder");
        assertThat(file).hasContent("x");
    }

    @Test
    void anExportIntoAMissingFolderOrOntoAFolderIsRefused() throws IOException {
        Path missing = dir.resolve("missing").resolve("run.json");
        assertThat(refused("export", id, "--store", store.toString(), "--out", missing.toString()))
                .contains("cannot write " + missing + ": the folder " + missing.getParent() + " does not exist");
        Path folder = Files.createDirectories(dir.resolve("out"));
        assertThat(refused("export", id, "--store", store.toString(), "--out", folder.toString()))
                .isEqualTo("bench: " + folder + " is a folder; give the name of the file to write");
        assertThat(refused("export", id, "--store", store.toString(), "--format", "csv", "--out", folder.toString()))
                .contains(folder + " is a folder");
    }

    @Test
    void importingAFolderIsRefused() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("exports"));
        assertThat(refused("import", folder.toString(), "--store", dir.resolve("other").toString()))
                .isEqualTo("bench: " + folder + " is a folder; import reads a file written by export (a run export,"
                        + " bench4j.run-export/1)");
    }

    @Test
    void resumingARunWithADamagedMiddleLineIsRefusedNamingFileAndLine() throws IOException {
        Path results = store.resolve(id).resolve("results.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(results));
        lines.set(1, "{\"prompt\": garbage");
        Files.write(results, lines);

        assertThat(refused(resume(id))).startsWith("bench: " + results.toRealPath() + ": line 2: ");
        assertThat(Files.readAllLines(results)).isEqualTo(lines);
    }

    @Test
    void aStoreWhoseIndexIsAFolderIsRefused() throws IOException {
        Files.delete(store.resolve("index.json"));
        Files.createDirectory(store.resolve("index.json"));
        String expected = "bench: " + store.toRealPath().resolve("index.json") + " is a folder; the store expected a file there";

        assertThat(refused("list", "--store", store.toString())).isEqualTo(expected);
        assertThat(refused("run", plan.toString(), "--store", store.toString(), "--no-progress")).isEqualTo(expected);
    }

    @Test
    void aSecondResumeOfARunBeingWrittenIsRefusedAndACrashedRunIsListedAsInterrupted() throws IOException {
        JsonRunStore writer = JsonRunStore.at(store);
        RunInfo info = writer.load(id).orElseThrow().info();
        List<Trial> trials = List.of(Trial.of("t0", Map.of("text", "case 0")));
        RunSink live = writer.open(info, trials);   // holds the run's lock, as a resume in another process would
        try {
            assertThat(refused(resume(id))).isEqualTo("bench: run " + id + " is being written by another process or"
                    + " store (" + store.toRealPath().resolve(id).resolve("run.lock") + " is locked); a run can have"
                    + " one writer at a time");
            assertThat(cli.run("list", "--store", store.toString(), "--status", "running")).isZero();
            assertThat(cli.out()).contains(id);
        } finally {
            ((RunWriter) live).abandon();   // its process dies: run.json still says running
        }
        assertThat(Files.readString(store.resolve(id).resolve("run.json"))).contains("\"status\" : \"running\"");

        assertThat(cli.run("list", "--store", store.toString(), "--status", "interrupted")).isZero();
        assertThat(cli.out()).contains(id, "interrupted");
        assertThat(cli.run("show", id, "--store", store.toString())).isZero();
        assertThat(cli.out()).contains("status    interrupted");
        assertThat(cli.run(resume(id))).isZero();
        assertThat(cli.run("list", "--store", store.toString(), "--status", "completed")).isZero();
        assertThat(cli.out()).contains(id);
    }
}
