package dev.bench4j.core.internal.run;

import dev.bench4j.core.Result;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Usage;
import dev.bench4j.core.internal.stats.SummaryIntervals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Running figures of one group of results, in constant memory: counts, per-scorer mean and
 * variance (Welford) and whether its values were all 0/1 or all in [0, 1] (which picks the
 * interval), latency and time-to-first-token histograms ({@link LatencyAccumulator}), token sums
 * that stay unknown until a result reports the kind, cost sums, and the mean tokens and cost per
 * result.
 */
final class GroupAccumulator {

    private long cells;
    private long succeeded;
    private long cached;
    private long attempts;
    private final Map<String, ScoreAccumulator> scores = new LinkedHashMap<>();
    private final LatencyAccumulator latency = new LatencyAccumulator();
    private final LatencyAccumulator timeToFirstToken = new LatencyAccumulator();
    private final TokenSum input = new TokenSum();
    private final TokenSum output = new TokenSum();
    private final TokenSum reasoning = new TokenSum();
    private final TokenSum cachedInput = new TokenSum();
    private final TokenSum total = new TokenSum();
    private final Welford tokensPerResult = new Welford();
    private long withoutUsage;
    private final CostSum cost = new CostSum();
    private long judgeCalls;
    private long judgeCached;
    private long judgeFailed;
    private final TokenSum judgeInput = new TokenSum();
    private final TokenSum judgeOutput = new TokenSum();
    private final CostSum judgeCost = new CostSum();

    GroupAccumulator(List<String> scorerNames) {
        for (String name : scorerNames) {
            scores.put(name, new ScoreAccumulator());
        }
    }

    void add(Result r) {
        cells++;
        attempts += r.attempts();
        if (r.cached()) {
            cached++;
        }
        addUsage(r.usage(), r.succeeded());
        cost.add(r.costUsd(), r.cached(), r.succeeded());
        if (!r.succeeded()) {
            return;
        }
        succeeded++;
        if (!r.cached()) {
            latency.add(r.latency());
            r.timing().timeToFirstToken().ifPresent(timeToFirstToken::add);
        }
        for (Map.Entry<String, Score> e : r.scores().entrySet()) {
            scores.computeIfAbsent(e.getKey(), k -> new ScoreAccumulator()).add(e.getValue());
            for (Score.Call c : e.getValue().calls()) {
                addCall(c);
            }
        }
    }

    private void addCall(Score.Call c) {
        judgeCalls++;
        if (c.cached()) {
            judgeCached++;
        }
        if (c.error().isPresent()) {
            judgeFailed++;
        }
        judgeInput.add(c.usage().inputTokens());
        judgeOutput.add(c.usage().outputTokens());
        judgeCost.add(c.costUsd(), c.cached(), c.error().isEmpty());
    }

    private void addUsage(Usage u, boolean success) {
        input.add(u.inputTokens());
        output.add(u.outputTokens());
        reasoning.add(u.reasoningTokens());
        cachedInput.add(u.cachedInputTokens());
        total.add(u.totalTokens());
        u.totalTokens().ifPresent(tokensPerResult::add);
        if (success && u.totalTokens().isEmpty()) {
            withoutUsage++;
        }
    }

    /** Per score, each trial's scored and passed repetitions; kept by (prompt, model) groups of runs with repetitions. */
    private final Map<String, TrialPasses> passes = new LinkedHashMap<>();

    /** Counts one scored repetition of a trial, for pass@k; only (prompt, model) groups count them. */
    void addRepetition(int trial, String score, boolean pass) {
        passes.computeIfAbsent(score, s -> new TrialPasses()).add(trial, pass);
    }

    /** This group's per-trial pass@k sums of each score it counted repetitions of. */
    Map<String, TrialPasses.Sums> passSums(int k) {
        Map<String, TrialPasses.Sums> sums = new LinkedHashMap<>();
        passes.forEach((score, p) -> sums.put(score, p.sums(k)));
        return sums;
    }

    Summary.Group build() {
        return build(Map.of());
    }

