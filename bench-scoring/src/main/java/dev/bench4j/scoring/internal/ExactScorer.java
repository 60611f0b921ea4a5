package dev.bench4j.scoring.internal;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Normalization;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * 1.0 if the normalized output equals the normalized expected string (or number or boolean JSON
 * text). A value class over {@code name} and {@code normalization} (a class rather than a record
 * only to hold the normalized expected strings, which are remembered across cells).
 */
final class ExactScorer implements Scorer {

    private final String name;
    private final Normalization normalization;
    private final NormalizedTexts expectedTexts;

    ExactScorer(String name, Normalization normalization) {
        Names.check(name);
        this.name = name;
        this.normalization = Objects.requireNonNull(normalization, "normalization");
        this.expectedTexts = new NormalizedTexts(normalization);
    }

    @Override
    public String name() {
        return name;
    }

    Normalization normalization() {
        return normalization;
    }

    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        Score score;
        try {
            String expected = Expected.scalarText(Expected.of(request), request, Expected.WHOLE);
            score = Score.pass(normalization.apply(request.output()).equals(expectedTexts.apply(expected)));
        } catch (Unscorable e) {
            score = Score.error(e.getMessage());
        }
        return CompletableFuture.completedFuture(score);
    }

    @Override
    public Map<String, Object> settings() {
        return ScorerSettings.of("exact").normalization(normalization).map();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExactScorer e && name.equals(e.name) && normalization.equals(e.normalization);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, normalization);
    }

    @Override
    public String toString() {
        return "ExactScorer[name=" + name + ", normalization=" + normalization + "]";
    }
}
