package dev.bench4j.core.internal.run;

import dev.bench4j.core.Budget;
import dev.bench4j.core.Progress;
import dev.bench4j.core.Result;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a run has done so far: the counters its progress shows, its summary and, when the plan keeps
 * them, its results. Written on the run thread only; the counters are volatile so that
 * {@link #progress} may be read from any thread.
 */
final class RunTally {

    private final RunSettings settings;
    private final Budget budget;
    private final boolean budgeted;
    private SummaryAccumulator summary;
    private final List<Result> results;
    private long retriedCells;
    private long calls;
    private long tokens;
    private double budgetUsd;
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
        this.settings = settings;
        this.budget = settings.control().budget();
        this.budgeted = !budget.isNone();
        this.summary = newSummary(settings);
        this.results = settings.outputs().retainResults() ? new ArrayList<>() : null;
    }

    private static SummaryAccumulator newSummary(RunSettings settings) {
        return new SummaryAccumulator(settings.prompts(), settings.models(),
                settings.scorers().stream()
                        .flatMap(s -> Stream.concat(Stream.of(s.name()), s.parts().stream())).toList(),
                settings.repetitions());
    }

    /**
     * Forgets every counted cell, to count a resumed run's stored results again; the spend toward the
     * budget ({@link #spendStored}) stays. Run thread only.
     */
    void clear() {
        done = 0;
        succeeded = 0;
        failed = 0;
        cached = 0;
        inputTokens = 0;
        outputTokens = 0;
        spentUsd = 0;
        summary = newSummary(settings);
        if (results != null) {
            results.clear();
        }
    }

    /**
     * Counts one more cell whose failed result a new call superseded. Run thread only.
     *
     * @param cells how many cells to add
     */
    void addRetried(long cells) {
        retriedCells += cells;
    }

    /**
     * Returns how many cells were retried.
     *
     * @return the count
     */
    long retried() {
        return retriedCells;
    }

    /**
     * Says which cap of the run's budget is reached, if any. Run thread only.
     *
     * @param inFlight cells in flight, each counted as one call toward the call cap
     * @return the reason naming the cap and the spend, or {@code null} when no cap is reached (or
     *     there is no budget); {@code null} rather than an empty Optional keeps the dispatch loop free
     *     of allocation
     */
    String overBudget(long inFlight) {
        if (!budgeted) {
            return null;
        }
        double cost = budgetUsd;
        if (budget.maxCostUsd().isPresent() && cost >= budget.maxCostUsd().getAsDouble()) {
            return String.format(Locale.ROOT, "budget exceeded: max_cost_usd %.4f reached (spent $%.4f)",
                    budget.maxCostUsd().getAsDouble(), cost);
        }
        if (budget.maxTokens().isPresent() && tokens >= budget.maxTokens().getAsLong()) {
            return "budget exceeded: max_tokens " + budget.maxTokens().getAsLong() + " reached (used " + tokens
                    + " tokens)";
        }
        if (budget.maxCalls().isPresent() && calls + inFlight >= budget.maxCalls().getAsLong()) {
            return "budget exceeded: max_calls " + budget.maxCalls().getAsLong() + " reached (" + (calls + inFlight)
                    + " calls made or in flight)";
        }
        return null;
    }

    /**
     * Adds a stored result's calls, tokens and cost to the spend toward the budget, whether or not
     * the result is counted in the summary (a superseded or retried result's calls were paid for too).
     * Run thread only.
     *
     * @param result a result the store kept
     */
    void spendStored(Result result) {
        if (budgeted) {
            spend(result);
        }
    }

    private void spend(Result result) {
        if (!result.cached()) {
            calls += result.attempts();
            tokens += result.usage().inputTokens().orElse(0) + result.usage().outputTokens().orElse(0);
            if (result.costUsd().isPresent()) {
                budgetUsd += result.costUsd().getAsDouble();
            }
        }
        for (Score score : result.scores().values()) {
            for (Score.Call c : score.calls()) {
                if (!c.cached()) {
                    calls += c.attempts();
                    tokens += c.usage().inputTokens().orElse(0) + c.usage().outputTokens().orElse(0);
                    if (c.costUsd().isPresent()) {
                        budgetUsd += c.costUsd().getAsDouble();
                    }
                }
            }
        }
    }

    /**
     * Adds a finished cell to the counters, the summary and the kept results, and its calls, tokens
     * and cost to the spend toward the budget. Run thread only.
     *
     * @param result the cell's result
     * @param prompt the position of its prompt
     * @param model the position of its model
     */
    void count(Result result, int prompt, int model) {
        if (budgeted) {
            spend(result);
        }
        countStored(result, prompt, model);
    }

    /**
     * Adds a stored result to the counters, the summary and the kept results, without adding to the
     * spend toward the budget ({@link #spendStored} does). Run thread only.
     *
     * @param result the cell's result
     * @param prompt the position of its prompt
     * @param model the position of its model
     */
    void countStored(Result result, int prompt, int model) {
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
        return summary.build(elapsed, retriedCells);
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
