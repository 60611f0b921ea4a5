package dev.bench4j.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a run of a plan would send and cost, worked out without calling anything
 * ({@link BenchmarkPlan#estimate()}): the cells, and per model config and per judge the calls, the
 * input tokens, the output cap and a cost range in USD.
 *
 * <pre>{@code
 * PlanEstimate e = plan.estimate();
 * e.requests();      // one per cell
 * e.minCostUsd();    // input only: every answer empty
 * e.maxCostUsd();    // input plus every answer at max_output_tokens; empty if a cap or price is unknown
 * }</pre>
 *
 * <p>The range assumes every cell is called once and succeeds: retries, cache hits and failed cells
 * (which a judge does not grade) are not counted, and cached input is priced as plain input. Unknown
 * is never zero: a model without a price, or without {@code max_output_tokens} for the upper bound,
 * gives an empty cost, and a total with an empty part is empty.
 *
 * @param cells the cells: prompts × models × trials × repetitions
 * @param judgeCalls the calls the scorers make to their judges, one per cell and judge for an LLM judge
 * @param models one line per model config of the plan, in plan order
 * @param judges one line per judge config the scorers declare, in declaration order; empty without judges
 */
public record PlanEstimate(long cells, long judgeCalls, List<ModelEstimate> models, List<ModelEstimate> judges) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a list or element is {@code null}
     * @throws IllegalArgumentException if a count is negative
     */
    public PlanEstimate {
        atLeastZero("cells", cells);
        atLeastZero("judgeCalls", judgeCalls);
        models = List.copyOf(Objects.requireNonNull(models, "models"));
        judges = List.copyOf(Objects.requireNonNull(judges, "judges"));
    }

    private static void atLeastZero(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
        }
    }

    /**
     * Returns the number of requests the model configs get: one per cell.
     *
     * @return the sum of the models' calls
     */
    public long requests() {
        return models.stream().mapToLong(ModelEstimate::calls).sum();
    }

    /**
     * Returns the input tokens of every call, models and judges, with judges' answers left out.
     *
     * @return the sum of every line's {@link InputTokens#atLeast()}
     */
    public long inputTokens() {
        return lines().stream().mapToLong(l -> l.inputTokens().atLeast()).sum();
    }

    /**
     * Says whether every line's tokens were counted with the model's own tokenizer.
     *
     * @return true when every count is exact
     */
    public boolean exact() {
        return lines().stream().allMatch(l -> l.inputTokens().exact());
    }

    /**
     * Returns the least the run would cost: every input at its price, every answer empty.
     *
     * @return USD, or empty if a model or judge has no price
     */
    public OptionalDouble minCostUsd() {
        return sum(lines().stream().map(ModelEstimate::minCostUsd).toList());
    }

    /**
     * Returns the most the run would cost: every input, every answer at its config's
     * {@code max_output_tokens}, and every judge shown such answers.
     *
     * @return USD, or empty if a price or an output cap is unknown
     */
    public OptionalDouble maxCostUsd() {
        return sum(lines().stream().map(ModelEstimate::maxCostUsd).toList());
    }

    private List<ModelEstimate> lines() {
        return java.util.stream.Stream.concat(models.stream(), judges.stream()).toList();
    }

    private static OptionalDouble sum(List<OptionalDouble> parts) {
        double total = 0;
        for (OptionalDouble p : parts) {
            if (p.isEmpty()) {
                return OptionalDouble.empty();
            }
            total += p.getAsDouble();
        }
        return OptionalDouble.of(total);
    }

    /**
     * The input tokens of a model's calls. For a candidate model both bounds are the count of its
     * rendered requests. For a judge the answer it grades is not known before the run: the lower
     * bound counts the review prompt with an empty answer, the upper bound adds each graded model's
     * {@code max_output_tokens} (in the graded model's tokens, taken as the judge's), and is empty when
     * a graded model has no cap.
     *
     * @param atLeast the tokens counted
     * @param atMost the most the calls can take; empty when unknown
     * @param exact whether the text was counted with the model's own tokenizer
     * @param counter the tokenizer or method, e.g. {@code o200k_base} or {@code utf8-estimate}
     */
    public record InputTokens(long atLeast, OptionalLong atMost, boolean exact, String counter) {

        /**
         * Validates the components.
         *
         * @throws NullPointerException if {@code atMost} or {@code counter} is {@code null}
         * @throws IllegalArgumentException if {@code atLeast} is negative, {@code atMost} below it or
         *     {@code counter} blank
         */
        public InputTokens {
            atLeastZero("atLeast", atLeast);
            Objects.requireNonNull(atMost, "atMost");
            Objects.requireNonNull(counter, "counter");
            if (atMost.isPresent() && atMost.getAsLong() < atLeast) {
                throw new IllegalArgumentException("atMost must be >= atLeast (" + atLeast + ") but was "
                        + atMost.getAsLong());
            }
            if (counter.isBlank()) {
                throw new IllegalArgumentException("counter must not be blank");
            }
        }

        /**
         * Creates a count whose bounds agree, as for a candidate model's requests.
         *
         * @param tokens the tokens counted
         * @param exact whether counted with the model's own tokenizer
         * @param counter the tokenizer or method
         * @return the count
         * @throws IllegalArgumentException if {@code tokens} is negative or {@code counter} blank
         */
        public static InputTokens of(long tokens, boolean exact, String counter) {
            return new InputTokens(tokens, OptionalLong.of(tokens), exact, counter);
        }
    }

    /**
     * The estimate for one model config (a candidate or a judge).
     *
     * @param id the config's id
     * @param provider the name of the provider serving it
     * @param model the model's name
     * @param calls the calls it would get
     * @param inputTokens the input tokens of those calls
     * @param maxOutputTokens the config's {@code max_output_tokens}, the most one answer may take; empty when not set
     * @param price its price (config, provider, then price table); empty when unknown
     */
    public record ModelEstimate(String id, String provider, String model, long calls, InputTokens inputTokens,
            OptionalInt maxOutputTokens, Optional<Price> price) {

        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if {@code calls} is negative
         */
        public ModelEstimate {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(model, "model");
            atLeastZero("calls", calls);
            Objects.requireNonNull(inputTokens, "inputTokens");
            Objects.requireNonNull(maxOutputTokens, "maxOutputTokens");
            Objects.requireNonNull(price, "price");
        }

        /**
         * Returns the most output tokens the calls can take: calls × {@code max_output_tokens}.
         *
         * @return the tokens, or empty when the config sets no cap
         */
        public OptionalLong maxOutputTokensTotal() {
            return maxOutputTokens.isPresent() ? OptionalLong.of(calls * maxOutputTokens.getAsInt()) : OptionalLong.empty();
        }

        /**
         * Returns the cost of the input alone, every answer empty.
         *
         * @return USD, or empty when the price is unknown
         */
        public OptionalDouble minCostUsd() {
            return price.map(p -> OptionalDouble.of(inputTokens.atLeast() * p.inputPerMillion() / 1_000_000d))
                    .orElse(OptionalDouble.empty());
        }

        /**
         * Returns the cost of the input at its upper bound plus every answer at {@code max_output_tokens}.
         *
         * @return USD, or empty when the price, the output cap or the input's upper bound is unknown
         */
        public OptionalDouble maxCostUsd() {
            OptionalLong output = maxOutputTokensTotal();
            if (price.isEmpty() || output.isEmpty() || inputTokens.atMost().isEmpty()) {
                return OptionalDouble.empty();
            }
            Price p = price.get();
            return OptionalDouble.of((inputTokens.atMost().getAsLong() * p.inputPerMillion()
                    + output.getAsLong() * p.outputPerMillion()) / 1_000_000d);
        }
    }
}
