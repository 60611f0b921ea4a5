package dev.bench4j.core;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sign that a run is silently wrong rather than failed, found by the checks the runner makes on
 * every result as it arrives: e.g. a "sampled" configuration that answered exactly like the greedy
 * one (the server ignored the sampling parameters), or a server that answered with another model
 * than the one asked for. The runner puts them on {@link Run#warnings()}; the JSON store keeps them
 * in {@code run.json}; {@code bench run} and {@code bench show} print them.
 *
 * <pre>{@code
 * Run run = plan.run();
 * for (RunWarning w : run.warnings()) {
 *     System.err.println(w.code() + ": " + w.message());   // model_mismatch: config mini asked for ...
 * }
 * }</pre>
 *
 * <p>Codes are snake_case strings, so a file written by a later version with a new code stays
 * readable; the codes this version finds are the constants of this class.
 *
 * @param code what kind of problem, e.g. {@link #SAMPLING_IGNORED}
 * @param message one line naming the configurations (and trials) involved and the counts
 * @param models the ids of the model configurations involved, in plan order
 * @param count how many of the checked things showed the problem (cells, outputs or trials; the
 *     message says which)
 * @param total how many were checked
 */
public record RunWarning(String code, String message, List<String> models, long count, long total) {

    /**
     * Configurations that differ only in sampling parameters (temperature, top_p, top_k, seed,
     * penalties) gave identical outputs in every cell, over at least 3 trials: the server likely
     * ignored the sampling parameters. {@code count} and {@code total}: cells per configuration.
     */
    public static final String SAMPLING_IGNORED = "sampling_ignored";
    /**
     * A configuration with a temperature above 0 gave identical outputs in every repetition of
     * every trial that has two or more (at least 3 outputs in all). {@code count}: trials whose
     * repetitions were identical; {@code total}: trials with two or more successful repetitions.
     */
    public static final String IDENTICAL_REPETITIONS = "identical_repetitions";
    /**
     * A configured stop sequence appears in outputs: the server did not stop there.
     * {@code count}: outputs containing one; {@code total}: successful outputs.
     */
    public static final String STOP_SEQUENCE_IN_OUTPUT = "stop_sequence_in_output";
    /**
     * The model that answered (the response's model field) is not the one asked for. A name that
     * starts with the requested one, ignoring case, is the same model (a dated snapshot such as
     * {@code gpt-4o-2024-08-06} for {@code gpt-4o}, or {@code llama3:latest} for {@code llama3});
     * a request for {@code X-latest} or {@code X:latest} accepts any name starting with {@code X}.
     * {@code count}: answers naming another model; {@code total}: answers naming a model.
     */
    public static final String MODEL_MISMATCH = "model_mismatch";
    /**
     * More than half of a configuration's answers ended with finish reason {@code length}: outputs
     * are cut off by {@code max_output_tokens}. {@code count}: answers that ended so; {@code total}:
     * cells that got an answer.
     */
    public static final String LENGTH_FINISH = "length_finish";
    /**
     * Every successful output of a configuration is empty. {@code count} and {@code total}:
     * successful outputs.
     */
    public static final String EMPTY_OUTPUTS = "empty_outputs";
    /**
     * Every successful output of a configuration is the same (non-empty) text, over at least 3
     * trials. {@code count} and {@code total}: successful outputs.
     */
    public static final String CONSTANT_OUTPUT = "constant_output";

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component or a model id is {@code null}
     * @throws IllegalArgumentException if the code is not snake_case, the message is blank or has a
     *     line break, a count is negative, or {@code count} exceeds {@code total}
     */
    public RunWarning {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must be snake_case (a-z, 0-9, _) but was '" + code + "'");
        }
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("message must not be blank");
        }
        if (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("message must be one line but had a line break");
        }
        models = List.copyOf(Objects.requireNonNull(models, "models"));
        if (count < 0 || total < 0) {
            throw new IllegalArgumentException("count and total must be >= 0 but were " + count + " and " + total);
        }
        if (count > total) {
            throw new IllegalArgumentException("count must be <= total but was " + count + " of " + total);
        }
    }

    /**
     * Creates a warning.
     *
     * @param code what kind of problem, snake_case
     * @param message one line naming the configurations involved and the counts
     * @param models the ids of the configurations involved
     * @param count how many of the checked things showed the problem
     * @param total how many were checked
     * @return the warning
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException as the canonical constructor does
     */
    public static RunWarning of(String code, String message, List<String> models, long count, long total) {
        return new RunWarning(code, message, models, count, total);
    }
}
