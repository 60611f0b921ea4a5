package dev.bench4j.core;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a model costs, in US dollars per one million tokens: input, output (reasoning tokens are
 * billed as output) and, when the provider discounts it, cached input.
 *
 * <pre>{@code
 * Price p = Price.perMillionTokens(0.15, 0.60).withCachedInput(0.075);
 * p.cost(Usage.of(1_000, 500));   // OptionalDouble[4.5E-4]
 * }</pre>
 *
 * @param inputPerMillion USD per 1M input tokens
 * @param outputPerMillion USD per 1M output tokens
 * @param cachedInputPerMillion USD per 1M cached input tokens; absent means cached input costs as input
 */
public record Price(double inputPerMillion, double outputPerMillion, OptionalDouble cachedInputPerMillion) {

    /** A price of zero, for local models (echo, Ollama, vLLM) and replays. */
    public static final Price FREE = new Price(0, 0, OptionalDouble.empty());

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a price is negative or not finite
     * @throws NullPointerException if {@code cachedInputPerMillion} is {@code null}
     */
    public Price {
        check("inputPerMillion", inputPerMillion);
        check("outputPerMillion", outputPerMillion);
        Objects.requireNonNull(cachedInputPerMillion, "cachedInputPerMillion");
        if (cachedInputPerMillion.isPresent()) {
            check("cachedInputPerMillion", cachedInputPerMillion.getAsDouble());
        }
    }

    private static void check(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0 but was " + v);
        }
    }

    /**
     * Creates a price from USD per one million input and output tokens.
     *
     * @param input USD per 1M input tokens
     * @param output USD per 1M output tokens
     * @return the price
     * @throws IllegalArgumentException if a price is negative or not finite
     */
    public static Price perMillionTokens(double input, double output) {
        return new Price(input, output, OptionalDouble.empty());
    }

    /**
     * Returns a copy with a price for cached input tokens.
     *
     * @param usdPerMillion USD per 1M cached input tokens
     * @return the new price
     * @throws IllegalArgumentException if the price is negative or not finite
     */
    public Price withCachedInput(double usdPerMillion) {
        return new Price(inputPerMillion, outputPerMillion, OptionalDouble.of(usdPerMillion));
    }

    /**
     * Computes the cost of one call: uncached input at the input price, cached input at the cached
     * price, output (including reasoning) at the output price.
     *
     * @param usage the tokens the call used
     * @return the cost in USD, or empty if input or output tokens are unknown
     * @throws NullPointerException if {@code usage} is {@code null}
     */
    public OptionalDouble cost(Usage usage) {
        Objects.requireNonNull(usage, "usage");
        if (usage.inputTokens().isEmpty() || usage.outputTokens().isEmpty()) {
            return OptionalDouble.empty();
        }
        long input = usage.inputTokens().getAsLong();
        long cached = Math.min(input, usage.cachedInputTokens().orElse(0));
        double cachedPrice = cachedInputPerMillion.orElse(inputPerMillion);
        double usd = (input - cached) * inputPerMillion
                + cached * cachedPrice
                + usage.outputTokens().getAsLong() * outputPerMillion;
        return OptionalDouble.of(usd / 1_000_000d);
    }
}
