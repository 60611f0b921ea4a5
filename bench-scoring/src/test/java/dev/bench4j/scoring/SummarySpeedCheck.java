package dev.bench4j.scoring;

import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanSnapshot;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.SummaryCollector;
import dev.bench4j.core.Usage;
import dev.bench4j.scoring.compare.Consistency;
import dev.bench4j.scoring.compare.Leaderboard;
import dev.bench4j.scoring.compare.PairedComparison;
import dev.bench4j.scoring.compare.PassRate;
import dev.bench4j.scoring.compare.PassRates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Times the summary statistics of a 100,000-result run held in memory (target: under 1 s): the
 * {@link SummaryCollector} summary, then the aggregations a user runs on it (micro and macro F1,
 * leaderboards, pass rates, consistency, a paired comparison of two models). Run as a main, not a test.
 */
public final class SummarySpeedCheck {

    private static final int TRIALS = 2_500;
    private static final int REPETITIONS = 5;
    private static final int WARMUP_ROUNDS = 5;
    private static final int ROUNDS = 7;
    private static final String[] STEPS = {"summary (SummaryCollector)", "micro + macro F1 per model",
        "leaderboards (by model, by pair)", "pass rates (by model, by pair)", "consistency by model",
        "pair 2 models' set_f1 by cell", "PairedComparison.of (bootstrap)"};

    private static final String PASS = "contains";
    private static final String JUDGE = "judge";
    private static final String SET_F1 = "set_f1";

    private SummarySpeedCheck() {
    }

