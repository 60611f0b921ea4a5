package dev.bench4j.scoring.internal;

import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import dev.bench4j.scoring.Normalization;
import java.util.Map;

/**
 * Makes scorers of type {@code contains_any}: a scorer that passes when the output contains at
 * least one expected string ({@code Scorers.containsAny}). Options: {@code name} (default
 * {@code contains_any}) and the booleans {@code trim}, {@code ignore_case},
 * {@code collapse_whitespace}, {@code unicode_nfc} (default: all but {@code ignore_case}).
 */
public final class ContainsAnyScorerFactory implements ScorerFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public ContainsAnyScorerFactory() {
    }

    /**
     * Returns {@code contains_any}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return "contains_any";
    }

    /**
     * Creates a scorer from plan-file options.
     *
     * @param options the options, without {@code type}
     * @return the scorer
     * @throws NullPointerException if {@code options} is {@code null}
     * @throws IllegalArgumentException if an option is unknown (the message lists the allowed ones)
     *     or has a value of the wrong type
     */
    @Override
    public Scorer create(Map<String, Object> options) {
        ScorerOptions o = ScorerOptions.read(type(), options, ScorerOptions.TEXT_KEYS);
        return new ContainsScorer(o.name(), o.normalization(Normalization.standard()),
                ContainsScorer.Kind.CONTAINS_ANY);
    }
}
