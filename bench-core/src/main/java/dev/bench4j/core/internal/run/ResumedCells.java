package dev.bench4j.core.internal.run;

import dev.bench4j.core.CellGrid;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Trial;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cells of a resumed run that the store already holds results for, so they are not called
 * again. Run thread only.
 */
final class ResumedCells {

    private final CellGrid grid;
    private final Map<String, Integer> promptIndex;
    private final Map<String, Integer> modelIndex;
    private final Map<String, Integer> trialIndex;
    private final BitSet done;

    /**
     * Starts with no cell done.
     *
     * @param settings the run's settings
     * @throws IllegalStateException if the run has more cells than can be tracked
     */
    ResumedCells(RunSettings settings) {
        this.grid = settings.grid();
        if (grid.size() > Integer.MAX_VALUE) {
            throw new IllegalStateException("a run of " + grid.size() + " cells is too large to resume");
        }
        this.done = new BitSet((int) grid.size());
        this.promptIndex = indexOf(settings.prompts().stream().map(Prompt::name).toList());
        this.modelIndex = indexOf(settings.models().stream().map(ModelConfig::id).toList());
        this.trialIndex = indexOf(settings.trials().stream().map(Trial::id).toList());
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), i);
        }
        return map;
    }

    /**
     * Marks a stored result's cell done.
     *
     * @param cell the stored result's cell
     * @return its place in the grid, or empty if it was marked before (a result kept twice)
     * @throws IllegalStateException if the plan has no such cell
     */
    Optional<CellGrid.Position> restore(CellId cell) {
        Integer p = promptIndex.get(cell.prompt());
        Integer m = modelIndex.get(cell.model());
        Integer t = trialIndex.get(cell.trial());
        if (p == null || m == null || t == null || cell.repetition() >= grid.repetitions()) {
            throw new IllegalStateException("a stored result is for cell " + cell + ", which this plan does not have");
        }
        int index = (int) grid.index(p, m, t, cell.repetition());
        if (done.get(index)) {
            return Optional.empty();
        }
        done.set(index);
        return Optional.of(new CellGrid.Position(p, m, t, cell.repetition()));
    }

    /**
     * Returns whether a cell's result is already stored.
     *
     * @param index the cell's number
     * @return true if it need not run
     */
    boolean isDone(long index) {
        return done.get((int) index);
    }
}
