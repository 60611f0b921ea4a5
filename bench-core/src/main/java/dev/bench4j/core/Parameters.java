package dev.bench4j.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The common generation parameters of a {@link ModelConfig}; each is optional, and an absent one is
 * not sent, so the provider's default applies. Set them through the {@code withX} methods of
 * {@code ModelConfig} ({@code withTemperature(0.0)}, {@code withMaxOutputTokens(256)}, ...).
 *
 * <p>Each provider maps them to its own wire names and refuses, at {@code build()}, one it cannot
 * send (a silently dropped temperature would invalidate a benchmark).
 *
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling mass, above 0 up to 1
 * @param topK sample from the k most likely tokens, at least 1
 * @param maxOutputTokens the output token limit, at least 1
 * @param seed a sampling seed, for providers that honour one
 * @param stop stop sequences, empty for none
 * @param frequencyPenalty -2 to 2
 * @param presencePenalty -2 to 2
 * @param reasoningEffort reasoning effort of reasoning models, e.g. {@code low}, {@code medium}, {@code high}
 * @param verbosity answer verbosity of models that take it, e.g. {@code low}
 */
public record Parameters(OptionalDouble temperature, OptionalDouble topP, OptionalInt topK,
        OptionalInt maxOutputTokens, OptionalLong seed, List<String> stop, OptionalDouble frequencyPenalty,
        OptionalDouble presencePenalty, Optional<String> reasoningEffort, Optional<String> verbosity) {

    private static final Parameters NONE = new Parameters(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(), List.of(), OptionalDouble.empty(),
            OptionalDouble.empty(), Optional.empty(), Optional.empty());

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component or stop sequence is {@code null}
     * @throws IllegalArgumentException if a value is out of its range (the message names it)
     */
    public Parameters {
        range("temperature", Objects.requireNonNull(temperature, "temperature"), 0, 2);
        Objects.requireNonNull(topP, "topP");
        if (topP.isPresent() && !(topP.getAsDouble() > 0 && topP.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("top_p must be > 0 and <= 1 but was " + topP.getAsDouble());
        }
        atLeastOne("top_k", Objects.requireNonNull(topK, "topK"));
        atLeastOne("max_output_tokens", Objects.requireNonNull(maxOutputTokens, "maxOutputTokens"));
        Objects.requireNonNull(seed, "seed");
        stop = List.copyOf(Objects.requireNonNull(stop, "stop"));
        for (String s : stop) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("stop sequences must not be empty");
            }
        }
        range("frequency_penalty", Objects.requireNonNull(frequencyPenalty, "frequencyPenalty"), -2, 2);
        range("presence_penalty", Objects.requireNonNull(presencePenalty, "presencePenalty"), -2, 2);
        notBlank("reasoning_effort", Objects.requireNonNull(reasoningEffort, "reasoningEffort"));
        notBlank("verbosity", Objects.requireNonNull(verbosity, "verbosity"));
    }

    private static void range(String name, OptionalDouble v, double min, double max) {
        if (v.isPresent() && !(v.getAsDouble() >= min && v.getAsDouble() <= max)) {
            throw new IllegalArgumentException(name + " must be between " + fmt(min) + " and " + fmt(max)
                    + " but was " + v.getAsDouble());
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static void atLeastOne(String name, OptionalInt v) {
        if (v.isPresent() && v.getAsInt() < 1) {
            throw new IllegalArgumentException(name + " must be >= 1 but was " + v.getAsInt());
        }
    }

    private static void notBlank(String name, Optional<String> v) {
        if (v.isPresent() && v.get().isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /**
     * Returns parameters where nothing is set.
     *
     * @return the empty parameters
     */
    public static Parameters none() {
        return NONE;
    }

    /**
     * Returns the parameters that are set, by their snake_case names ({@code temperature},
     * {@code top_p}, {@code top_k}, {@code max_output_tokens}, {@code seed}, {@code stop},
     * {@code frequency_penalty}, {@code presence_penalty}, {@code reasoning_effort}, {@code verbosity}),
     * in that order.
     *
     * @return an unmodifiable map of the set parameters
     */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        temperature.ifPresent(v -> m.put("temperature", v));
        topP.ifPresent(v -> m.put("top_p", v));
        topK.ifPresent(v -> m.put("top_k", (long) v));
        maxOutputTokens.ifPresent(v -> m.put("max_output_tokens", (long) v));
        seed.ifPresent(v -> m.put("seed", v));
        if (!stop.isEmpty()) {
            m.put("stop", stop);
        }
        frequencyPenalty.ifPresent(v -> m.put("frequency_penalty", v));
        presencePenalty.ifPresent(v -> m.put("presence_penalty", v));
        reasoningEffort.ifPresent(v -> m.put("reasoning_effort", v));
        verbosity.ifPresent(v -> m.put("verbosity", v));
        return Collections.unmodifiableMap(m);
    }

    Parameters withTemperature(double v) {
        return new Parameters(OptionalDouble.of(v), topP, topK, maxOutputTokens, seed, stop, frequencyPenalty,
                presencePenalty, reasoningEffort, verbosity);
    }

    Parameters withTopP(double v) {
        return new Parameters(temperature, OptionalDouble.of(v), topK, maxOutputTokens, seed, stop, frequencyPenalty,
                presencePenalty, reasoningEffort, verbosity);
    }

    Parameters withTopK(int v) {
        return new Parameters(temperature, topP, OptionalInt.of(v), maxOutputTokens, seed, stop, frequencyPenalty,
                presencePenalty, reasoningEffort, verbosity);
    }

    Parameters withMaxOutputTokens(int v) {
        return new Parameters(temperature, topP, topK, OptionalInt.of(v), seed, stop, frequencyPenalty,
                presencePenalty, reasoningEffort, verbosity);
    }

    Parameters withSeed(long v) {
        return new Parameters(temperature, topP, topK, maxOutputTokens, OptionalLong.of(v), stop, frequencyPenalty,
                presencePenalty, reasoningEffort, verbosity);
    }

    Parameters withStop(List<String> v) {
        return new Parameters(temperature, topP, topK, maxOutputTokens, seed, v, frequencyPenalty,
                presencePenalty, reasoningEffort, verbosity);
    }

    Parameters withFrequencyPenalty(double v) {
        return new Parameters(temperature, topP, topK, maxOutputTokens, seed, stop, OptionalDouble.of(v),
                presencePenalty, reasoningEffort, verbosity);
    }

    Parameters withPresencePenalty(double v) {
        return new Parameters(temperature, topP, topK, maxOutputTokens, seed, stop, frequencyPenalty,
                OptionalDouble.of(v), reasoningEffort, verbosity);
    }

    Parameters withReasoningEffort(String v) {
        return new Parameters(temperature, topP, topK, maxOutputTokens, seed, stop, frequencyPenalty,
                presencePenalty, Optional.of(v), verbosity);
    }

    Parameters withVerbosity(String v) {
        return new Parameters(temperature, topP, topK, maxOutputTokens, seed, stop, frequencyPenalty,
                presencePenalty, reasoningEffort, Optional.of(v));
    }
}
