package dev.bench4j.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.EmbeddingModel;
import dev.bench4j.core.spi.Scorer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The scorer's arithmetic, caching and refusals, on a small scripted embedding model. */
class EmbeddingScorersTest {

    /**
     * Embeds a text as a fixed vector by its first word (anything else: {@code [0, 0, 1]}), records
     * every text it is asked for, and fails on "boom" while {@code failing} is set.
     */
    private static final class ScriptedModel implements EmbeddingModel {
        final List<String> embedded = Collections.synchronizedList(new ArrayList<>());
        boolean failing;

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public CompletionStage<List<float[]>> embed(List<String> texts) {
            embedded.addAll(texts);
            if (failing && texts.contains("boom")) {
                return CompletableFuture.failedFuture(new IllegalStateException("model down"));
            }
            return CompletableFuture.completedFuture(texts.stream().map(ScriptedModel::vector).toList());
        }

        private static float[] vector(String text) {
            return switch (text.split(" ")[0]) {
                case "east" -> new float[] {1, 0, 0};
                case "northeast" -> new float[] {3, 4, 0}; // cosine with east: 0.6
                case "west" -> new float[] {-1, 0, 0};
                case "zero" -> new float[] {0, 0, 0};
                default -> new float[] {0, 0, 1};
            };
        }
    }

    private final ScriptedModel model = new ScriptedModel();

    @Test
    void theScoreIsTheCosineAndANegativeCosineScoresZero() {
        Scorer scorer = EmbeddingScorers.cosine(model);

        Score northeast = Requests.score(scorer, "northeast", "east");
        Score west = Requests.score(scorer, "west", "east");

        assertThat(northeast.value().getAsDouble()).isCloseTo(0.6, Offset.offset(1e-12));
        assertThat(northeast.details()).containsOnlyKeys("cosine");
        assertThat(west.value()).hasValue(0.0);
        assertThat(west.details()).containsEntry("cosine", -1.0);
    }

    @Test
    void aThresholdTurnsTheCosineIntoPassOrFail() {
        Scorer scorer = EmbeddingScorers.cosine("close", model, OptionalDouble.of(0.6));

        assertThat(Requests.score(scorer, "northeast", "east").value()).hasValue(1.0);
        assertThat(Requests.score(scorer, "other", "east").value()).hasValue(0.0);
        assertThat(Requests.score(scorer, "other", "east").details()).containsEntry("threshold", 0.6)
                .containsEntry("cosine", 0.0);
    }

    @Test
    void eachExpectedTextIsEmbeddedOncePerScorer() {
        Scorer scorer = EmbeddingScorers.cosine(model);

        Requests.score(scorer, "northeast one", "east");
        Requests.score(scorer, "northeast two", "east");
        Requests.score(scorer, "west", "east");
        Requests.score(scorer, "west", "other");

        assertThat(model.embedded).filteredOn("east"::equals).hasSize(1);
        assertThat(model.embedded).filteredOn("other"::equals).hasSize(1);
        assertThat(model.embedded).filteredOn("west"::equals).hasSize(2);
    }

    @Test
    void aFailedEmbeddingFailsTheScoreAndAFailedExpectedTextIsEmbeddedAgainNextTime() {
        Scorer scorer = EmbeddingScorers.cosine(model);
        model.failing = true;

        assertThatThrownBy(() -> Requests.score(scorer, "east", "boom")).isInstanceOf(CompletionException.class)
                .hasRootCauseMessage("model down");
        model.failing = false;

        assertThat(Requests.score(scorer, "east", "boom").value()).hasValue(0.0);
        assertThat(model.embedded).filteredOn("boom"::equals).hasSize(2);
    }

    @Test
    void aZeroVectorFailsTheScoreNamingWhy() {
        assertThatThrownBy(() -> Requests.score(EmbeddingScorers.cosine(model), "zero", "east"))
                .hasRootCauseMessage("an embedding is the zero vector: no direction to compare");
    }

    @Test
    void aTrialWithoutAnExpectedStringIsAnErrorAndABlankOutputScoresZeroWithoutAModelCall() {
        Scorer scorer = EmbeddingScorers.cosine(model);

        Score none = scorer.score(Requests.of("east", Optional.empty())).toCompletableFuture().join();
        Score list = Requests.score(scorer, "east", List.of("east"));
        Score blankExpected = Requests.score(scorer, "east", " ");
        Score blankOutput = Requests.score(scorer, "  \n", "east");

        assertThat(none.error()).hasValue("trial 't1' has no expected value");
        assertThat(list.error()).hasValue("trial 't1' expected value must be a string for embedding similarity");
        assertThat(blankExpected.error()).hasValue("trial 't1' expected value is blank");
        assertThat(blankOutput.value()).hasValue(0.0);
        assertThat(blankOutput.reason()).hasValue("the output is blank");
        assertThat(model.embedded).isEmpty();
    }

    @Test
    void theSettingsNameTheModelAndTheThreshold() {
        assertThat(EmbeddingScorers.cosine(model).settings())
                .isEqualTo(Map.of("type", "embedding_similarity", "model", "scripted"));
        assertThat(EmbeddingScorers.cosine("s", model, OptionalDouble.of(0.75)).settings())
                .isEqualTo(Map.of("type", "embedding_similarity", "model", "scripted", "threshold", 0.75));
        assertThat(EmbeddingScorers.cosine("s", model, OptionalDouble.of(1)).settings())
                .containsEntry("threshold", 1L);
        assertThat(EmbeddingScorers.cosine(model).name()).isEqualTo("embedding_similarity");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> EmbeddingScorers.cosine(" ", model, OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("scorer name must not be blank");
        assertThatThrownBy(() -> EmbeddingScorers.cosine("s", model, OptionalDouble.of(1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threshold must be in [0, 1] but was 1.5");
        assertThatThrownBy(() -> EmbeddingScorers.cosine("s", model, OptionalDouble.of(Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmbeddingScorers.cosine(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("model");
        assertThatThrownBy(() -> EmbeddingModels.allMiniLmL6V2(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("executor");
    }
}
