package dev.bench4j.core;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A run in progress, from {@link BenchmarkPlan#start()}: watch its progress, cancel it, wait for it.
 *
 * <pre>{@code
 * RunHandle h = plan.start();
 * h.progress().done();
 * h.cancel();                      // keeps finished results, marks the run cancelled
 * Run run = h.await();
 * }</pre>
 */
public interface RunHandle {

    /**
     * Returns the run's id.
     *
     * @return the id
     */
    String id();

    /**
     * Returns a snapshot of the run's progress; cheap enough to call many times per second.
     *
     * @return the progress now
     */
    Progress progress();

    /**
     * Cancels the run: stops dispatching, cancels the calls in flight (they yield no result),
     * keeps every finished result, and marks the run cancelled. Does nothing once the run is over.
     */
    void cancel();

    /**
     * Cancels the run as {@link #cancel()} does, recording why (the run's status reason), e.g.
     * {@code stopped by SIGINT}. The default ignores the reason.
     *
     * @param reason why the run is cancelled, one line
     * @throws NullPointerException if {@code reason} is {@code null}
     */
    default void cancel(String reason) {
        java.util.Objects.requireNonNull(reason, "reason");
        cancel();
    }

    /**
     * Returns whether the run is over.
     *
     * @return true once the run completed, failed or was cancelled
     */
    boolean isDone();

    /**
     * Waits for the run to end.
     *
     * @return the run
     * @throws BenchException if the waiting thread is interrupted (its interrupt flag is kept)
     */
    Run await();

    /**
     * Waits at most a while for the run to end.
     *
     * @param timeout the longest wait
     * @return the run, or empty if it is still going
     * @throws NullPointerException if {@code timeout} is {@code null}
     * @throws BenchException if the waiting thread is interrupted (its interrupt flag is kept)
     */
    Optional<Run> await(Duration timeout);

    /**
     * Returns a future completed with the run when it ends (never exceptionally: a failed run is a
     * run with status {@link RunStatus#FAILED}). Cancelling this future does not cancel the run; use
     * {@link #cancel()}.
     *
     * @return the future
     */
    CompletableFuture<Run> future();
}
