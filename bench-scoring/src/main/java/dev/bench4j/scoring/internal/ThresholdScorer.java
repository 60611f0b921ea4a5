package dev.bench4j.scoring.internal;

import dev.bench4j.core.Result;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * 1.0 if a figure of the result (latency in ms, cost in USD, total tokens) is at most a limit, else
 * 0.0; an unknown figure is an error. The details hold the figure and the limit.
 */
record ThresholdScorer(String name, Figure figure, double limit) implements Scorer {

    /** The figure a threshold is on. */
    enum Figure {
        /** The latency, in milliseconds. */
        LATENCY_MS("latency_ms", "latency", "latency_under", "max_ms"),
        /** The cost, in USD. */
        COST_USD("cost_usd", "cost", "cost_under", "max_usd"),
        /** The total tokens. */
        TOTAL_TOKENS("total_tokens", "total tokens", "tokens_under", "max_tokens");

        private final String detail;
        private final String words;
        private final String type;
        private final String option;

        Figure(String detail, String words, String type, String option) {
            this.detail = detail;
            this.words = words;
            this.type = type;
            this.option = option;
        }

        OptionalDouble of(Result result) {
            return switch (this) {
                case LATENCY_MS -> OptionalDouble.of(result.latency().toNanos() / 1e6);
                case COST_USD -> result.costUsd();
                case TOTAL_TOKENS -> {
                    var total = result.usage().totalTokens();
                    yield total.isPresent() ? OptionalDouble.of(total.getAsLong()) : OptionalDouble.empty();
                }
            };
        }
    }

    ThresholdScorer {
        Names.check(name);
        Objects.requireNonNull(figure, "figure");
        if (!Double.isFinite(limit) || limit < 0) {
            throw new IllegalArgumentException("limit must be a finite number >= 0 but was " + limit);
        }
    }

    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        OptionalDouble value = figure.of(request.result());
        Score score = value.isEmpty() ? Score.error("the result's " + figure.words + " is unknown")
                : Score.pass(value.getAsDouble() <= limit).withDetail(figure.detail, value.getAsDouble())
                        .withDetail("limit", limit);
        return CompletableFuture.completedFuture(score);
    }

    @Override
    public Map<String, Object> settings() {
        return ScorerSettings.of(figure.type).putNumber(figure.option, limit).map();
    }
}
