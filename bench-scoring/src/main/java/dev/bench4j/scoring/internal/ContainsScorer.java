package dev.bench4j.scoring.internal;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Normalization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * 1.0 if the normalized output contains every ({@code contains}, {@code contains_all}) or at least
 * one ({@code contains_any}) of the normalized expected strings. Every expected string is checked
 * before any is looked for, so a bad item is reported whatever the output.
 */
record ContainsScorer(String name, Normalization normalization, Kind kind) implements Scorer {

    /** The plan-file types of the scorer, and whether each needs all expected strings. */
    enum Kind {
        /** {@code contains}: every expected string. */
        CONTAINS("contains", true),
        /** {@code contains_all}: every expected string, as {@code contains}. */
        CONTAINS_ALL("contains_all", true),
        /** {@code contains_any}: at least one expected string. */
        CONTAINS_ANY("contains_any", false);

        private final String type;
        private final boolean all;

        Kind(String type, boolean all) {
            this.type = type;
            this.all = all;
        }
    }

    ContainsScorer {
        Names.check(name);
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        Score score;
        try {
            List<String> needles = new ArrayList<>();
            for (Map.Entry<String, String> e : Expected.texts(request).entrySet()) {
                String needle = normalization.apply(e.getValue());
                if (needle.isEmpty()) {
                    throw new Unscorable(e.getKey() + " is empty after normalization");
                }
                needles.add(needle);
            }
            String output = normalization.apply(request.output());
            score = Score.pass(kind.all ? needles.stream().allMatch(output::contains) : needles.stream().anyMatch(output::contains));
        } catch (Unscorable e) {
            score = Score.error(e.getMessage());
        }
        return CompletableFuture.completedFuture(score);
    }

    @Override
    public Map<String, Object> settings() {
        return ScorerSettings.of(kind.type).normalization(normalization).map();
    }
}
