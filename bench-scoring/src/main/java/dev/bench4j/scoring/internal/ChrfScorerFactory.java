package dev.bench4j.scoring.internal;

import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import java.util.Map;

/**
 * Makes scorers of type {@code chrf}: sacreBLEU's chrF with its defaults, divided by 100
 * ({@code Scorers.chrf}). Option: {@code name} (default {@code chrf}).
 */
public final class ChrfScorerFactory implements ScorerFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public ChrfScorerFactory() {
    }

    /**
     * Returns {@code chrf}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return "chrf";
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
        ScorerOptions o = ScorerOptions.read(type(), options, ScorerOptions.NAME_ONLY_KEYS);
        return BuiltInScorers.chrf(o.name());
    }
}
