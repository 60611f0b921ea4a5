package dev.bench4j.embeddings.internal;

/** Makes the in-process all-MiniLM-L6-v2 model, named {@code all-minilm-l6-v2}, computing on the common pool. */
public final class MiniLmEmbeddingModelFactory extends InProcessModelFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public MiniLmEmbeddingModelFactory() {
        super("all-minilm-l6-v2", InProcessEmbeddingModel::allMiniLmL6V2);
    }
}
