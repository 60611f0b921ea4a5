package dev.bench4j.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one scorer said about one result: a value (1/0 for pass/fail scorers), an optional reason
 * (e.g. a judge's), named details (e.g. true/false positives for F1 aggregation), or an error when
 * the scorer could not score. A scorer that asked a model (an LLM judge) records each call in
 * {@link #calls()}: its tokens and cost are the scorer's, kept apart from the candidate's.
 *
 * <pre>{@code
 * Score s = Score.of(0.8).withDetail("tp", 4).withDetail("fp", 1);
 * Score bad = Score.error("judge answer is not JSON: 'Sure!'");
 * }</pre>
 *
 * @param value the score, absent when {@link #error()} is present
 * @param reason why, in words, if the scorer says
 * @param details named numbers behind the value
 * @param error why the result could not be scored
 * @param calls the model calls the scorer made for this score, in order; empty for most scorers
 */
public record Score(OptionalDouble value, Optional<String> reason, Map<String, Double> details, Optional<String> error,
        List<Call> calls) {

    /**
     * One model call a scorer made (a judge's verdict): which config, tokens, cost, whether it came
     * from the response cache, attempts, latency and, if it failed, why.
     *
     * @param model the config id called
     * @param usage the tokens used
     * @param costUsd the cost in USD; empty when the price or the usage is unknown
     * @param cached whether the response came from the response cache
     * @param attempts provider calls made (0 when cached)
     * @param latency how long the call took
     * @param error why the call failed, if it did
     */
    public record Call(String model, Usage usage, OptionalDouble costUsd, boolean cached, int attempts,
            Duration latency, Optional<ResultError> error) {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if the cost is negative or not finite, attempts are
         *     negative or the latency is negative
         */
        public Call {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(costUsd, "costUsd");
            if (costUsd.isPresent() && !(costUsd.getAsDouble() >= 0 && Double.isFinite(costUsd.getAsDouble()))) {
                throw new IllegalArgumentException("call costUsd must be a finite number >= 0 but was "
                        + costUsd.getAsDouble());
            }
            if (attempts < 0) {
                throw new IllegalArgumentException("call attempts must be >= 0 but was " + attempts);
            }
            Objects.requireNonNull(latency, "latency");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("call latency must be >= 0 but was " + latency);
            }
            Objects.requireNonNull(error, "error");
        }

        /**
         * Describes a call from the result a {@link dev.bench4j.core.spi.ModelCaller} gave.
         *
         * @param result the call's result
         * @return the call
         * @throws NullPointerException if {@code result} is {@code null}
         */
        public static Call of(Result result) {
            return new Call(result.cell().model(), result.usage(), result.costUsd(), result.cached(), result.attempts(),
                    result.latency(), result.error());
        }
    }

    /**
     * Creates a score without model calls; the constructor scorers that call no model use.
     *
     * @param value the score, absent when {@code error} is present
     * @param reason why, in words
     * @param details named numbers behind the value
     * @param error why the result could not be scored
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Score(OptionalDouble value, Optional<String> reason, Map<String, Double> details, Optional<String> error) {
        this(value, reason, details, error, List.of());
    }

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if a number is not finite, or neither or both of value and error are present
     */
    public Score {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(error, "error");
        if (value.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a score has either a value or an error, not "
                    + (value.isPresent() ? "both" : "neither"));
        }
        if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
            throw new IllegalArgumentException("score value must be finite but was " + value.getAsDouble());
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        Objects.requireNonNull(details, "details").forEach((k, v) -> {
            Objects.requireNonNull(k, "details key");
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("score detail '" + k + "' must be finite but was " + v);
            }
            copy.put(k, v);
        });
        details = Collections.unmodifiableMap(copy);
        calls = List.copyOf(Objects.requireNonNull(calls, "calls"));
    }

    /**
     * Creates a score with a value.
     *
     * @param value a finite number
     * @return the score
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public static Score of(double value) {
        return new Score(OptionalDouble.of(value), Optional.empty(), Map.of(), Optional.empty());
    }

    /**
     * Creates a pass (1.0) or fail (0.0) score.
     *
     * @param passed whether the result passed
     * @return the score
     */
    public static Score pass(boolean passed) {
        return of(passed ? 1.0 : 0.0);
    }

    /**
     * Creates a score that says the result could not be scored.
     *
     * @param message why
     * @return the score
     * @throws NullPointerException if {@code message} is {@code null}
     */
    public static Score error(String message) {
        Objects.requireNonNull(message, "message");
        return new Score(OptionalDouble.empty(), Optional.empty(), Map.of(), Optional.of(message));
    }

    /**
     * Returns a copy with a reason.
     *
     * @param why the reason
     * @return the new score
     * @throws NullPointerException if {@code why} is {@code null}
     */
    public Score withReason(String why) {
        return new Score(value, Optional.of(Objects.requireNonNull(why, "why")), details, error, calls);
    }

    /**
     * Returns a copy with one detail added or replaced.
     *
     * @param name the detail's name
     * @param number a finite number
     * @return the new score
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code number} is not finite
     */
    public Score withDetail(String name, double number) {
        Map<String, Double> copy = new LinkedHashMap<>(details);
        copy.put(Objects.requireNonNull(name, "name"), number);
        return new Score(value, reason, copy, error, calls);
    }

    /**
     * Returns a copy that records one more model call the scorer made (its judge's), so the call's
     * tokens and cost count as scoring cost in the run's summary.
     *
     * @param call the call's result, as the {@link dev.bench4j.core.spi.ModelCaller} gave it
     * @return the new score
     * @throws NullPointerException if {@code call} is {@code null}
     */
    public Score withCall(Result call) {
        List<Call> copy = new ArrayList<>(calls);
        copy.add(Call.of(Objects.requireNonNull(call, "call")));
        return new Score(value, reason, details, error, copy);
    }
}
