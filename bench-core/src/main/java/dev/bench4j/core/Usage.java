package dev.bench4j.core;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The tokens one call used, as the provider reported them. Every count is optional: unknown is not
 * zero, and a sum with an unknown part stays unknown.
 *
 * <p>Output tokens include reasoning tokens (as OpenAI counts them; providers that report them
 * apart add them in), and input tokens include cached input tokens.
 *
 * <pre>{@code
 * Usage u = Usage.of(120, 40).withReasoningTokens(16).withCachedInputTokens(64);
 * u.totalTokens();   // OptionalLong[160]
 * }</pre>
 *
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens, reasoning included
 * @param reasoningTokens the part of output tokens spent thinking
 * @param cachedInputTokens the part of input tokens served from the provider's prompt cache
 * @param totalTokens all tokens billed; input + output unless the provider says otherwise
 */
public record Usage(OptionalLong inputTokens, OptionalLong outputTokens, OptionalLong reasoningTokens,
        OptionalLong cachedInputTokens, OptionalLong totalTokens) {

    private static final Usage UNKNOWN = new Usage(OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if a count is negative
     */
    public Usage {
        check("inputTokens", inputTokens);
        check("outputTokens", outputTokens);
        check("reasoningTokens", reasoningTokens);
        check("cachedInputTokens", cachedInputTokens);
        check("totalTokens", totalTokens);
    }

    private static void check(String name, OptionalLong v) {
        Objects.requireNonNull(v, name);
        if (v.isPresent() && v.getAsLong() < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 but was " + v.getAsLong());
        }
    }

    /**
     * Returns a usage where every count is unknown (a failed call, a provider that reports nothing).
     *
     * @return the unknown usage
     */
    public static Usage unknown() {
        return UNKNOWN;
    }

    /**
     * Creates a usage from input and output tokens; the total is their sum.
     *
     * @param inputTokens prompt tokens
     * @param outputTokens completion tokens
     * @return the usage
     * @throws IllegalArgumentException if a count is negative
     */
    public static Usage of(long inputTokens, long outputTokens) {
        return new Usage(OptionalLong.of(inputTokens), OptionalLong.of(outputTokens), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.of(inputTokens + outputTokens));
    }

    /**
     * Returns a copy with input tokens set; the total follows when it was input + output.
     *
     * @param tokens prompt tokens
     * @return the new usage
     * @throws IllegalArgumentException if {@code tokens} is negative
     */
    public Usage withInputTokens(long tokens) {
        return new Usage(OptionalLong.of(tokens), outputTokens, reasoningTokens, cachedInputTokens,
                derivedTotal(OptionalLong.of(tokens), outputTokens));
    }

    /**
     * Returns a copy with output tokens set; the total follows when it was input + output.
     *
     * @param tokens completion tokens, reasoning included
     * @return the new usage
     * @throws IllegalArgumentException if {@code tokens} is negative
     */
    public Usage withOutputTokens(long tokens) {
        return new Usage(inputTokens, OptionalLong.of(tokens), reasoningTokens, cachedInputTokens,
                derivedTotal(inputTokens, OptionalLong.of(tokens)));
    }

    private OptionalLong derivedTotal(OptionalLong in, OptionalLong out) {
        boolean wasDerived = totalTokens.isEmpty() || inputTokens.isPresent() && outputTokens.isPresent()
                && totalTokens.getAsLong() == inputTokens.getAsLong() + outputTokens.getAsLong();
        if (!wasDerived) {
            return totalTokens;
        }
        return in.isPresent() && out.isPresent() ? OptionalLong.of(in.getAsLong() + out.getAsLong()) : OptionalLong.empty();
    }

    /**
     * Returns a copy with reasoning tokens set.
     *
     * @param tokens the part of output tokens spent thinking
     * @return the new usage
     * @throws IllegalArgumentException if {@code tokens} is negative
     */
    public Usage withReasoningTokens(long tokens) {
        return new Usage(inputTokens, outputTokens, OptionalLong.of(tokens), cachedInputTokens, totalTokens);
    }

    /**
     * Returns a copy with cached input tokens set.
     *
     * @param tokens the part of input tokens served from the provider's prompt cache
     * @return the new usage
     * @throws IllegalArgumentException if {@code tokens} is negative
     */
    public Usage withCachedInputTokens(long tokens) {
        return new Usage(inputTokens, outputTokens, reasoningTokens, OptionalLong.of(tokens), totalTokens);
    }

    /**
     * Returns a copy with the total set as the provider reported it.
     *
     * @param tokens all tokens billed
     * @return the new usage
     * @throws IllegalArgumentException if {@code tokens} is negative
     */
    public Usage withTotalTokens(long tokens) {
        return new Usage(inputTokens, outputTokens, reasoningTokens, cachedInputTokens, OptionalLong.of(tokens));
    }

    /**
     * Adds two usages count by count; a count unknown on either side is unknown in the sum.
     *
     * @param other the usage to add
     * @return the sum
     * @throws NullPointerException if {@code other} is {@code null}
     */
    public Usage plus(Usage other) {
        Objects.requireNonNull(other, "other");
        return new Usage(add(inputTokens, other.inputTokens), add(outputTokens, other.outputTokens),
                add(reasoningTokens, other.reasoningTokens), add(cachedInputTokens, other.cachedInputTokens),
                add(totalTokens, other.totalTokens));
    }

    private static OptionalLong add(OptionalLong a, OptionalLong b) {
        return a.isPresent() && b.isPresent() ? OptionalLong.of(a.getAsLong() + b.getAsLong()) : OptionalLong.empty();
    }
}
