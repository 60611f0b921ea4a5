package dev.bench4j.scoring.internal;

import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Normalization;
import dev.bench4j.scoring.SetF1Options;

/**
 * Makes the built-in scorers for {@code dev.bench4j.scoring.Scorers}, which documents what each
 * does. Not API.
 */
public final class BuiltInScorers {

    private BuiltInScorers() {
    }

    /**
     * Makes an exact-match scorer.
     *
     * @param name the scorer's name
     * @param normalization how output and expected value are normalized
     * @return the scorer
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer exact(String name, Normalization normalization) {
        return new ExactScorer(name, normalization);
    }

    /**
     * Makes a scorer that passes when the output contains every expected string.
     *
     * @param name the scorer's name
     * @param normalization how output and expected strings are normalized
     * @return the scorer
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer containsAll(String name, Normalization normalization) {
        return new ContainsScorer(name, normalization, true);
    }

    /**
     * Makes a scorer that passes when the output contains at least one expected string.
     *
     * @param name the scorer's name
     * @param normalization how output and expected strings are normalized
     * @return the scorer
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer containsAny(String name, Normalization normalization) {
        return new ContainsScorer(name, normalization, false);
    }

    /**
     * Makes a set F1 scorer.
     *
     * @param name the scorer's name
     * @param options where the items are and how they are compared
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer setF1(String name, SetF1Options options) {
        return new SetF1Scorer(name, options);
    }

    /**
     * Renames a scorer; renaming a renamed scorer wraps the original once.
     *
     * @param name the new name
     * @param scorer the scorer
     * @return the renamed scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer named(String name, Scorer scorer) {
        Scorer original = scorer instanceof NamedScorer n ? n.delegate() : scorer;
        return new NamedScorer(name, original);
    }
}
