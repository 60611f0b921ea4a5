package dev.bench4j.core.spi;

import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.Summary;
import java.time.Instant;

/**
 * Receives one run's results, opened by {@link ResultSink#open}. The runner calls it from the run's
 * thread, one call at a time, in this order: {@link #accept} for each result as its cell finishes
 * (interleaved with {@link #checkpoint} every few seconds while results arrive), then {@link #finish}
 * once. A sink that throws from {@code accept} or {@code checkpoint} stops the run: it is marked
 * failed, with the sink's message, because its results could not be kept; {@code finish} is still
 * called. A sink should return quickly; the runner dispatches new cells as results are accepted.
 */
@FunctionalInterface
public interface RunSink {

    /**
     * Receives one result.
     *
     * @param result the result, scored
     * @throws RuntimeException if the result could not be kept; the run then fails
     */
    void accept(Result result);

    /**
     * Receives the run's summary so far, every few seconds while results arrive, so that a sink can
     * show or keep the progress of a long run (a store rewrites its run file). The default does nothing.
     *
     * @param soFar the summary of every result accepted so far (including, for a resumed run, those
     *     kept before it was interrupted)
     * @throws RuntimeException if the checkpoint could not be kept; the run then fails
     */
    default void checkpoint(Summary soFar) {
    }

    /**
     * Receives one line of the run's own log: its start, resumption, failed cells, stop and end, as
     * the runner logs them through SLF4J (a store keeps them in the run's {@code run.log}). Called
     * on the run's thread between the other calls; a sink that throws here is logged at DEBUG and
     * otherwise ignored, since a log line is not a result. The default does nothing.
     *
     * @param at when it happened
     * @param level {@code INFO}, {@code WARN} or {@code ERROR}
     * @param message the message, one line, without secrets
     */
    default void log(Instant at, String level, String message) {
    }

    /**
     * Called once when the run has ended, whatever its status.
     *
     * @param run the finished run with its final summary
     * @throws RuntimeException if the sink could not finish; the run's status becomes failed
     */
    default void finish(Run run) {
    }
}
