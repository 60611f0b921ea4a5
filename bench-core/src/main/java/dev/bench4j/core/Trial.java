package dev.bench4j.core;

import dev.bench4j.core.json.JsonValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One test case: an id, the input variables a prompt's templates use, the expected (gold) answer
 * of any JSON shape, and free metadata.
 *
 * <p>Values are JSON-like: strings, numbers, booleans, lists and maps of these. A variable is
 * rendered into a template as it is when it is a string, as JSON otherwise.
 *
 * <p>A trial may carry its own {@link Check}s (e.g. "must contain X", "must not contain 'sorry'");
 * a plan whose trials have checks scores them with a scorer named {@code checks}.
 *
 * <pre>{@code
 * Trial t = Trial.of("t1", Map.of("text", "Patient with type 2 diabetes."))
 *     .withExpected(List.of("diabetes"));
 * }</pre>
 *
 * @param id the id, unique within a plan
 * @param vars the input variables (values never null)
 * @param expected the gold answer, if the trial has one
 * @param metadata free metadata
 * @param checks the trial's own checks, in order; usually empty
 */
public record Trial(String id, Map<String, Object> vars, Optional<Object> expected, Map<String, Object> metadata,
        List<Check> checks) {

    /**
     * Validates and deep-copies the components.
     *
     * @throws NullPointerException if a component, a key or a variable's value is {@code null}
     * @throws IllegalArgumentException if {@code id} is blank or a value is not JSON-like
     */
    public Trial {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("trial id must not be blank");
        }
        vars = JsonValues.immutableObject(Objects.requireNonNull(vars, "vars"), "trial '" + id + "' variable");
        Objects.requireNonNull(expected, "expected");
        expected = expected.map(e -> JsonValues.immutableCopy(e, "trial '" + id + "' expected"));
        metadata = JsonValues.immutableObject(Objects.requireNonNull(metadata, "metadata"), "trial '" + id + "' metadata");
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
    }

    /**
     * Creates a trial without checks.
     *
     * @param id the id, unique within a plan
     * @param vars the input variables (values never null)
     * @param expected the gold answer, if the trial has one
     * @param metadata free metadata
     * @throws NullPointerException if a component, a key or a variable's value is {@code null}
     * @throws IllegalArgumentException if {@code id} is blank or a value is not JSON-like
     */
    public Trial(String id, Map<String, Object> vars, Optional<Object> expected, Map<String, Object> metadata) {
        this(id, vars, expected, metadata, List.of());
    }

    /**
     * Creates a trial with input variables and no expected answer.
     *
     * @param id the id, unique within a plan
     * @param vars the input variables
     * @return the trial
     * @throws NullPointerException if an argument, a key or a value is {@code null}
     * @throws IllegalArgumentException if {@code id} is blank or a value is not JSON-like
     */
    public static Trial of(String id, Map<String, ?> vars) {
        return new Trial(id, new LinkedHashMap<>(Objects.requireNonNull(vars, "vars")), Optional.empty(), Map.of());
    }

    /**
     * Returns a copy with an expected (gold) answer.
     *
     * @param gold a JSON-like value: string, number, boolean, list or map
     * @return the new trial
     * @throws NullPointerException if {@code gold} is {@code null}
     * @throws IllegalArgumentException if {@code gold} is not JSON-like
     */
    public Trial withExpected(Object gold) {
        return new Trial(id, vars, Optional.of(Objects.requireNonNull(gold, "gold")), metadata, checks);
    }

    /**
     * Returns a copy with one more input variable.
     *
     * @param name the variable's name
     * @param value a JSON-like value
     * @return the new trial
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code value} is not JSON-like
     */
    public Trial withVar(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(vars);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Trial(id, copy, expected, metadata, checks);
    }

    /**
     * Returns a copy with one metadata entry added or replaced.
     *
     * @param key the key
     * @param value a JSON-like value
     * @return the new trial
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code value} is not JSON-like
     */
    public Trial withMetadata(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(metadata);
        copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new Trial(id, vars, expected, copy, checks);
    }

    /**
     * Returns a copy with these checks instead of its own.
     *
     * @param newChecks the checks, in order; empty for none
     * @return the new trial
     * @throws NullPointerException if {@code newChecks} or a check is {@code null}
     */
    public Trial withChecks(List<Check> newChecks) {
        return new Trial(id, vars, expected, metadata, newChecks);
    }

    /**
     * Returns a copy with one more check after its own.
     *
     * @param check the check
     * @return the new trial
     * @throws NullPointerException if {@code check} is {@code null}
     */
    public Trial withCheck(Check check) {
        List<Check> copy = new ArrayList<>(checks);
        copy.add(Objects.requireNonNull(check, "check"));
        return new Trial(id, vars, expected, metadata, copy);
    }
}
