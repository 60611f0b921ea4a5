package dev.bench4j.scoring.compare;

import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.Summary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Compares a run's summary with a baseline's, model by model, and lists the metrics that got worse
 * by more than their threshold, so a JUnit test reads {@code assertThat(gate.regressions()).isEmpty()}.
 * Scores and {@code success_rate} regress when they drop; {@code latency_p50_ms} and
 * {@code cost_usd} when they rise.
 *
 * <pre>{@code
 * RegressionGate gate = RegressionGate.of(baseline.summary(), run.summary())
 *     .metric("set_f1", 0.02).metric("success_rate", 0.01).metric("latency_p50_ms", 200);
 * assertThat(gate.regressions()).isEmpty();
 * }</pre>
 */
public final class RegressionGate {

    /** Metrics where a rise, not a drop, is the regression. */
    private static final List<String> LOWER_IS_BETTER = List.of("latency_p50_ms", "latency_p95_ms", "cost_usd");

    private final Summary baseline;
    private final Summary candidate;
    private final List<Result> baselineResults;
    private final List<Result> candidateResults;
    private final Map<String, Double> thresholds = new LinkedHashMap<>();
    private OptionalDouble alpha = OptionalDouble.empty();
    private boolean byTrial;
    private final Map<String, String> modelPairs = new LinkedHashMap<>();

