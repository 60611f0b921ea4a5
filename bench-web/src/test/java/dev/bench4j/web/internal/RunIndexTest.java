package dev.bench4j.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.store.json.JsonRunStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first page of a large run comes from the beginning of its results, as the whole index would give it. */
class RunIndexTest {

    @TempDir
    Path dir;

    private Run run(JsonRunStore store) {
        return BenchmarkPlan.named("big").prompt(Prompt.named("p").user("Q {{x}}")).prompt(Prompt.named("q").user("R {{x}}"))
                .model(ModelConfig.of("echo", "a")).model(ModelConfig.of("echo", "b")).model(ModelConfig.of("echo", "c"))
                .trials(Plans.trials(400)).repetitions(2).concurrency(16).noCache().store(store).build().run();
    }

    @Test
    void aPrefixIndexGivesTheFirstPageTheWholeIndexGives() {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = run(store);
        RunIndex whole = RunIndex.build(store, run.id());
        Optional<RunIndex> prefix = RunIndex.prefix(store, run.id(), store.trialIds(run.id()), 25, 20_000);
        assertThat(prefix).isPresent();
        assertThat(prefix.get().size).as("only the beginning is read").isLessThan(whole.size / 4);
        Map<String, String> firstPage = Map.of("configs", "0,1,2,3,4,5");
        assertThat(CellQuery.parse(prefix.get(), firstPage).run(prefix.get(), Optional.empty()).get("rows"))
                .isEqualTo(CellQuery.parse(whole, firstPage).run(whole, Optional.empty()).get("rows"));
        assertThat(RunIndex.prefix(store, run.id(), store.trialIds(run.id()), 25, 30)).as("not complete within 30 results").isEmpty();
    }

    @Test
    void theViewerAnswersTheFirstPageOfALargeRunWhileItIndexesAndTheRestWhenItIsDone() {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = run(store);
        Viewer viewer = new Viewer(store, 64L << 20, Clock.systemUTC());
        try {
            Map<String, Object> first = viewer.cells(run.id(), Map.of());
            assertThat(((Number) first.get("total_rows")).intValue()).as("partial or whole, the totals are the plan's").isEqualTo(800);
            assertThat(((List<?>) first.get("rows"))).hasSize(25);
            Map<String, Object> filtered = viewer.cells(run.id(), Map.of("q", "Q 399"));
            assertThat(filtered).doesNotContainKey("partial");
            assertThat(((Number) filtered.get("total_rows")).intValue()).isEqualTo(2);
        } finally {
            viewer.close();
        }
    }
}
