package dev.bench4j.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished (or stopped) run: its id, status and the reason for a failed or cancelled one, times,
 * what it ran, where, its results and its summary.
 *
 * <p>{@link #results()} holds every result when the plan retains results (the default); a plan
 * built with {@code retainResults(false)} keeps none in memory, and its results are only in its
 * sinks. The {@link #summary()} is complete either way.
 *
 * @param info the run's id, name, start, plan and environment
 * @param status how it ended
 * @param statusReason why it failed or was cancelled
 * @param endedAt when it ended
 * @param results the retained results, in the order cells finished
 * @param summary counts, scores, latency, tokens and cost per model, prompt and pair
 * @param warnings signs that the run is silently wrong (see {@link RunWarning}), found over every
 *     result (retained or not); empty when none
 */
public record Run(RunInfo info, RunStatus status, Optional<String> statusReason, Instant endedAt,
        List<Result> results, Summary summary, List<RunWarning> warnings) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    /**
     * The SLF4J MDC key ({@value}) under which bench4j puts the run id on the threads it creates
     * for a run (the run's own thread, which dispatches, scores and writes results, its timers and
     * its listeners), so a log pattern such as {@code %X{bench4j.run_id}} shows which run a line
     * belongs to. A provider's own I/O threads do not carry it.
     */
    public static final String MDC_RUN_ID = "bench4j.run_id";

    public Run {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusReason, "statusReason");
        Objects.requireNonNull(endedAt, "endedAt");
        results = List.copyOf(results);
        Objects.requireNonNull(summary, "summary");
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }

    /**
     * Creates a run without warnings.
     *
     * @param info the run's id, name, start, plan and environment
     * @param status how it ended
     * @param statusReason why it failed or was cancelled
     * @param endedAt when it ended
     * @param results the retained results
     * @param summary the summary
     * @throws NullPointerException if a component is {@code null}
     */
    public Run(RunInfo info, RunStatus status, Optional<String> statusReason, Instant endedAt, List<Result> results,
            Summary summary) {
        this(info, status, statusReason, endedAt, results, summary, List.of());
    }

    /**
     * Returns the run id.
     *
     * @return e.g. {@code bench_3f9a1c2e_20261122_184501}
     */
    public String id() {
        return info.id();
    }

    /**
     * Returns the plan's name.
     *
     * @return the name
     */
    public String name() {
        return info.name();
    }

    /**
     * Returns how long the run took.
     *
     * @return from start to end
     */
    public Duration duration() {
        return Duration.between(info.startedAt(), endedAt);
    }

    /**
     * Returns the retained results of one model config.
     *
     * @param modelId the config's id
     * @return its results, empty if none
     */
    public List<Result> resultsFor(String modelId) {
        return results.stream().filter(r -> r.cell().model().equals(modelId)).toList();
    }

    /**
     * Returns a one-line description, e.g.
     * {@code Run[bench_3f9a1c2e_20261122_184501 triage completed 12 cells, 11 ok, 1 failed in PT1.2S]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        Summary.Group all = summary.overall();
        return "Run[" + id() + " " + name() + " " + status.wireName() + statusReason.map(r -> " (" + r + ")").orElse("")
                + " " + all.cells() + " cells, " + all.succeeded() + " ok, " + all.failed() + " failed in "
                + duration() + "]";
    }
}
