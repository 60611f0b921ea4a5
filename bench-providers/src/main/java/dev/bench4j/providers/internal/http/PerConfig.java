package dev.bench4j.providers.internal.http;

import dev.bench4j.core.ModelConfig;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Remembers what an API derives from a config alone (its URI, the fixed part of its request body),
 * so that it is worked out once per model rather than once per call. Configs are immutable and a
 * run passes the same instance with every call of a model, so they are matched by identity; an
 * equal config in another instance is simply worked out again.
 *
 * @param <T> what is remembered
 */
public final class PerConfig<T> {
    /** The most configs remembered; beyond that a value is worked out on every call. */
    private static final int MAX = 64;

    private final Function<ModelConfig, T> make;
    /** Config, value, config, value...; replaced whole when one is added. */
    private volatile Object[] entries = new Object[0];

    /**
     * Creates an empty cache.
     *
     * @param make works out the value of a config; an exception it throws is thrown to the caller
     *     and nothing is remembered
     */
    public PerConfig(Function<ModelConfig, T> make) {
        this.make = make;
    }

    /**
     * Returns the value for a config, working it out the first time.
     *
     * @param config the config
     * @return its value
     */
    @SuppressWarnings("unchecked")
    public T get(ModelConfig config) {
        Object[] e = entries;
        for (int i = 0; i < e.length; i += 2) {
            if (e[i] == config) {
                return (T) e[i + 1];
            }
        }
        T value = make.apply(config);
        synchronized (this) {
            Object[] now = entries;
            if (now.length < 2 * MAX) {
                Object[] more = Arrays.copyOf(now, now.length + 2);
                more[now.length] = config;
                more[now.length + 1] = value;
                entries = more;
            }
        }
        return value;
    }
}
