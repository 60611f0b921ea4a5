package dev.bench4j.scoring;

import dev.bench4j.core.Check;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-trial {@link Check}s of the built-in scorer types, for {@link dev.bench4j.core.Trial#withCheck}:
 * the same types and options as {@link Scorers} and plan files, with the value a check compares
 * against given here instead of the trial's expected answer. Weight, threshold and negation are
 * set on the check ({@link Check#withWeight}, {@link Check#withThreshold}, {@link #not}).
 *
 * <pre>{@code
 * Trial t = Trial.of("t1", Map.of("q", "Capital of France?"))
 *     .withCheck(Checks.contains("Paris").withWeight(2))
 *     .withCheck(Checks.not(Checks.contains("sorry")))
 *     .withCheck(Checks.costUnder(0.001).withThreshold(0.5));
 * }</pre>
 */
public final class Checks {

    private Checks() {
    }

    /**
     * A check that the output contains a text ({@code contains} with {@code value}), with
     * {@link Normalization#standard()}.
     *
     * @param text the text to find
     * @return the check
     * @throws NullPointerException if {@code text} is {@code null}
     */
    public static Check contains(String text) {
        return Check.of("contains", Map.of("value", Objects.requireNonNull(text, "text")));
    }

    /**
     * A check that the output contains at least one of some texts ({@code contains_any}).
     *
     * @param texts the texts
     * @return the check
     * @throws NullPointerException if {@code texts} or a text is {@code null}
     */
    public static Check containsAny(List<String> texts) {
        return Check.of("contains_any", Map.of("value", List.copyOf(texts)));
    }

    /**
     * A check that the output equals a text after {@link Normalization#standard()} ({@code exact}).
     *
     * @param text the expected text
     * @return the check
     * @throws NullPointerException if {@code text} is {@code null}
     */
    public static Check exact(String text) {
        return Check.of("exact", Map.of("value", Objects.requireNonNull(text, "text")));
    }

    /**
     * A check that a regular expression is found in the output ({@code regex}).
     *
     * @param pattern a {@link java.util.regex.Pattern} expression, checked when the plan is built
     * @return the check
     * @throws NullPointerException if {@code pattern} is {@code null}
     */
    public static Check regex(String pattern) {
        return Check.of("regex", Map.of("pattern", Objects.requireNonNull(pattern, "pattern")));
    }

    /**
     * A check that the output is valid JSON ({@code json_valid}).
     *
     * @return the check
     */
    public static Check jsonValid() {
        return Check.of("json_valid");
    }

    /**
     * A check that the result cost at most some dollars ({@code cost_under}).
     *
     * @param maxUsd the limit, finite and at least 0 (checked when the plan is built)
     * @return the check
     */
    public static Check costUnder(double maxUsd) {
        return Check.of("cost_under", Map.of("max_usd", maxUsd));
    }

    /**
     * A check that the result took at most some time ({@code latency_under}).
     *
     * @param max the limit
     * @return the check
     * @throws NullPointerException if {@code max} is {@code null}
     */
    public static Check latencyUnder(Duration max) {
        return Check.of("latency_under", Map.of("max_ms", Objects.requireNonNull(max, "max").toNanos() / 1e6));
    }

    /**
     * A check of any installed scorer type with plan-file options, e.g.
     * {@code Checks.of("json_field_equals", Map.of("pointer", "/city", "value", "Paris"))}.
     *
     * @param type the scorer type
     * @param options its options; {@code value} is the check's expected value
     * @return the check
     * @throws NullPointerException if an argument, a key or a value is {@code null}
     * @throws IllegalArgumentException if {@code type} is blank or an option is reserved or not JSON-like
     */
    public static Check of(String type, Map<String, ?> options) {
        return Check.of(type, options);
    }

    /**
     * The negation of a check: its score {@code s} counts as {@code 1 - s}.
     *
     * @param check the check
     * @return the negated check
     * @throws NullPointerException if {@code check} is {@code null}
     */
    public static Check not(Check check) {
        return Check.not(check);
    }
}
