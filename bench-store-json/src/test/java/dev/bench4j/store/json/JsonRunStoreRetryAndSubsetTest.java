package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.bench4j.core.Budget;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResumeOptions;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.internal.Jackson;
import dev.bench4j.store.json.testing.LogCapture;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retried cells, subsets and budget stops, kept in a JSON store and read back. */
class JsonRunStoreRetryAndSubsetTest {

    @TempDir
    Path dir;

    private static ScriptedProvider failingOddTrials() {
        return ScriptedProvider.named("flaky", r -> Integer.parseInt(r.cell().trial().substring(1)) % 2 == 1
                ? CompletableFuture.failedFuture(new CallException(ErrorKind.SERVER, "HTTP 503"))
                : CompletableFuture.completedFuture(ScriptedProvider.answer("ok")));
    }

    private static List<Result> results(JsonRunStore store, String id) {
        List<Result> out = new ArrayList<>();
        store.forEachResult(id, out::add);
        return out;
    }

    private static JsonSchema runSchema() throws Exception {
        try (InputStream in = JsonRunStore.class.getResourceAsStream("run.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void retriedCellsAreAppendedAndTheRunFileCountsThemAndOnlyTheNewestResults() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        String id = Plans.over(failingOddTrials(), 6).retry(RetryPolicy.none()).store(store).noCache().build().run().id();
        assertThat(store.load(id).orElseThrow().summary().orElseThrow().overall().failed()).isEqualTo(3);

        ScriptedProvider healthy = ScriptedProvider.echoing("flaky");
        Run resumed = Plans.over(healthy, 6).store(JsonRunStore.at(dir)).noCache().build()
                .resume(id, ResumeOptions.retryFailed(ErrorKind.SERVER));

        assertThat(healthy.calls()).isEqualTo(3);
        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(results(store, id)).hasSize(6);   // the newest result of each cell
        assertThat(Files.readAllLines(dir.resolve(id).resolve("results.jsonl"))).hasSize(9);   // append-only
        RunMetadata m = store.load(id).orElseThrow();
        assertThat(m.summary().orElseThrow().retriedCells()).isEqualTo(3);
        assertThat(m.summary().orElseThrow().overall().failed()).isZero();
        assertThat(m.summary().orElseThrow().overall().cells()).isEqualTo(6);
        var json = Jackson.MAPPER.readTree(dir.resolve(id).resolve("run.json").toFile());
        assertThat(json.at("/summary/retried_cells").asLong()).isEqualTo(3);
        assertThat(runSchema().validate(json)).isEmpty();

        // resumed again without retrying: the stored file holds 9 lines for 6 cells; the newest of each wins
        ScriptedProvider idle = ScriptedProvider.echoing("flaky");
        Run again = Plans.over(idle, 6).store(JsonRunStore.at(dir)).noCache().build().resume(id);
        assertThat(idle.calls()).isZero();
        assertThat(again.summary().overall().cells()).isEqualTo(6);
        assertThat(again.summary().overall().failed()).isZero();
        assertThat(again.summary().retriedCells()).isEqualTo(3);
    }

    @Test
    void aSubsetRunKeepsItsSelectorsInRunJsonAndResumesWithThem() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        Run run = Plans.over(p, 10).onlyTrials("t1*", "t2").sampleTrials(2, 5).store(store).noCache().build().run();

        RunMetadata m = store.load(run.id()).orElseThrow();
        assertThat(m.info().plan()).isEqualTo(run.info().plan());
        assertThat(m.info().plan().subset()).get().satisfies(s -> {
            assertThat(s.planTrials()).isEqualTo(10);
            assertThat(s.selectors().trials()).containsExactly("t1*", "t2");
            assertThat(s.selectors().sample()).hasValueSatisfying(x -> assertThat(x.seed()).isEqualTo(5));
        });
        var json = Jackson.MAPPER.readTree(dir.resolve(run.id()).resolve("run.json").toFile());
        assertThat(json.at("/plan/subset/plan_trials").asInt()).isEqualTo(10);
        assertThat(runSchema().validate(json)).isEmpty();

        ScriptedProvider again = ScriptedProvider.echoing("echoing");
        Run resumed = Plans.over(again, 10).store(JsonRunStore.at(dir)).noCache().build().resume(run.id());
        assertThat(again.calls()).isZero();
        assertThat(resumed.summary().overall().cells()).isEqualTo(2);
    }

    @Test
    void aRunStoppedByItsBudgetIsStoredAsBudgetExceededAndResumesWithAHigherCap() {
        JsonRunStore store = JsonRunStore.at(dir);
        Run stopped = Plans.over(ScriptedProvider.echoing("echoing"), 8).concurrency(1).budget(Budget.maxCalls(3))
                .store(store).noCache().build().run();

        RunMetadata m = store.load(stopped.id()).orElseThrow();
        assertThat(m.status()).isEqualTo(RunStatus.BUDGET_EXCEEDED);
        assertThat(m.statusReason()).hasValue("budget exceeded: max_calls 3 reached (3 calls made or in flight)");

        ScriptedProvider more = ScriptedProvider.echoing("echoing");
        Run resumed = Plans.over(more, 8).budget(Budget.maxCalls(100)).store(JsonRunStore.at(dir)).noCache().build()
                .resume(stopped.id());
        assertThat(more.calls()).isEqualTo(5);
        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(store.load(stopped.id()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aCostCapOverModelsWithoutAPriceWarnsOnceNamingThem() {
        String log;
        Run run;
        try (LogCapture capture = LogCapture.start()) {
            run = Plans.over(ScriptedProvider.echoing("echoing"), 4).budget(Budget.maxCostUsd(1))
                    .store(JsonRunStore.at(dir)).noCache().build().run();
            log = capture.text();
        }

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(log).containsOnlyOnce("the cost cap (Budget[max_cost_usd 1.00]) cannot be enforced for echoing:m: "
                + "no price is known");
    }
}
