package dev.bench4j.perf;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Trial;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ProviderContext;
import dev.bench4j.core.spi.ResponseCache;
import dev.bench4j.core.spi.ResultSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end scenarios of the runner on the {@code echo} provider, printing one JSON line each:
 *
 * <pre>
 * java -cp bench-perf.jar dev.bench4j.perf.Throughput overhead [cells]          # echo, no latency
 * java -cp bench-perf.jar dev.bench4j.perf.Throughput latency [cells] [ms] [C]  # echo with latency
 * java -Xmx128m -cp bench-perf.jar dev.bench4j.perf.Throughput memory [cells]   # non-retaining sink
 * java -cp bench-perf.jar dev.bench4j.perf.Throughput cached [cells]            # second run from cache
 * </pre>
 *
 * Each scenario runs a warm-up pass first (not counted) unless told {@code --no-warmup}.
 */
public final class Throughput {

    private Throughput() {
    }

    /**
     * Runs one scenario.
     *
     * @param args the scenario and its numbers
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: Throughput overhead|latency|memory|cached [cells] [latency-ms] [concurrency] [--no-warmup]");
            System.exit(2);
        }
        List<String> a = new ArrayList<>(List.of(args));
        boolean warmup = !a.remove("--no-warmup");
        String scenario = a.get(0);
        switch (scenario) {
            case "overhead" -> overhead(arg(a, 1, 100_000), warmup);
            case "latency" -> latency(arg(a, 1, 10_000), arg(a, 2, 20), (int) arg(a, 3, 64), warmup);
            case "memory" -> memory(arg(a, 1, 200_000));
            case "cached" -> cached(arg(a, 1, 10_000));
            default -> {
                System.err.println("unknown scenario " + scenario);
                System.exit(2);
            }
        }
    }

    private static long arg(List<String> a, int i, long fallback) {
        return a.size() > i ? Long.parseLong(a.get(i).replace("_", "")) : fallback;
    }

    /** Plans of n cells: n/2 trials × 1 prompt × 2 echo models. */
    static BenchmarkPlan.Builder plan(long cells, long latencyMs, int concurrency) {
        int trials = (int) Math.max(1, cells / 2);
        List<Trial> list = new ArrayList<>(trials);
        for (int i = 0; i < trials; i++) {
            list.add(Trial.of("t" + i, Map.of("text", "case " + i + ": patient with type 2 diabetes and hypertension"))
                    .withExpected("diabetes"));
        }
        ModelConfig a = ModelConfig.of("echo", "echo-a");
        ModelConfig b = ModelConfig.of("echo", "echo-b").withTemperature(0.7);
        if (latencyMs > 0) {
            a = a.withParam("latency_ms", latencyMs);
            b = b.withParam("latency_ms", latencyMs);
        }
        return BenchmarkPlan.named("perf")
                .prompt(Prompt.named("extract").system("Extract the conditions.").user("Text: {{text}}"))
                .model(a).model(b)
                .trials(list)
                .concurrency(concurrency);
    }

    private static void overhead(long cells, boolean warmup) {
        if (warmup) {
            plan(Math.min(cells, 50_000), 0, 64).noCache().retainResults(false).build().run();
        }
        BenchmarkPlan plan = plan(cells, 0, 64).noCache().retainResults(false).build();
        long t0 = System.nanoTime();
        Run run = plan.run();
        report("overhead", run, t0, Map.of("concurrency", 64));
    }

    private static void latency(long cells, long ms, int concurrency, boolean warmup) {
        if (warmup) {
            plan(Math.min(cells, 2_000), ms, concurrency).noCache().retainResults(false).build().run();
        }
        BenchmarkPlan plan = plan(cells, ms, concurrency).noCache().retainResults(false).build();
        long t0 = System.nanoTime();
        Run run = plan.run();
        double ideal = cells * ms / 1000.0 / concurrency;
        double wall = (System.nanoTime() - t0) / 1e9;
        report("latency", run, t0, Map.of("latency_ms", ms, "concurrency", concurrency,
                "ideal_s", Report.round(ideal), "wall_over_ideal", Report.round(wall / ideal)));
    }

    private static void memory(long cells) {
        AtomicLong seen = new AtomicLong();
        ResultSink counting = ResultSink.of(r -> seen.incrementAndGet());
        BenchmarkPlan plan = plan(cells, 0, 64).noCache().retainResults(false).sink(counting).build();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = (rt.totalMemory() - rt.freeMemory()) >> 20;
        long t0 = System.nanoTime();
        Run run = plan.run();
        double wall = (System.nanoTime() - t0) / 1e9;
        System.gc();
        report("memory", run, t0, wall, Map.of("max_heap_mb", rt.maxMemory() >> 20, "results_seen_by_sink", seen.get(),
                "heap_used_after_gc_mb", (rt.totalMemory() - rt.freeMemory()) >> 20, "plan_heap_before_run_mb", before, "results_retained", run.results().size()));
    }

    private static void cached(long cells) {
        AtomicLong calls = new AtomicLong();
        ModelProviderFactory counting = new ModelProviderFactory() {
            @Override
            public String name() {
                return "counting-echo";
            }

            @Override
            public ModelProvider create(ProviderContext context) {
                return new ModelProvider() {
                    @Override
                    public CompletionStage<ModelResponse> call(ModelRequest request) {
                        calls.incrementAndGet();
                        return CompletableFuture.completedFuture(ModelResponse.of(
                                request.messages().get(request.messages().size() - 1).content(),
                                FinishReason.STOP, Usage.of(10, 5)));
                    }
                };
            }
        };
        int trials = (int) cells;
        List<Trial> list = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            list.add(Trial.of("t" + i, Map.of("text", "case " + i)));
        }
        BenchmarkPlan plan = BenchmarkPlan.named("cached").provider(counting)
                .prompt(Prompt.named("p").user("{{text}}")).model(ModelConfig.of("counting-echo", "m"))
                .trials(list).retainResults(false)
                .cache(ResponseCache.inMemory(cells)).build();
        Run first = plan.run();
        long afterFirst = calls.get();
        long t0 = System.nanoTime();
        Run second = plan.run();
        report("cached", second, t0, Map.of("provider_calls_first_run", afterFirst,
                "provider_calls_second_run", calls.get() - afterFirst, "cached_second_run", second.summary().overall().cached(),
                "first_status", first.status().wireName()));
    }

    private static void report(String scenario, Run run, long t0, Map<String, Object> extra) {
        report(scenario, run, t0, (System.nanoTime() - t0) / 1e9, extra);
    }

    private static void report(String scenario, Run run, long t0, double wall, Map<String, Object> extra) {
        System.out.println(Report.line(scenario, run, wall, extra));
        if (run.status() != RunStatus.COMPLETED) {
            System.exit(1);
        }
    }
}
