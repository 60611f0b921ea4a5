package dev.bench4j.scoring.internal;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Normalization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * 1.0 if the normalized output contains every ({@code all}) or at least one of the normalized
 * expected strings. Every expected string is checked before any is looked for, so a bad item is
 * reported whatever the output.
 */
record ContainsScorer(String name, Normalization normalization, boolean all) implements Scorer {

    ContainsScorer {
        Names.check(name);
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
            score = Score.pass(all ? needles.stream().allMatch(output::contains) : needles.stream().anyMatch(output::contains));
        } catch (Unscorable e) {
            score = Score.error(e.getMessage());
        }
        return CompletableFuture.completedFuture(score);
    }
}
