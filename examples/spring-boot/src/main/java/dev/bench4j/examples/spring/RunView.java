package dev.bench4j.examples.spring;

import dev.bench4j.core.Run;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.Summary;
import dev.bench4j.store.json.RunMetadata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run as the REST endpoints return it: its id, status and summary figures, overall and per model.
 *
 * @param id the run id (also the MDC value of the run's log lines)
 * @param benchmark the benchmark's name
 * @param status {@code completed}, {@code failed}, {@code cancelled}, {@code running} or {@code interrupted}
 * @param statusReason why it failed or was cancelled
 * @param startedAt when it started
 * @param endedAt when it ended; empty while it runs
 * @param overall the figures over every cell; empty before the run's first checkpoint
 * @param models the figures per model config id
 * @param warnings the run's health warnings ({@code code: message})
 */
public record RunView(String id, String benchmark, String status, Optional<String> statusReason, Instant startedAt,
        Optional<Instant> endedAt, Optional<Figures> overall, Map<String, Figures> models, List<String> warnings) {

    /**
     * Copies the maps and lists.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public RunView {
        models = Map.copyOf(models);
        warnings = List.copyOf(warnings);
    }

    /**
     * Summary figures of a group of cells.
     *
     * @param cells the cells run
     * @param succeeded those without error
     * @param failed those with an error
     * @param scores the mean of each scorer, by name
     * @param costUsd the calls' cost, empty when no price is known
     * @param latencyP50Ms the median latency of the successful calls, in milliseconds
     */
    public record Figures(long cells, long succeeded, long failed, Map<String, Double> scores, Optional<Double> costUsd,
            Optional<Double> latencyP50Ms) {

        /**
         * Copies the scores.
         *
         * @throws NullPointerException if a component is {@code null}
         */
        public Figures {
            scores = Map.copyOf(scores);
        }

        static Figures of(Summary.Group group) {
            Map<String, Double> means = new LinkedHashMap<>();
            group.scores().forEach((name, stats) -> stats.mean().ifPresent(mean -> means.put(name, mean)));
            return new Figures(group.cells(), group.succeeded(), group.failed(), means,
                    group.cost().totalUsd().stream().boxed().findFirst(),
                    group.latency().map(latency -> latency.p50().toNanos() / 1e6));
        }
    }

    /**
     * Describes a finished run.
     *
     * @param run the run
     * @return its view
     */
    public static RunView of(Run run) {
        return of(run.info(), run.status().wireName(), run.statusReason(), Optional.of(run.endedAt()),
                Optional.of(run.summary()), run.warnings().stream().map(w -> w.code() + ": " + w.message()).toList());
    }

    /**
     * Describes a stored run, finished or not.
     *
     * @param stored the run's metadata, as {@code JsonRunStore.load} reads it
     * @return its view
     */
    public static RunView of(RunMetadata stored) {
        return of(stored.info(), stored.status().wireName(), stored.statusReason(), stored.endedAt(), stored.summary(),
                stored.warnings().stream().map(w -> w.code() + ": " + w.message()).toList());
    }

    private static RunView of(RunInfo info, String status, Optional<String> reason, Optional<Instant> endedAt,
            Optional<Summary> summary, List<String> warnings) {
        Map<String, Figures> models = new LinkedHashMap<>();
        summary.ifPresent(s -> s.byModel().forEach((model, group) -> models.put(model, Figures.of(group))));
        return new RunView(info.id(), info.name(), status, reason, info.startedAt(), endedAt,
                summary.map(s -> Figures.of(s.overall())), models, warnings);
    }
}
