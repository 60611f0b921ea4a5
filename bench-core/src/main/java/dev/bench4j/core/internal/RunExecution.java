package dev.bench4j.core.internal;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.RunHandle;
import dev.bench4j.core.spi.ModelProviderFactory;
import java.util.Map;

/** Placeholder while the runner is written. */
public final class RunExecution {
    private RunExecution() {
    }

    public static RunHandle start(BenchmarkPlan plan, Map<String, ModelProviderFactory> factories) {
        throw new IllegalStateException("runner not written yet");
    }
}
