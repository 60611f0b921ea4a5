package dev.bench4j.scoring;

import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.internal.BuiltInScorers;
import java.util.Objects;

/**
 * The built-in scorers: exact match, substring containment and set F1, each comparing the model's
 * output with the trial's expected value. Each has a default name (the key of its scores in results
 * and summaries); give another with {@link #named(String, Scorer)}, e.g. to use one type twice in a
 * plan.
 *
 * <pre>{@code
 * BenchmarkPlan plan = BenchmarkPlan.named("extraction")
 *     .prompt(Prompt.named("p").user("{{answer}}"))
 *     .model(ModelConfig.of("echo", "e"))
 *     .trials(trials)
 *     .scorer(Scorers.setF1())
 *     .scorer(Scorers.named("mentions_all", Scorers.containsAll(Normalization.standard().ignoreCase(true))))
 *     .build();
 * }</pre>
 *
 * <p>A scorer never throws for a result it cannot score (a trial without expected value, an
 * expected value of the wrong shape, an output that is not JSON where JSON is needed): it returns a
 * {@link dev.bench4j.core.Score#error} saying why, which summaries count apart from the values.
 */
public final class Scorers {

    private Scorers() {
    }

    /**
     * Returns the scorer {@code exact}: 1.0 if the output equals the expected value after
     * {@link Normalization#standard()}, else 0.0.
     *
     * @return the scorer
     * @see #exact(Normalization)
     */
    public static Scorer exact() {
        return exact(Normalization.standard());
    }

    /**
     * Returns the scorer {@code exact}: 1.0 if the output equals the expected value after a
     * normalization of both, else 0.0. The expected value must be a string, or a number or boolean,
     * which is compared by its JSON text ({@code 42}, {@code 0.5}, {@code true}); any other gives an
     * error score.
     *
     * @param normalization how output and expected value are normalized
     * @return the scorer
     * @throws NullPointerException if {@code normalization} is {@code null}
     */
    public static Scorer exact(Normalization normalization) {
        return BuiltInScorers.exact("exact", Objects.requireNonNull(normalization, "normalization"));
    }

    /**
     * Returns the scorer {@code contains}: 1.0 if the output contains the expected string, or every
     * string of an expected array, after {@link Normalization#standard()}; else 0.0.
     *
     * @return the scorer
     * @see #contains(Normalization)
     */
    public static Scorer contains() {
        return contains(Normalization.standard());
    }

    /**
     * Returns the scorer {@code contains}: 1.0 if the output contains the expected string, or every
     * string of an expected array, after a normalization of both; else 0.0. Numbers and booleans are
     * looked for by their JSON text; an expected value of another shape, an empty array or a string
     * that normalizes to nothing gives an error score.
     *
     * @param normalization how output and expected strings are normalized
     * @return the scorer
     * @throws NullPointerException if {@code normalization} is {@code null}
     */
    public static Scorer contains(Normalization normalization) {
        return BuiltInScorers.containsAll("contains", Objects.requireNonNull(normalization, "normalization"));
    }

    /**
     * Returns the scorer {@code contains_all}: as {@link #contains()}, named for array expectations.
     *
     * @return the scorer
     * @see #containsAll(Normalization)
     */
    public static Scorer containsAll() {
        return containsAll(Normalization.standard());
    }

    /**
     * Returns the scorer {@code contains_all}: as {@link #contains(Normalization)}, named for array
     * expectations: 1.0 if the output contains every expected string (a single string counts as an
     * array of one), else 0.0.
     *
     * @param normalization how output and expected strings are normalized
     * @return the scorer
     * @throws NullPointerException if {@code normalization} is {@code null}
     */
    public static Scorer containsAll(Normalization normalization) {
        return BuiltInScorers.containsAll("contains_all", Objects.requireNonNull(normalization, "normalization"));
    }

    /**
     * Returns the scorer {@code contains_any}: 1.0 if the output contains at least one expected
     * string after {@link Normalization#standard()}, else 0.0.
     *
     * @return the scorer
     * @see #containsAny(Normalization)
     */
    public static Scorer containsAny() {
        return containsAny(Normalization.standard());
    }

    /**
     * Returns the scorer {@code contains_any}: 1.0 if the output contains at least one of the
     * expected strings (a single string counts as an array of one) after a normalization of both,
     * else 0.0. Expected values are checked as for {@link #contains(Normalization)}.
     *
     * @param normalization how output and expected strings are normalized
     * @return the scorer
     * @throws NullPointerException if {@code normalization} is {@code null}
     */
    public static Scorer containsAny(Normalization normalization) {
        return BuiltInScorers.containsAny("contains_any", Objects.requireNonNull(normalization, "normalization"));
    }

    /**
     * Returns the scorer {@code set_f1} with {@link SetF1Options#defaults()}: one predicted item per
     * line of the output, the expected value is the array of gold items, items compared after
     * {@link Normalization#standard()} with ignore case.
     *
     * @return the scorer
     * @see #setF1(SetF1Options)
     */
    public static Scorer setF1() {
        return setF1(SetF1Options.defaults());
    }

    /**
     * Returns the scorer {@code set_f1}: the F1 of the set of items the model gave against the set of
     * gold items, duplicates counted once. The score's value is F1; its details are {@code tp},
     * {@code fp}, {@code fn}, {@code precision}, {@code recall} and {@code f1}.
     *
     * <p>Precision is {@code tp / (tp + fp)}, recall {@code tp / (tp + fn)}, and F1
     * {@code 2tp / (2tp + fp + fn)}; a ratio whose denominator is zero is
     * {@link SetF1Options#zeroDivision()}, as scikit-learn (1.3 and later) computes them with
     * {@code zero_division}. So F1 is 0 when there are predictions or gold items but none match,
     * and {@code zeroDivision} only when both sets are empty.
     *
     * <p>An output that is not JSON when a pointer is set, a missing array, an item that is neither a
     * string, number, boolean nor (with a field) an object, or a trial without expected value gives
     * an error score.
     *
     * @param options where the items are and how they are compared
     * @return the scorer
     * @throws NullPointerException if {@code options} is {@code null}
     */
    public static Scorer setF1(SetF1Options options) {
        return BuiltInScorers.setF1("set_f1", Objects.requireNonNull(options, "options"));
    }

    /**
     * Returns a scorer that scores as another one under another name.
     *
     * @param name the new name, the key of the scores in results and summaries
     * @param scorer the scorer to rename
     * @return the renamed scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer named(String name, Scorer scorer) {
        return BuiltInScorers.named(Objects.requireNonNull(name, "name"), Objects.requireNonNull(scorer, "scorer"));
    }
}
