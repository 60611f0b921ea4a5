package dev.bench4j.core;

import dev.bench4j.core.internal.run.SummaryAccumulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link Summary} from results, the same way a run does, in memory that depends on the
 * number of groups and not of results: for a store that summarizes a run from its files, or for
 * results gathered elsewhere. Not thread-safe.
 *
 * <pre>{@code
 * SummaryCollector c = SummaryCollector.of(run.info().plan());
 * store.forEachResult(runId, c::add);
 * Summary s = c.build(Duration.ofMinutes(12));
 * }</pre>
 */
public final class SummaryCollector {

    private final SummaryAccumulator accumulator;
    private final Map<String, Integer> promptIndex = new HashMap<>();
    private final Map<String, Integer> modelIndex = new HashMap<>();

    private SummaryCollector(PlanSnapshot plan) {
        List<Prompt> prompts = plan.prompts();
        List<ModelConfig> models = plan.models();
        for (int p = 0; p < prompts.size(); p++) {
            promptIndex.put(prompts.get(p).name(), p);
        }
        for (int m = 0; m < models.size(); m++) {
            modelIndex.put(models.get(m).id(), m);
        }
        this.accumulator = new SummaryAccumulator(prompts, models, plan.scorers(), plan.repetitions());
    }

    /**
     * Starts an empty summary of a plan's results.
     *
     * @param plan the plan the results come from (its prompts, models and scorers name the groups)
     * @return the collector
     * @throws NullPointerException if {@code plan} is {@code null}
     */
    public static SummaryCollector of(PlanSnapshot plan) {
        return new SummaryCollector(Objects.requireNonNull(plan, "plan"));
    }

    /**
     * Counts one result in its groups.
     *
     * @param result the result
     * @throws IllegalArgumentException if its prompt or model is not one of the plan's
     */
    public void add(Result result) {
        Integer p = promptIndex.get(result.cell().prompt());
        Integer m = modelIndex.get(result.cell().model());
        if (p == null || m == null) {
            throw new IllegalArgumentException("the result of cell " + result.cell() + " is not from this plan (prompts "
                    + promptIndex.keySet() + ", models " + modelIndex.keySet() + ")");
        }
        accumulator.add(result, p, m);
    }

    /**
     * Builds the summary of the results counted so far.
     *
     * @param elapsed the time the results took, for cells per second
     * @return the summary
     */
    public Summary build(Duration elapsed) {
        return accumulator.build(Objects.requireNonNull(elapsed, "elapsed"));
    }
}