    /**
     * Builds the group's figures, with pass@k for each pass/fail score (every value 0 or 1) that
     * {@code passAtK} has sums of.
     */
    Summary.Group build(Map<String, TrialPasses.Sums> passAtK) {
        Map<String, Summary.ScoreStats> stats = new LinkedHashMap<>();
        scores.forEach((name, acc) -> {
            Summary.ScoreStats st = acc.build();
            TrialPasses.Sums sums = passAtK.get(name);
            if (sums != null && acc.binary && st.n() > 0) {
                st = new Summary.ScoreStats(st.n(), st.errors(), st.mean(), st.standardDeviation(), st.ci95(),
                        Optional.of(sums.mean()));
            }
            stats.put(name, st);
        });
        Summary.Tokens tokens = new Summary.Tokens(input.build(), output.build(), reasoning.build(), cachedInput.build(),
                total.build(), withoutUsage, tokensPerResult.nonNegativeMean());
        return new Summary.Group(cells, succeeded, cells - succeeded, cached, attempts, stats, latency.build(),
                timeToFirstToken.build(), tokens, cost.build(), judgeCalls == 0 ? Summary.ScorerCalls.NONE
                : new Summary.ScorerCalls(judgeCalls, judgeCached, judgeFailed, judgeInput.build(), judgeOutput.build(),
                        judgeCost.build()));
    }

    /** A sum of one kind of token that stays unknown until some result reports it. */
    private static final class TokenSum {
        private long sum;
        private boolean known;

        void add(OptionalLong v) {
            if (v.isPresent()) {
                sum += v.getAsLong();
                known = true;
            }
        }

        OptionalLong build() {
            return known ? OptionalLong.of(sum) : OptionalLong.empty();
        }
    }

    /** Cost sums: known and spent USD, results with and without a known cost, and the mean per result. */
    private static final class CostSum {
        private double knownUsd;
        private double spentUsd;
        private long withoutCost;
        private final Welford perResult = new Welford();

        /**
         * Counts one result's or call's cost.
         *
         * @param usd its cost, if known
         * @param fromCache whether it was served from the cache (so not spent)
         * @param succeeded whether it succeeded (an unknown cost counts against the total only then)
         */
        void add(OptionalDouble usd, boolean fromCache, boolean succeeded) {
            if (usd.isPresent()) {
                double v = usd.getAsDouble();
                knownUsd += v;
                if (!fromCache) {
                    spentUsd += v;
                }
                perResult.add(v);
            } else if (succeeded) {
                withoutCost++;
            }
        }

        Summary.Cost build() {
            return new Summary.Cost(knownUsd, spentUsd, withoutCost, perResult.n, perResult.nonNegativeMean());
        }
    }

    /** Mean and sum of squared deviations by Welford's method. */
    static final class Welford {
        long n;
        double mean;
        double m2;

        void add(double x) {
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }

        /** The mean of a figure that cannot be negative, with its t-interval clamped at 0. */
        Optional<Summary.Mean> nonNegativeMean() {
            if (n == 0) {
                return Optional.empty();
            }
            return Optional.of(new Summary.Mean(n, mean, SummaryIntervals.standardDeviation(n, m2),
                    SummaryIntervals.t(n, mean, m2, Summary.IntervalMethod.T_CLAMPED, 0, Double.POSITIVE_INFINITY)));
        }
    }

    /**
     * Mean and variance of one scorer's values by Welford's method, its error count, and whether
     * every value was 0 or 1 (Wilson's interval) or in [0, 1] (the t-interval clamped to [0, 1]).
     */
    static final class ScoreAccumulator {
        private final Welford values = new Welford();
        private long errors;
        private long ones;
        private boolean binary = true;
        private boolean unit = true;

        void add(Score s) {
            if (s.value().isEmpty()) {
                errors++;
                return;
            }
            double x = s.value().getAsDouble();
            values.add(x);
            if (x == 1) {
                ones++;
            } else if (x != 0) {
                binary = false;
            }
            if (!(x >= 0 && x <= 1)) {
                unit = false;
            }
        }

        Summary.ScoreStats build() {
            long n = values.n;
            if (n == 0) {
                return new Summary.ScoreStats(0, errors, OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty());
            }
            Optional<Summary.Interval> ci;
            if (binary) {
                ci = SummaryIntervals.wilson(ones, n);
            } else if (unit) {
                ci = SummaryIntervals.t(n, values.mean, values.m2, Summary.IntervalMethod.T_CLAMPED, 0, 1);
            } else {
                ci = SummaryIntervals.t(n, values.mean, values.m2, Summary.IntervalMethod.T, 0, 0);
            }
            double mean = binary ? (double) ones / n : values.mean;
            return new Summary.ScoreStats(n, errors, OptionalDouble.of(mean), SummaryIntervals.standardDeviation(n,
                    values.m2), ci);
        }
    }
}
