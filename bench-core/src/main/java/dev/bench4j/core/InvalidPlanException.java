package dev.bench4j.core;

import java.util.List;
import java.util.Objects;

/**
 * Thrown when a plan, prompt, model configuration, trial or input file is malformed or
 * inconsistent; always before any model is called.
 *
 * <p>{@link #problems()} lists every problem found (each naming the file, field, prompt, trial or
 * model concerned); the message shows the first ones.
 */
public final class InvalidPlanException extends BenchException {
    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 10;

    private final List<String> problems;

    /**
     * Creates an exception for one problem.
     *
     * @param problem what is wrong, where, and what was expected
     */
    public InvalidPlanException(String problem) {
        this(List.of(Objects.requireNonNull(problem, "problem")));
    }

    /**
     * Creates an exception for one problem with the exception that revealed it.
     *
     * @param problem what is wrong, where, and what was expected
     * @param cause the underlying exception, e.g. a JSON parse error
     */
    public InvalidPlanException(String problem, Throwable cause) {
        super(Objects.requireNonNull(problem, "problem"), cause);
        this.problems = List.of(problem);
    }

    /**
     * Creates an exception for several problems found in one validation pass.
     *
     * @param problems the problems, at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public InvalidPlanException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns every problem found, in the order they were found.
     *
     * @return the problems, never empty
     */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder sb = new StringBuilder().append(problems.size()).append(" problems:");
        problems.stream().limit(SHOWN).forEach(p -> sb.append("\n  - ").append(p));
        if (problems.size() > SHOWN) {
            sb.append("\n  ... and ").append(problems.size() - SHOWN).append(" more");
        }
        return sb.toString();
    }
}
