package dev.bench4j.examples.cli;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Result;
import dev.bench4j.core.Summary;
import dev.bench4j.scoring.compare.PairedComparison;
import dev.bench4j.scoring.compare.RegressionGate;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.RunMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench compare BASE RUN [--metric NAME] [--threshold T] [--fail-on-regression] [--p-adjust METHOD]
 * [--store DIR]}: two stored runs side by side per model (score mean, success rate, the paired test's
 * p-value, the change of cost per cell and of latency p50), then, cell by cell for the metric, where
 * they agree and where they differ. The paired test (McNemar's exact test for pass/fail values, else
 * Wilcoxon's signed-rank test) runs on the cells both runs have; its p-values are Holm-adjusted over
 * the models shown unless {@code --p-adjust} says otherwise. With {@code --fail-on-regression} the
 * exit code is 1 when a model's metric or success rate dropped by more than the threshold.
 */
@Command(name = "compare", description = "Compare two stored runs.", mixinStandardHelpOptions = true)
final class CompareCommand implements Callable<Integer> {

    private static final int SHOWN = 10;

    @Parameters(index = "0", paramLabel = "BASE", description = "the baseline run's id")
    String base;

    @Parameters(index = "1", paramLabel = "RUN", description = "the run to compare with it")
    String run;

    @Option(names = "--metric", paramLabel = "NAME", description = "the score to compare cell by cell (default: the first score)")
    String metric;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0", description = "the drop allowed before it is a regression")
    double threshold;

    @Option(names = "--fail-on-regression", description = "exit 1 when a regression is found (for CI)")
    boolean failOnRegression;

    @Mixin
    StoreOption store;

    @Mixin
    PAdjustOption pAdjust;

    private final Bench.Io io;

    CompareCommand(Bench.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        pAdjust.method();
        JsonRunStore runs = store.existing();
        RunMetadata a = store.load(runs, base);
        RunMetadata b = store.load(runs, run);
        Summary sa = a.summary().orElseGet(() -> runs.summarize(base));
        Summary sb = b.summary().orElseGet(() -> runs.summarize(run));
        String m = metric != null ? metric : sa.overall().scores().keySet().stream().findFirst().orElse(null);
        Set<String> models = new TreeSet<>(sa.byModel().keySet());
        models.addAll(sb.byModel().keySet());
        Map<CellId, Double> baseValues = new LinkedHashMap<>();
        Map<CellId, Double> runValues = new LinkedHashMap<>();
        if (m != null) {
            runs.forEachResult(base, r -> value(r, m).ifPresent(v -> baseValues.put(r.cell(), v)));
            runs.forEachResult(run, r -> value(r, m).ifPresent(v -> runValues.put(r.cell(), v)));
        }
        List<Optional<PairedComparison>> tests = new ArrayList<>();
        for (String model : models) {
            tests.add(m == null ? Optional.empty() : PAdjustOption.paired(m, ofModel(baseValues, model), ofModel(runValues, model)));
        }
        tests = pAdjust.adjust(tests);
        long shown = tests.stream().filter(Optional::isPresent).count();
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        for (String model : models) {
            Summary.Group ga = sa.byModel().get(model);
            Summary.Group gb = sb.byModel().get(model);
            Optional<PairedComparison> test = tests.get(i++);
            rows.add(List.of(Terminal.clean(model), score(ga, m), score(gb, m), rate(ga), rate(gb),
                    test.map(c -> Format.pValue(c.pValue())).orElse("-"), costDelta(ga, gb), latencyDelta(ga, gb)));
        }
        StringBuilder out = new StringBuilder();
        out.append(Table.render(List.of("model", (m == null ? "-" : m) + " base", "run", "ok base", "run",
                pAdjust.header(shown), "Δ cost/cell", "Δ p50"), rows, 1, false, io.terminal()));
        if (shown > 0) {
            out.append("p: ").append(m).append(" of RUN against BASE on the cells both have, McNemar's exact test for"
                    + " pass/fail scores, else Wilcoxon's signed-rank; Δ: RUN minus BASE\n");
        }
        out.append(pAdjust.note(shown));
        if (m != null) {
            out.append('\n').append(cells(baseValues, runValues, m));
        }
        subsetNote(a, out);
        subsetNote(b, out);
        List<RegressionGate.Regression> regressions = m == null ? List.of()
                : RegressionGate.of(sa, sb).metric(m, threshold).metric("success_rate", threshold).regressions();
        if (regressions.isEmpty()) {
            out.append("No regression beyond ").append(Format.number(threshold)).append('\n');
        } else {
            out.append("Regressions:\n");
            regressions.forEach(r -> out.append("  ").append(Terminal.clean(r.toString())).append('\n'));
        }
        io.out().print(out);
        return failOnRegression && !regressions.isEmpty() ? 1 : 0;
    }

    /**
     * Says when a run ran a part of its plan: its rows then cover other cells than a whole run's, and
     * only the cell lines compare like with like.
     */
    private static void subsetNote(RunMetadata r, StringBuilder out) {
        r.info().plan().subset().ifPresent(sub -> out.append("Note: run ").append(r.info().id()).append(" ran a subset (")
                .append(Terminal.clean(sub.selectors().toString())).append("); the rows above cover its cells only, "
                        + "the cell counts compare the cells both runs have\n"));
    }

    /** Cell by cell: how many have the same value in both runs, and the largest differences. */
    private static String cells(Map<CellId, Double> baseValues, Map<CellId, Double> runValues, String m) {
        long[] agree = {0};
        List<String[]> differ = new ArrayList<>();
        runValues.forEach((cell, now) -> {
            Double before = baseValues.get(cell);
            if (before == null) {
                return;
            }
            if (Math.abs(before - now) < 1e-9) {
                agree[0]++;
            } else {
                differ.add(new String[] {cell.toString(), Format.number(before), Format.number(now),
                        String.valueOf(now - before)});
            }
        });
        differ.sort((x, y) -> Double.compare(Math.abs(Double.parseDouble(y[3])), Math.abs(Double.parseDouble(x[3]))));
        StringBuilder sb = new StringBuilder();
        sb.append("Cells: ").append(Format.count(agree[0])).append(" agree on ").append(m).append(", ")
                .append(Format.count(differ.size())).append(" differ\n");
        for (String[] d : differ.subList(0, Math.min(SHOWN, differ.size()))) {
            sb.append("  ").append(Terminal.clean(d[0])).append(": ").append(d[1]).append(" -> ").append(d[2]).append('\n');
        }
        return sb.toString();
    }

    private static OptionalDouble value(Result r, String m) {
        return r.score(m);
    }

    private static Map<CellId, Double> ofModel(Map<CellId, Double> values, String model) {
        Map<CellId, Double> out = new LinkedHashMap<>();
        values.forEach((cell, v) -> {
            if (cell.model().equals(model)) {
                out.put(cell, v);
            }
        });
        return out;
    }


    /** The change of the mean cost per cell ({@link Summary.Group#costPerCell()}), when both runs have one. */
    private static String costDelta(Summary.Group a, Summary.Group b) {
        if (a == null || b == null || a.costPerCell().isEmpty() || b.costPerCell().isEmpty()) {
            return "-";
        }
        double d = b.costPerCell().get().mean() - a.costPerCell().get().mean();
        return d == 0 ? "$0" : (d < 0 ? "-" : "+") + Format.usd(Math.abs(d));
    }

    /** The change of the latency p50, when both runs have one. */
    private static String latencyDelta(Summary.Group a, Summary.Group b) {
        if (a == null || b == null || a.latency().isEmpty() || b.latency().isEmpty()) {
            return "-";
        }
        double ms = (b.latency().get().p50().toNanos() - a.latency().get().p50().toNanos()) / 1e6;
        return String.format(Locale.ROOT, "%+.1f ms", ms);
    }

    private static String score(Summary.Group g, String m) {
        if (g == null || m == null || g.scores().get(m) == null || g.scores().get(m).mean().isEmpty()) {
            return "-";
        }
        return Format.number(g.scores().get(m).mean().getAsDouble());
    }

    private static String rate(Summary.Group g) {
        return g == null ? "-" : Format.percent(g.successRate(), g.successRateCi95());
    }
}
