package dev.bench4j.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Run;
import dev.bench4j.core.spi.EmbeddingModelFactory;
import dev.bench4j.core.spi.ScorerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan-file type and the embedding models, found with ServiceLoader, in a real run on the echo provider. */
class EmbeddingPlanFileTest {

    private static ScorerFactory factory() {
        return ServiceLoader.load(ScorerFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals("embedding_similarity")).findFirst().orElseThrow();
    }

    @Test
    void bothInProcessModelsAreInstalledByName() {
        assertThat(EmbeddingModelFactory.names()).contains("all-minilm-l6-v2", "all-minilm-l6-v2-q");
        assertThat(EmbeddingModelFactory.find("all-minilm-l6-v2-q").orElseThrow().create().name())
                .isEqualTo("all-minilm-l6-v2-q");
        assertThat(EmbeddingModelFactory.find("all-minilm")).isEmpty();
    }

    @Test
    void aPlanFileScoresEachTrialByMeaning(@TempDir Path dir) throws Exception {
        // the echo provider answers with the rendered user message, i.e. the trial's "answer"
        Path plan = Files.writeString(dir.resolve("plan.json"), """
                {"name": "meaning", "prompts": [{"name": "p", "messages": [{"role": "user", "content": "{{answer}}"}]}],
                 "models": [{"provider": "echo", "model": "e"}],
                 "trials": [{"id": "same", "vars": {"answer": "A person plays the guitar."},
                             "expected": "A man is playing a guitar."},
                            {"id": "other", "vars": {"answer": "The cat sits on the mat."},
                             "expected": "A man is playing a guitar."}],
                 "scorers": [{"type": "embedding_similarity", "name": "meaning", "threshold": 0.8,
                              "model": "all-minilm-l6-v2-q"}]}
                """);

        Run run = PlanFile.load(plan).build().run();

        assertThat(run.results()).extracting(r -> r.cell().trial() + "=" + r.score("meaning").orElseThrow())
                .containsExactlyInAnyOrder("same=1.0", "other=0.0");
        assertThat(run.info().plan().scorerSettings().get("meaning")).isEqualTo(
                Map.of("type", "embedding_similarity", "model", "all-minilm-l6-v2-q", "threshold", 0.8));
    }

    @Test
    void badOptionsAreRefusedNamingTheOptionAndTheInstalledModels(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> factory().create(Map.of("treshold", 0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("embedding_similarity scorer: unknown option 'treshold' (did you mean 'threshold'?);"
                        + " allowed: [model, name, threshold]");
        assertThatThrownBy(() -> factory().create(Map.of("threshold", 2)))
                .hasMessage("embedding_similarity scorer: option 'threshold' must be a number in [0, 1] but was 2");
        assertThatThrownBy(() -> factory().create(Map.of("model", 3)))
                .hasMessage("embedding_similarity scorer: option 'model' must be a non-blank string but was 3");
        assertThatThrownBy(() -> factory().create(Map.of("model", "text-embedding-3-small")))
                .hasMessageStartingWith("embedding_similarity scorer: no embedding model 'text-embedding-3-small' is"
                        + " installed; installed: [all-minilm-l6-v2, all-minilm-l6-v2-q");

        Path plan = Files.writeString(dir.resolve("plan.json"), """
                {"name": "bad", "prompts": [{"name": "p", "messages": [{"role": "user", "content": "{{x}}"}]}],
                 "models": [{"provider": "echo", "model": "e"}], "trials": [{"id": "a", "vars": {"x": "5"}}],
                 "scorers": [{"type": "embedding_similarity", "threshold": -0.1}]}
                """);
        assertThatThrownBy(() -> PlanFile.load(plan)).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("field 'scorers[0]' (embedding_similarity)")
                .hasMessageContaining("option 'threshold' must be a number in [0, 1] but was -0.1");
    }
}
