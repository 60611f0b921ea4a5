package dev.bench4j.web.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bench4j.core.Summary;
import dev.bench4j.scoring.compare.PairedComparison;
import dev.bench4j.scoring.stats.PAdjustment;
import dev.bench4j.scoring.stats.PValues;
import dev.bench4j.store.json.RunMetadata;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToDoubleFunction;

/**
 * Two runs compared per model: for every score, the success rate, latency and cost, both runs'
 * means, the difference, and {@link PairedComparison} (paired bootstrap interval of the difference,
 * McNemar's exact test for pass/fail values, else Wilcoxon's signed-rank test) over the cells both
 * runs have (same prompt, model, trial and repetition) with a value in both; with several models,
 * each metric's p-values are also given Holm-adjusted over the models tested. Kept for the last few
 * pairs of runs asked, as the bootstrap takes a while on large runs.
 */
final class RunComparisons {

    private static final long SEED = 20_261_207L;

    /** A comparison with the indexes it was computed from, held weakly so that the cache never keeps an index alive. */
    private record Computed(WeakReference<RunIndex> a, WeakReference<RunIndex> b, Map<String, Object> json) {
        boolean of(RunIndex x, RunIndex y) {
            return a.get() == x && b.get() == y;
        }
    }

    private final Cache<List<String>, Computed> cache = Caffeine.newBuilder().maximumSize(16).build();

    Map<String, Object> compare(RunMetadata ma, Summary sa, RunIndex a, RunMetadata mb, Summary sb, RunIndex b) {
        List<String> key = List.of(ma.info().id(), mb.info().id());
        Computed c = cache.getIfPresent(key);
        if (c == null || !c.of(a, b)) {
            c = new Computed(new WeakReference<>(a), new WeakReference<>(b), compute(ma, sa, a, mb, sb, b));
            cache.put(key, c);
        }
        return c.json();
    }

    private static Map<String, Object> compute(RunMetadata ma, Summary sa, RunIndex a, RunMetadata mb, Summary sb,
            RunIndex b) {
        Map<String, Object> o = Json.object();
        o.put("a", side(ma));
        o.put("b", side(mb));
        Set<String> models = new LinkedHashSet<>(sa.byModel().keySet());
        models.addAll(sb.byModel().keySet());
        Set<String> scores = new LinkedHashSet<>(a.scoreNames);
        scores.addAll(b.scoreNames);
        // b's cell of each of a's cells
        int[] match = new int[a.size];
        for (int i = 0; i < a.size; i++) {
            RunIndex.Config c = a.configs.get(a.config[i]);
            int bc = b.configIndex(c.prompt(), c.model());
            int row = bc < 0 ? -1 : b.row(b.trialIndex(a.trialIds.get(a.trial[i])), a.repetition[i]);
            match[i] = row < 0 ? -1 : b.cellAt(row, bc);
        }
        List<Object> out = new ArrayList<>();
        for (String model : models) {
            Summary.Group ga = sa.byModel().get(model);
            Summary.Group gb = sb.byModel().get(model);
            Map<String, Object> m = Json.object();
            m.put("model", model);
            m.put("in_a", ga != null);
            m.put("in_b", gb != null);
            List<Object> metrics = new ArrayList<>();
            for (String s : scores) {
                int ka = a.scoreNames.indexOf(s);
                int kb = b.scoreNames.indexOf(s);
                Double meanA = mean(ga, s);
                Double meanB = mean(gb, s);
                metrics.add(metric(s, meanA, meanB, a, match, model,
                        i -> ka < 0 ? Double.NaN : a.score(i, ka), j -> kb < 0 ? Double.NaN : b.score(j, kb)));
            }
            metrics.add(metric("success_rate", ga == null ? null : Json.num(ga.successRate()),
                    gb == null ? null : Json.num(gb.successRate()), a, match, model,
                    i -> a.ok(i) ? 1 : 0, j -> b.ok(j) ? 1 : 0));
            metrics.add(metric("latency_ms", latency(ga), latency(gb), a, match, model,
                    i -> a.latencyMs[i], j -> b.latencyMs[j]));
            metrics.add(metric("cost_usd", ga == null ? null : Json.num(ga.cost().totalUsd()),
                    gb == null ? null : Json.num(gb.cost().totalUsd()), a, match, model,
                    i -> a.costUsd[i], j -> b.costUsd[j]));
            m.put("metrics", metrics);
            out.add(m);
        }
        o.put("models", out);
        adjustAcrossModels(out);
        return o;
    }

