package dev.bench4j.scoring.internal;

import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import dev.bench4j.scoring.Normalization;
import java.util.Map;

/**
 * Makes scorers of type {@code classification}: 1.0 if the normalized output equals the expected label ({@code Scorers.classification}).
 * Options: {@code name} (default {@code classification}) and the booleans {@code trim}, {@code
 * ignore_case}, {@code collapse_whitespace}, {@code unicode_nfc} (default: all on).
 */
public final class ClassificationScorerFactory implements ScorerFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public ClassificationScorerFactory() {
    }

    /**
     * Returns {@code classification}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return "classification";
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
        ScorerOptions o = ScorerOptions.read(type(), options, ScorerOptions.CLASSIFICATION_KEYS);
        return new ClassificationScorer(o.name(), o.normalization(Normalization.standard().withIgnoreCase(true)));
    }
}
