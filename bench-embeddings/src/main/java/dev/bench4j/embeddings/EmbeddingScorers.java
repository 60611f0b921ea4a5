package dev.bench4j.embeddings;

import dev.bench4j.core.spi.EmbeddingModel;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.embeddings.internal.EmbeddingSimilarityScorer;
import java.util.OptionalDouble;

/**
 * The {@code embedding_similarity} scorer: how close in meaning the output is to the trial's expected
 * text, as the cosine similarity of their embeddings.
 *
 * <p>The score is the cosine clamped to [0, 1]: a negative cosine (opposite directions, which
 * sentence models hardly ever give) scores 0, an output identical to the expected text scores 1. With
 * a threshold the score is 1.0 when the cosine is at least the threshold and 0.0 below it. Either way
 * the details hold the raw cosine ({@code cosine}, in [-1, 1]). A trial without an expected value, or
 * with one that is not a string, scores an error. Each expected text is embedded once per scorer (kept
 * in a bounded cache); the output is embedded for every result.
 *
 * <pre>{@code
 * plan.scorer(EmbeddingScorers.cosine());                  // all-MiniLM-L6-v2, score = cosine
 * plan.scorer(EmbeddingScorers.cosine("close_enough", myApiModel, OptionalDouble.of(0.8)));
 * }</pre>
 *
 * In a plan file: {@code {"type": "embedding_similarity", "model": "all-minilm-l6-v2", "threshold": 0.8}}
 * ({@code name}, {@code model} and {@code threshold} are optional; {@code model} is any installed
 * {@link dev.bench4j.core.spi.EmbeddingModelFactory}).
 */
public final class EmbeddingScorers {

    /** The scorer's plan-file type and default name. */
    public static final String TYPE = "embedding_similarity";

    private EmbeddingScorers() {
    }

    /**
     * Returns the scorer named {@value #TYPE} with the in-process all-MiniLM-L6-v2 model, scoring the
     * clamped cosine.
     *
     * @return the scorer
     * @throws IllegalStateException if the model cannot be loaded
     */
    public static Scorer cosine() {
        return cosine(EmbeddingModels.allMiniLmL6V2());
    }

    /**
     * Returns the scorer named {@value #TYPE} with an embedding model, scoring the clamped cosine.
     *
     * @param model the embedding model, e.g. an API one
     * @return the scorer
     * @throws NullPointerException if {@code model} is {@code null}
     */
    public static Scorer cosine(EmbeddingModel model) {
        return cosine(TYPE, model, OptionalDouble.empty());
    }

    /**
     * Returns a scorer with a name, an embedding model and an optional pass threshold.
     *
     * @param name the scorer's name
     * @param model the embedding model
     * @param threshold if present, the cosine from which the result passes (score 1.0, else 0.0), in [0, 1]
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank or the threshold is outside [0, 1]
     */
    public static Scorer cosine(String name, EmbeddingModel model, OptionalDouble threshold) {
        return new EmbeddingSimilarityScorer(name, model, threshold);
    }
}
