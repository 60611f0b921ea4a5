package dev.bench4j.core.spi;

import dev.bench4j.core.Result;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.Trial;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keeps the results of runs as their cells finish, e.g. by appending them to a file, so that a crash
 * loses at most the cells in flight. A sink is opened once per run: {@link #open} receives the run's
 * identity and trials and returns the {@link RunSink} that receives that run's results, checkpoints
 * and end. One sink may serve several runs at once; each has its own {@code RunSink}.
 *
 * <p>A sink that only needs each result is a lambda away: {@code ResultSink.of(r -> ...)}.
 *
 * <p>The runner calls {@code open} on the run's own thread before the first cell is dispatched. A sink
 * that throws there fails the run (with the sink's message) before any model is called.
 */
@FunctionalInterface
public interface ResultSink {

    /**
     * Opens this sink for one run. A resumed run is opened again, with its original id and start.
     *
     * @param run the run's id, name, start, plan and environment
     * @param trials the plan's trials, in plan order, so that a sink can keep them beside the results
     * @return where the run's results go
     * @throws RuntimeException (e.g. {@link java.io.UncheckedIOException}) if the sink cannot keep this
     *     run's results; the run then fails without calling any model
     */
    RunSink open(RunInfo run, List<Trial> trials);

    /**
     * Returns a sink that passes every result of every run to {@code action}, for a lambda sink such
     * as {@code ResultSink.of(r -> failed.add(r.cell()))}. The action is called from the runs'
     * threads: one at a time for a run, but runs sharing the sink call it concurrently.
     *
     * @param action receives each result
     * @return the sink
     * @throws NullPointerException if {@code action} is {@code null}
     */
    static ResultSink of(Consumer<? super Result> action) {
        Objects.requireNonNull(action, "action");
        return (run, trials) -> action::accept;
    }
}
