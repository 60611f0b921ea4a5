package dev.bench4j.scoring.compare;

import java.util.OptionalDouble;

/**
 * pass@k and pass^k of a group over repetitions, each the mean over the group's trials of the
 * per-trial value (a trial being one prompt's trial: the same trial under two prompts counts twice).
 * A trial counts when at least {@code k} of its repetitions were scored; one with fewer is left out
 * and counted in {@link #tooFewRepetitions()}.
 *
 * @param k how many attempts each value draws, at least 1
 * @param trials the trials the means are over
 * @param tooFewRepetitions the trials left out because fewer than {@code k} repetitions were scored
 * @param passAtK the mean chance that at least one of {@code k} attempts drawn from a trial's passes
 *     (Chen et al. 2021's unbiased estimator); empty when {@code trials} is 0
 * @param passHatK the mean chance that all {@code k} attempts drawn pass (pass^k, as in τ-bench);
 *     empty when {@code trials} is 0
 */
public record PassAtK(int k, long trials, long tooFewRepetitions, OptionalDouble passAtK, OptionalDouble passHatK) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if an optional is {@code null}
     * @throws IllegalArgumentException if {@code k < 1}, a count is negative, a value is present when
     *     {@code trials} is 0 or absent when it is not, or a value lies outside 0..1
     */
    public PassAtK {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1 but was " + k);
        }
        if (trials < 0 || tooFewRepetitions < 0) {
            throw new IllegalArgumentException("trials and tooFewRepetitions must be >= 0 but were " + trials + ", "
                    + tooFewRepetitions);
        }
        check("passAtK", passAtK, trials);
        check("passHatK", passHatK, trials);
    }

    private static void check(String what, OptionalDouble value, long trials) {
        if (value == null) {
            throw new NullPointerException(what);
        }
        if (value.isPresent() != (trials > 0)) {
            throw new IllegalArgumentException(what + " must be present exactly when trials > 0; trials was " + trials);
        }
        if (value.isPresent() && !(value.getAsDouble() >= 0 && value.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(what + " must be in 0..1 but was " + value.getAsDouble());
        }
    }
}