    /**
     * Builds 100,000 results (2 prompts x 4 models x 2,500 trials x 5 repetitions), warms up, then
     * prints the median time of each step and of their total over several rounds.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        List<Prompt> prompts = List.of(Prompt.named("extract"), Prompt.named("extract-cot"));
        List<ModelConfig> models = List.of(ModelConfig.of("openai", "gpt-4o-mini"), ModelConfig.of("openai", "gpt-4o"),
                ModelConfig.of("anthropic", "claude-3-5-haiku"), ModelConfig.of("ollama", "llama3.1:8b"));
        PlanSnapshot plan = new PlanSnapshot("speed-check", prompts, models, TRIALS, "0123456789abcdef", REPETITIONS, 64,
                List.of(PASS, JUDGE, SET_F1));
        List<Result> results = results(prompts, models);
        System.out.printf("%,d results (%d prompts x %d models x %,d trials x %d repetitions), %d failed%n",
                results.size(), prompts.size(), models.size(), TRIALS, REPETITIONS,
                results.stream().filter(r -> !r.succeeded()).count());

        String a = models.get(0).id();
        String b = models.get(1).id();
        long[][] nanos = new long[ROUNDS][STEPS.length];
        Object sink = null;
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            long[] t = new long[STEPS.length + 1];
            t[0] = System.nanoTime();
            SummaryCollector collector = SummaryCollector.of(plan);
            for (Result r : results) {
                collector.add(r);
            }
            Summary summary = collector.build(Duration.ofMinutes(30));
            t[1] = System.nanoTime();
            Map<String, Aggregates.PrecisionRecallF1[]> f1 = f1ByModel(results);
            t[2] = System.nanoTime();
            Leaderboard byModel = Leaderboard.byModel(summary, SET_F1);
            Leaderboard byPair = Leaderboard.byPromptAndModel(summary, JUDGE);
            t[3] = System.nanoTime();
            Map<String, PassRate> passByModel = PassRates.byModel(results, PASS, 1.0);
            Map<String, PassRate> passByPair = PassRates.byPromptAndModel(results, SET_F1, 0.8);
            t[4] = System.nanoTime();
            Map<String, Consistency> consistency = Consistency.byModel(results, SET_F1);
            t[5] = System.nanoTime();
            double[][] pairs = paired(results, a, b, SET_F1);
            t[6] = System.nanoTime();
            PairedComparison comparison = PairedComparison.of(SET_F1, pairs[0], pairs[1], 42);
            t[7] = System.nanoTime();
            if (round >= 0) {
                for (int s = 0; s < STEPS.length; s++) {
                    nanos[round][s] = t[s + 1] - t[s];
                }
            }
            if (round == ROUNDS - 1) {
                print(summary, f1, byModel, byPair, passByModel, passByPair, consistency, comparison);
            }
            sink = List.of(summary, f1, byModel, byPair, passByModel, passByPair, consistency, comparison);
        }
        long[] totals = new long[ROUNDS];
        long[] withoutBootstrap = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            totals[round] = Arrays.stream(nanos[round]).sum();
            withoutBootstrap[round] = totals[round] - nanos[round][STEPS.length - 1];
        }
        System.out.printf("%nmedian of %d rounds after %d warm-up rounds (min-max):%n", ROUNDS, WARMUP_ROUNDS);
        for (int s = 0; s < STEPS.length; s++) {
            long[] step = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                step[round] = nanos[round][s];
            }
            printLine(STEPS[s], step);
        }
        printLine("total", totals);
        printLine("total without PairedComparison.of", withoutBootstrap);
        if (sink == null) {
            throw new AssertionError();
        }
    }

    /** The results of a run with three scorers, as a runner would have made them. */
    private static List<Result> results(List<Prompt> prompts, List<ModelConfig> models) {
        SplittableRandom random = new SplittableRandom(11);
        double[] skill = {0.70, 0.78, 0.74, 0.60};
        double[] medianMs = {650, 1400, 900, 2200};
        Price[] prices = {Price.perMillionTokens(0.15, 0.60), Price.perMillionTokens(2.50, 10.0),
            Price.perMillionTokens(0.80, 4.0), Price.FREE};
        double[] difficulty = new double[TRIALS];
        int[] gold = new int[TRIALS];
        for (int t = 0; t < TRIALS; t++) {
            difficulty[t] = random.nextDouble(-0.25, 0.25);
            gold[t] = 1 + random.nextInt(6);
        }
        Instant start = Instant.parse("2025-06-01T09:00:00Z");
        List<Result> results = new ArrayList<>(prompts.size() * models.size() * TRIALS * REPETITIONS);
        for (int p = 0; p < prompts.size(); p++) {
            for (int m = 0; m < models.size(); m++) {
                String version = models.get(m).id().substring(models.get(m).id().indexOf(':') + 1) + "-2025-05-01";
                for (int t = 0; t < TRIALS; t++) {
                    for (int rep = 0; rep < REPETITIONS; rep++) {
                        CellId cell = new CellId(prompts.get(p).name(), models.get(m).id(), "t" + t, rep);
                        Instant startedAt = start.plusMillis(results.size() * 20L);
                        long ms = (long) (medianMs[m] * Math.exp(0.4 * random.nextGaussian()));
                        Result.Timing timing = new Result.Timing(startedAt, Duration.ofMillis(ms),
                                m == 3 ? Optional.of(Duration.ofMillis(ms / 5)) : Optional.empty());
                        if (random.nextInt(100) == 0) {
                            ErrorKind kind = random.nextBoolean() ? ErrorKind.RATE_LIMITED : ErrorKind.TIMEOUT;
                            results.add(Result.failure(cell, ResultError.of(kind, kind.wireName() + " after 3 attempts"),
                                    timing, 3));
                            continue;
                        }
                        double quality = Math.min(0.98, Math.max(0.05, skill[m] + difficulty[t] + 0.03 * p));
                        Usage usage = Usage.of(350 + 40L * gold[t] + random.nextInt(60), 40 + 15L * gold[t]
                                + random.nextInt(80));
                        if (p == 1 && m < 2) {
                            usage = usage.withCachedInputTokens(256);
                        }
                        Map<String, Score> scores = new LinkedHashMap<>();
                        int tp = 0;
                        for (int i = 0; i < gold[t]; i++) {
                            tp += random.nextDouble() < quality ? 1 : 0;
                        }
                        int fp = random.nextDouble() < 1 - quality ? 1 + random.nextInt(2) : 0;
                        scores.put(PASS, Score.pass(tp == gold[t] && fp == 0));
                        scores.put(JUDGE, Score.of(Math.rint(Math.min(1, Math.max(0, quality
                                + 0.1 * random.nextGaussian())) * 10) / 10).withReason("covers most conditions"));
                        scores.put(SET_F1, random.nextInt(200) == 0 ? Score.error("output is not a JSON array")
                                : setF1(tp, fp, gold[t] - tp));
                        results.add(Result.success(cell, "[\"fever\", \"cough\"]", FinishReason.STOP, timing)
                                .withUsage(usage)
                                .withCostUsd(prices[m].cost(usage))
                                .withProviderDetails(Optional.of("stop"), Optional.of(version))
                                .withScores(scores));
                    }
                }
            }
        }
        return results;
    }

