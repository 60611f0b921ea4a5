package dev.bench4j.scoring.internal;

import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import dev.bench4j.scoring.Normalization;
import java.util.Map;

/**
 * Makes scorers of type {@code levenshtein}: normalized Levenshtein similarity between output and
 * expected text ({@code Scorers.levenshtein}). Options: {@code name} (default {@code levenshtein}) and
 * the booleans {@code trim}, {@code ignore_case}, {@code collapse_whitespace}, {@code unicode_nfc}
 * (default: all but {@code ignore_case}).
 */
public final class LevenshteinScorerFactory implements ScorerFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public LevenshteinScorerFactory() {
    }

    /**
     * Returns {@code levenshtein}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return "levenshtein";
    }

    /**
     * Creates a scorer from plan-file options.
     *
     * @param options the options, without {@code type}
     * @return the scorer
     * @throws NullPointerException if {@code options} is {@code null}
     * @throws IllegalArgumentException if an option is unknown (the message lists the allowed ones)
     *     or has a value of the wrong type or out of range (the message names the scorer and the option)
     */
    @Override
    public Scorer create(Map<String, Object> options) {
        ScorerOptions o = ScorerOptions.read(type(), options, ScorerOptions.TEXT_KEYS);
        return BuiltInScorers.levenshtein(o.name(), o.normalization(Normalization.standard()));
    }
}
