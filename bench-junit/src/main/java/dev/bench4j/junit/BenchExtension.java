package dev.bench4j.junit;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link BenchmarkTest}: resolves a {@link Bench} parameter from the
 * test run's configuration parameters, which JUnit reads from the launcher request, then JVM system
 * properties, then {@code junit-platform.properties}: {@code bench4j.updateBaseline} ({@code true}
 * rewrites every gate's baseline; default {@code false}) and {@code bench4j.store} (the store
 * folder; default {@code target/bench4j-runs}). It keeps no state between tests, so test classes
 * may run in parallel.
 */
public final class BenchExtension implements ParameterResolver {

    /** The configuration parameter that makes gates rewrite their baselines. */
    public static final String UPDATE_BASELINE = "bench4j.updateBaseline";

    /** The configuration parameter naming the store folder. */
    public static final String STORE = "bench4j.store";

    /** Creates the extension; JUnit does, through {@link BenchmarkTest} or {@code @ExtendWith}. */
    public BenchExtension() {
    }

    /**
     * Says whether the parameter is a {@link Bench}.
     *
     * @param parameter the parameter
     * @param context the test's context
     * @return true for a {@link Bench} parameter
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Bench.class;
    }

    /**
     * Makes the test's {@link Bench} from the configuration parameters.
     *
     * @param parameter the parameter
     * @param context the test's context
     * @return the bench
     * @throws IllegalArgumentException if {@code bench4j.updateBaseline} is neither {@code true} nor
     *     {@code false}
     */
    @Override
    public Bench resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Path store = Path.of(context.getConfigurationParameter(STORE).orElse(Bench.DEFAULT_STORE));
        boolean update = context.getConfigurationParameter(UPDATE_BASELINE).map(v -> Bench.parseFlag(UPDATE_BASELINE, v))
                .orElse(false);
        return new Bench(store, update);
    }
}
