package dev.bench4j.scoring.stats;

/**
 * Krippendorff's alpha with the disagreements it compares: {@code 1 − observed / expected}, 1 for
 * perfect reliability, 0 for agreement at chance level, negative below it (see {@link Krippendorff}).
 *
 * @param coefficient alpha, finite and at most 1
 * @param observedDisagreement D_o, the mean disagreement of the pairs of values within units, not
 *     negative
 * @param expectedDisagreement D_e, the mean disagreement of all pairs of pairable values, above 0
 * @param units the pairable units: those with at least 2 values, at least 1
 * @param values the pairable values n: the values in pairable units, at least 2
 */
public record Alpha(double coefficient, double observedDisagreement, double expectedDisagreement, int units,
        long values) {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException if {@code coefficient} is not finite or above 1, a disagreement
     *     is out of range or not finite, {@code units} is below 1 or {@code values} below 2
     */
    public Alpha {
        if (!(coefficient <= 1 && coefficient > Double.NEGATIVE_INFINITY)) {
            throw new IllegalArgumentException("coefficient must be finite and <= 1, was " + coefficient);
        }
        if (!(observedDisagreement >= 0) || !Double.isFinite(observedDisagreement)) {
            throw new IllegalArgumentException("observedDisagreement must be finite and not negative, was "
                    + observedDisagreement);
        }
        if (!(expectedDisagreement > 0) || !Double.isFinite(expectedDisagreement)) {
            throw new IllegalArgumentException("expectedDisagreement must be finite and above 0, was "
                    + expectedDisagreement);
        }
        if (units < 1) {
            throw new IllegalArgumentException("units must be at least 1, was " + units);
        }
        if (values < 2) {
            throw new IllegalArgumentException("values must be at least 2, was " + values);
        }
    }
}
