package dev.bench4j.scoring.internal;

import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import dev.bench4j.scoring.SetF1Options;
import java.util.Map;

/**
 * Makes scorers of type {@code set_f1} ({@code Scorers.setF1}). Options: {@code name} (default
 * {@code set_f1}); the booleans {@code trim}, {@code ignore_case}, {@code collapse_whitespace},
 * {@code unicode_nfc} (default: all on); the JSON Pointers {@code pointer} and
 * {@code expected_pointer}; {@code field}; and {@code zero_division}, 0 (default) or 1.
 */
public final class SetF1ScorerFactory implements ScorerFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public SetF1ScorerFactory() {
    }

    /**
     * Returns {@code set_f1}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return "set_f1";
    }

    /**
     * Creates a scorer from plan-file options.
     *
     * @param options the options, without {@code type}
     * @return the scorer
     * @throws NullPointerException if {@code options} is {@code null}
     * @throws IllegalArgumentException if an option is unknown (the message lists the allowed ones)
     *     or has a value of the wrong type, a pointer is not a JSON Pointer, or {@code zero_division}
     *     is neither 0 nor 1
     */
    @Override
    public Scorer create(Map<String, Object> options) {
        ScorerOptions o = ScorerOptions.read(type(), options, ScorerOptions.SET_F1_KEYS);
        SetF1Options defaults = SetF1Options.defaults();
        return new SetF1Scorer(o.name(), new SetF1Options(o.pointer("pointer"), o.pointer("expected_pointer"),
                o.string("field"), o.normalization(defaults.normalization()),
                o.zeroOrOne("zero_division", defaults.zeroDivision())));
    }
}
