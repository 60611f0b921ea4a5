package dev.bench4j.store.json;

import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.RunWarning;
import dev.bench4j.core.Summary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run's {@code run.json} holds: everything about the run but its results, as returned by
 * {@link JsonRunStore#load(String)}.
 *
 * @param info the run's id, name, start, plan snapshot (prompts, model configs without secrets,
 *     trial count and fingerprint, repetitions, concurrency, scorers) and environment
 * @param status the run's status when it was last recorded ({@code interrupted} for a run recorded as
 *     running whose writer is gone, e.g. its process died)
 * @param statusReason why it failed or was cancelled
 * @param endedAt when it ended, empty while it runs
 * @param summary its summary: the final one once it ended, the latest checkpoint's while it runs,
 *     empty before the first checkpoint
 * @param folder the run's folder
 * @param warnings the health warnings of a finished run ({@code run.json}'s {@code warnings}); empty
 *     while it runs, when it had none, and for a run written by a version without the checks
 */
public record RunMetadata(RunInfo info, RunStatus status, Optional<String> statusReason, Optional<Instant> endedAt,
        Optional<Summary> summary, Path folder, List<RunWarning> warnings) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public RunMetadata {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusReason, "statusReason");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(folder, "folder");
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }

    /**
     * Creates the metadata of a run without warnings.
     *
     * @param info the run's id, name, start, plan snapshot and environment
     * @param status the run's status when it was last recorded
     * @param statusReason why it failed or was cancelled
     * @param endedAt when it ended, empty while it runs
     * @param summary its summary, empty before the first checkpoint
     * @param folder the run's folder
     * @throws NullPointerException if a component is {@code null}
     */
    public RunMetadata(RunInfo info, RunStatus status, Optional<String> statusReason, Optional<Instant> endedAt,
            Optional<Summary> summary, Path folder) {
        this(info, status, statusReason, endedAt, summary, folder, List.of());
    }

    /**
     * Returns how long the run took.
     *
     * @return from start to end, or empty while it runs
     */
    public Optional<Duration> duration() {
        return endedAt.map(end -> Duration.between(info.startedAt(), end));
    }
}
