package dev.bench4j.embeddings.internal;

import dev.bench4j.core.spi.EmbeddingModel;
import dev.bench4j.core.spi.EmbeddingModelFactory;
import java.util.concurrent.ForkJoinPool;

/** Makes the in-process all-MiniLM-L6-v2 model, named {@code all-minilm-l6-v2}, computing on the common pool. */
public final class MiniLmEmbeddingModelFactory implements EmbeddingModelFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public MiniLmEmbeddingModelFactory() {
    }

    @Override
    public String name() {
        return "all-minilm-l6-v2";
    }

    /**
     * Creates the model.
     *
     * @return the model
     * @throws IllegalStateException if the model cannot be loaded
     */
    @Override
    public EmbeddingModel create() {
        return InProcessEmbeddingModel.allMiniLmL6V2(ForkJoinPool.commonPool());
    }
}
