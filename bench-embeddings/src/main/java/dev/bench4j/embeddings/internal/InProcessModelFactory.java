package dev.bench4j.embeddings.internal;

import dev.bench4j.core.spi.EmbeddingModel;
import dev.bench4j.core.spi.EmbeddingModelFactory;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/** Makes one in-process model by name, computing on the common fork-join pool. */
abstract class InProcessModelFactory implements EmbeddingModelFactory {

    private final String name;
    private final Function<Executor, InProcessEmbeddingModel> loader;

    InProcessModelFactory(String name, Function<Executor, InProcessEmbeddingModel> loader) {
        this.name = Objects.requireNonNull(name, "name");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Override
    public final String name() {
        return name;
    }

    /**
     * Creates the model.
     *
     * @return the model
     * @throws IllegalStateException if the model cannot be loaded
     */
    @Override
    public final EmbeddingModel create() {
        return loader.apply(ForkJoinPool.commonPool());
    }
}
