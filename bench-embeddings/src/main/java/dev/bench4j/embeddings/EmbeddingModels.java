package dev.bench4j.embeddings;

import dev.bench4j.core.spi.EmbeddingModel;
import dev.bench4j.embeddings.internal.InProcessEmbeddingModel;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * The in-process embedding models of this module: all-MiniLM-L6-v2 (384 dimensions, texts longer
 * than its 512 tokens are embedded in parts and averaged) in full precision and quantized, run with
 * ONNX Runtime from weights inside the jars. The weights are loaded once per JVM, on first use (about
 * a second); after that a model is cheap to create.
 *
 * <p>A model computes on an {@link Executor}, never on the caller's thread: {@link
 * ForkJoinPool#commonPool()} unless one is given.
 */
public final class EmbeddingModels {

    /** The name of {@link #allMiniLmL6V2()} in plan files. */
    public static final String ALL_MINILM_L6_V2 = "all-minilm-l6-v2";

    /** The name of {@link #allMiniLmL6V2Quantized()} in plan files. */
    public static final String ALL_MINILM_L6_V2_Q = "all-minilm-l6-v2-q";

    private EmbeddingModels() {
    }

    /**
     * Returns the all-MiniLM-L6-v2 model, computing on the common fork-join pool.
     *
     * @return the model, named {@value #ALL_MINILM_L6_V2}
     * @throws IllegalStateException if the model's weights or ONNX Runtime cannot be loaded
     */
    public static EmbeddingModel allMiniLmL6V2() {
        return allMiniLmL6V2(ForkJoinPool.commonPool());
    }

    /**
     * Returns the all-MiniLM-L6-v2 model, computing on an executor.
     *
     * @param executor runs the computations
     * @return the model, named {@value #ALL_MINILM_L6_V2}
     * @throws NullPointerException if {@code executor} is {@code null}
     * @throws IllegalStateException if the model's weights or ONNX Runtime cannot be loaded
     */
    public static EmbeddingModel allMiniLmL6V2(Executor executor) {
        return InProcessEmbeddingModel.allMiniLmL6V2(Objects.requireNonNull(executor, "executor"));
    }

    /**
     * Returns the quantized all-MiniLM-L6-v2 model (8-bit weights: a quarter of the size, slightly
     * different vectors), computing on the common fork-join pool.
     *
     * @return the model, named {@value #ALL_MINILM_L6_V2_Q}
     * @throws IllegalStateException if the model's weights or ONNX Runtime cannot be loaded
     */
    public static EmbeddingModel allMiniLmL6V2Quantized() {
        return allMiniLmL6V2Quantized(ForkJoinPool.commonPool());
    }

    /**
     * Returns the quantized all-MiniLM-L6-v2 model, computing on an executor.
     *
     * @param executor runs the computations
     * @return the model, named {@value #ALL_MINILM_L6_V2_Q}
     * @throws NullPointerException if {@code executor} is {@code null}
     * @throws IllegalStateException if the model's weights or ONNX Runtime cannot be loaded
     */
    public static EmbeddingModel allMiniLmL6V2Quantized(Executor executor) {
        return InProcessEmbeddingModel.allMiniLmL6V2Quantized(Objects.requireNonNull(executor, "executor"));
    }
}
