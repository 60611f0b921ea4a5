package dev.bench4j.core.internal.run;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.internal.pipeline.CallPipeline;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ProviderContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The providers a run opens (one per factory, for its models and judges) and closes when it ends. */
final class RunProviders {

    private static final Logger LOG = LoggerFactory.getLogger(RunProviders.class);

    private final RunSettings settings;
    private final String runId;
    private List<ModelProvider> open = List.of();

    /**
     * Prepares a run's providers.
     *
     * @param settings the run's settings
     * @param runId the run's id, for the log
     */
    RunProviders(RunSettings settings, String runId) {
        this.settings = settings;
        this.runId = runId;
    }

    /**
     * Opens a provider for every model and judge and returns the pipeline settings that call them.
     *
     * @param judges the models the scorers call
     * @param scheduler the run's timers
     * @return the call pipeline's settings
     * @throws RuntimeException if a factory cannot create its provider
     */
    CallPipeline.Settings open(List<ModelConfig> judges, ScheduledExecutorService scheduler) {
        List<ModelConfig> callable = new ArrayList<>(settings.models());
        Set<String> candidates = new HashSet<>(settings.models().stream().map(ModelConfig::id).toList());
        judges.stream().filter(j -> !candidates.contains(j.id())).forEach(callable::add);
        RunSettings.Services services = settings.services();
        RunSettings.Limits limits = settings.limits();
        ProviderContext context = new ProviderContext(services.environment(), scheduler, services.baseDirectory(),
                limits.concurrency());
        Map<ModelProviderFactory, ModelProvider> byFactory = new LinkedHashMap<>();
        Map<String, ModelProvider> byModel = new HashMap<>();
        for (ModelConfig m : callable) {
            ModelProviderFactory f = services.factories().get(m.id());
            byModel.put(m.id(), byFactory.computeIfAbsent(f, x -> x.create(context)));
        }
        open = List.copyOf(byFactory.values());
        return new CallPipeline.Settings(callable, byModel, services.factories(), services.cache(), limits.retry(),
                limits.attemptTimeout(), limits.providerConcurrency(), scheduler, limits.concurrency(),
                limits.adaptiveConcurrency());
    }

    /** Closes every opened provider; a provider that fails to close is logged. */
    void close() {
        for (ModelProvider provider : open) {
            try {
                provider.close();
            } catch (Exception e) {
                LOG.warn("Run {}: closing provider {} failed: {}", runId, provider.getClass().getName(), e.toString());
            }
        }
    }
}
