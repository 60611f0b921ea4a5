package dev.bench4j.embeddings.internal;

/** Makes the quantized in-process all-MiniLM-L6-v2 model, named {@code all-minilm-l6-v2-q}, computing on the common pool. */
public final class QuantizedMiniLmEmbeddingModelFactory extends InProcessModelFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public QuantizedMiniLmEmbeddingModelFactory() {
        super("all-minilm-l6-v2-q", InProcessEmbeddingModel::allMiniLmL6V2Quantized);
    }
}
