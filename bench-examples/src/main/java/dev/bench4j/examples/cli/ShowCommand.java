package dev.bench4j.examples.cli;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Provenance;
import dev.bench4j.core.Review;
import dev.bench4j.core.RunInfo;
import dev.bench4j.store.json.InvalidRunFileException;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.RunMetadata;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code bench show RUN_ID [--store DIR]}: a stored run's metadata (name, status, times, prompts,
 * models, trials) and its summary table, read from {@code run.json}; when people reviewed the run,
 * their agreement with the AI judge and with each other (which reads the results for the judge's scores).
 */
@Command(name = "show", description = "Show a stored run's metadata and summary.", mixinStandardHelpOptions = true)
final class ShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "the run's id (see bench list)")
    String runId;

    @Mixin
    StoreOption store;

    private final Bench.Io io;

    ShowCommand(Bench.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        RunMetadata run = store.load(store.existing(), runId);
        RunInfo info = run.info();
        StringBuilder sb = new StringBuilder();
        sb.append("Run ").append(info.id()).append(": ").append(Terminal.clean(info.name())).append('\n');
        sb.append("  status    ").append(run.status().wireName())
                .append(run.statusReason().map(r -> " (" + Terminal.clean(r) + ")").orElse("")).append('\n');
        sb.append("  started   ").append(DateTimeFormatter.ISO_INSTANT.format(info.startedAt()));
        run.endedAt().ifPresent(e -> sb.append(", ended ").append(DateTimeFormatter.ISO_INSTANT.format(e)));
        sb.append('\n');
        sb.append("  prompts   ").append(info.plan().prompts().stream().map(Prompt::name).map(Terminal::clean)
                .collect(Collectors.joining(", "))).append('\n');
        sb.append("  models    ").append(info.plan().models().stream().map(ModelConfig::id).map(Terminal::clean)
                .collect(Collectors.joining(", "))).append('\n');
        if (!info.plan().scorerModels().isEmpty()) {
            sb.append("  judges    ").append(info.plan().scorerModels().stream().map(m -> m.id() + " (" + m.provider()
                    + " " + m.model() + ")").map(Terminal::clean).collect(Collectors.joining(", "))).append('\n');
        }
        sb.append("  trials    ").append(info.plan().trialCount()).append(" × ").append(info.plan().repetitions())
                .append(" repetitions\n");
        info.plan().subset().ifPresent(sub -> sb.append("  subset    ").append(Terminal.clean(sub.selectors().toString()))
                .append(" (of ").append(sub.planPrompts()).append(" prompts, ").append(sub.planModels()).append(" models, ")
                .append(sub.planTrials()).append(" trials)\n"));
        run.summary().filter(s -> s.retriedCells() > 0).ifPresent(s -> sb.append("  retried   ").append(s.retriedCells())
                .append(" failed cells called again (the summary counts each cell's newest result)\n"));
        provenance(info.provenance(), sb);
        sb.append("  folder    ").append(run.folder()).append("\n\n");
        if (run.summary().isPresent()) {
            Set<String> scorers = new LinkedHashSet<>(info.plan().scorers());
            run.summary().get().overall().scores().keySet().forEach(scorers::add);
            sb.append(SummaryTable.groups(run.summary().get(), scorers, io.terminal()));
            SummaryTable.perCell(run.summary().get().overall(), sb);
            SummaryTable.legend(!scorers.isEmpty(), sb);
            SummaryTable.passAtK(run.summary().get(), io.terminal(), sb);
            SummaryTable.judges(run.summary().get().overall().scorerCalls(), sb);
            SummaryTable.concurrency(run.summary().get(), sb);
        } else {
            sb.append("(no summary yet: the run has not reached a checkpoint)\n");
        }
        sb.append(WarningsText.render(run.warnings(), io.terminal()));
        JsonRunStore runs = store.existing();
        try {
            List<Review> reviews = runs.reviews(runId);
            if (!reviews.isEmpty()) {
                sb.append('\n').append(AgreementText.of(runs, run, reviews, Optional.empty(), 1, 1));
            }
        } catch (InvalidRunFileException e) {
            sb.append("\n(the reviews or results cannot be read: ").append(Terminal.clean(e.getMessage())).append(")\n");
        }
        io.out().print(sb);
        return 0;
    }

    /** The run's provenance, one labelled line per part that is known. */
    private static void provenance(Provenance p, StringBuilder sb) {
        p.description().ifPresent(d -> sb.append("  about     ").append(Terminal.clean(d)).append('\n'));
        if (!p.tags().isEmpty()) {
            sb.append("  tags      ").append(Terminal.clean(String.join(", ", p.tags()))).append('\n');
        }
        p.git().ifPresent(g -> sb.append("  git       ").append(g.commit())
                .append(g.dirty().map(d -> d ? " (changed files)" : " (clean)").orElse("")).append('\n'));
        p.planFile().ifPresent(f -> sb.append("  plan file ").append(Terminal.clean(f.path())).append(" sha256:")
                .append(f.sha256(), 0, 12).append('\n'));
        for (Provenance.SourceFile f : p.trialFiles()) {
            sb.append("  trials    ").append(Terminal.clean(f.path())).append(" sha256:").append(f.sha256(), 0, 12)
                    .append(" (").append(f.trialIds().size()).append(" trials)\n");
        }
        if (!p.commandLine().isEmpty()) {
            sb.append("  command   bench ").append(Terminal.clean(String.join(" ", p.commandLine()))).append('\n');
        }
        if (p.host().isPresent() || p.user().isPresent()) {
            sb.append("  by        ").append(Terminal.clean(p.user().orElse("?") + "@" + p.host().orElse("?"))).append('\n');
        }
    }
}
