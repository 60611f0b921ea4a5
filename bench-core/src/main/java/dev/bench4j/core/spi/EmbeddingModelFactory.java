package dev.bench4j.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Makes an {@link EmbeddingModel} of one name, found with {@link java.util.ServiceLoader}
 * (register the class in {@code META-INF/services/dev.bench4j.core.spi.EmbeddingModelFactory}), so a
 * plan file can name the model an embedding scorer uses, e.g. {@code "model": "all-minilm-l6-v2"}
 * from {@code bench-embeddings}.
 */
public interface EmbeddingModelFactory {

    /**
     * Returns the model's name, as plan files write it, e.g. {@code all-minilm-l6-v2}.
     *
     * @return the name
     */
    String name();

    /**
     * Creates the model. An in-process model loads its weights here, which may take a while.
     *
     * @return the model
     * @throws IllegalStateException if the model cannot be loaded
     */
    EmbeddingModel create();

    /**
     * Finds an installed factory by name, through the context class loader and bench4j's own; the
     * first of two factories with one name wins.
     *
     * @param name the model's name
     * @return the factory, or empty if none of that name is installed
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws java.util.ServiceConfigurationError if a registration is broken
     */
    static Optional<EmbeddingModelFactory> find(String name) {
        Objects.requireNonNull(name, "name");
        return Optional.ofNullable(installed().get(name));
    }

    /**
     * Returns the names of the installed factories, sorted.
     *
     * @return the names
     * @throws java.util.ServiceConfigurationError if a registration is broken
     */
    static List<String> names() {
        return List.copyOf(installed().keySet());
    }

    private static TreeMap<String, EmbeddingModelFactory> installed() {
        List<ClassLoader> loaders = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        loaders.add(EmbeddingModelFactory.class.getClassLoader());
        TreeMap<String, EmbeddingModelFactory> found = new TreeMap<>();
        for (ClassLoader loader : loaders) {
            for (EmbeddingModelFactory factory : ServiceLoader.load(EmbeddingModelFactory.class, loader)) {
                found.putIfAbsent(factory.name(), factory);
            }
        }
        return found;
    }
}
