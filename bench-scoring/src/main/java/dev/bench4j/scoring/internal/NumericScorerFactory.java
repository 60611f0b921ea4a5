package dev.bench4j.scoring.internal;

import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import java.util.List;
import java.util.Map;

/**
 * Makes scorers of type {@code numeric}: 1.0 if the number in the output is within tolerance of the expected number ({@code
 * Scorers.numeric}). Options: {@code name} (default {@code numeric}), {@code abs_tol} and {@code
 * rel_tol} (finite, at least 0, default 0), and {@code extract}: {@code first} (default, the first
 * number in the output) or {@code whole} (the whole output must be a number).
 */
public final class NumericScorerFactory implements ScorerFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public NumericScorerFactory() {
    }

    /**
     * Returns {@code numeric}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return "numeric";
    }

    /**
     * Creates a scorer from plan-file options.
     *
     * @param options the options, without {@code type}
     * @return the scorer
     * @throws NullPointerException if {@code options} is {@code null}
     * @throws IllegalArgumentException if an option is unknown (the message lists the allowed ones),
     *     missing when required, or has a value of the wrong type or range (the message names it)
     */
    @Override
    public Scorer create(Map<String, Object> options) {
        ScorerOptions o = ScorerOptions.read(type(), options, ScorerOptions.NUMERIC_KEYS);
        return new NumericScorer(o.name(), o.nonNegative("abs_tol", 0), o.nonNegative("rel_tol", 0),
                o.oneOf("extract", "first", List.of("first", "whole")).equals("whole"));
    }
}
