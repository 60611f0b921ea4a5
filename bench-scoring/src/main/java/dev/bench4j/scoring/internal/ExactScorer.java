package dev.bench4j.scoring.internal;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Normalization;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** 1.0 if the normalized output equals the normalized expected string (or number or boolean JSON text). */
record ExactScorer(String name, Normalization normalization) implements Scorer {

    ExactScorer {
        Names.check(name);
        Objects.requireNonNull(normalization, "normalization");
    }

    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        Score score;
        try {
            String trial = "trial '" + request.trial().id() + "'";
            String expected = Expected.scalarText(Expected.of(request), trial + " expected value");
            score = Score.pass(normalization.apply(request.output()).equals(normalization.apply(expected)));
        } catch (Unscorable e) {
            score = Score.error(e.getMessage());
        }
        return CompletableFuture.completedFuture(score);
    }

    @Override
    public Map<String, Object> settings() {
        return ScorerSettings.of("exact").normalization(normalization).map();
    }
}
