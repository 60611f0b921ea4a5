package dev.bench4j.store.json;

import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Summary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One run as the store's index lists it: what {@link JsonRunStore#list(RunQuery)} returns, without
 * reading the run's own files.
 *
 * @param id the run's id
 * @param name the plan's name
 * @param status the run's status when it was last recorded ({@code interrupted} for a run recorded as
 *     running whose writer is gone, e.g. its process died; such a run can be resumed)
 * @param startedAt when the run started
 * @param endedAt when it ended, empty while it runs
 * @param models the model config ids, in plan order
 * @param prompts the prompt names, in plan order
 * @param trialCount how many trials the plan has
 * @param cells how many cells had a result when the run was last recorded (at its start, 0, or
 *     the figure of the previous attempt for a resumed run; at its end, all)
 * @param successRate the share of those cells without error; empty when there are none
 * @param costUsd what the results cost in USD; empty while any successful result's cost is unknown
 * @param folder the run's folder
 * @param scores the mean of each score over the run's cells when it was last recorded, by scorer
 *     name (scores without a value are left out); empty before the first checkpoint, and for runs
 *     indexed by a bench4j that did not record them
 * @param tags the run's tags (its provenance's), empty when it has none
 * @param retriedCells how many of its failed cells were called again by resumes with retry of
 *     failed cells ({@code Summary.retriedCells()}), when it was last recorded
 */
public record RunEntry(String id, String name, RunStatus status, Instant startedAt, Optional<Instant> endedAt,
        List<String> models, List<String> prompts, int trialCount, long cells, OptionalDouble successRate,
        OptionalDouble costUsd, Path folder, Map<String, Double> scores, List<String> tags, long retriedCells) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component or list element is {@code null}
     * @throws IllegalArgumentException if {@code trialCount} or {@code cells} is negative, or a score is not finite
     */
    public RunEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        models = List.copyOf(Objects.requireNonNull(models, "models"));
        prompts = List.copyOf(Objects.requireNonNull(prompts, "prompts"));
        if (trialCount < 0) {
            throw new IllegalArgumentException("trialCount must be >= 0 but was " + trialCount);
        }
        if (cells < 0) {
            throw new IllegalArgumentException("cells must be >= 0 but was " + cells);
        }
        Objects.requireNonNull(successRate, "successRate");
        Objects.requireNonNull(costUsd, "costUsd");
        Objects.requireNonNull(folder, "folder");
        Map<String, Double> copy = new LinkedHashMap<>();
        Objects.requireNonNull(scores, "scores").forEach((k, v) -> {
            Objects.requireNonNull(k, "scores key");
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("score '" + k + "' must be a finite number but was " + v);
            }
            copy.put(k, v);
        });
        scores = Collections.unmodifiableMap(copy);
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        if (retriedCells < 0) {
            throw new IllegalArgumentException("retriedCells must be >= 0 but was " + retriedCells);
        }
    }

    /**
     * Makes an entry without tags or retried cells.
     *
     * @param id the run's id
     * @param name the plan's name
     * @param status the run's status
     * @param startedAt when it started
     * @param endedAt when it ended
     * @param models the model config ids
     * @param prompts the prompt names
     * @param trialCount how many trials
     * @param cells how many cells had a result
     * @param successRate the share of cells without error
     * @param costUsd what the results cost
     * @param folder the run's folder
     * @param scores the mean of each score, by scorer name
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code trialCount} or {@code cells} is negative, or a score is not finite
     */
    public RunEntry(String id, String name, RunStatus status, Instant startedAt, Optional<Instant> endedAt,
            List<String> models, List<String> prompts, int trialCount, long cells, OptionalDouble successRate,
            OptionalDouble costUsd, Path folder, Map<String, Double> scores) {
        this(id, name, status, startedAt, endedAt, models, prompts, trialCount, cells, successRate, costUsd, folder,
                scores, List.of(), 0);
    }

    /**
     * Returns the 95% Wilson interval of the success rate (see {@link Summary.Interval#wilson}), the
     * successes being the rate times the cells, rounded.
     *
     * @return the interval; empty when the run has no cell
     */
    public Optional<Summary.Interval> successRateCi95() {
        if (successRate.isEmpty() || cells == 0) {
            return Optional.empty();
        }
        long succeeded = Math.round(successRate.getAsDouble() * cells);
        return Summary.Interval.wilson(Math.min(cells, Math.max(0, succeeded)), cells, 0.95);
    }

    /**
     * Returns a copy with another status.
     *
     * @param newStatus the status
     * @return the copy
     * @throws NullPointerException if {@code newStatus} is {@code null}
     */
    public RunEntry withStatus(RunStatus newStatus) {
        return new RunEntry(id, name, newStatus, startedAt, endedAt, models, prompts, trialCount, cells, successRate,
                costUsd, folder, scores, tags, retriedCells);
    }

    /**
     * Makes an entry without score means.
     *
     * @param id the run's id
     * @param name the plan's name
     * @param status the run's status
     * @param startedAt when it started
     * @param endedAt when it ended
     * @param models the model config ids
     * @param prompts the prompt names
     * @param trialCount how many trials
     * @param cells how many cells had a result
     * @param successRate the share of cells without error
     * @param costUsd what the results cost
     * @param folder the run's folder
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code trialCount} or {@code cells} is negative
     */
    public RunEntry(String id, String name, RunStatus status, Instant startedAt, Optional<Instant> endedAt,
            List<String> models, List<String> prompts, int trialCount, long cells, OptionalDouble successRate,
            OptionalDouble costUsd, Path folder) {
        this(id, name, status, startedAt, endedAt, models, prompts, trialCount, cells, successRate, costUsd, folder,
                Map.of());
    }
}
