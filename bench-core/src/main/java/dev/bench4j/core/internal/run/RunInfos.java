package dev.bench4j.core.internal.run;

import dev.bench4j.core.Environment;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanSnapshot;
import dev.bench4j.core.Provenance;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.spi.RunStore;
import dev.bench4j.core.spi.Scorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Makes a run's identity: its plan snapshot, id, start and environment, or a resumed run's own. */
final class RunInfos {

    private RunInfos() {
    }

    /**
     * Describes a new run, or checks that a stored run may be resumed with these settings.
     *
     * @param settings the run's settings
     * @param judges the models the scorers call
     * @param resumed the stored run to continue, if any
     * @return the run's info; a resumed run keeps its id and start
     * @throws InvalidPlanException if the settings differ from the resumed run's plan
     */
    static RunInfo of(RunSettings settings, List<ModelConfig> judges, Optional<RunStore.StoredRun> resumed) {
        PlanSnapshot snapshot = snapshot(settings, judges);
        if (resumed.isPresent()) {
            RunInfo stored = resumed.get().info();
            List<String> differences = ResumeCheck.differences(stored.plan(), snapshot);
            if (!differences.isEmpty()) {
                throw new InvalidPlanException(differences.stream()
                        .map(d -> "run '" + stored.id() + "' cannot be resumed with this plan: " + d).toList());
            }
        }
        String id = resumed.map(r -> r.info().id()).orElseGet(() -> RunIds.next(settings.services().clock()));
        Instant startedAt = resumed.map(r -> r.info().startedAt()).orElseGet(() -> settings.services().clock().instant());
        Provenance provenance = resumed.map(r -> r.info().provenance())
                .filter(p -> !p.equals(Provenance.none()))
                .orElseGet(() -> withHostAndUser(settings.provenance(), settings.services().environment()));
        return new RunInfo(id, settings.name(), startedAt, snapshot, Environment.current(), provenance);
    }

    /**
     * Fills the host and user of a provenance that has none: the host from {@code HOSTNAME},
     * {@code COMPUTERNAME} or {@code /etc/hostname} (no name lookup, which can stall offline), the
     * user from {@code user.name}.
     */
    static Provenance withHostAndUser(Provenance p, Function<String, Optional<String>> env) {
        if (p.host().isPresent() && p.user().isPresent()) {
            return p;
        }
        Optional<String> host = p.host().or(() -> env.apply("HOSTNAME").or(() -> env.apply("COMPUTERNAME"))
                .or(RunInfos::etcHostname)).map(String::strip).filter(h -> !h.isEmpty());
        Optional<String> user = p.user().or(() -> Optional.ofNullable(System.getProperty("user.name")))
                .filter(u -> !u.isBlank());
        return p.withHostAndUser(host, user);
    }

    private static Optional<String> etcHostname() {
        try {
            Path file = Path.of("/etc/hostname");
            return Files.isRegularFile(file) && Files.size(file) < 1024 ? Optional.of(Files.readString(file))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static PlanSnapshot snapshot(RunSettings settings, List<ModelConfig> judges) {
        List<Scorer> scorers = settings.scorers();
        RunSettings.Control control = settings.control();
        Optional<PlanSnapshot.SubsetOf> subset = control.subset().isAll() ? Optional.empty()
                : Optional.of(new PlanSnapshot.SubsetOf(control.subset(), control.planPrompts().size(),
                        control.planModels().size(), control.planTrials().size()));
        return new PlanSnapshot(settings.name(), settings.prompts(), settings.models(), settings.trials().size(),
                TrialFingerprint.of(settings.trials()), settings.repetitions(), settings.limits().concurrency(),
                scorers.stream().map(Scorer::name).toList(), judges, scorerSettings(scorers), subset);
    }

    private static Map<String, Map<String, Object>> scorerSettings(List<Scorer> scorers) {
        Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
        for (Scorer s : scorers) {
            Map<String, Object> values = s.settings();
            if (!values.isEmpty()) {
                settings.put(s.name(), values);
            }
        }
        return settings;
    }
}
