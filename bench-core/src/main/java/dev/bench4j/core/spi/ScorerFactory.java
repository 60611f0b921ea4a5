package dev.bench4j.core.spi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

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

    /**
     * Creates a scorer from a plan file's options, resolving any file path among them against the
     * plan file's folder. The default ignores the folder and calls {@link #create(Map)}; a factory
     * with file options (e.g. {@code json_schema}'s {@code schema}) overrides it.
     *
     * @param options the options from the plan file, without {@code type}; JSON-like values
     * @param baseDirectory the folder relative file paths resolve against (the plan file's folder)
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if an option is unknown, missing or invalid, or a file it names
     *     cannot be read; the message names it
     */
    default Scorer create(Map<String, Object> options, Path baseDirectory) {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        return create(options);
    }
}