    /**
     * With several models, each metric's p-values are read together: adds to every tested metric its
     * Holm-adjusted p-value over the models tested on it ({@code p_adjusted}, {@code p_adjustment},
     * {@code comparisons}).
     */
    @SuppressWarnings("unchecked")
    static void adjustAcrossModels(List<Object> models) {
        Map<String, List<Map<String, Object>>> byMetric = new LinkedHashMap<>();
        for (Object model : models) {
            for (Object metric : (List<Object>) ((Map<String, Object>) model).get("metrics")) {
                Map<String, Object> x = (Map<String, Object>) metric;
                if (x.get("p_value") != null) {
                    byMetric.computeIfAbsent((String) x.get("metric"), k -> new ArrayList<>()).add(x);
                }
            }
        }
        byMetric.values().stream().filter(family -> family.size() > 1).forEach(family -> {
            double[] raw = family.stream().mapToDouble(x -> (Double) x.get("p_value")).toArray();
            double[] adjusted = PValues.adjust(raw, PAdjustment.HOLM);
            for (int i = 0; i < raw.length; i++) {
                family.get(i).put("p_adjusted", adjusted[i]);
                family.get(i).put("p_adjustment", PAdjustment.HOLM.label());
                family.get(i).put("comparisons", raw.length);
            }
        });
    }

    private static Map<String, Object> side(RunMetadata m) {
        Map<String, Object> o = Json.object();
        o.put("id", m.info().id());
        o.put("name", m.info().name());
        o.put("started_at", m.info().startedAt().toString());
        return o;
    }

    private static Double mean(Summary.Group g, String score) {
        if (g == null || !g.scores().containsKey(score)) {
            return null;
        }
        return Json.num(g.scores().get(score).mean());
    }

    private static Double latency(Summary.Group g) {
        return g == null ? null : g.latency().map(l -> Json.millis(l.p50())).orElse(null);
    }

    /**
     * One metric of one model: the two runs' figures (the summary's mean, rate, latency p50 or total
     * cost) and the paired comparison of the per-cell values both runs have.
     */
    private static Map<String, Object> metric(String name, Double inA, Double inB, RunIndex a, int[] match, String model,
            IntToDoubleFunction valueA, IntToDoubleFunction valueB) {
        Map<String, Object> o = Json.object();
        o.put("metric", name);
        o.put("a", inA);
        o.put("b", inB);
        o.put("delta", inA != null && inB != null ? inB - inA : null);
        double[] xa = new double[a.size];
        double[] xb = new double[a.size];
        int n = 0;
        for (int i = 0; i < a.size; i++) {
            if (match[i] < 0 || !a.configs.get(a.config[i]).model().equals(model)) {
                continue;
            }
            double va = valueA.applyAsDouble(i);
            double vb = valueB.applyAsDouble(match[i]);
            if (Double.isFinite(va) && Double.isFinite(vb)) {
                xa[n] = va;
                xb[n] = vb;
                n++;
            }
        }
        o.put("pairs", n);
        if (n >= 2) {
            try {
                PairedComparison c = PairedComparison.of(name, Arrays.copyOf(xa, n),
                        Arrays.copyOf(xb, n), SEED);
                o.put("mean_difference", c.difference().value());
                o.put("difference_ci_low", c.difference().interval().low());
                o.put("difference_ci_high", c.difference().interval().high());
                o.put("p_value", c.test().pValue());
                o.put("test", c.testName());
                o.put("describe", c.describe());
            } catch (IllegalArgumentException e) {
                o.put("test_error", e.getMessage());
            }
        }
        return o;
    }
}
