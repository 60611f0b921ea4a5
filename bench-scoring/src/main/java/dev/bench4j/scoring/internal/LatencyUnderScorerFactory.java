package dev.bench4j.scoring.internal;

import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import java.util.List;
import java.util.Map;

/**
 * Makes scorers of type {@code latency_under}: 1.0 if the result's latency is at most a limit ({@code Scorers.latencyUnder}). Options: {@code
 * name} (default {@code latency_under}) and {@code max_ms} (required, finite, at least 0).
 */
public final class LatencyUnderScorerFactory implements ScorerFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public LatencyUnderScorerFactory() {
    }

    /**
     * Returns {@code latency_under}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return "latency_under";
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
        ScorerOptions o = ScorerOptions.read(type(), options, List.of("name", "max_ms"));
        return new ThresholdScorer(o.name(), ThresholdScorer.Figure.LATENCY_MS, o.requiredNonNegative("max_ms"));
    }
}
