package dev.bench4j.store.json.internal;

import dev.bench4j.core.CellGrid;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanSnapshot;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Summary;
import dev.bench4j.core.SummaryCollector;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Computes a run's {@link Summary} from its results as they are read or written, with bench-core's
 * {@link SummaryCollector} (the runner's own figures), after checking that each result is a cell
 * of the run's plan. A result kept twice (a cell appended again after a crash) counts once.
 */
public final class SummaryBuilder {

    private final CellGrid grid;
    private final int trialCount;
    private final int repetitions;
    private final Map<String, Integer> promptIndex = new HashMap<>();
    private final Map<String, Integer> modelIndex = new HashMap<>();
    private final Map<String, Integer> trialIndex = new HashMap<>();
    private final BitSet seen = new BitSet();
    private final boolean dedupe;
    private final SummaryCollector collector;
    private long cells;

    /**
     * Starts an empty summary of a plan's run.
     *
     * @param plan the plan the run ran
     */
    public SummaryBuilder(PlanSnapshot plan) {
        this.grid = plan.grid();
        List<Prompt> prompts = plan.prompts();
        List<ModelConfig> models = plan.models();
        this.trialCount = plan.trialCount();
        this.repetitions = plan.repetitions();
        this.dedupe = plan.cellCount() <= Integer.MAX_VALUE;
        this.collector = SummaryCollector.of(plan);
        for (int m = 0; m < models.size(); m++) {
            modelIndex.put(models.get(m).id(), m);
        }
        for (int p = 0; p < prompts.size(); p++) {
            promptIndex.put(prompts.get(p).name(), p);
        }
    }

    /**
     * Counts one result.
     *
     * @param r the result
     * @return false if its cell was counted before (the result is then ignored)
     * @throws IllegalArgumentException if the result's cell is not one of the plan's
     */
    public boolean add(Result r) {
        CellId c = r.cell();
        Integer p = promptIndex.get(c.prompt());
        Integer m = modelIndex.get(c.model());
        if (p == null || m == null || c.repetition() >= repetitions) {
            throw new IllegalArgumentException("the result of cell " + c + " is not a cell of the run's plan ("
                    + "prompts " + promptIndex.keySet() + ", models " + modelIndex.keySet() + ", " + repetitions
                    + " repetitions)");
        }
        if (dedupe) {
            Integer t = trialIndex.get(c.trial());
            if (t == null) {
                if (trialIndex.size() >= trialCount) {
                    throw new IllegalArgumentException("the result of cell " + c + " names a trial beyond the plan's "
                            + trialCount + " trials (the results before it name " + new TreeSet<>(trialIndex.keySet())
                            + ")");
                }
                t = trialIndex.size();
                trialIndex.put(c.trial(), t);
            }
            int index = (int) grid.index(p, m, t, c.repetition());
            if (seen.get(index)) {
                return false;
            }
            seen.set(index);
        }
        cells++;
        collector.add(r);
        return true;
    }

    /**
     * Returns how many distinct cells were counted.
     *
     * @return the count
     */
    public long cells() {
        return cells;
    }

    /**
     * Builds the summary of the results counted so far.
     *
     * @param elapsed how long the run has taken
     * @return the summary
     */
    public Summary build(Duration elapsed) {
        return collector.build(elapsed);
    }
}
