package dev.bench4j.scoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Normalization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * 1.0 if the normalized output equals the normalized expected label. The score's reason is the JSON
 * object {@code {"predicted":"...","expected":"..."}} of the two normalized labels, which
 * {@link #labels(Score)} reads back for a confusion matrix.
 */
record ClassificationScorer(String name, Normalization normalization) implements Scorer {

    ClassificationScorer {
        Names.check(name);
        Objects.requireNonNull(normalization, "normalization");
    }

    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        Score score;
        try {
            String trial = "trial '" + request.trial().id() + "'";
            String expected = normalization.apply(Expected.scalarText(Expected.of(request), trial + " expected value"));
            if (expected.isEmpty()) {
                throw new Unscorable(trial + " expected label is empty after normalization");
            }
            String predicted = normalization.apply(request.output());
            Map<String, String> pair = new LinkedHashMap<>();
            pair.put("predicted", predicted);
            pair.put("expected", expected);
            score = Score.pass(predicted.equals(expected)).withReason(Json.text(pair));
        } catch (Unscorable e) {
            score = Score.error(e.getMessage());
        }
        return CompletableFuture.completedFuture(score);
    }

    @Override
    public Map<String, Object> settings() {
        return ScorerSettings.of("classification").normalization(normalization).map();
    }

    /**
     * Reads the (predicted, expected) labels of a classification score, or empty for an error score.
     *
     * @throws IllegalArgumentException if a score with a value has no such reason
     */
    static Optional<List<String>> labels(Score score) {
        if (score.value().isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonNode> node = score.reason().flatMap(Json::parseQuietly);
        if (node.isPresent() && node.get().path("predicted").isTextual() && node.get().path("expected").isTextual()) {
            return Optional.of(List.of(node.get().get("predicted").textValue(), node.get().get("expected").textValue()));
        }
        throw new IllegalArgumentException("score is not a classification score: its reason is "
                + score.reason().map(Json::text).orElse("absent"));
    }
}
