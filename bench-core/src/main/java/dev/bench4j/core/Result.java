package dev.bench4j.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one cell produced: success or failure, every cell yields exactly one result.
 *
 * <p>A successful result has the output text, why the model stopped, the tokens used, latency,
 * cost, and scores. A failed one has an {@link #error()}: its output is empty and its finish reason
 * {@link FinishReason#ERROR}, except for {@link ErrorKind#EMPTY_OUTPUT}, which keeps {@code LENGTH}
 * and the tokens spent. {@link #attempts()} counts provider calls made for the cell; a result
 * served from the response cache has {@link #cached()} set and 0 attempts.
 *
 * <p>Results are made by the runner; build one yourself (e.g. in a test, or when reading answers
 * another system produced) with {@link #success}, {@link #failure} or {@link #builder}, and change a
 * copy with the {@code withX} methods or {@link #toBuilder()}. Prefer those to the canonical
 * constructor, whose long argument list may grow.
 *
 * @param cell which cell
 * @param output the model's text, empty on failure
 * @param finishReason why the model stopped, normalized
 * @param rawFinishReason the provider's own finish reason
 * @param usage the tokens used
 * @param timing when the cell started, its latency and time to first token
 * @param costUsd the cost of the response in USD; empty when the price or the usage is unknown
 * @param cached whether the response came from the response cache
 * @param attempts provider calls made for the cell (0 when cached)
 * @param modelVersion the model version the provider reported
 * @param error why the cell failed
 * @param scores scores by scorer name
 * @param metrics other figures the provider reported, by snake_case name with a unit suffix (Ollama's
 *     {@code load_duration_ms}, {@code eval_duration_ms}, ...), empty for none and for a result
 *     served from the cache (which, like its time to first token, describe another call)
 */
public record Result(CellId cell, String output, FinishReason finishReason, Optional<String> rawFinishReason,
        Usage usage, Timing timing, OptionalDouble costUsd, boolean cached, int attempts,
        Optional<String> modelVersion, Optional<ResultError> error, Map<String, Score> scores,
        Map<String, Double> metrics) {

    /**
     * When a cell started, how long it took, and how soon the first token came (streamed calls).
     *
     * @param startedAt when the cell was dispatched
     * @param latency from the start of the successful attempt (or the last one) to its end
     * @param timeToFirstToken from the start of the attempt to the first streamed token
     */
    public record Timing(Instant startedAt, Duration latency, Optional<Duration> timeToFirstToken) {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if a duration is negative
         */
        public Timing {
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must be >= 0 but was " + latency);
            }
            if (timeToFirstToken.isPresent() && timeToFirstToken.get().isNegative()) {
                throw new IllegalArgumentException("timeToFirstToken must be >= 0 but was " + timeToFirstToken.get());
            }
        }

        /**
         * Creates a timing without time to first token.
         *
         * @param startedAt when the cell was dispatched
         * @param latency how long the call took
         * @return the timing
         */
        public static Timing of(Instant startedAt, Duration latency) {
            return new Timing(startedAt, latency, Optional.empty());
        }
    }

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if attempts is negative, cost is negative or not finite, a
     *     failure's finish reason is not {@code ERROR} (or {@code LENGTH} for an empty output), a
     *     success's is {@code ERROR}, or a metric is not finite
     */
    public Result {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(rawFinishReason, "rawFinishReason");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(costUsd, "costUsd");
        if (costUsd.isPresent() && !(costUsd.getAsDouble() >= 0 && Double.isFinite(costUsd.getAsDouble()))) {
            throw new IllegalArgumentException("costUsd must be a finite number >= 0 but was " + costUsd.getAsDouble());
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0 but was " + attempts);
        }
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(error, "error");
        if (error.isPresent() && finishReason != FinishReason.ERROR) {
            boolean emptyOutput = error.get().kind() == ErrorKind.EMPTY_OUTPUT;
            if (!emptyOutput || finishReason != FinishReason.LENGTH) {
                throw new IllegalArgumentException("a failed result must have finish reason ERROR"
                        + (emptyOutput ? " (or LENGTH for empty_output)" : "") + " but had " + finishReason);
            }
        }
        if (error.isEmpty() && finishReason == FinishReason.ERROR) {
            throw new IllegalArgumentException("a result with finish reason ERROR must have an error");
        }
        Objects.requireNonNull(scores, "scores").forEach((name, score) -> {
            Objects.requireNonNull(name, "scores key");
            Objects.requireNonNull(score, "scores value");
        });
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        metrics = copyMetrics(metrics);
    }

    static Map<String, Double> copyMetrics(Map<String, Double> metrics) {
        Objects.requireNonNull(metrics, "metrics").forEach((name, value) -> {
            Objects.requireNonNull(name, "metrics key");
            Objects.requireNonNull(value, "metrics value");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("metric '" + name + "' must be a finite number but was " + value);
            }
        });
        return metrics.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * Creates a successful result with no usage, cost, version or scores.
     *
     * @param cell which cell
     * @param output the model's text
     * @param finishReason why the model stopped
     * @param timing when and how long
     * @return the result, with 1 attempt
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Result success(CellId cell, String output, FinishReason finishReason, Timing timing) {
        return new Result(cell, output, finishReason, Optional.empty(), Usage.unknown(), timing, OptionalDouble.empty(),
                false, 1, Optional.empty(), Optional.empty(), Map.of(), Map.of());
    }

    /**
     * Creates a failed result.
     *
     * @param cell which cell
     * @param error why it failed
     * @param timing when and how long
     * @param attempts provider calls made
     * @return the result
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code attempts} is negative
     */
    public static Result failure(CellId cell, ResultError error, Timing timing, int attempts) {
        return new Result(cell, "", FinishReason.ERROR, Optional.empty(), Usage.unknown(), timing, OptionalDouble.empty(),
                false, attempts, Optional.empty(), Optional.of(error), Map.of(), Map.of());
    }

    /**
     * Starts a result of a cell: by default a success with empty output, finish reason {@code STOP},
     * unknown usage and cost, 1 attempt, no version, scores or metrics.
     *
     * @param cell which cell
     * @param timing when the cell started and how long it took
     * @return a builder
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Builder builder(CellId cell, Timing timing) {
        return new Builder(Objects.requireNonNull(cell, "cell"), Objects.requireNonNull(timing, "timing"));
    }

    /**
     * Returns a builder holding this result's components, to make a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(cell, timing);
        b.output = output;
        b.finishReason = finishReason;
        b.rawFinishReason = rawFinishReason;
        b.usage = usage;
        b.costUsd = costUsd;
        b.cached = cached;
        b.attempts = attempts;
        b.modelVersion = modelVersion;
        b.error = error;
        b.scores = scores;
        b.metrics = metrics;
        return b;
    }

    /**
     * Builds a {@link Result} one component at a time; {@link #build()} validates as the record does.
     * Not thread-safe.
     */
    public static final class Builder {
        private final CellId cell;
        private final Timing timing;
        private String output = "";
        private FinishReason finishReason = FinishReason.STOP;
        private Optional<String> rawFinishReason = Optional.empty();
        private Usage usage = Usage.unknown();
        private OptionalDouble costUsd = OptionalDouble.empty();
        private boolean cached;
        private int attempts = 1;
        private Optional<String> modelVersion = Optional.empty();
        private Optional<ResultError> error = Optional.empty();
        private Map<String, Score> scores = Map.of();
        private Map<String, Double> metrics = Map.of();

        private Builder(CellId cell, Timing timing) {
            this.cell = cell;
            this.timing = timing;
        }

        /**
         * Sets the model's text.
         *
         * @param text the output
         * @return this builder
         */
        public Builder output(String text) {
            this.output = text;
            return this;
        }

        /**
         * Sets why the model stopped, normalized, and as the provider said it.
         *
         * @param reason the normalized reason
         * @param raw the provider's own reason, if it gave one
         * @return this builder
         */
        public Builder finishReason(FinishReason reason, Optional<String> raw) {
            this.finishReason = reason;
            this.rawFinishReason = raw;
            return this;
        }

        /**
         * Sets the tokens used.
         *
         * @param tokens the usage
         * @return this builder
         */
        public Builder usage(Usage tokens) {
            this.usage = tokens;
            return this;
        }

        /**
         * Sets the cost in USD, empty when unknown.
         *
         * @param usd the cost
         * @return this builder
         */
        public Builder costUsd(OptionalDouble usd) {
            this.costUsd = usd;
            return this;
        }

        /**
         * Sets whether the response came from the cache and how many provider calls were made.
         *
         * @param fromCache whether it was a cache hit
         * @param calls provider calls made (0 when cached)
         * @return this builder
         */
        public Builder calls(boolean fromCache, int calls) {
            this.cached = fromCache;
            this.attempts = calls;
            return this;
        }

        /**
         * Sets the model version the provider reported.
         *
         * @param version the version, if reported
         * @return this builder
         */
        public Builder modelVersion(Optional<String> version) {
            this.modelVersion = version;
            return this;
        }

        /**
         * Sets why the cell failed; with an error the finish reason must be {@code ERROR} (or
         * {@code LENGTH} for {@code empty_output}).
         *
         * @param why the error, if the cell failed
         * @return this builder
         */
        public Builder error(Optional<ResultError> why) {
            this.error = why;
            return this;
        }

        /**
         * Sets the scores, by scorer name.
         *
         * @param byScorer the scores
         * @return this builder
         */
        public Builder scores(Map<String, Score> byScorer) {
            this.scores = byScorer;
            return this;
        }

        /**
         * Sets the other figures the provider reported.
         *
         * @param figures the metrics, by snake_case name with a unit suffix
         * @return this builder
         */
        public Builder metrics(Map<String, Double> figures) {
            this.metrics = figures;
            return this;
        }

        /**
         * Builds the result.
         *
         * @return the result
         * @throws NullPointerException if a component was set to {@code null}
         * @throws IllegalArgumentException if the components are inconsistent (see the record's constructor)
         */
        public Result build() {
            return new Result(cell, output, finishReason, rawFinishReason, usage, timing, costUsd, cached, attempts,
                    modelVersion, error, scores, metrics);
        }
    }

    /**
     * Returns whether the cell succeeded (has no error).
     *
     * @return true on success
     */
    public boolean succeeded() {
        return error.isEmpty();
    }

    /**
     * Returns the latency; shorthand for {@code timing().latency()}.
     *
     * @return the latency
     */
    public Duration latency() {
        return timing.latency();
    }

    /**
     * Returns the value of one score.
     *
     * @param scorer the scorer's name
     * @return the value, or empty if that scorer gave none (absent or failed)
     */
    public OptionalDouble score(String scorer) {
        Score s = scores.get(scorer);
        return s == null ? OptionalDouble.empty() : s.value();
    }

    /**
     * Returns a copy with a usage.
     *
     * @param newUsage the tokens used
     * @return the new result
     */
    public Result withUsage(Usage newUsage) {
        return new Result(cell, output, finishReason, rawFinishReason, newUsage, timing, costUsd, cached, attempts,
                modelVersion, error, scores, metrics);
    }

    /**
     * Returns a copy with a cost.
     *
     * @param usd the cost in USD, or empty if unknown
     * @return the new result
     */
    public Result withCostUsd(OptionalDouble usd) {
        return new Result(cell, output, finishReason, rawFinishReason, usage, timing, usd, cached, attempts,
                modelVersion, error, scores, metrics);
    }

    /**
     * Returns a copy with the provider's raw finish reason and the model version it reported.
     *
     * @param raw the provider's finish reason, if any
     * @param version the model version, if any
     * @return the new result
     */
    public Result withProviderDetails(Optional<String> raw, Optional<String> version) {
        return new Result(cell, output, finishReason, raw, usage, timing, costUsd, cached, attempts, version, error, scores, metrics);
    }

    /**
     * Returns a copy with the cache flag and attempt count set.
     *
     * @param fromCache whether the response came from the cache
     * @param calls provider calls made for the cell
     * @return the new result
     */
    public Result withCallStats(boolean fromCache, int calls) {
        return new Result(cell, output, finishReason, rawFinishReason, usage, timing, costUsd, fromCache, calls,
                modelVersion, error, scores, metrics);
    }

    /**
     * Returns a copy with one score added or replaced.
     *
     * @param scorer the scorer's name
     * @param score the score
     * @return the new result
     */
    public Result withScore(String scorer, Score score) {
        Map<String, Score> copy = new LinkedHashMap<>(scores);
        copy.put(Objects.requireNonNull(scorer, "scorer"), Objects.requireNonNull(score, "score"));
        return new Result(cell, output, finishReason, rawFinishReason, usage, timing, costUsd, cached, attempts,
                modelVersion, error, copy, metrics);
    }

    /**
     * Returns a copy with all scores replaced.
     *
     * @param newScores scores by scorer name
     * @return the new result
     */
    public Result withScores(Map<String, Score> newScores) {
        return new Result(cell, output, finishReason, rawFinishReason, usage, timing, costUsd, cached, attempts,
                modelVersion, error, newScores, metrics);
    }
    /**
     * Returns a copy with the provider's other figures replaced.
     *
     * @param newMetrics figures by snake_case name with a unit suffix
     * @return the new result
     * @throws NullPointerException if the map, a name or a value is {@code null}
     * @throws IllegalArgumentException if a value is not finite
     */
    public Result withMetrics(Map<String, Double> newMetrics) {
        return new Result(cell, output, finishReason, rawFinishReason, usage, timing, costUsd, cached, attempts,
                modelVersion, error, scores, newMetrics);
    }

    /**
     * Returns how fast the answer came: for a streamed call, the visible output tokens (output minus
     * reasoning tokens, when the provider reports them) divided by the time from the first token to
     * the end; for a call that was not streamed, all output tokens divided by the whole latency.
     * Hidden reasoning happens before the first visible token, so it is left out of both the count and
     * the time of a streamed call.
     *
     * @return tokens per second, or empty when output tokens are unknown, no time passed, or the
     *     result came from the cache
     */
    public OptionalDouble outputTokensPerSecond() {
        if (cached || usage.outputTokens().isEmpty()) {
            return OptionalDouble.empty();
        }
        long tokens = usage.outputTokens().getAsLong();
        Duration generating = timing.latency();
        if (timing.timeToFirstToken().isPresent()) {
            generating = generating.minus(timing.timeToFirstToken().get());
            tokens -= Math.min(tokens, usage.reasoningTokens().orElse(0));
        }
        double seconds = generating.toNanos() / 1e9;
        return seconds > 0 ? OptionalDouble.of(tokens / seconds) : OptionalDouble.empty();
    }
}
