package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.RunSink;
import dev.bench4j.core.spi.RunStore;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A stored run continues where it stopped: finished cells are not called again and the summary covers all. */
class ResumeTest {

    /** Keeps runs in memory, as a store on disk would keep them in files. */
    static final class MemoryStore implements RunStore {
        final Map<String, RunInfo> infos = new ConcurrentHashMap<>();
        final Map<String, List<Result>> results = new ConcurrentHashMap<>();
        final List<String> finished = Collections.synchronizedList(new ArrayList<>());

        @Override
        public RunSink open(RunInfo run, List<Trial> trials) {
            infos.putIfAbsent(run.id(), run);
            List<Result> kept = results.computeIfAbsent(run.id(), id -> Collections.synchronizedList(new ArrayList<>()));
            return new RunSink() {
                @Override
                public void accept(Result result) {
                    kept.add(result);
                }

                @Override
                public void finish(Run run) {
                    finished.add(run.info().id() + ":" + run.status().wireName());
                }
            };
        }

        @Override
        public Optional<StoredRun> resumable(String runId) {
            RunInfo info = infos.get(runId);
            return info == null ? Optional.empty()
                    : Optional.of(new StoredRun(info, action -> List.copyOf(results.get(runId)).forEach(action)));
        }
    }

    @Test
    void aResumedRunCallsOnlyTheCellsTheStoreLacksAndKeepsItsId() {
        MemoryStore store = new MemoryStore();
        ScriptedProvider first = ScriptedProvider.echoing("echoing");
        BenchmarkPlan plan = Plans.over(first, 10).repetitions(2).store(store).noCache().build();
        Run whole = plan.run();
        String id = whole.info().id();
        // forget 7 of the 20 results, as if the process had died before they finished
        List<Result> kept = new ArrayList<>(store.results.get(id).subList(0, 13));
        store.results.get(id).clear();
        store.results.get(id).addAll(kept);

        ScriptedProvider second = ScriptedProvider.echoing("echoing");
        Run resumed = Plans.over(second, 10).repetitions(2).store(store).noCache().build().resume(id);

        assertThat(resumed.info().id()).isEqualTo(id);
        assertThat(resumed.info().startedAt()).isEqualTo(whole.info().startedAt());
        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(second.calls()).isEqualTo(7);
        assertThat(resumed.summary().overall().cells()).isEqualTo(20);
        assertThat(resumed.results()).hasSize(20).extracting(Result::cell).doesNotHaveDuplicates();
        assertThat(store.results.get(id)).hasSize(20).extracting(Result::cell).doesNotHaveDuplicates();
    }

    @Test
    void aResultStoredTwiceCountsOnce() {
        MemoryStore store = new MemoryStore();
        BenchmarkPlan plan = Plans.over(ScriptedProvider.echoing("echoing"), 3).store(store).noCache().build();
        String id = plan.run().info().id();
        store.results.get(id).add(store.results.get(id).get(0));

        ScriptedProvider again = ScriptedProvider.echoing("echoing");
        Run resumed = Plans.over(again, 3).store(store).noCache().build().resume(id);

        assertThat(again.calls()).isZero();
        assertThat(resumed.summary().overall().cells()).isEqualTo(3);
    }

    @Test
    void aPlanThatChangedIsRefusedSayingWhatDiffers() {
        MemoryStore store = new MemoryStore();
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        String id = Plans.over(p, 3).store(store).build().run().info().id();

        BenchmarkPlan changed = BenchmarkPlan.named("test").provider(p)
                .prompt(Prompt.named("p").user("Other {{x}}"))
                .model(ModelConfig.of(p.name(), "m").withTemperature(0.5))
                .trials(Plans.trials(4)).store(store).build();

        assertThatThrownBy(() -> changed.resume(id))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("the messages of prompt 'p' changed")
                .hasMessageContaining("model 'echoing:m' changed its parameters")
                .hasMessageContaining("its trials changed (3 trials then, 4 now");
    }

    @Test
    void resumingAnUnknownRunOrWithoutAStoreIsRefused() {
        MemoryStore store = new MemoryStore();
        ScriptedProvider p = ScriptedProvider.echoing("echoing");

        assertThatThrownBy(() -> Plans.over(p, 1).store(store).build().resume("bench_00000000_20260101_000000"))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("no run 'bench_00000000_20260101_000000'");
        assertThatThrownBy(() -> Plans.over(p, 1).build().resume("x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no store");
    }
}
