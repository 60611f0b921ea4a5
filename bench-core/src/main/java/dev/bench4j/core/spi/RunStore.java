package dev.bench4j.core.spi;

import dev.bench4j.core.BenchException;
import dev.bench4j.core.Result;
import dev.bench4j.core.RunInfo;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps runs as they happen and finds them again, so an interrupted run can be resumed. A store is
 * a {@link ResultSink}: {@code open} creates (or, for a resumed run, reopens) the run's record and
 * returns the {@link RunSink} that keeps each result as its cell finishes, the summary at each
 * checkpoint, and the end. {@code bench-store-json}'s {@code JsonRunStore} is the implementation bench4j ships.
 *
 * <p>Set one with {@code BenchmarkPlan.Builder.store(...)}; {@code BenchmarkPlan.resume(runId)}
 * then asks it for the run to continue.
 */
public interface RunStore extends ResultSink {

    /**
     * Finds a stored run to continue: its metadata (whose plan snapshot the resuming plan must match)
     * and a way to read the results already kept.
     *
     * @param runId the run's id
     * @return the run, or empty if the store has no run with that id
     * @throws BenchException if the run exists but cannot be read
     */
    Optional<StoredRun> resumable(String runId);

    /**
     * A run found in a store.
     *
     * @param info the run's metadata as stored when it started
     * @param results reads every result kept so far, in the order they were kept
     */
    record StoredRun(RunInfo info, ResultReader results) {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         */
        public StoredRun {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(results, "results");
        }
    }

    /** Reads a stored run's results one by one, without holding them all in memory. */
    @FunctionalInterface
    interface ResultReader {
        /**
         * Passes every stored result to {@code action}, in the order they were kept.
         *
         * @param action receives each result
         * @throws BenchException if the results cannot be read
         */
        void forEach(Consumer<Result> action);
    }
}
