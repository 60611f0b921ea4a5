package dev.bench4j.junit;

import dev.bench4j.core.BenchmarkPlan;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Makes {@link BenchGate}s with the settings of one test run: the store folder the runs go to and
 * whether baselines are rewritten. A {@link BenchmarkTest} method gets one as a parameter; outside
 * JUnit's extension, {@link #fromSystemProperties()} reads the same settings from system properties.
 *
 * @param store the store folder runs are written to
 * @param updateBaseline whether gates rewrite their baselines instead of comparing with them
 */
public record Bench(Path store, boolean updateBaseline) {

    /** The store folder when none is configured, relative to the working directory (the module under Maven). */
    static final String DEFAULT_STORE = "target/bench4j-runs";

    /**
     * Validates the components.
     *
     * @throws NullPointerException if {@code store} is {@code null}
     */
    public Bench {
        Objects.requireNonNull(store, "store");
    }

    /**
     * Reads the settings from the system properties {@code bench4j.store} (default
     * {@code target/bench4j-runs}) and {@code bench4j.updateBaseline} (default {@code false}).
     *
     * @return the settings
     * @throws IllegalArgumentException if {@code bench4j.updateBaseline} is neither {@code true} nor {@code false}
     */
    public static Bench fromSystemProperties() {
        String update = System.getProperty(BenchExtension.UPDATE_BASELINE);
        return new Bench(Path.of(System.getProperty(BenchExtension.STORE, DEFAULT_STORE)),
                update != null && parseFlag(BenchExtension.UPDATE_BASELINE, update));
    }

    /**
     * Starts a gate on a plan with these settings.
     *
     * @param plan the plan to run; its store, if any, is replaced by this bench's
     * @return the gate, with no checks yet
     * @throws NullPointerException if {@code plan} is {@code null}
     */
    public BenchGate gate(BenchmarkPlan plan) {
        return new BenchGate(plan, store, updateBaseline);
    }

    /** Reads a boolean flag; an empty value (a bare {@code -Dflag}) is true. */
    static boolean parseFlag(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException(name + " must be true or false but was '" + value + "'");
    }
}
