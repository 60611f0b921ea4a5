package dev.bench4j.scoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * 1.0 if the JSON value at {@code pointer} in the output equals the one at {@code expectedPointer}
 * in the expected value; numbers are equal when their decimal values are ({@code 1}, {@code 1.0},
 * {@code 1e0}), at any depth. An output that is not JSON or lacks the value scores 0.0 with a
 * reason; an expected value that lacks it is an error.
 */
record JsonFieldEqualsScorer(String name, String pointer, String expectedPointer) implements Scorer {

    /** 0 for equal leaves: numbers by decimal value, others by equals. */
    private static final Comparator<JsonNode> LEAVES = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    };

    JsonFieldEqualsScorer {
        Names.check(name);
        checkPointer("pointer", pointer);
        checkPointer("expectedPointer", expectedPointer);
    }

    private static void checkPointer(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!value.isEmpty() && !value.startsWith("/")) {
            throw new IllegalArgumentException(what + " must be a JSON Pointer (\"\" or starting with \"/\") but was \""
                    + value + "\"");
        }
    }

    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        Score score;
        try {
            String trial = "trial '" + request.trial().id() + "'";
            JsonNode expected = Json.tree(Expected.of(request)).at(expectedPointer);
            if (expected.isMissingNode()) {
                throw new Unscorable(trial + " expected value has nothing at pointer \"" + expectedPointer + "\"");
            }
            JsonNode output;
            try {
                output = Json.parseOutput(request.output());
            } catch (Unscorable e) {
                return CompletableFuture.completedFuture(Score.pass(false).withReason(e.getMessage()));
            }
            JsonNode actual = output.at(pointer);
            if (actual.isMissingNode()) {
                score = Score.pass(false).withReason("output has nothing at pointer \"" + pointer + "\"");
            } else {
                score = Score.pass(actual.equals(LEAVES, expected));
            }
        } catch (Unscorable e) {
            score = Score.error(e.getMessage());
        }
        return CompletableFuture.completedFuture(score);
    }

    @Override
    public Map<String, Object> settings() {
        return ScorerSettings.of("json_field_equals").put("pointer", pointer).put("expected_pointer", expectedPointer).map();
    }
}
