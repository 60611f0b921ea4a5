package dev.bench4j.core.spi;

import java.util.Map;

/**
 * Makes {@link Scorer}s of one type from plan-file options (e.g. {@code {"type": "set_f1",
 * "pointer": "/conditions"}}), found with {@link java.util.ServiceLoader} (register the class in
 * {@code META-INF/services/dev.bench4j.core.spi.ScorerFactory}).
 */
public interface ScorerFactory {

    /**
     * Returns the type name used in plan files, e.g. {@code exact}.
     *
     * @return the type
     */
    String type();

    /**
     * Creates a scorer from options.
     *
     * @param options the options from the plan file, without {@code type}; JSON-like values
     * @return the scorer
     * @throws IllegalArgumentException if an option is unknown, missing or invalid; the message names it
     */
    Scorer create(Map<String, Object> options);
}
