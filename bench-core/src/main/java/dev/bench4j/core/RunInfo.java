package dev.bench4j.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A run as it starts: id, name, start time, plan snapshot, environment and provenance. Given to
 * listeners and result sinks before the first cell.
 *
 * @param id the run id, {@code bench_<8 hex>_<yyyyMMdd_HHmmss>} (UTC)
 * @param name the plan's name
 * @param startedAt when the run started
 * @param plan what the run runs
 * @param environment where it runs
 * @param provenance where it came from: description, tags, git commit, command line, host, user, files
 */
public record RunInfo(String id, String name, Instant startedAt, PlanSnapshot plan, Environment environment,
        Provenance provenance) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public RunInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * Makes a run description with no provenance recorded.
     *
     * @param id the run id
     * @param name the plan's name
     * @param startedAt when the run started
     * @param plan what the run runs
     * @param environment where it runs
     * @throws NullPointerException if a component is {@code null}
     */
    public RunInfo(String id, String name, Instant startedAt, PlanSnapshot plan, Environment environment) {
        this(id, name, startedAt, plan, environment, Provenance.none());
    }

    /**
     * Returns the number of cells the run will run.
     *
     * @return prompts × models × trials × repetitions
     */
    public long totalCells() {
        return plan.cellCount();
    }
}
