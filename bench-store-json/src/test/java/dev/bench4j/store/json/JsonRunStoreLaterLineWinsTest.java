package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code results.jsonl} is append-only: when a cell has more than one line (its failed result, then
 * the result of a retry), every reader of the store takes the later line.
 */
class JsonRunStoreLaterLineWinsTest {

    @TempDir
    Path dir;

    private JsonRunStore store;
    private String id;
    private Path file;
    private final CellId retried = new CellId("p", "flaky:m", "t1", 0);

    /** A run of 4 cells whose cell t1 failed, then the line of t1's successful retry appended. */
    @BeforeEach
    void aRunWithAFailedCellAndItsRetryAppended() throws Exception {
        store = JsonRunStore.at(dir.resolve("runs"));
        ScriptedProvider failingT1 = ScriptedProvider.named("flaky", r -> r.messages().get(0).content().equals("Q 1")
                ? CompletableFuture.failedFuture(new CallException(ErrorKind.BAD_REQUEST, "refused"))
                : CompletableFuture.completedFuture(ScriptedProvider.answer("first " + r.messages().get(0).content())));
        Run run = Plans.over(failingT1, 4).store(store).noCache().build().run();
        id = run.id();
        file = store.folder().resolve(id).resolve("results.jsonl");
        assertThat(Files.readAllLines(file)).hasSize(4);
        assertThat(store.result(id, retried)).hasValueSatisfying(r -> assertThat(r.succeeded()).isFalse());

        JsonRunStore other = JsonRunStore.at(dir.resolve("other"));
        String otherId = Plans.over(ScriptedProvider.named("flaky", r -> CompletableFuture.completedFuture(
                ScriptedProvider.answer("retried"))), 4).store(other).noCache().build().run().id();
        String retryLine = Files.readAllLines(other.folder().resolve(otherId).resolve("results.jsonl")).stream()
                .filter(l -> l.contains("\"trial\":\"t1\"")).findFirst().orElseThrow();
        Files.writeString(file, retryLine + "\n", StandardOpenOption.APPEND);
    }

    private List<Result> results() {
        List<Result> out = new ArrayList<>();
        store.forEachResult(id, out::add);
        return out;
    }

    @Test
    void readingTheResultsGivesEachCellOnceWithItsLaterLine() {
        List<Result> all = results();

        assertThat(all).hasSize(4).extracting(Result::cell).doesNotHaveDuplicates();
        assertThat(all.get(3).cell()).as("in the place of the line that wins").isEqualTo(retried);
        assertThat(all.get(3).output()).isEqualTo("retried");
        assertThat(all).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
        assertThat(store.result(id, retried)).hasValueSatisfying(r -> assertThat(r.output()).isEqualTo("retried"));
    }

    @Test
    void theStoredLinesInWritingOrderIncludeTheSupersededOne() {
        List<Result> stored = new ArrayList<>();
        store.forEachStoredResult(id, stored::add);

        assertThat(stored).hasSize(5).extracting(Result::cell).filteredOn(retried::equals).hasSize(2);
        assertThat(stored.stream().filter(r -> r.cell().equals(retried)).map(Result::succeeded)).containsExactly(false, true);
    }

    @Test
    void theSummaryCountsTheRetryAndNotTheFailure() {
        assertThat(store.summarize(id).overall().cells()).isEqualTo(4);
        assertThat(store.summarize(id).overall().succeeded()).isEqualTo(4);
        assertThat(store.summarize(id).overall().failed()).isZero();
    }

    @Test
    void exportsHoldTheLaterLineOnlyAndImportAsOneResultPerCell() throws Exception {
        Path json = dir.resolve("export.json");
        Path csv = dir.resolve("results.csv");
        store.exportRun(id, json);
        store.exportResultsCsv(id, csv);

        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(5);
        assertThat(rows.stream().filter(l -> l.startsWith("p,flaky:m,t1,"))).singleElement().asString()
                .contains("retried").doesNotContain("refused");
        JsonRunStore target = JsonRunStore.at(dir.resolve("imported"));
        target.importRun(json, false);
        List<Result> imported = new ArrayList<>();
        target.forEachResult(id, imported::add);
        assertThat(imported).isEqualTo(results());
        assertThat(Files.readAllLines(target.folder().resolve(id).resolve("results.jsonl"))).hasSize(4);
    }

    @Test
    void aResumeSeesTheCellAsDoneWithItsLaterResult() {
        ScriptedProvider again = ScriptedProvider.echoing("flaky");
        BenchmarkPlan plan = Plans.over(again, 4).store(store).noCache().build();

        Run resumed = plan.resume(id);

        assertThat(again.calls()).isZero();
        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(resumed.summary().overall().succeeded()).isEqualTo(4);
    }

    @Test
    void aLineAppendedAfterTheFirstReadStillWins() throws Exception {
        assertThat(results()).extracting(Result::output).contains("retried");
        String again = Files.readAllLines(file).get(4).replace("\"retried\"", "\"retried twice\"");
        Files.writeString(file, again + "\n", StandardOpenOption.APPEND);

        assertThat(results()).hasSize(4).last().satisfies(r -> assertThat(r.output()).isEqualTo("retried twice"));
        assertThat(store.result(id, retried)).hasValueSatisfying(r -> assertThat(r.output()).isEqualTo("retried twice"));
    }
}
