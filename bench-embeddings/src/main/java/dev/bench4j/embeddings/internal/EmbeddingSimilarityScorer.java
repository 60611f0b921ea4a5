package dev.bench4j.embeddings.internal;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.EmbeddingModel;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Scores the cosine similarity of the output's and the expected text's embeddings, clamped to [0, 1]
 * (or 1.0 / 0.0 against a threshold); {@code dev.bench4j.embeddings.EmbeddingScorers} documents it.
 * The expected texts' embeddings are cached, so each is computed once per scorer (a failed one is
 * computed again next time).
 */
public final class EmbeddingSimilarityScorer implements Scorer {

    /** How many expected texts' embeddings a scorer keeps (384 floats each for MiniLM: about 15 MB). */
    static final long CACHED_EXPECTED = 10_000;

    private final String name;
    private final EmbeddingModel model;
    private final OptionalDouble threshold;
    private final AsyncCache<String, float[]> expected;

    /**
     * Creates the scorer.
     *
     * @param name the scorer's name
     * @param model the embedding model
     * @param threshold if present, the cosine from which a result passes, in [0, 1]
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank or the threshold is outside [0, 1]
     */
    public EmbeddingSimilarityScorer(String name, EmbeddingModel model, OptionalDouble threshold) {
        this.name = Objects.requireNonNull(name, "name");
        this.model = Objects.requireNonNull(model, "model");
        this.threshold = Objects.requireNonNull(threshold, "threshold");
        if (name.isBlank()) {
            throw new IllegalArgumentException("scorer name must not be blank");
        }
        if (threshold.isPresent() && !(threshold.getAsDouble() >= 0 && threshold.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1] but was " + threshold.getAsDouble());
        }
        this.expected = Caffeine.newBuilder().maximumSize(CACHED_EXPECTED).buildAsync();
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Embeds the output (and the expected text, unless cached) and scores their cosine.
     *
     * @param request the result and its trial
     * @return the score; an error if the trial has no expected string
     */
    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        String trial = "trial '" + request.trial().id() + "'";
        Object value = request.trial().expected().orElse(null);
        if (!(value instanceof String text)) {
            return CompletableFuture.completedFuture(Score.error(value == null ? trial + " has no expected value"
                    : trial + " expected value must be a string for embedding similarity"));
        }
        if (text.isBlank()) {
            return CompletableFuture.completedFuture(Score.error(trial + " expected value is blank"));
        }
        if (request.output().isBlank()) {
            return CompletableFuture.completedFuture(Score.of(0.0).withReason("the output is blank"));
        }
        CompletableFuture<float[]> gold = expected.get(text, (t, executor) -> first(t));
        return first(request.output()).thenCombine(gold, this::score);
    }

    private CompletableFuture<float[]> first(String text) {
        return model.embed(List.of(text)).toCompletableFuture().thenApply(vectors -> {
            if (vectors.size() != 1) {
                throw new IllegalStateException("embedding model " + model.name() + " returned " + vectors.size()
                        + " vectors for 1 text");
            }
            return vectors.get(0);
        });
    }

    private Score score(float[] output, float[] gold) {
        double cosine = cosine(output, gold);
        double similarity = Math.max(0.0, Math.min(1.0, cosine));
        if (threshold.isEmpty()) {
            return Score.of(similarity).withDetail("cosine", cosine);
        }
        return Score.pass(cosine >= threshold.getAsDouble()).withDetail("cosine", cosine)
                .withDetail("threshold", threshold.getAsDouble());
    }

    /**
     * Returns the cosine of two vectors, in [-1, 1].
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return the cosine
     * @throws IllegalArgumentException if the lengths differ or a vector is zero
     */
    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embeddings of different lengths: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        if (aa == 0 || bb == 0) {
            throw new IllegalArgumentException("an embedding is the zero vector: no direction to compare");
        }
        return Math.max(-1.0, Math.min(1.0, dot / Math.sqrt(aa * bb)));
    }

    /**
     * Returns the type, the model's name and the threshold, if any (as a plan file writes it: 0.8, 1).
     *
     * @return the settings
     */
    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("type", "embedding_similarity");
        settings.put("model", model.name());
        // a number as a plan file writes it: a whole one as a Long
        threshold.ifPresent(t -> settings.put("threshold", t == Math.rint(t) ? (Object) (long) t : (Object) t));
        return Map.copyOf(settings);
    }

    @Override
    public String toString() {
        return "EmbeddingSimilarityScorer[" + name + ", " + model.name() + "]";
    }
}
