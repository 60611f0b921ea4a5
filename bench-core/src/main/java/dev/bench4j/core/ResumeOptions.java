package dev.bench4j.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link BenchmarkPlan#resume(String, ResumeOptions)} continues a stored run: by default
 * ({@link #plain()}) every cell the store holds a result for is done, failed or not; with
 * {@link #retryFailed()} the cells whose newest stored result failed are called again (only those
 * whose error kind is listed, when kinds are given). A retried cell's new result is appended to the
 * store and supersedes the old one in the run's summary.
 *
 * <pre>{@code
 * Run again = plan.resume(runId, ResumeOptions.retryFailed(ErrorKind.RATE_LIMITED, ErrorKind.SERVER));
 * again.summary().retriedCells();   // how many cells were called again
 * }</pre>
 *
 * @param retry whether failed cells are called again
 * @param kinds the error kinds whose cells are called again; empty means every kind
 */
public record ResumeOptions(boolean retry, Set<ErrorKind> kinds) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if {@code kinds} or an element is {@code null}
     * @throws IllegalArgumentException if kinds are given without {@code retry}
     */
    public ResumeOptions {
        Objects.requireNonNull(kinds, "kinds");
        kinds = kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        if (!retry && !kinds.isEmpty()) {
            throw new IllegalArgumentException("error kinds " + kinds + " are given but failed cells are not retried");
        }
    }

    /**
     * Returns the options of a plain resume: a cell with a stored result, failed or not, is not
     * called again.
     *
     * @return the options
     */
    public static ResumeOptions plain() {
        return new ResumeOptions(false, Set.of());
    }

    /**
     * Returns options that call every failed cell again, whatever its error.
     *
     * @return the options
     */
    public static ResumeOptions retryFailed() {
        return new ResumeOptions(true, Set.of());
    }

    /**
     * Returns options that call again the failed cells whose error is of one of these kinds.
     *
     * @param only the kinds, e.g. {@link ErrorKind#RATE_LIMITED}; none means every kind
     * @return the options
     * @throws NullPointerException if {@code only} or an element is {@code null}
     */
    public static ResumeOptions retryFailed(ErrorKind... only) {
        Objects.requireNonNull(only, "only");
        Set<ErrorKind> kinds = EnumSet.noneOf(ErrorKind.class);
        for (ErrorKind k : only) {
            kinds.add(Objects.requireNonNull(k, "only element"));   // a kind given twice counts once
        }
        return new ResumeOptions(true, kinds);
    }

    /**
     * Returns options that call again the failed cells whose error is of one of these kinds.
     *
     * @param only the kinds; empty means every kind
     * @return the options
     * @throws NullPointerException if {@code only} or an element is {@code null}
     */
    public static ResumeOptions retryFailed(Set<ErrorKind> only) {
        return new ResumeOptions(true, only);
    }

    /**
     * Tells whether a stored result is called again under these options.
     *
     * @param result the newest stored result of a cell
     * @return true if it failed, failed cells are retried, and its kind is listed (or none is)
     */
    public boolean retries(Result result) {
        return retry && !result.succeeded()
                && (kinds.isEmpty() || result.error().map(e -> kinds.contains(e.kind())).orElse(false));
    }

    /**
     * Describes the options, e.g. {@code retry failed cells of kinds rate_limited, server}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        if (!retry) {
            return "plain resume";
        }
        return kinds.isEmpty() ? "retry failed cells" : "retry failed cells of kinds "
                + String.join(", ", Arrays.stream(ErrorKind.values()).filter(kinds::contains).map(ErrorKind::wireName)
                        .toList());
    }
}
