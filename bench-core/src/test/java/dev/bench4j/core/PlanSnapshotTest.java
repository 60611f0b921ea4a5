package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan snapshot keeps what a run ran, never an API key, and counts its cells. */
class PlanSnapshotTest {

    private static final String PLANTED = "sk-test-PLANTED-KEY-123";

    private static PlanSnapshot snapshot(List<Prompt> prompts, List<ModelConfig> models, int trials, int reps) {
        return new PlanSnapshot("triage", prompts, models, trials, "ab12", reps, 4, List.of("exact"));
    }

    @Test
    void modelsAreStrippedOfExplicitApiKeys() {
        ModelConfig withKey = ModelConfig.of("openai", "gpt-4o-mini").withApiKey(Secret.of(PLANTED)).withApiKeyEnv("OPENAI_API_KEY");

        PlanSnapshot s = snapshot(List.of(Prompt.named("v1").user("x")), List.of(withKey), 1, 1);

        assertThat(s.models()).hasSize(1);
        assertThat(s.models().get(0).endpoint().apiKey()).isEmpty();
        assertThat(s.models().get(0).endpoint().apiKeyEnv()).hasValue("OPENAI_API_KEY");
        assertThat(s.models().get(0).id()).isEqualTo("openai:gpt-4o-mini");
        assertThat(s.toString()).doesNotContain(PLANTED).doesNotContain("PLANTED");
    }

    @Test
    void cellCountIsPromptsTimesModelsTimesTrialsTimesRepetitions() {
        List<Prompt> prompts = List.of(Prompt.named("a").user("x"), Prompt.named("b").user("y"));
        List<ModelConfig> models = List.of(ModelConfig.of("p", "m1"), ModelConfig.of("p", "m2"), ModelConfig.of("p", "m3"));

        assertThat(snapshot(prompts, models, 5, 4).cellCount()).isEqualTo(120);
    }

    @Test
    void cellCountDoesNotOverflowAnInt() {
        PlanSnapshot s = snapshot(List.of(Prompt.named("a")), List.of(ModelConfig.of("p", "m")), Integer.MAX_VALUE, 2);

        assertThat(s.cellCount()).isEqualTo(2L * Integer.MAX_VALUE);
    }

    @Test
    void listsAreCopiedAndUnmodifiable() {
        List<Prompt> prompts = new ArrayList<>(List.of(Prompt.named("a")));
        List<ModelConfig> models = new ArrayList<>(List.of(ModelConfig.of("p", "m")));
        List<String> scorers = new ArrayList<>(List.of("exact"));
        PlanSnapshot s = new PlanSnapshot("triage", prompts, models, 1, "ab12", 1, 1, scorers);

        prompts.add(Prompt.named("b"));
        models.add(ModelConfig.of("p", "n"));
        scorers.add("f1");

        assertThat(s.prompts()).hasSize(1);
        assertThat(s.models()).hasSize(1);
        assertThat(s.scorers()).containsExactly("exact");
        assertThatThrownBy(() -> s.prompts().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.models().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.scorers().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullNameAndFingerprintAreRefusedNamingTheComponent() {
        assertThatThrownBy(() -> new PlanSnapshot(null, List.of(), List.of(), 0, "x", 1, 1, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> new PlanSnapshot("n", List.of(), List.of(), 0, null, 1, 1, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("trialsFingerprint");
    }

    @Test
    void nullListsAreRefusedNamingTheComponent() {
        assertThatThrownBy(() -> new PlanSnapshot("n", null, List.of(), 0, "x", 1, 1, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("prompts");
        assertThatThrownBy(() -> new PlanSnapshot("n", List.of(), null, 0, "x", 1, 1, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("models");
        assertThatThrownBy(() -> new PlanSnapshot("n", List.of(), List.of(), 0, "x", 1, 1, null))
                .isInstanceOf(NullPointerException.class).hasMessage("scorers");
    }
}
