package dev.bench4j.core.internal.run;

import dev.bench4j.core.Progress;
import dev.bench4j.core.Result;
import dev.bench4j.core.Summary;
import dev.bench4j.core.spi.Scorer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run has done so far: the counters its progress shows, its summary and, when the plan keeps
 * them, its results. Written on the run thread only; the counters are volatile so that
 * {@link #progress} may be read from any thread.
 */
final class RunTally {

    private final SummaryAccumulator summary;
    private final List<Result> results;
    private volatile long done;
    private volatile long succeeded;
    private volatile long failed;
    private volatile long cached;
    private volatile long inputTokens;
    private volatile long outputTokens;
    private volatile double spentUsd;

    /**
     * Starts an empty tally.
     *
     * @param settings the run's settings (groups of the summary, whether results are kept)
     */
    RunTally(RunSettings settings) {
        this.summary = new SummaryAccumulator(settings.prompts(), settings.models(),
                settings.scorers().stream().map(Scorer::name).toList());
        this.results = settings.outputs().retainResults() ? new ArrayList<>() : null;
    }

    /**
     * Adds a finished cell to the counters, the summary and the kept results. Run thread only.
     *
     * @param result the cell's result
     * @param prompt the position of its prompt
     * @param model the position of its model
     */
    void count(Result result, int prompt, int model) {
        if (result.succeeded()) {
            succeeded++;
        } else {
            failed++;
        }
        if (result.cached()) {
            cached++;
        }
        inputTokens += result.usage().inputTokens().orElse(0);
        outputTokens += result.usage().outputTokens().orElse(0);
        if (!result.cached() && result.costUsd().isPresent()) {
            spentUsd += result.costUsd().getAsDouble();
        }
        done++;   // last: progress() reads done first, so it never sees a cell counted without its tokens
        summary.add(result, prompt, model);
        if (results != null) {
            results.add(result);
        }
    }

    /**
     * Returns how many cells are counted.
     *
     * @return the count
     */
    long done() {
        return done;
    }

    /**
     * Returns the summary of every counted cell. Run thread only.
     *
     * @param elapsed how long the run has taken
     * @return the summary
     */
    Summary summary(Duration elapsed) {
        return summary.build(elapsed);
    }

    /**
     * Returns the kept results. Run thread only.
     *
     * @return the results in the order they finished; empty when the plan keeps none
     */
    List<Result> results() {
        return results == null ? List.of() : results;
    }

    /**
     * Returns a snapshot of the progress; any thread.
     *
     * @param total the run's cell count
     * @param retries retries so far
     * @param inFlight cells in flight
     * @param elapsed time since the run started
     * @param over whether the run has ended (no estimate then)
     * @return the progress
     */
    Progress progress(long total, long retries, long inFlight, Duration elapsed, boolean over) {
        long d = done;
        Optional<Duration> eta = d == 0 || d >= total || over ? Optional.empty()
                : Optional.of(Duration.ofNanos((long) (elapsed.toNanos() * ((double) (total - d) / d))));
        return new Progress(total, d, succeeded, failed, cached, retries, inFlight, inputTokens, outputTokens,
                spentUsd, elapsed, eta);
    }
}
