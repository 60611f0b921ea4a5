package dev.bench4j.core.spi;

import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.Trial;
import java.util.List;

/**
 * Receives every result of a run as its cell finishes, e.g. to append it to a file, so that a crash
 * loses at most the cells in flight.
 *
 * <p>The runner calls a sink from one thread at a time, in the order cells finish:
 * {@link #runStarted}, {@link #acceptTrials}, then {@link #accept} per result, then {@link #runFinished}. All are
 * called on the run's own thread (each run has one), so a sink that several runs share at once
 * can tell their results apart by the calling thread. A sink that throws stops the run: it is
 * marked failed, with the sink's message, because its results could not be kept; its
 * {@code runFinished} is still called. A sink should return quickly; the runner dispatches new
 * cells as results are accepted.
 */
public interface ResultSink {

    /**
     * Called once before the first cell is dispatched.
     *
     * @param run the run's id, name, plan and cell count
     * @throws RuntimeException (e.g. {@link java.io.UncheckedIOException}) if the sink cannot keep results
     */
    default void runStarted(RunInfo run) {
    }

    /**
     * Receives the plan's trials once, right after {@link #runStarted} and before the first result, so
     * that a sink can keep them beside the results (a viewer then shows each answer's variables and
     * expected answer). A resumed run passes them again. The default ignores them.
     *
     * @param run the run, as passed to {@link #runStarted}
     * @param trials the plan's trials, in plan order
     * @throws RuntimeException if the sink cannot keep them; the run then fails
     */
    default void acceptTrials(RunInfo run, List<Trial> trials) {
    }

    /**
     * Receives one result.
     *
     * @param result the result, scored
     * @throws RuntimeException if the result could not be kept; the run then fails
     */
    void accept(Result result);

    /**
     * Called once when the run has ended, whatever its status.
     *
     * @param run the finished run with its summary
     * @throws RuntimeException if the sink could not finish; the run's status becomes failed
     */
    default void runFinished(Run run) {
    }
}
