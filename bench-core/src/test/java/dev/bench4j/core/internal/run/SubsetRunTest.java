package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanSnapshot;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.Subset;
import dev.bench4j.core.Trial;
import dev.bench4j.core.internal.run.ResumeTest.MemoryStore;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan built with a subset runs only the selected prompts, models and trials, records it, and resumes with it. */
class SubsetRunTest {

    private static BenchmarkPlan.Builder wide(ScriptedProvider p, MemoryStore store) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            trials.add(Trial.of((i < 5 ? "extract-" : "other-") + i, Map.of("x", String.valueOf(i))));
        }
        return BenchmarkPlan.named("wide").provider(p)
                .prompt(Prompt.named("extract-v1").user("A {{x}}"))
                .prompt(Prompt.named("extract-v2").user("B {{x}}"))
                .prompt(Prompt.named("classify").user("C {{x}}"))
                .model(ModelConfig.of(p.name(), "small"))
                .model(ModelConfig.of(p.name(), "large"))
                .trials(trials).store(store).noCache();
    }

    @Test
    void onlyTheSelectedPromptsModelsAndTrialsAreCalledAndTheSnapshotRecordsTheSubset() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        BenchmarkPlan plan = wide(p, new MemoryStore()).build().toBuilder()
                .onlyPrompts("extract-*").onlyModels("echoing:small").onlyTrials("extract-?", "other-9").build();

        Run run = plan.run();

        assertThat(plan.cellCount()).isEqualTo(2 * 1 * 6);
        assertThat(p.calls()).isEqualTo(12);
        assertThat(p.requests()).extracting(r -> r.cell().prompt()).containsOnly("extract-v1", "extract-v2");
        assertThat(p.requests()).extracting(r -> r.cell().model()).containsOnly("echoing:small");
        PlanSnapshot snapshot = run.info().plan();
        assertThat(snapshot.trialCount()).isEqualTo(6);
        assertThat(snapshot.subset()).get().isEqualTo(new PlanSnapshot.SubsetOf(new Subset(
                List.of("extract-*"), List.of("echoing:small"), List.of("extract-?", "other-9"),
                java.util.OptionalInt.empty(), java.util.Optional.empty()), 3, 2, 10));
        assertThat(run.summary().byModel()).containsOnlyKeys("echoing:small");
    }

    @Test
    void toBuilderKeepsTheWholePlanSoASubsetCanBeWidenedAgain() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        BenchmarkPlan few = wide(p, new MemoryStore()).firstTrials(3).build();
        assertThat(few.trials()).extracting(Trial::id).containsExactly("extract-0", "extract-1", "extract-2");

        BenchmarkPlan all = few.toBuilder().subset(Subset.all()).build();
        assertThat(all.trials()).hasSize(10);
        assertThat(all.cellCount()).isEqualTo(60);
    }

    @Test
    void aSampleIsTheSameForTheSameSeedAndKeepsPlanOrder() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        List<String> first = wide(p, new MemoryStore()).sampleTrials(4, 42).build().trials().stream().map(Trial::id).toList();
        List<String> again = wide(p, new MemoryStore()).sampleTrials(4, 42).build().trials().stream().map(Trial::id).toList();

        assertThat(first).hasSize(4).isEqualTo(again).isSorted();
        // java.util.Random(42) Fisher–Yates over positions 0..9: the documented algorithm, pinned so that it never drifts
        assertThat(first).isEqualTo(Subsets.sample(Plans.trials(10), 4, 42).stream()
                .map(t -> (Integer.parseInt(t.id().substring(1)) < 5 ? "extract-" : "other-") + t.id().substring(1))
                .toList());
    }

    @Test
    void aSelectorMatchingNothingIsRefusedNamingItAndWhatExists() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");

        assertThatThrownBy(() -> wide(p, new MemoryStore()).onlyPrompts("summar*").onlyModels("gpt-*").build())
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("prompt selector 'summar*' matches no prompt of plan 'wide'; its prompts are: "
                        + "extract-v1, extract-v2, classify")
                .hasMessageContaining("model selector 'gpt-*' matches no model of plan 'wide'; its models are: "
                        + "echoing:small, echoing:large");
    }

    @Test
    void resumingASubsetRunWithoutASubsetAppliesItsSubsetAgain() {
        MemoryStore store = new MemoryStore();
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        Run partial = wide(p, store).onlyModels("*large").firstTrials(2).build().run();
        String id = partial.info().id();
        List<Result> kept = store.results.get(id);
        kept.subList(3, kept.size()).clear();   // 6 cells; keep 3

        ScriptedProvider second = ScriptedProvider.echoing("echoing");
        Run resumed = wide(second, store).build().resume(id);

        assertThat(second.calls()).isEqualTo(3);
        assertThat(second.requests()).extracting(r -> r.cell().model()).containsOnly("echoing:large");
        assertThat(resumed.summary().overall().cells()).isEqualTo(6);
        assertThat(resumed.info().plan().subset()).isEqualTo(partial.info().plan().subset());
    }

    @Test
    void resumingWithADifferentSubsetIsRefused() {
        MemoryStore store = new MemoryStore();
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        String id = wide(p, store).firstTrials(2).build().run().info().id();
        String whole = wide(p, store).build().run().info().id();

        assertThatThrownBy(() -> wide(p, store).firstTrials(3).build().resume(id))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessage("run '" + id + "' ran the subset --limit 2 and cannot be resumed with the subset --limit 3; "
                        + "resume it without a subset (its subset is applied again)");
        assertThatThrownBy(() -> wide(p, store).onlyPrompts("classify").build().resume(whole))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("ran the whole plan and cannot be resumed with the subset --prompt classify");
    }
}
