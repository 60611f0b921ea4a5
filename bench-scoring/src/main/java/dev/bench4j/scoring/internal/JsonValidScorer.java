package dev.bench4j.scoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** 1.0 if the output, without a surrounding fenced block, is one JSON value (an object, if {@code object}). */
record JsonValidScorer(String name, boolean object) implements Scorer {

    JsonValidScorer {
        Names.check(name);
    }

    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        Score score;
        try {
            JsonNode node = Json.parseOutput(request.output());
            score = !object || node.isObject() ? Score.pass(true)
                    : Score.pass(false).withReason("output is " + Json.kind(node) + ", not an object");
        } catch (Unscorable e) {
            score = Score.pass(false).withReason(e.getMessage());
        }
        return CompletableFuture.completedFuture(score);
    }

    @Override
    public Map<String, Object> settings() {
        return ScorerSettings.of("json_valid").put("object", object).map();
    }
}
