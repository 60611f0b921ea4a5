package dev.bench4j.scoring.internal;

import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import java.util.List;
import java.util.Map;

/**
 * Makes scorers of type {@code tokens_under}: 1.0 if the result's total tokens are at most a limit ({@code Scorers.tokensUnder}). Options:
 * {@code name} (default {@code tokens_under}) and {@code max_tokens} (required, finite, at least
 * 0).
 */
public final class TokensUnderScorerFactory implements ScorerFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public TokensUnderScorerFactory() {
    }

    /**
     * Returns {@code tokens_under}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return "tokens_under";
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
        ScorerOptions o = ScorerOptions.read(type(), options, List.of("name", "max_tokens"));
        return new ThresholdScorer(o.name(), ThresholdScorer.Figure.TOTAL_TOKENS, o.requiredNonNegative("max_tokens"));
    }
}
