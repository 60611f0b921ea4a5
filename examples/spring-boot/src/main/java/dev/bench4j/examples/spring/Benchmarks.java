package dev.bench4j.examples.spring;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Run;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.RunStore;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The configured benchmarks by name: each a {@link BenchmarkPlan} read from its plan file, with the
 * configured models added, the application's providers registered and its run store attached.
 * One instance per application context; it holds no mutable state, so two contexts in one JVM run
 * their benchmarks independently.
 */
public final class Benchmarks {

    private static final Logger LOG = LoggerFactory.getLogger(Benchmarks.class);

    private final Map<String, BenchmarkPlan> plans;

    private Benchmarks(Map<String, BenchmarkPlan> plans) {
        this.plans = Collections.unmodifiableMap(plans);
    }

    /**
     * Reads every configured plan file and builds its plan.
     *
     * @param properties the plan files, models and server
     * @param store where every run is written
     * @param providers the provider factories to register (they win over those found on the class path)
     * @param environment where providers look up the API key variable at call time
     * @return the benchmarks
     * @throws dev.bench4j.core.InvalidPlanException naming the file and field if a plan file is invalid
     */
    public static Benchmarks load(BenchProperties properties, RunStore store, List<ModelProviderFactory> providers,
            Function<String, Optional<String>> environment) {
        Map<String, BenchmarkPlan> plans = new TreeMap<>();
        properties.benchmarks().forEach((name, file) -> {
            BenchmarkPlan.Builder builder = PlanFile.load(file).toBuilder()
                    .name(name)
                    .store(store)
                    .environment(environment);
            providers.forEach(builder::provider);
            properties.models().forEach(model -> builder.model(modelConfig(properties.server(), model)));
            plans.put(name, builder.build());
        });
        return new Benchmarks(plans);
    }

    private static ModelConfig modelConfig(BenchProperties.Server server, String model) {
        ModelConfig config = ModelConfig.of(server.provider(), model).withBaseUrl(server.baseUrl().toString());
        return server.apiKeyEnv().isBlank() ? config : config.withApiKeyEnv(server.apiKeyEnv());
    }

    /**
     * Returns the names of the benchmarks.
     *
     * @return the names, sorted
     */
    public Set<String> names() {
        return plans.keySet();
    }

    /**
     * Runs a benchmark and waits for it to end; the run is written to the store as it goes.
     *
     * @param name the benchmark's name
     * @return the finished run, or empty if there is no benchmark of that name
     */
    public Optional<Run> run(String name) {
        BenchmarkPlan plan = plans.get(name);
        if (plan == null) {
            return Optional.empty();
        }
        Run run = plan.run();
        try (MDC.MDCCloseable ignored = MDC.putCloseable(Run.MDC_RUN_ID, run.id())) {
            LOG.info("Benchmark '{}' {}: {} cells, {} failed", name, run.status().wireName(),
                    run.summary().overall().cells(), run.summary().overall().failed());
        }
        return Optional.of(run);
    }
}
