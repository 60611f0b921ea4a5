package dev.bench4j.scoring.internal;

import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import dev.bench4j.scoring.RougeMeasure;
import dev.bench4j.scoring.RougeVariant;
import java.util.Arrays;
import java.util.Map;

/**
 * Makes scorers of type {@code rouge}: ROUGE between output and expected text as Google's
 * {@code rouge-score} computes it ({@code Scorers.rouge}). Options: {@code variant}, {@code rouge1},
 * {@code rouge2} or {@code rougeL} (default); {@code measure}, {@code f} (default), {@code p} or
 * {@code r}; and {@code name} (default {@code rouge}).
 */
public final class RougeScorerFactory implements ScorerFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public RougeScorerFactory() {
    }

    /**
     * Returns {@code rouge}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return "rouge";
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
        ScorerOptions o = ScorerOptions.read(type(), options, ScorerOptions.ROUGE_KEYS);
        RougeVariant variant = RougeVariant.fromPlanName(o.oneOf("variant", RougeVariant.ROUGE_L.planName(),
                Arrays.stream(RougeVariant.values()).map(RougeVariant::planName).toList()));
        RougeMeasure measure = RougeMeasure.fromPlanName(o.oneOf("measure", RougeMeasure.F.planName(),
                Arrays.stream(RougeMeasure.values()).map(RougeMeasure::planName).toList()));
        return BuiltInScorers.rouge(o.name(), variant, measure);
    }
}
