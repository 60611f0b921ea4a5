package dev.bench4j.core.internal.run;

import dev.bench4j.core.CellGrid;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResumeOptions;
import dev.bench4j.core.Trial;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The cells of a resumed run that the store already holds results for, so they are not called
 * again, unless their newest result failed and the resume retries failed cells. Run thread only.
 *
 * <p>A store is append-only, so a cell may have several stored results (a retried cell has the old
 * failure and its new result); the newest (last kept) one wins. The stored results are read once
 * ({@link #scan}); only when some cell has more than one are they read a second time
 * ({@link #newest}) to count each cell's newest result only.
 */
final class ResumedCells {

    private final CellGrid grid;
    private final ResumeOptions options;
    private final Map<String, Integer> promptIndex;
    private final Map<String, Integer> modelIndex;
    private final Map<String, Integer> trialIndex;
    private final BitSet seen;
    private final BitSet retry;
    private final BitSet newestFailed;
    private final BitSet retried;
    private BitSet repeated;
    private Map<Integer, Result> newestOfRepeated;
    private final Map<Integer, Result> awaitingRetry = new HashMap<>();

    /**
     * Starts with no cell done.
     *
     * @param settings the run's settings
     * @param options whether failed cells are called again
     * @throws IllegalStateException if the run has more cells than can be tracked
     */
    ResumedCells(RunSettings settings, ResumeOptions options) {
        this.grid = settings.grid();
        this.options = options;
        if (grid.size() > Integer.MAX_VALUE) {
            throw new IllegalStateException("a run of " + grid.size() + " cells is too large to resume");
        }
        this.seen = new BitSet((int) grid.size());
        this.retry = new BitSet();
        this.newestFailed = new BitSet();
        this.retried = new BitSet();
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

    private int indexOf(CellId cell) {
        Integer p = promptIndex.get(cell.prompt());
        Integer m = modelIndex.get(cell.model());
        Integer t = trialIndex.get(cell.trial());
        if (p == null || m == null || t == null || cell.repetition() >= grid.repetitions()) {
            throw new IllegalStateException("a stored result is for cell " + cell + ", which this plan does not have");
        }
        return (int) grid.index(p, m, t, cell.repetition());
    }

    /**
     * Reads a stored result (first pass, in the order they were kept) and passes it to {@code count}
     * when it is the first of its cell and the cell is not called again; a later result of a cell
     * already seen marks the stored results as needing {@link #newest a second pass}.
     *
     * @param r the stored result
     * @param count receives the results to count, with their place in the grid
     * @throws IllegalStateException if the plan has no such cell
     */
    void scan(Result r, BiConsumer<Result, CellGrid.Position> count) {
        int index = indexOf(r.cell());
        boolean again = seen.get(index);
        if (again) {
            if (repeated == null) {
                repeated = new BitSet();
            }
            repeated.set(index);
            if (newestFailed.get(index)) {
                retried.set(index);   // a failed result superseded by a later call: a retry of an earlier resume
            }
        }
        seen.set(index);
        newestFailed.set(index, !r.succeeded());
        retry.set(index, options.retries(r));
        if (retry.get(index)) {
            awaitingRetry.put(index, r);
        } else if (again) {
            awaitingRetry.remove(index);
        }
        if (!again && !retry.get(index)) {
            count.accept(r, grid.position(index));
        }
    }

    /**
     * Tells whether some cell has more than one stored result, so that the counted results must be
     * counted again with {@link #newest}.
     *
     * @return true if a cell was seen twice
     */
    boolean needsSecondPass() {
        return repeated != null;
    }

    /**
     * Reads a stored result again (second pass, in the same order), counting at once the results of
     * cells stored once and keeping the newest of each cell stored more than once; call
     * {@link #countNewest} after the pass.
     *
     * @param r the stored result
     * @param count receives the results to count
     */
    void newest(Result r, BiConsumer<Result, CellGrid.Position> count) {
        int index = indexOf(r.cell());
        if (repeated.get(index)) {
            if (newestOfRepeated == null) {
                newestOfRepeated = new HashMap<>();
            }
            newestOfRepeated.put(index, r);
        } else if (!retry.get(index)) {
            count.accept(r, grid.position(index));
        }
    }

    /**
     * Counts the newest result of each cell stored more than once, unless it is called again.
     *
     * @param count receives the results to count
     */
    void countNewest(BiConsumer<Result, CellGrid.Position> count) {
        if (newestOfRepeated != null) {
            newestOfRepeated.forEach((index, r) -> {
                if (!retry.get(index)) {
                    count.accept(r, grid.position(index));
                }
            });
            newestOfRepeated = null;
        }
    }

    /**
     * Returns whether a cell need not run: a result is stored for it, and it is not called again.
     *
     * @param index the cell's number
     * @return true if it need not run
     */
    boolean isDone(long index) {
        return seen.get((int) index) && !retry.get((int) index);
    }

    /**
     * Returns whether a cell is called again because its newest stored result failed.
     *
     * @param index the cell's number
     * @return true if it is a retry
     */
    boolean isRetry(long index) {
        return retry.get((int) index);
    }

    /**
     * Records that a retried cell got a new result, which supersedes its stored failure.
     *
     * @param index the cell's number
     * @return true if the cell was not counted as retried before (in this run or an earlier resume)
     */
    boolean markRetried(long index) {
        awaitingRetry.remove((int) index);
        if (retried.get((int) index)) {
            return false;
        }
        retried.set((int) index);
        return true;
    }

    /**
     * Counts the stored failures of the cells that were to be retried but got no new result (the run
     * stopped first), so that the summary still covers them; call once, when the run ends.
     *
     * @param count receives each such stored result
     */
    void countNotRetried(BiConsumer<Result, CellGrid.Position> count) {
        awaitingRetry.forEach((index, r) -> count.accept(r, grid.position(index)));
        awaitingRetry.clear();
    }

    /**
     * Returns how many cells of the stored results were retried by earlier resumes: those with a
     * failed result followed by a later one.
     *
     * @return the count
     */
    long retriedBefore() {
        return retried.cardinality();
    }

    /**
     * Returns how many cells are called again.
     *
     * @return the count
     */
    long retrying() {
        return retry.cardinality();
    }
}
