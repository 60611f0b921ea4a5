package dev.bench4j.examples.cli;

import dev.bench4j.core.Result;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Summary;
import dev.bench4j.scoring.compare.Leaderboard;
import dev.bench4j.scoring.compare.PairedComparison;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.RunEntry;
import dev.bench4j.store.json.RunMetadata;
import dev.bench4j.store.json.RunQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench leaderboard --metric NAME [--store DIR] [--run RUN_ID] [--p-adjust METHOD]}: the models
 * of a store's completed runs (or of one run) ranked by a score's mean, with 95% intervals and ties at
 * every rank ({@link Leaderboard}'s rule). Beside each entry, the paired test against the leader on
 * the cells both have (same prompt, trial and repetition): the mean difference and its p-value,
 * Holm-adjusted over the comparisons shown unless {@code --p-adjust} says otherwise.
 */
@Command(name = "leaderboard", description = "Rank the models of stored runs by a score.", mixinStandardHelpOptions = true)
final class LeaderboardCommand implements Callable<Integer> {

    @Option(names = "--metric", paramLabel = "NAME", required = true, description = "the score to rank by, e.g. set_f1")
    String metric;

    @Mixin
    StoreOption store;

    @Mixin
    PAdjustOption pAdjust;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "only this run (default: every completed run)")
    String runId;

    private final Bench.Io io;

    /** Where an entry's cells are: a run and a model of it. */
    private record Source(String run, String model) {
    }

    /** A cell of a model, as another model's cell pairs with it. */
    private record Key(String prompt, String trial, int repetition) {
    }

    LeaderboardCommand(Bench.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        pAdjust.method();
        JsonRunStore runs = store.existing();
        List<String> ids = new ArrayList<>();
        if (runId != null) {
            ids.add(runId);
        } else {
            runs.list(RunQuery.all().withStatus(RunStatus.COMPLETED)).stream().map(RunEntry::id).forEach(ids::add);
        }
        Map<String, Summary.Group> groups = new LinkedHashMap<>();
        Map<String, Source> sources = new HashMap<>();
        for (String id : ids) {
            RunMetadata m = store.load(runs, id);
            m.summary().ifPresent(s -> s.byModel().forEach((model, g) -> {
                String name = runId != null ? model : model + " @ " + id;
                groups.put(name, g);
                sources.put(name, new Source(id, model));
            }));
        }
        Leaderboard board;
        try {
            board = Leaderboard.of(groups, metric);
        } catch (IllegalArgumentException e) {
            throw new Bench.UsageException(e.getMessage());
        }
        List<Optional<PairedComparison>> vsLeader = pAdjust.adjust(againstLeader(runs, board, sources));
        long shown = vsLeader.stream().filter(Optional::isPresent).count();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < board.entries().size(); i++) {
            Leaderboard.Entry e = board.entries().get(i);
            Optional<PairedComparison> c = vsLeader.get(i);
            rows.add(List.of(e.rank() == 0 ? "-" : String.valueOf(e.rank()), Terminal.clean(e.name()),
                    e.mean().isPresent() ? Format.number(e.mean().getAsDouble()) : "-",
                    e.ci95().map(ci -> "[" + Format.number(ci.lower()) + ", " + Format.number(ci.upper()) + "]").orElse("-"),
                    Format.count(e.n()),
                    c.map(x -> String.format(Locale.ROOT, "%+.3f", x.difference().value())).orElse("-"),
                    c.map(x -> Format.pValue(x.pValue())).orElse("-"), e.tied() ? "tied" : ""));
        }
        StringBuilder out = new StringBuilder(Table.render(List.of("rank", "model", metric, "95% CI", "n", "vs leader",
                pAdjust.header(shown), ""), rows, 2, false, io.terminal()));
        if (shown > 0) {
            out.append("vs leader: the mean difference from the leader on the cells both have (same prompt, trial and"
                    + " repetition);\n  p: McNemar's exact test for pass/fail scores, else Wilcoxon's signed-rank\n");
        }
        out.append(pAdjust.note(shown));
        io.out().print(out);
        return 0;
    }

    /**
     * Each ranked entry's paired comparison with the leader (A the leader, B the entry); empty for the
     * leader, for entries without a value and for entries sharing fewer than two cells with it.
     */
    private List<Optional<PairedComparison>> againstLeader(JsonRunStore runs, Leaderboard board, Map<String, Source> sources) {
        List<Leaderboard.Entry> entries = board.entries();
        Map<String, Map<Key, Double>> values = cellValues(runs, entries, sources);
        Map<Key, Double> leader = values.get(entries.get(0).name());
        List<Optional<PairedComparison>> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Leaderboard.Entry e = entries.get(i);
            out.add(i == 0 || e.rank() == 0 ? Optional.empty()
                    : PAdjustOption.paired(metric, leader, values.get(e.name())));
        }
        return out;
    }

    /** The metric's value of every cell of the ranked entries, by entry name, read from their runs once each. */
    private Map<String, Map<Key, Double>> cellValues(JsonRunStore runs, List<Leaderboard.Entry> entries,
            Map<String, Source> sources) {
        Map<String, Map<String, Map<Key, Double>>> byRunAndModel = new LinkedHashMap<>();
        Map<String, Map<Key, Double>> byName = new HashMap<>();
        for (Leaderboard.Entry e : entries) {
            if (e.rank() == 0) {
                continue;
            }
            Source s = sources.get(e.name());
            Map<Key, Double> cells = new LinkedHashMap<>();
            byRunAndModel.computeIfAbsent(s.run(), r -> new HashMap<>()).put(s.model(), cells);
            byName.put(e.name(), cells);
        }
        byRunAndModel.forEach((run, models) -> runs.forEachResult(run, (Result r) -> {
            Map<Key, Double> cells = models.get(r.cell().model());
            if (cells != null) {
                r.score(metric).ifPresent(v -> cells.put(new Key(r.cell().prompt(), r.cell().trial(), r.cell().repetition()), v));
            }
        }));
        return byName;
    }

}
