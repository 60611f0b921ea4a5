package dev.bench4j.scoring.stats;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A rank correlation coefficient with its two-sided p-value for the null hypothesis of no association.
 * The p-value can be undefined while the coefficient is defined: Spearman's rho of 2 pairs, or
 * Kendall's tau with the asymptotic method on 2 pairs, where SciPy returns a NaN p-value.
 *
 * @param coefficient the coefficient, in [-1, 1]
 * @param pValue the two-sided p-value, in [0, 1], or empty when it is undefined
 * @param n the number of pairs it was computed from
 */
public record Correlation(double coefficient, OptionalDouble pValue, int n) {

    /**
     * Checks the ranges.
     *
     * @throws NullPointerException if {@code pValue} is null
     * @throws IllegalArgumentException if a value is out of its range or not a number
     */
    public Correlation {
        Objects.requireNonNull(pValue, "pValue");
        if (!(coefficient >= -1 && coefficient <= 1)) {
            throw new IllegalArgumentException("coefficient must be in [-1, 1], was " + coefficient);
        }
        if (pValue.isPresent() && !(pValue.getAsDouble() >= 0 && pValue.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1], was " + pValue.getAsDouble());
        }
        if (n < 2) {
            throw new IllegalArgumentException("n must be at least 2, was " + n);
        }
    }

    /**
     * A coefficient with a defined p-value.
     *
     * @param coefficient the coefficient, in [-1, 1]
     * @param pValue the two-sided p-value, in [0, 1]
     * @param n the number of pairs, at least 2
     * @throws IllegalArgumentException if a value is out of its range or not a number (a NaN p-value
     *     included: use the canonical constructor with an empty p-value for an undefined one)
     */
    public Correlation(double coefficient, double pValue, int n) {
        this(coefficient, checked(pValue), n);
    }

    private static OptionalDouble checked(double pValue) {
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1], was " + pValue);
        }
        return OptionalDouble.of(pValue);
    }
}
