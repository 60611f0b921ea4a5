package dev.bench4j.embeddings.internal;

import dev.bench4j.core.spi.EmbeddingModelFactory;
import dev.bench4j.core.spi.Names;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes scorers of type {@code embedding_similarity} ({@code EmbeddingScorers.cosine}). Options:
 * {@code name} (default {@code embedding_similarity}), {@code model} (an installed embedding model,
 * default {@code all-minilm-l6-v2}) and {@code threshold} (a number in [0, 1]; absent: the score is
 * the clamped cosine).
 */
public final class EmbeddingSimilarityScorerFactory implements ScorerFactory {

    private static final String TYPE = "embedding_similarity";
    private static final Set<String> KEYS = Set.of("name", "model", "threshold");

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public EmbeddingSimilarityScorerFactory() {
    }

    /**
     * Returns {@code embedding_similarity}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Creates a scorer from plan-file options, loading its embedding model.
     *
     * @param options the options, without {@code type}
     * @return the scorer
     * @throws NullPointerException if {@code options} is {@code null}
     * @throws IllegalArgumentException if an option is unknown (the message lists the allowed ones), has
     *     a value of the wrong type or range, or names an embedding model that is not installed (the
     *     message lists the installed ones)
     * @throws IllegalStateException if the model cannot be loaded
     */
    @Override
    public Scorer create(Map<String, Object> options) {
        Objects.requireNonNull(options, "options");
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(TYPE + " scorer: unknown option '" + key + "'"
                        + Names.closest(key, KEYS).map(k -> " (did you mean '" + k + "'?)").orElse("")
                        + "; allowed: " + new TreeSet<>(KEYS));
            }
        }
        String name = string(options, "name", TYPE);
        String model = string(options, "model", "all-minilm-l6-v2");
        OptionalDouble threshold = OptionalDouble.empty();
        Object t = options.get("threshold");
        if (t != null) {
            if (!(t instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= 1)) {
                throw new IllegalArgumentException(TYPE + " scorer: option 'threshold' must be a number in [0, 1]"
                        + " but was " + t);
            }
            threshold = OptionalDouble.of(n.doubleValue());
        }
        EmbeddingModelFactory factory = EmbeddingModelFactory.find(model).orElseThrow(
                () -> new IllegalArgumentException(TYPE + " scorer: no embedding model '" + model
                        + "' is installed; installed: " + EmbeddingModelFactory.names()));
        return new EmbeddingSimilarityScorer(name, factory.create(), threshold);
    }

    private static String string(Map<String, Object> options, String key, String otherwise) {
        Object value = options.getOrDefault(key, otherwise);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(TYPE + " scorer: option '" + key + "' must be a non-blank string"
                    + " but was " + value);
        }
        return s;
    }
}
