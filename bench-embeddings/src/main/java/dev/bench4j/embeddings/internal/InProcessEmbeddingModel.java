package dev.bench4j.embeddings.internal;

import dev.bench4j.core.spi.EmbeddingModel;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A LangChain4j in-process (ONNX) embedding model as a bench4j {@link EmbeddingModel}: each call
 * computes on the executor, never on the caller's thread.
 *
 * @param name the model's name
 * @param model the LangChain4j model
 * @param executor runs the computations
 */
public record InProcessEmbeddingModel(String name, dev.langchain4j.model.embedding.EmbeddingModel model,
        Executor executor) implements EmbeddingModel {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public InProcessEmbeddingModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(executor, "executor");
    }

    /**
     * Creates all-MiniLM-L6-v2, loading its weights on first use in the JVM.
     *
     * @param executor runs the computations
     * @return the model
     * @throws IllegalStateException if the weights or ONNX Runtime cannot be loaded
     */
    public static InProcessEmbeddingModel allMiniLmL6V2(Executor executor) {
        return load("all-minilm-l6-v2", AllMiniLmL6V2EmbeddingModel::new, executor);
    }

    /**
     * Creates the quantized all-MiniLM-L6-v2, loading its weights on first use in the JVM.
     *
     * @param executor runs the computations
     * @return the model
     * @throws IllegalStateException if the weights or ONNX Runtime cannot be loaded
     */
    public static InProcessEmbeddingModel allMiniLmL6V2Quantized(Executor executor) {
        return load("all-minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel::new, executor);
    }

    private static InProcessEmbeddingModel load(String name,
            Supplier<dev.langchain4j.model.embedding.EmbeddingModel> constructor, Executor executor) {
        try {
            // the model's own pool (threads time out when idle) splits one call's texts; ours runs the call,
            // so a call never waits on a pool it runs in
            return new InProcessEmbeddingModel(name, constructor.get(), executor);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("cannot load the embedding model " + name + ": " + e, e);
        }
    }

    private static TextSegment segment(String text) {
        if (Objects.requireNonNull(text, "text").isBlank()) {
            throw new IllegalArgumentException("cannot embed a blank text");
        }
        return TextSegment.from(text);
    }

    /**
     * Embeds texts on the executor.
     *
     * @param texts the texts
     * @return the vectors, in order
     * @throws NullPointerException if {@code texts} or one of them is {@code null}
     * @throws IllegalArgumentException if a text is blank
     */
    @Override
    public CompletionStage<List<float[]>> embed(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(InProcessEmbeddingModel::segment)
                .toList();
        return CompletableFuture.supplyAsync(
                () -> model.embedAll(segments).content().stream().map(Embedding::vector).toList(), executor);
    }
}
