package dev.bench4j.junit;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Summary;
import dev.bench4j.scoring.compare.PairedComparison;
import dev.bench4j.scoring.compare.RegressionGate;
import dev.bench4j.store.json.JsonRunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.opentest4j.AssertionFailedError;

/**
 * Runs a plan as a test and fails it, with one line per problem, when the run falls short: a
 * model's mean score below {@link #minScore}, its share of failed cells above
 * {@link #maxFailureRate}, the run's cost above {@link #maxCostUsd}, or a score that dropped against
 * a {@link #baseline} run (an export committed under {@code src/test/resources}), optionally only when a
 * paired test says the drop is real ({@link #onlyWhenSignificant}). The run is kept in a
 * {@link JsonRunStore} (by default {@code target/bench4j-runs}), so {@code bench report} and
 * {@code bench serve} can open it. With {@code bench4j.updateBaseline=true} the gate writes the run
 * as the new baseline instead of comparing with it (when the thresholds pass).
 *
 * <p>A gate is made for one check and is not thread-safe; make one per test. It holds no static
 * state, so test classes running in parallel may share a store folder.
 *
 * <pre>{@code
 * BenchGate.of(plan)
 *     .baseline(Path.of("src/test/resources/baseline.json")).onlyWhenSignificant(0.05)
 *     .minScore("set_f1", 0.85).maxFailureRate(0.01).maxCostUsd(0.50)
 *     .check();
 * }</pre>
 */
public final class BenchGate {

    private final BenchmarkPlan plan;
    private final Path store;
    private final boolean updateBaseline;
    private final Map<String, Double> minScores = new LinkedHashMap<>();
    private final Map<String, Double> maxDrops = new LinkedHashMap<>();
    private OptionalDouble maxFailureRate = OptionalDouble.empty();
    private OptionalDouble maxCostUsd = OptionalDouble.empty();
    private Optional<Path> baseline = Optional.empty();
    private OptionalDouble alpha = OptionalDouble.empty();
    private boolean pairByTrial;

