package dev.bench4j.core.spi;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Turns texts into embedding vectors, for scorers that compare meanings (e.g. the
 * {@code embedding_similarity} scorer of {@code bench-embeddings}). An in-process model (ONNX) or an
 * API one (an HTTP embeddings endpoint) may implement it; {@link EmbeddingModelFactory} makes them
 * by name.
 *
 * <p>{@link #embed} is called on a run's own thread, so it must not block: a model that computes
 * or calls for a while completes the stage later, on a thread of its own. A model is shared by the
 * scorers that use it and may be called concurrently.
 */
public interface EmbeddingModel {

    /**
     * Returns the model's name, recorded in the settings of the scorers that use it, e.g.
     * {@code all-minilm-l6-v2}.
     *
     * @return the name
     */
    String name();

    /**
     * Embeds texts, one vector per text, in order; all vectors have the same length. The caller
     * must not change the arrays.
     *
     * @param texts the texts, none blank (a scorer scores a blank output itself)
     * @return a stage completed with the vectors, or failed if the model could not embed the texts
     * @throws NullPointerException if {@code texts} or one of them is {@code null}
     * @throws IllegalArgumentException if a text is blank (a model may embed blank texts instead)
     */
    CompletionStage<List<float[]>> embed(List<String> texts);
}
