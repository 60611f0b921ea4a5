package dev.bench4j.core.internal.run;

import dev.bench4j.core.Result;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Usage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Running figures of one group of results, in constant memory: counts, per-scorer mean and
 * variance (Welford), latency and time-to-first-token histograms ({@link LatencyAccumulator}), token and
 * cost sums.
 */
final class GroupAccumulator {

    private long cells;
    private long succeeded;
    private long cached;
    private long attempts;
    private final Map<String, ScoreAccumulator> scores = new LinkedHashMap<>();
    private final LatencyAccumulator latency = new LatencyAccumulator();
    private final LatencyAccumulator timeToFirstToken = new LatencyAccumulator();
    private long input;
    private long output;
    private long reasoning;
    private long cachedInput;
    private long total;
    private long withoutUsage;
    private double knownUsd;
    private double spentUsd;
    private long withoutCost;
    private long judgeCalls;
    private long judgeCached;
    private long judgeFailed;
    private long judgeInput;
    private long judgeOutput;
    private double judgeKnownUsd;
    private double judgeSpentUsd;
    private long judgeWithoutCost;

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
        if (r.costUsd().isPresent()) {
            knownUsd += r.costUsd().getAsDouble();
            if (!r.cached()) {
                spentUsd += r.costUsd().getAsDouble();
            }
        } else if (r.succeeded()) {
            withoutCost++;
        }
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
        judgeInput += c.usage().inputTokens().orElse(0);
        judgeOutput += c.usage().outputTokens().orElse(0);
        if (c.costUsd().isPresent()) {
            judgeKnownUsd += c.costUsd().getAsDouble();
            if (!c.cached()) {
                judgeSpentUsd += c.costUsd().getAsDouble();
            }
        } else if (c.error().isEmpty()) {
            judgeWithoutCost++;
        }
    }

    private void addUsage(Usage u, boolean success) {
        input += u.inputTokens().orElse(0);
        output += u.outputTokens().orElse(0);
        reasoning += u.reasoningTokens().orElse(0);
        cachedInput += u.cachedInputTokens().orElse(0);
        total += u.totalTokens().orElse(0);
        if (success && u.totalTokens().isEmpty()) {
            withoutUsage++;
        }
    }

    Summary.Group build() {
        Map<String, Summary.ScoreStats> stats = new LinkedHashMap<>();
        scores.forEach((name, acc) -> stats.put(name, acc.build()));
        return new Summary.Group(cells, succeeded, cells - succeeded, cached, attempts, stats, latency.build(),
                timeToFirstToken.build(), new Summary.Tokens(input, output, reasoning, cachedInput, total, withoutUsage),
                new Summary.Cost(knownUsd, spentUsd, withoutCost), judgeCalls == 0 ? Summary.ScorerCalls.NONE
                : new Summary.ScorerCalls(judgeCalls, judgeCached, judgeFailed, judgeInput, judgeOutput,
                        new Summary.Cost(judgeKnownUsd, judgeSpentUsd, judgeWithoutCost)));
    }


    /** Mean and variance of one scorer's values by Welford's method, and its error count. */
    static final class ScoreAccumulator {
        private long n;
        private long errors;
        private double mean;
        private double m2;

        void add(Score s) {
            if (s.value().isEmpty()) {
                errors++;
                return;
            }
            double x = s.value().getAsDouble();
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }

        Summary.ScoreStats build() {
            if (n == 0) {
                return new Summary.ScoreStats(0, errors, OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty());
            }
            if (n == 1) {
                return new Summary.ScoreStats(1, errors, OptionalDouble.of(mean), OptionalDouble.empty(), Optional.empty());
            }
            double sd = Math.sqrt(m2 / (n - 1));
            double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
            double half = t * sd / Math.sqrt(n);
            return new Summary.ScoreStats(n, errors, OptionalDouble.of(mean), OptionalDouble.of(sd),
                    Optional.of(new Summary.Interval(mean - half, mean + half, 0.95)));
        }
    }
}