    BenchGate(BenchmarkPlan plan, Path store, boolean updateBaseline) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.store = Objects.requireNonNull(store, "store");
        this.updateBaseline = updateBaseline;
    }

    /**
     * Starts a gate on a plan, with the store folder and baseline switch of
     * {@link Bench#fromSystemProperties()} (for a test that does not use {@link BenchmarkTest}).
     *
     * @param plan the plan to run; its store, if any, is replaced by the gate's
     * @return the gate, with no checks yet
     * @throws NullPointerException if {@code plan} is {@code null}
     * @throws IllegalArgumentException if {@code bench4j.updateBaseline} is neither {@code true} nor {@code false}
     */
    public static BenchGate of(BenchmarkPlan plan) {
        return Bench.fromSystemProperties().gate(plan);
    }

    /**
     * Requires every model's mean of a score to be at least {@code min}; by default the score may
     * not drop against the {@link #baseline} either (see {@link #maxDrop}).
     *
     * @param metric the scorer's name, e.g. {@code set_f1}
     * @param min the lowest mean allowed
     * @return this gate
     * @throws NullPointerException if {@code metric} is {@code null}
     * @throws IllegalArgumentException if {@code min} is not finite
     */
    public BenchGate minScore(String metric, double min) {
        Objects.requireNonNull(metric, "metric");
        if (!Double.isFinite(min)) {
            throw new IllegalArgumentException("minimum of '" + metric + "' must be finite but was " + min);
        }
        minScores.put(metric, min);
        return this;
    }

    /**
     * Requires every model's share of failed cells to be at most {@code rate}.
     *
     * @param rate between 0 and 1, e.g. 0.01
     * @return this gate
     * @throws IllegalArgumentException if {@code rate} is not between 0 and 1
     */
    public BenchGate maxFailureRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("failure rate must be between 0 and 1 but was " + rate);
        }
        maxFailureRate = OptionalDouble.of(rate);
        return this;
    }

    /**
     * Requires the run's total cost, candidates' and judges' calls, to be at most {@code usd}; a run
     * whose cost is unknown (a model without a price) fails this check.
     *
     * @param usd the most the run may cost, in US dollars
     * @return this gate
     * @throws IllegalArgumentException if {@code usd} is negative or not finite
     */
    public BenchGate maxCostUsd(double usd) {
        if (!(usd >= 0 && Double.isFinite(usd))) {
            throw new IllegalArgumentException("cost must be >= 0 but was " + usd);
        }
        maxCostUsd = OptionalDouble.of(usd);
        return this;
    }

    /**
     * Compares the run with a baseline run, a file written by {@link JsonRunStore#exportRun} (or by
     * this gate with {@code bench4j.updateBaseline=true}), model by model. When the baseline file is
     * missing the check fails and says how to write it.
     *
     * @param file the baseline, e.g. {@code src/test/resources/baselines/extract.json}
     * @return this gate
     * @throws NullPointerException if {@code file} is {@code null}
     */
    public BenchGate baseline(Path file) {
        baseline = Optional.of(Objects.requireNonNull(file, "file"));
        return this;
    }

    /**
     * Lets a metric get worse than in the baseline by at most {@code allowed}: a score or
     * {@code success_rate} may drop, {@code latency_p50_ms}, {@code latency_p95_ms} or
     * {@code cost_usd} rise, by that much. Without any {@code maxDrop}, each {@link #minScore}
     * metric may not drop at all.
     *
     * @param metric the metric
     * @param allowed the change allowed, {@code >= 0}
     * @return this gate
     * @throws NullPointerException if {@code metric} is {@code null}
     * @throws IllegalArgumentException if {@code allowed} is negative or not finite
     */
    public BenchGate maxDrop(String metric, double allowed) {
        Objects.requireNonNull(metric, "metric");
        if (!(allowed >= 0 && Double.isFinite(allowed))) {
            throw new IllegalArgumentException("allowed drop of '" + metric + "' must be >= 0 but was " + allowed);
        }
        maxDrops.put(metric, allowed);
        return this;
    }

    /**
     * Counts a score's drop against the baseline only when a paired test on the cells both runs
     * share (McNemar's exact test for pass/fail scores, else Wilcoxon's signed-rank test) says it is
     * real at level {@code level}; see {@link RegressionGate#onlyWhenSignificant}.
     *
     * @param level e.g. 0.05
     * @return this gate
     * @throws IllegalArgumentException if {@code level} is not in (0, 1)
     */
    public BenchGate onlyWhenSignificant(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be between 0 and 1 but was " + level);
        }
        alpha = OptionalDouble.of(level);
        return this;
    }

    /**
     * Pairs cells with the baseline's by trial and repetition only, so a renamed prompt is tested
     * against the baseline's prompt; see {@link RegressionGate#pairByTrial}.
     *
     * @return this gate
     */
    public BenchGate pairByTrial() {
        pairByTrial = true;
        return this;
    }

    /**
     * Runs the plan into the store and checks it, then, with {@code bench4j.updateBaseline=true} and
     * every threshold met, writes the run as the baseline.
     *
     * @return the run, for further assertions
     * @throws AssertionFailedError listing every problem, one per line, with the run's id and store
     * @throws IllegalStateException if the gate checks nothing, or has a baseline but no metric to
     *     compare with it
     * @throws UncheckedIOException if the baseline cannot be written
     */
    public Run check() {
        if (minScores.isEmpty() && maxDrops.isEmpty() && maxFailureRate.isEmpty() && maxCostUsd.isEmpty()
                && baseline.isEmpty()) {
            throw new IllegalStateException("the gate checks nothing: add minScore, maxFailureRate, maxCostUsd or a"
                    + " baseline");
        }
        if (baseline.isPresent() && minScores.isEmpty() && maxDrops.isEmpty()) {
            throw new IllegalStateException("a baseline needs a metric to compare: add minScore or maxDrop");
        }
        JsonRunStore runs = JsonRunStore.at(store);
        Run run = plan.toBuilder().store(runs).build().run();
        if (run.results().isEmpty() && run.summary().overall().cells() > 0) {
            run = runs.run(run.id()).orElse(run);   // retainResults(false): the paired test needs the results
        }
        List<String> problems = thresholds(run);
        String baselineLine = "";
        if (baseline.isPresent()) {
            Path file = baseline.get();
            if (updateBaseline) {
                if (problems.isEmpty()) {
                    write(runs, run, file);
                    baselineLine = "baseline " + file + " rewritten from this run";
                } else {
                    problems.add("the baseline " + file + " was not rewritten: the run does not meet the thresholds");
                }
            } else if (!Files.isRegularFile(file)) {
                problems.add("no baseline at " + file.toAbsolutePath() + ": run the test with -D"
                        + BenchExtension.UPDATE_BASELINE + "=true to write it");
            } else {
                Run before = JsonRunStore.readExported(file);
                baselineLine = "baseline " + file + " (run " + before.id() + ")";
                problems.addAll(regressions(before, run, file));
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionFailedError(message(run, problems, baselineLine));
        }
        return run;
    }

    private List<String> thresholds(Run run) {
        List<String> out = new ArrayList<>();
        if (run.status() != RunStatus.COMPLETED) {
            out.add("the run ended " + run.status().wireName() + run.statusReason().map(r -> ": " + r).orElse(""));
        }
        run.summary().byModel().forEach((model, g) -> {
            minScores.forEach((metric, min) -> {
                Summary.ScoreStats s = g.scores().get(metric);
                if (s == null) {
                    out.add(String.format(Locale.ROOT, "%s: no '%s' score (the run has %s)", model, metric,
                            g.scores().keySet().isEmpty() ? "no scores" : String.join(", ", g.scores().keySet())));
                } else if (s.mean().isEmpty()) {
                    out.add(String.format(Locale.ROOT, "%s: %s has no values (%d scoring errors), minimum %.3f", model,
                            metric, s.errors(), min));
                } else if (s.mean().getAsDouble() < min) {
                    out.add(String.format(Locale.ROOT, "%s: %s %s is below the minimum %.3f", model, metric,
                            s.describe(), min));
                }
            });
            if (maxFailureRate.isPresent() && g.cells() > 0) {
                double rate = (double) g.failed() / g.cells();
                if (rate > maxFailureRate.getAsDouble()) {
                    String ci = Summary.Interval.wilson(g.failed(), g.cells(), 0.95)
                            .map(i -> String.format(Locale.ROOT, ", 95%% CI %.3f–%.3f Wilson", i.lower(), i.upper()))
                            .orElse("");
                    out.add(String.format(Locale.ROOT, "%s: failure rate %.3f (%d of %d cells failed%s) is above the"
                            + " maximum %.3f", model, rate, g.failed(), g.cells(), ci, maxFailureRate.getAsDouble()));
                }
            }
        });
        if (maxCostUsd.isPresent()) {
            Summary.Cost cost = run.summary().overall().cost();
            OptionalDouble total = cost.totalUsd();
            if (total.isEmpty()) {
                out.add(String.format(Locale.ROOT, "cost unknown: %d results have no price (known part $%.4f), maximum"
                        + " $%.4f", cost.resultsWithoutCost(), cost.knownUsd(), maxCostUsd.getAsDouble()));
            } else if (total.getAsDouble() > maxCostUsd.getAsDouble()) {
                out.add(String.format(Locale.ROOT, "cost $%.4f is above the maximum $%.4f", total.getAsDouble(),
                        maxCostUsd.getAsDouble()));
            }
        }
        return out;
    }

    private List<String> regressions(Run before, Run run, Path file) {
        List<String> out = new ArrayList<>();
        for (String model : run.summary().byModel().keySet()) {
            if (!before.summary().byModel().containsKey(model)) {
                out.add(model + ": not in the baseline " + file + " (its models: "
                        + String.join(", ", before.summary().byModel().keySet()) + "); rewrite it with -D"
                        + BenchExtension.UPDATE_BASELINE + "=true");
            }
        }
        RegressionGate gate = RegressionGate.of(before, run);
        (maxDrops.isEmpty() ? zeroDrops() : maxDrops).forEach(gate::metric);
        if (pairByTrial) {
            gate.pairByTrial();
        }
        if (alpha.isPresent()) {
            gate.onlyWhenSignificant(alpha.getAsDouble());
        }
        for (RegressionGate.Regression r : gate.regressions()) {
            out.add(describe(r, before));
        }
        return out;
    }

    private Map<String, Double> zeroDrops() {
        Map<String, Double> out = new LinkedHashMap<>();
        minScores.keySet().forEach(m -> out.put(m, 0.0));
        return out;
    }

    /** E.g. {@code echo:a: set_f1 dropped 0.940 -> 0.880 (-0.060, allowed 0.000); paired difference ...}. */
    private String describe(RegressionGate.Regression r, Run before) {
        String line = String.format(Locale.ROOT, "%s: %s %s %.3f -> %.3f (%+.3f, allowed %.3f) against the baseline",
                r.model(), r.metric(), r.change() < 0 ? "dropped" : "rose", r.baseline(), r.candidate(), r.change(),
                r.threshold());
        if (r.comparison().isPresent()) {
            PairedComparison c = r.comparison().get();
            return line + String.format(Locale.ROOT, "; paired difference %+.3f, 95%% CI [%.3f, %.3f], %s (%s, n = %d)",
                    c.difference().value(), c.difference().interval().low(), c.difference().interval().high(),
                    c.describeP(), c.testName(), c.n());
        }
        Summary.Group g = before.summary().byModel().get(r.model());
        if (alpha.isPresent() && g != null && g.scores().containsKey(r.metric())) {
            return line + "; not tested for significance: fewer than 2 cells pair with the baseline"
                    + (pairByTrial ? "" : " (a renamed prompt? use pairByTrial())");
        }
        return line;
    }

    private void write(JsonRunStore runs, Run run, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the baseline " + file + ": " + e.getMessage(), e);
        }
        runs.exportRun(run.id(), file);
    }

    private String message(Run run, List<String> problems, String baselineLine) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "bench4j gate failed for plan '%s' (run %s, %d cells, %s): %d %s%n",
                run.name(), run.id(), run.summary().overall().cells(), run.status().wireName(), problems.size(),
                problems.size() == 1 ? "problem" : "problems"));
        for (String p : problems) {
            sb.append("  - ").append(p).append(System.lineSeparator());
        }
        if (!baselineLine.isEmpty()) {
            sb.append("Compared with the ").append(baselineLine).append('.').append(System.lineSeparator());
        }
        sb.append("The run is stored in ").append(store.toAbsolutePath()).append("; open it with: bench report --store ")
                .append(store).append(" --out report.html ").append(run.id());
        return sb.toString();
    }

    /**
     * Describes the gate's checks, e.g. {@code BenchGate[plan=quickstart, minScore={set_f1=0.85}, ...]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "BenchGate[plan=" + plan.name() + ", store=" + store + ", minScore=" + minScores + ", maxDrop=" + maxDrops
                + ", maxFailureRate=" + maxFailureRate + ", maxCostUsd=" + maxCostUsd + ", baseline=" + baseline
                + ", onlyWhenSignificant=" + alpha + ", pairByTrial=" + pairByTrial + ", updateBaseline="
                + updateBaseline + "]";
    }
}