    /**
     * One metric of one model that got worse by more than its threshold.
     *
     * @param model the model id
     * @param metric the metric
     * @param baseline its value in the baseline
     * @param candidate its value in the run
     * @param change candidate minus baseline (negative for a drop)
     * @param threshold the change allowed
     * @param comparison the paired comparison of the two runs' values for this model, when
     *     {@link #onlyWhenSignificant} asked for one
     */
    public record Regression(String model, String metric, double baseline, double candidate, double change,
            double threshold, Optional<PairedComparison> comparison) {
        /**
         * Describes the regression in one line, e.g. {@code careful: set_f1 0.940 -> 0.880 (-0.060, allowed 0.020)}.
         *
         * @return the description
         */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %s %.3f -> %.3f (%+.3f, allowed %.3f)", model, metric,
                    baseline, candidate, change, threshold) + comparison.map(c -> "; " + c.describe()).orElse("");
        }
    }

    private RegressionGate(Summary baseline, Summary candidate, List<Result> baselineResults, List<Result> candidateResults) {
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        this.baselineResults = baselineResults;
        this.candidateResults = candidateResults;
    }

    /**
     * Starts a gate between two summaries.
     *
     * @param baseline the baseline run's summary
     * @param candidate the run under test's summary
     * @return the gate, with no metrics yet
     * @throws NullPointerException if an argument is {@code null}
     */
    public static RegressionGate of(Summary baseline, Summary candidate) {
        return new RegressionGate(baseline, candidate, List.of(), List.of());
    }

    /**
     * Starts a gate between two runs whose results were kept, so that {@link #onlyWhenSignificant}
     * can pair their values cell by cell.
     *
     * @param baseline the baseline run
     * @param candidate the run under test
     * @return the gate, with no metrics yet
     * @throws NullPointerException if an argument is {@code null}
     */
    public static RegressionGate of(Run baseline, Run candidate) {
        return new RegressionGate(baseline.summary(), candidate.summary(), baseline.results(), candidate.results());
    }

    /**
     * Counts a score's drop as a regression only when a paired test on the cells both runs share
     * says it is real at level {@code alpha} (McNemar's exact test for pass/fail scores, else
     * Wilcoxon's signed-rank test); the comparison is kept on the regression. Needs the runs'
     * results ({@link #of(Run, Run)} with results retained).
     *
     * @param level e.g. 0.05
     * @return this gate
     * @throws IllegalArgumentException if {@code level} is not in (0, 1)
     * @throws IllegalStateException if the gate was made from summaries only
     */
    public RegressionGate onlyWhenSignificant(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be between 0 and 1 but was " + level);
        }
        if (baselineResults.isEmpty() || candidateResults.isEmpty()) {
            throw new IllegalStateException("a significance test needs the runs' results: use of(Run, Run) on runs that "
                    + "kept their results");
        }
        this.alpha = OptionalDouble.of(level);
        return this;
    }

    /**
     * Pairs cells for {@link #onlyWhenSignificant} by trial id and repetition only, not by prompt
     * name, so a run of prompt {@code extract-v2} is tested against a baseline of {@code extract-v1}.
     * Each model must then have one prompt in each run.
     *
     * @return this gate
     */
    public RegressionGate pairByTrial() {
        this.byTrial = true;
        return this;
    }

    /**
     * Compares the baseline's model config {@code baselineModel} with the run's
     * {@code candidateModel}, e.g. {@code gpt-4o} with {@code gpt-4.1}; call once per pair. Once a
     * pair is set, only the pairs set are compared (by default every model id both runs have is
     * compared with itself). A regression names the candidate's model.
     *
     * @param baselineModel a model config id of the baseline
     * @param candidateModel a model config id of the run under test
     * @return this gate
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalStateException if {@code candidateModel} was already paired
     */
    public RegressionGate compareModels(String baselineModel, String candidateModel) {
        Objects.requireNonNull(baselineModel, "baselineModel");
        Objects.requireNonNull(candidateModel, "candidateModel");
        String before = modelPairs.putIfAbsent(candidateModel, baselineModel);
        if (before != null) {
            throw new IllegalStateException("candidate model '" + candidateModel + "' is already compared with '"
                    + before + "'");
        }
        return this;
    }

    /**
     * Checks a metric: a score name, {@code success_rate}, {@code latency_p50_ms},
     * {@code latency_p95_ms} or {@code cost_usd}, allowed to get worse by {@code threshold}.
     *
     * @param metric the metric
     * @param threshold the change allowed, in the metric's unit, {@code >= 0}
     * @return this gate
     * @throws IllegalArgumentException if {@code threshold} is negative or not finite
     */
    public RegressionGate metric(String metric, double threshold) {
        Objects.requireNonNull(metric, "metric");
        if (!(threshold >= 0 && Double.isFinite(threshold))) {
            throw new IllegalArgumentException("threshold for '" + metric + "' must be >= 0 but was " + threshold);
        }
        thresholds.put(metric, threshold);
        return this;
    }

    /**
     * Lists the regressions of every model both runs have (or of the pairs set with
     * {@link #compareModels}), for every metric checked; a metric a model lacks in either run is not
     * compared.
     *
     * @return the regressions, empty when the run is as good as the baseline
     * @throws IllegalStateException if no metric was set, a model named by {@link #compareModels} is not
     *     in its run, or {@link #pairByTrial} is set and a model has more than one result for a trial and
     *     repetition in one run
     */
    public List<Regression> regressions() {
        if (thresholds.isEmpty()) {
            throw new IllegalStateException("the gate checks nothing: add a metric(name, threshold)");
        }
        modelPairs.forEach((model, baselineModel) -> {
            if (!candidate.byModel().containsKey(model) || !baseline.byModel().containsKey(baselineModel)) {
                throw new IllegalStateException("compareModels(" + baselineModel + ", " + model + "): "
                        + (baseline.byModel().containsKey(baselineModel) ? "the run has no model '" + model + "'; it has "
                        + candidate.byModel().keySet() : "the baseline has no model '" + baselineModel + "'; it has "
                        + baseline.byModel().keySet()));
            }
        });
        List<Regression> out = new ArrayList<>();
        candidate.byModel().forEach((model, now) -> {
            String baselineModel = modelPairs.isEmpty() ? model : modelPairs.get(model);
            Summary.Group before = baselineModel == null ? null : baseline.byModel().get(baselineModel);
            if (before == null) {
                return;
            }
            thresholds.forEach((metric, threshold) -> {
                OptionalDouble b = value(before, metric);
                OptionalDouble c = value(now, metric);
                if (b.isEmpty() || c.isEmpty()) {
                    return;
                }
                double change = c.getAsDouble() - b.getAsDouble();
                double worse = LOWER_IS_BETTER.contains(metric) ? change : -change;
                if (worse <= threshold) {
                    return;
                }
                Optional<PairedComparison> comparison = alpha.isPresent() && before.scores().containsKey(metric)
                        ? paired(baselineModel, model, metric) : Optional.empty();
                if (comparison.isPresent() && !comparison.get().test().significantAt(alpha.getAsDouble())) {
                    return;
                }
                out.add(new Regression(model, metric, b.getAsDouble(), c.getAsDouble(), change, threshold, comparison));
            });
        });
        return out;
    }

    /** The models' values of a score in both runs, paired by prompt (unless by trial), trial and repetition. */
    private Optional<PairedComparison> paired(String baselineModel, String model, String metric) {
        Map<String, Double> before = new HashMap<>();
        Set<String> seenBefore = new HashSet<>();
        for (Result r : baselineResults) {
            if (r.cell().model().equals(baselineModel)) {
                checkOnce(!seenBefore.add(key(r)), "baseline", r);
                r.score(metric).ifPresent(v -> before.put(key(r), v));
            }
        }
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Result r : candidateResults) {
            if (r.cell().model().equals(model)) {
                checkOnce(!seen.add(key(r)), "run", r);
            }
            Double v = r.cell().model().equals(model) ? before.get(key(r)) : null;
            if (v != null && r.score(metric).isPresent()) {
                a.add(v);
                b.add(r.score(metric).getAsDouble());
            }
        }
        if (a.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(PairedComparison.of(metric, a.stream().mapToDouble(Double::doubleValue).toArray(),
                b.stream().mapToDouble(Double::doubleValue).toArray(), 20261123L));
    }

    private String key(Result r) {
        return (byTrial ? "" : r.cell().prompt()) + "\u0000" + r.cell().trial() + "\u0000" + r.cell().repetition();
    }

    private void checkOnce(boolean duplicate, String which, Result r) {
        if (duplicate && byTrial) {
            throw new IllegalStateException("pairByTrial needs one prompt per model, but the " + which + " has model '"
                    + r.cell().model() + "' twice for trial '" + r.cell().trial() + "' repetition "
                    + r.cell().repetition() + " (narrow the plan with onlyPrompts)");
        }
    }

    private static OptionalDouble value(Summary.Group g, String metric) {
        switch (metric) {
            case "success_rate":
                return g.successRate();
            case "latency_p50_ms":
                return g.latency().map(l -> OptionalDouble.of(l.p50().toNanos() / 1e6)).orElse(OptionalDouble.empty());
            case "latency_p95_ms":
                return g.latency().map(l -> OptionalDouble.of(l.p95().toNanos() / 1e6)).orElse(OptionalDouble.empty());
            case "cost_usd":
                return g.cost().totalUsd();
            default:
                Summary.ScoreStats s = g.scores().get(metric);
                return s == null ? OptionalDouble.empty() : s.mean();
        }
    }
}
