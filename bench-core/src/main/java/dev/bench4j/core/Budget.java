package dev.bench4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Spending caps of a run: its cost in USD, its tokens and its model calls, each counted over the
 * candidates' calls and the calls scorers make (LLM judges), cached responses excluded. When a cap
 * is reached the run dispatches no more cells, lets the calls in flight finish and ends with status
 * {@link RunStatus#BUDGET_EXCEEDED} and a reason naming the cap and the spend. A resumed run counts
 * the spend of its stored results toward its caps, so a run stopped by its budget continues when
 * resumed with a higher cap.
 *
 * <pre>{@code
 * BenchmarkPlan capped = plan.toBuilder().budget(Budget.maxCostUsd(20).withMaxCalls(5_000)).build();
 * }</pre>
 *
 * <p>The cost cap counts only calls whose price is known: a run whose models (or judges) have no
 * price logs one warning naming them, and their calls count as nothing toward it. The call cap counts
 * a cell in flight as one call (its retries add to the count when it finishes), so it is reached
 * before more cells are dispatched than it allows; the cost and token caps are checked against
 * finished cells, so the calls in flight when one is reached may exceed it a little.
 *
 * @param maxCostUsd the most USD the run may spend
 * @param maxTokens the most tokens (input plus output) the run may use
 * @param maxCalls the most model calls (attempts) the run may make
 */
public record Budget(OptionalDouble maxCostUsd, OptionalLong maxTokens, OptionalLong maxCalls) {

    private static final Budget NONE = new Budget(OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.empty());

    /**
     * Validates the caps.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if the cost cap is not a finite number above 0, or a count cap below 1
     */
    public Budget {
        Objects.requireNonNull(maxCostUsd, "maxCostUsd");
        Objects.requireNonNull(maxTokens, "maxTokens");
        Objects.requireNonNull(maxCalls, "maxCalls");
        if (maxCostUsd.isPresent() && !(maxCostUsd.getAsDouble() > 0 && Double.isFinite(maxCostUsd.getAsDouble()))) {
            throw new IllegalArgumentException("max_cost_usd must be a finite number > 0 but was " + maxCostUsd.getAsDouble());
        }
        if (maxTokens.isPresent() && maxTokens.getAsLong() < 1) {
            throw new IllegalArgumentException("max_tokens must be >= 1 but was " + maxTokens.getAsLong());
        }
        if (maxCalls.isPresent() && maxCalls.getAsLong() < 1) {
            throw new IllegalArgumentException("max_calls must be >= 1 but was " + maxCalls.getAsLong());
        }
    }

    /**
     * Returns a budget without caps (the default).
     *
     * @return the budget
     */
    public static Budget none() {
        return NONE;
    }

    /**
     * Returns a budget capping the cost.
     *
     * @param usd more than 0
     * @return the budget
     * @throws IllegalArgumentException if {@code usd} is not a finite number above 0
     */
    public static Budget maxCostUsd(double usd) {
        return NONE.withMaxCostUsd(usd);
    }

    /**
     * Returns a budget capping the tokens.
     *
     * @param tokens at least 1
     * @return the budget
     * @throws IllegalArgumentException if {@code tokens} is below 1
     */
    public static Budget maxTokens(long tokens) {
        return NONE.withMaxTokens(tokens);
    }

    /**
     * Returns a budget capping the model calls.
     *
     * @param calls at least 1
     * @return the budget
     * @throws IllegalArgumentException if {@code calls} is below 1
     */
    public static Budget maxCalls(long calls) {
        return NONE.withMaxCalls(calls);
    }

    /**
     * Returns a copy with a cost cap.
     *
     * @param usd more than 0
     * @return the budget
     * @throws IllegalArgumentException if {@code usd} is not a finite number above 0
     */
    public Budget withMaxCostUsd(double usd) {
        return new Budget(OptionalDouble.of(usd), maxTokens, maxCalls);
    }

    /**
     * Returns a copy with a token cap.
     *
     * @param tokens at least 1
     * @return the budget
     * @throws IllegalArgumentException if {@code tokens} is below 1
     */
    public Budget withMaxTokens(long tokens) {
        return new Budget(maxCostUsd, OptionalLong.of(tokens), maxCalls);
    }

    /**
     * Returns a copy with a call cap.
     *
     * @param calls at least 1
     * @return the budget
     * @throws IllegalArgumentException if {@code calls} is below 1
     */
    public Budget withMaxCalls(long calls) {
        return new Budget(maxCostUsd, maxTokens, OptionalLong.of(calls));
    }

    /**
     * Tells whether the budget caps nothing.
     *
     * @return true without caps
     */
    public boolean isNone() {
        return maxCostUsd.isEmpty() && maxTokens.isEmpty() && maxCalls.isEmpty();
    }

    /**
     * Describes the caps, e.g. {@code Budget[max_cost_usd 20.00, max_calls 5000]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        List<String> caps = new ArrayList<>();
        maxCostUsd.ifPresent(c -> caps.add(String.format(Locale.ROOT, "max_cost_usd %.2f", c)));
        maxTokens.ifPresent(t -> caps.add("max_tokens " + t));
        maxCalls.ifPresent(c -> caps.add("max_calls " + c));
        return "Budget[" + (caps.isEmpty() ? "none" : String.join(", ", caps)) + "]";
    }
}
