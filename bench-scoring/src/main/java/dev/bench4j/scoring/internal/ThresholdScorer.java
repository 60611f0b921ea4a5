package dev.bench4j.scoring.internal;

import dev.bench4j.core.Result;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.TokenKind;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * 1.0 if a figure of the result (latency in ms, cost in USD, input, output or total tokens) is at
 * most a limit, else 0.0; an unknown figure is an error, never 0 or 1. The details hold the figure
 * and the limit.
 */
record ThresholdScorer(String name, Figure figure, double limit) implements Scorer {

    /** The figure a threshold is on. */
    enum Figure {
        /** The latency, in milliseconds. */
        LATENCY_MS("latency_ms", "the result's latency is unknown", "latency_under", "max_ms", null),
        /** The cost, in USD. */
        COST_USD("cost_usd", "the result's cost is unknown", "cost_under", "max_usd", null),
        /** The input tokens. */
        INPUT_TOKENS("input_tokens", tokensUnknown(TokenKind.INPUT), "tokens_under", "max_tokens", TokenKind.INPUT),
        /** The output tokens. */
        OUTPUT_TOKENS("output_tokens", tokensUnknown(TokenKind.OUTPUT), "tokens_under", "max_tokens", TokenKind.OUTPUT),
        /** The total tokens. */
        TOTAL_TOKENS("total_tokens", tokensUnknown(TokenKind.TOTAL), "tokens_under", "max_tokens", TokenKind.TOTAL);

        private final String detail;
        private final String unknown;
        private final String type;
        private final String option;
        private final TokenKind tokens;

        Figure(String detail, String unknown, String type, String option, TokenKind tokens) {
            this.detail = detail;
            this.unknown = unknown;
            this.type = type;
            this.option = option;
            this.tokens = tokens;
        }

        private static String tokensUnknown(TokenKind kind) {
            return "the result's " + kind.planName() + " tokens are unknown: the provider did not report them";
        }

        /** Returns the figure of a kind of tokens. */
        static Figure tokens(TokenKind kind) {
            return switch (Objects.requireNonNull(kind, "kind")) {
                case INPUT -> INPUT_TOKENS;
                case OUTPUT -> OUTPUT_TOKENS;
                case TOTAL -> TOTAL_TOKENS;
            };
        }

        OptionalDouble of(Result result) {
            if (tokens != null) {
                var count = tokens.count(result.usage());
                return count.isPresent() ? OptionalDouble.of(count.getAsLong()) : OptionalDouble.empty();
            }
            return this == LATENCY_MS ? OptionalDouble.of(result.latency().toNanos() / 1e6) : result.costUsd();
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
        Score score = value.isEmpty() ? Score.error(figure.unknown)
                : Score.pass(value.getAsDouble() <= limit).withDetail(figure.detail, value.getAsDouble())
                        .withDetail("limit", limit);
        return CompletableFuture.completedFuture(score);
    }

    @Override
    public Map<String, Object> settings() {
        ScorerSettings settings = ScorerSettings.of(figure.type).putNumber(figure.option, limit);
        if (figure.tokens != null) {
            settings.put("tokens", figure.tokens.planName());
        }
        return settings.map();
    }
}
