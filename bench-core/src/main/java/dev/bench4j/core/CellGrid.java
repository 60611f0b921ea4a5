package dev.bench4j.core;

/**
 * The cells of a plan and the order they run in: every prompt × model config × trial × repetition,
 * numbered from 0 so that the model varies fastest, then the prompt, the trial and the repetition.
 * A run dispatches cells in this order, {@code BenchmarkPlan.forEachRequest} lists them in it, and a
 * resumed run or a store finds a cell's number with {@link #index}. The grid holds only its four
 * sizes, so a plan of millions of cells costs nothing to describe.
 *
 * <pre>{@code
 * CellGrid grid = run.info().plan().grid();
 * CellGrid.Position at = grid.position(17);   // prompt, model, trial and repetition of cell 17
 * long again = grid.index(at);                // 17
 * }</pre>
 *
 * @param prompts how many prompts
 * @param models how many model configs
 * @param trials how many trials
 * @param repetitions how many repetitions
 */
public record CellGrid(int prompts, int models, int trials, int repetitions) {

    /**
     * Validates the sizes.
     *
     * @throws IllegalArgumentException if a size is negative
     */
    public CellGrid {
        checkSize(prompts, "prompts");
        checkSize(models, "models");
        checkSize(trials, "trials");
        checkSize(repetitions, "repetitions");
    }

    private static void checkSize(int size, String what) {
        if (size < 0) {
            throw new IllegalArgumentException(what + " must be >= 0 but was " + size);
        }
    }

    /**
     * A cell's place in the grid: the positions of its prompt, model config and trial in the plan's
     * lists, and its repetition.
     *
     * @param prompt the prompt's position, from 0
     * @param model the model config's position, from 0
     * @param trial the trial's position, from 0
     * @param repetition the repetition, from 0
     */
    public record Position(int prompt, int model, int trial, int repetition) {
    }

    /**
     * Returns the number of cells: prompts × models × trials × repetitions.
     *
     * @return the cell count (a {@code long}: large plans exceed an {@code int})
     */
    public long size() {
        return (long) prompts * models * trials * repetitions;
    }

    /**
     * Returns the number of the cell at a place in the grid.
     *
     * @param prompt the prompt's position
     * @param model the model config's position
     * @param trial the trial's position
     * @param repetition the repetition
     * @return the cell's number in run order
     * @throws IndexOutOfBoundsException if a position is outside the grid
     */
    public long index(int prompt, int model, int trial, int repetition) {
        checkIndex(prompt, prompts, "prompt");
        checkIndex(model, models, "model");
        checkIndex(trial, trials, "trial");
        checkIndex(repetition, repetitions, "repetition");
        return (((long) repetition * trials + trial) * prompts + prompt) * models + model;
    }

    /**
     * Returns the number of the cell at a place in the grid.
     *
     * @param position the place
     * @return the cell's number in run order
     * @throws IndexOutOfBoundsException if the position is outside the grid
     */
    public long index(Position position) {
        return index(position.prompt(), position.model(), position.trial(), position.repetition());
    }

    /**
     * Returns the place of a cell given its number.
     *
     * @param index the cell's number in run order
     * @return its prompt, model, trial and repetition positions
     * @throws IndexOutOfBoundsException if {@code index} is negative or not below {@link #size()}
     */
    public Position position(long index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("cell " + index + " is outside a grid of " + size() + " cells");
        }
        int model = (int) (index % models);
        long rest = index / models;
        int prompt = (int) (rest % prompts);
        rest /= prompts;
        int trial = (int) (rest % trials);
        int repetition = (int) (rest / trials);
        return new Position(prompt, model, trial, repetition);
    }

    private static void checkIndex(int value, int size, String what) {
        if (value < 0 || value >= size) {
            throw new IndexOutOfBoundsException(what + " position " + value + " is outside 0.." + (size - 1));
        }
    }
}
