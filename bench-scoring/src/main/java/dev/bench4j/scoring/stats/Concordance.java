package dev.bench4j.scoring.stats;

/**
 * Kendall's coefficient of concordance W of several raters over the same items, with its chi-square
 * test for the null hypothesis that the raters' orders are unrelated (see {@link Kendall#w}).
 *
 * @param w the coefficient, in [0, 1]: 1 when every rater orders the items alike, 0 when the items'
 *     rank sums are all equal
 * @param chiSquare the test statistic m(n − 1)W, Friedman's tie-corrected chi-square
 * @param degreesOfFreedom n − 1, for n items
 * @param pValue the chi-square distribution's upper tail at {@code chiSquare}, in [0, 1]
 * @param raters the number of raters m
 * @param items the number of items n
 */
public record Concordance(double w, double chiSquare, int degreesOfFreedom, double pValue, int raters, int items) {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException if {@code w} is not in [0, 1], {@code chiSquare} is negative or
     *     not finite, {@code pValue} is not in [0, 1], there are fewer than 2 raters or 2 items, or
     *     {@code degreesOfFreedom} is not {@code items - 1}
     */
    public Concordance {
        if (!(w >= 0 && w <= 1)) {
            throw new IllegalArgumentException("w must be in [0, 1], was " + w);
        }
        if (!(chiSquare >= 0 && chiSquare < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("chiSquare must be finite and >= 0, was " + chiSquare);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1], was " + pValue);
        }
        if (raters < 2) {
            throw new IllegalArgumentException("raters must be at least 2, was " + raters);
        }
        if (items < 2) {
            throw new IllegalArgumentException("items must be at least 2, was " + items);
        }
        if (degreesOfFreedom != items - 1) {
            throw new IllegalArgumentException("degreesOfFreedom must be items - 1 = " + (items - 1) + ", was "
                    + degreesOfFreedom);
        }
    }
}
