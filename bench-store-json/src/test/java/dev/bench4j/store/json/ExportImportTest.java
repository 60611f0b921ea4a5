package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.internal.Jackson;
import dev.bench4j.store.json.testing.StorePlans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImportTest {

    @TempDir
    Path dir;

    private JsonRunStore source;
    private Run run;
    private Path export;

    @BeforeEach
    void exportARun() {
        source = JsonRunStore.at(dir.resolve("a"));
        run = StorePlans.rich(ScriptedProvider.echoing("echoing")).store(source).build().run();
        export = dir.resolve("run-export.json");
        source.exportRun(run.id(), export);
    }

    private static List<Result> results(JsonRunStore store, String id) {
        List<Result> list = new ArrayList<>();
        store.forEachResult(id, list::add);
        return list;
    }

    /** Every file and folder under the store, with its SHA-256: equal maps mean an unchanged store. */
    private static Map<String, String> hashes(Path store) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(store)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = store.relativize(p).toString();
                out.put(name, Files.isDirectory(p) ? "dir"
                        : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    private static ObjectNode tree(Path file) throws Exception {
        return (ObjectNode) Jackson.MAPPER.readTree(file.toFile());
    }

    private Path edited(String name, Consumer<ObjectNode> change) throws Exception {
        ObjectNode n = tree(export);
        change.accept(n);
        Path file = dir.resolve(name);
        Files.write(file, Jackson.MAPPER.writeValueAsBytes(n));
        return file;
    }

    @Test
    void anExportHoldsRunJsonAndEveryResultLineAsTheyAreOnDisk() throws Exception {
        Path folder = source.folder().resolve(run.id());
        JsonNode e = tree(export);
        List<String> names = new ArrayList<>();
        e.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("schema", "run", "results", "trials");
        assertThat(e.get("schema").textValue()).isEqualTo("bench4j.run-export/1");
        assertThat(e.get("run")).isEqualTo(Jackson.MAPPER.readTree(folder.resolve("run.json").toFile()));
        assertThat(e.get("run").get("schema").textValue()).isEqualTo("bench4j.run/1");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("results.jsonl"))) {
            lines.add(Jackson.MAPPER.readTree(line));
        }
        assertThat(lines).hasSize(24);
        assertThat(e.get("results")).containsExactlyElementsOf(lines);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a", "run-export.json");
        }
    }

    @Test
    void anImportedRunEqualsTheOriginal() {
        JsonRunStore target = JsonRunStore.at(dir.resolve("b"));

        String id = target.importRun(export, false);

        assertThat(id).isEqualTo(run.id());
        RunMetadata original = source.load(id).orElseThrow();
        RunMetadata imported = target.load(id).orElseThrow();
        assertThat(imported.info()).isEqualTo(original.info());
        assertThat(imported.status()).isEqualTo(original.status());
        assertThat(imported.statusReason()).isEqualTo(original.statusReason());
        assertThat(imported.endedAt()).isEqualTo(original.endedAt());
        assertThat(imported.summary()).isEqualTo(original.summary());
        assertThat(imported.folder()).isEqualTo(target.folder().resolve(id));
        assertThat(results(target, id)).hasSize(24).isEqualTo(results(source, id));
        assertThat(target.summarize(id)).isEqualTo(source.summarize(id));
        assertThat(target.list()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.cells()).isEqualTo(24);
        });
        try (Stream<Path> files = Files.list(target.folder())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(id, "index.json", "index.lock");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anExportOfAnImportIsTheSameFile() throws Exception {
        JsonRunStore target = JsonRunStore.at(dir.resolve("b"));
        target.importRun(export, false);
        Path again = dir.resolve("again.json");
        target.exportRun(run.id(), again);
        assertThat(tree(again)).isEqualTo(tree(export));
    }

    @Test
    void resultsBeforeTheRunAreCheckedAgainstItsPlanToo() throws Exception {
        ObjectNode n = tree(export);
        ObjectNode reordered = Jackson.MAPPER.createObjectNode();
        reordered.set("results", n.get("results"));
        reordered.set("run", n.get("run"));
        reordered.set("schema", n.get("schema"));
        Path ok = dir.resolve("reordered.json");
        Files.write(ok, Jackson.MAPPER.writeValueAsBytes(reordered));
        ((ObjectNode) reordered.get("results").get(5)).put("model", "ghost:x");
        Path bad = dir.resolve("reordered-bad.json");
        Files.write(bad, Jackson.MAPPER.writeValueAsBytes(reordered));
        JsonRunStore target = JsonRunStore.at(dir.resolve("b"));
        Map<String, String> before = hashes(target.folder());

        assertThatThrownBy(() -> target.importRun(bad, false)).isInstanceOf(InvalidRunFileException.class)
                .hasMessageContaining(bad.toString()).hasMessageContaining("results[5]").hasMessageContaining("ghost:x");
        assertThat(hashes(target.folder())).isEqualTo(before);

        target.importRun(ok, false);
        assertThat(results(target, run.id())).isEqualTo(results(source, run.id()));
    }

    @Test
    void anExistingIdIsRefusedUnlessReplacing() throws Exception {
        JsonRunStore target = JsonRunStore.at(dir.resolve("b"));
        target.importRun(export, false);
        Path renamed = edited("renamed.json", n -> {
            ((ObjectNode) n.get("run")).put("name", "renamed");
            ((ArrayNode) n.get("results")).remove(0);
        });
        Map<String, String> before = hashes(target.folder());

        assertThatThrownBy(() -> target.importRun(renamed, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already has a run '" + run.id() + "'").hasMessageContaining("replace");
        assertThat(hashes(target.folder())).isEqualTo(before);

        assertThat(target.importRun(renamed, true)).isEqualTo(run.id());
        assertThat(target.load(run.id()).orElseThrow().info().name()).isEqualTo("renamed");
        assertThat(results(target, run.id())).hasSize(23).isEqualTo(results(source, run.id()).subList(1, 24));
        assertThat(target.list()).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("renamed"));
        try (Stream<Path> files = Files.list(target.folder())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(run.id(), "index.json",
                    "index.lock");
        }
        try (Stream<Path> files = Files.list(target.folder().resolve(run.id()))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("run.json",
                    "results.jsonl", "trials.jsonl", "run.lock");
        }
    }

    private void refused(Path file, String... fragments) throws Exception {
        JsonRunStore target = JsonRunStore.at(dir.resolve("b"));
        if (target.list().isEmpty()) {
            target.importRun(edited("other.json", n -> ((ObjectNode) n.get("run")).put("run_id", "other_run")), false);
        }
        Map<String, String> before = hashes(target.folder());
        assertThatThrownBy(() -> target.importRun(file, false)).isInstanceOf(InvalidRunFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContainingAll(fragments);
        assertThat(hashes(target.folder())).isEqualTo(before);
        assertThat(target.list()).extracting(RunEntry::id).containsExactly("other_run");
    }

    @Test
    void aFileThatIsNotJsonIsRefused() throws Exception {
        Path file = dir.resolve("not.json");
        Files.writeString(file, "id,name\nbench_1,run\n");
        refused(file, "invalid JSON", "line 1");
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path file = dir.resolve("empty.json");
        Files.write(file, new byte[0]);
        refused(file, "empty");
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(export);
        Path file = dir.resolve("truncated.json");
        Files.write(file, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        refused(file, "invalid JSON", "truncated");
    }

    @Test
    void anotherExportSchemaVersionIsRefused() throws Exception {
        refused(edited("v2.json", n -> n.put("schema", "bench4j.run-export/2")),
                "field 'schema' must be \"bench4j.run-export/1\" but was \"bench4j.run-export/2\"", "another bench4j version");
    }

    @Test
    void aFileWithoutSchemaIsRefused() throws Exception {
        refused(edited("noschema.json", n -> n.remove("schema")), "missing field 'schema'");
    }

    @Test
    void anotherRunSchemaVersionIsRefused() throws Exception {
        refused(edited("run2.json", n -> ((ObjectNode) n.get("run")).put("schema", "bench4j.run/2")),
                "field 'run.schema' must be \"bench4j.run/1\" but was \"bench4j.run/2\"");
    }

    @Test
    void aFileWithoutRunIsRefused() throws Exception {
        refused(edited("norun.json", n -> n.remove("run")), "missing field 'run'");
    }

    @Test
    void aRunWithoutAPlanFieldIsRefused() throws Exception {
        refused(edited("notrials.json", n -> ((ObjectNode) n.get("run").get("plan")).remove("trial_count")),
                "missing field 'run.plan.trial_count'");
    }

    @Test
    void aFileWithoutResultsIsRefused() throws Exception {
        refused(edited("noresults.json", n -> n.remove("results")), "missing field 'results'");
    }

    @Test
    void aResultWithoutModelIsRefused() throws Exception {
        refused(edited("nomodel.json", n -> ((ObjectNode) n.get("results").get(3)).remove("model")),
                "results[3]: missing field 'model'");
    }

    @Test
    void aResultThatIsNotAnObjectIsRefused() throws Exception {
        refused(edited("notobject.json", n -> ((ArrayNode) n.get("results")).set(7, "text")), "results[7]",
                "expected a JSON object");
    }

    @Test
    void aResultForAModelThePlanLacksIsRefused() throws Exception {
        refused(edited("ghost.json", n -> ((ObjectNode) n.get("results").get(2)).put("model", "ghost:x")),
                "results[2]", "ghost:x", "not a cell of the run's plan");
    }

    @Test
    void aResultForATrialBeyondThePlanIsRefused() throws Exception {
        refused(edited("trials.json", n -> ((ObjectNode) n.get("results").get(4)).put("trial", "t99")),
                "results[8]", "beyond the plan's 3 trials", "t99");
    }

    @Test
    void aRunIdThatLeavesTheStoreIsRefused() throws Exception {
        refused(edited("evil.json", n -> ((ObjectNode) n.get("run")).put("run_id", "../evil")),
                "field 'run.run_id'", "'../evil' is not allowed");
        assertThat(dir.resolve("evil")).doesNotExist();
        refused(edited("abs.json", n -> ((ObjectNode) n.get("run")).put("run_id", "/tmp/evil")),
                "field 'run.run_id'", "absolute path");
    }

    @Test
    void contentAfterTheExportIsRefused() throws Exception {
        Path file = dir.resolve("trailing.json");
        Files.writeString(file, Files.readString(export) + "{}", StandardCharsets.UTF_8);
        refused(file, "unexpected content after the end of the JSON value");
    }

    @Test
    void aDuplicatedResultIsRefusedNamingItsIndexAndCell() throws Exception {
        refused(edited("duplicate.json", n -> ((ArrayNode) n.get("results")).add(n.get("results").get(6).deepCopy())),
                "results[24]: a second result for cell " + results(source, run.id()).get(6).cell(),
                "one result per cell");
    }

    @Test
    void aResultForATrialTheRunsTrialsLackIsRefused() throws Exception {
        // the plan has 3 trials and the results name 3, but one of them is not among the kept trials
        refused(edited("renamed-trial.json", n -> {
            for (JsonNode r : n.get("results")) {
                if (r.get("trial").textValue().equals("t2")) {
                    ((ObjectNode) r).put("trial", "t9");
                }
            }
        }), "names trial 't9', which the run's trials (field 'trials') do not have");
    }

    @Test
    void aFolderIsNotAnExportFile() throws Exception {
        JsonRunStore target = JsonRunStore.at(dir.resolve("b"));
        Path folder = Files.createDirectories(dir.resolve("a-folder"));

        assertThatThrownBy(() -> target.importRun(folder, false)).isInstanceOf(InvalidStorePathException.class)
                .hasMessage(folder + " is a folder; import reads a file written by export (a run export,"
                        + " bench4j.run-export/1)");
        assertThat(target.list()).isEmpty();
    }

    @Test
    void anExportIntoAMissingFolderOrOntoAFolderIsRefusedNamingThePath() throws Exception {
        Path missing = dir.resolve("missing").resolve("x.json");
        Path folder = Files.createDirectories(dir.resolve("out"));

        assertThatThrownBy(() -> source.exportRun(run.id(), missing)).isInstanceOf(InvalidStorePathException.class)
                .hasMessage("cannot write " + missing + ": the folder " + missing.getParent()
                        + " does not exist; create it first");
        assertThatThrownBy(() -> source.exportResultsCsv(run.id(), folder)).isInstanceOf(InvalidStorePathException.class)
                .hasMessage(folder + " is a folder; give the name of the file to write");
        assertThatThrownBy(() -> source.exportSummaryCsv(run.id(), folder)).isInstanceOf(InvalidStorePathException.class);
        assertThatThrownBy(() -> source.exportReviewSheet(run.id(), folder)).isInstanceOf(InvalidStorePathException.class);
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    void exportingAMissingRunIsAnError() {
        assertThatThrownBy(() -> source.exportRun("bench_nope", dir.resolve("x.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no run 'bench_nope'");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }
}
