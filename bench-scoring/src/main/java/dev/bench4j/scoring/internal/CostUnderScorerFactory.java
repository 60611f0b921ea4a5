package dev.bench4j.scoring.internal;

import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import java.util.List;
import java.util.Map;

/**
 * Makes scorers of type {@code cost_under}: 1.0 if the result's cost is at most a limit ({@code Scorers.costUnder}). Options: {@code name}
 * (default {@code cost_under}) and {@code max_usd} (required, finite, at least 0).
 */
public final class CostUnderScorerFactory implements ScorerFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public CostUnderScorerFactory() {
    }

    /**
     * Returns {@code cost_under}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return "cost_under";
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
        ScorerOptions o = ScorerOptions.read(type(), options, List.of("name", "max_usd"));
        return new ThresholdScorer(o.name(), ThresholdScorer.Figure.COST_USD, o.requiredNonNegative("max_usd"));
    }
}
