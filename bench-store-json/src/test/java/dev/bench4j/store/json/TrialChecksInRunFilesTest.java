package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Check;
import dev.bench4j.core.Run;
import dev.bench4j.core.Trial;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.internal.TrialsFile;
import dev.bench4j.store.json.testing.StorePlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trial's checks are kept in a run's trials.jsonl and carried through an export and an import. */
class TrialChecksInRunFilesTest {

    @TempDir
    Path dir;

    private static List<Trial> withChecks(List<Trial> trials) {
        List<Trial> out = new ArrayList<>();
        for (Trial t : trials) {
            out.add(t.withCheck(Check.of("contains", Map.of("value", "x " + t.id(), "ignore_case", true)).withWeight(2))
                    .withCheck(Check.not(Check.of("regex", Map.of("pattern", "sorry"))).withThreshold(0.5)));
        }
        return out;
    }

    @Test
    void aRunsTrialsFileWritesChecksInThePlanFileFormAndReadsThemBack() throws Exception {
        List<Trial> trials = List.of(Trial.of("t1", Map.of("q", "a")),
                Trial.of("t2", Map.of("q", "b")).withCheck(Check.of("json_valid")).withCheck(
                        Check.not(Check.of("contains", Map.of("value", "sorry"))).withWeight(2).withThreshold(0.5)));

        TrialsFile.write(dir, trials);

        assertThat(Files.readAllLines(dir.resolve(TrialsFile.NAME))).containsExactly(
                "{\"id\":\"t1\",\"vars\":{\"q\":\"a\"}}",
                "{\"id\":\"t2\",\"vars\":{\"q\":\"b\"},\"checks\":[{\"type\":\"json_valid\"},"
                        + "{\"not\":{\"type\":\"contains\",\"value\":\"sorry\"},\"weight\":2.0,\"threshold\":0.5}]}");
        assertThat(TrialsFile.read(dir)).isEqualTo(trials);
    }

    @Test
    void anExportedAndImportedRunKeepsItsTrialsChecks() {
        JsonRunStore source = JsonRunStore.at(dir.resolve("a"));
        Run run = StorePlans.rich(ScriptedProvider.echoing("echoing")).store(source).build().run();
        Path folder = dir.resolve("a").resolve(run.id());
        List<Trial> checked = withChecks(source.trials(run.id()));
        TrialsFile.write(folder, checked);
        Path export = dir.resolve("export.json");
        source.exportRun(run.id(), export);

        JsonRunStore target = JsonRunStore.at(dir.resolve("b"));
        String id = target.importRun(export, false);

        assertThat(target.trials(id)).isEqualTo(checked);
        assertThat(target.trials(id).get(0).checks()).hasSize(2);
    }
}