    /** A set F1 score with the details SetF1Scorer writes (zero division 0). */
    private static Score setF1(int tp, int fp, int fn) {
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        return Score.of(f1).withDetail("tp", tp).withDetail("fp", fp).withDetail("fn", fn)
                .withDetail("precision", precision).withDetail("recall", recall).withDetail("f1", f1);
    }

    /** Micro and macro F1 of each model's set F1 scores. */
    private static Map<String, Aggregates.PrecisionRecallF1[]> f1ByModel(List<Result> results) {
        Map<String, List<Score>> scores = new LinkedHashMap<>();
        for (Result r : results) {
            Score s = r.scores().get(SET_F1);
            if (s != null) {
                scores.computeIfAbsent(r.cell().model(), k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, Aggregates.PrecisionRecallF1[]> out = new LinkedHashMap<>();
        scores.forEach((model, list) -> out.put(model, new Aggregates.PrecisionRecallF1[] {
            Aggregates.micro(list, 0.0), Aggregates.macro(list, 0.0)}));
        return out;
    }

    /** Model A's and model B's values on the cells (prompt, trial, repetition) where both have one. */
    private static double[][] paired(List<Result> results, String modelA, String modelB, String metric) {
        Map<CellId, Double> a = new HashMap<>();
        for (Result r : results) {
            if (r.cell().model().equals(modelA)) {
                r.score(metric).ifPresent(v -> a.put(new CellId(r.cell().prompt(), "", r.cell().trial(),
                        r.cell().repetition()), v));
            }
        }
        double[] xs = new double[a.size()];
        double[] ys = new double[a.size()];
        int n = 0;
        for (Result r : results) {
            if (r.cell().model().equals(modelB)) {
                OptionalDouble y = r.score(metric);
                Double x = y.isPresent() ? a.get(new CellId(r.cell().prompt(), "", r.cell().trial(),
                        r.cell().repetition())) : null;
                if (x != null) {
                    xs[n] = x;
                    ys[n++] = y.getAsDouble();
                }
            }
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }

    private static void print(Summary summary, Map<String, Aggregates.PrecisionRecallF1[]> f1, Leaderboard byModel,
            Leaderboard byPair, Map<String, PassRate> passByModel, Map<String, PassRate> passByPair,
            Map<String, Consistency> consistency, PairedComparison comparison) {
        summary.byModel().forEach((model, g) -> System.out.printf("%-28s success %.3f; set_f1 %s; micro F1 %.3f, macro F1 %.3f;"
                + " p95 %d ms; $%.2f; pass %.3f; sd within trial %.3f%n", model, g.successRate().orElse(0),
                g.scores().get(SET_F1).describe(), f1.get(model)[0].f1(), f1.get(model)[1].f1(),
                g.latency().orElseThrow().p95().toMillis(), g.cost().knownUsd(), passByModel.get(model).rate().orElse(0),
                consistency.get(model).meanWithinTrialSd()));
        System.out.printf("leader by set_f1: %s; by judge: %s; %d pairs with set_f1 pass rates%n",
                byModel.entries().get(0).name(), byPair.entries().get(0).name(), passByPair.size());
        System.out.println(comparison.describe());
    }

    private static void printLine(String step, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-35s %8.1f ms  (%.1f-%.1f)%n", step, sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
