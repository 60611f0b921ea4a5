package dev.bench4j.scoring.stats;

/**
 * A kappa coefficient with the agreement it compares: {@code (observed − expected) / (1 − expected)},
 * 1 for perfect agreement, 0 for agreement at chance level, negative below it: Cohen's kappa of two
 * raters (see {@link CohenKappa}) or Fleiss' kappa of several (see {@link FleissKappa}).
 *
 * @param coefficient kappa, at most 1
 * @param observedAgreement the share of items the raters agree on, in [0, 1]; for a weighted kappa,
 *     1 − (mean disagreement weight / largest weight); for Fleiss' kappa the mean share of agreeing
 *     pairs of raters per item
 * @param expectedAgreement the same share expected by chance, in [0, 1): for Cohen's kappa from each
 *     rater's own use of the categories, for Fleiss' kappa from the pooled use of all raters
 * @param n the number of items rated
 */
public record Kappa(double coefficient, double observedAgreement, double expectedAgreement, int n) {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException if {@code coefficient} is not finite or above 1, {@code
     *     observedAgreement} is not in [0, 1], {@code expectedAgreement} is not in [0, 1) or {@code n} is
     *     below 1
     */
    public Kappa {
        if (!(coefficient <= 1 && coefficient > Double.NEGATIVE_INFINITY)) {
            throw new IllegalArgumentException("coefficient must be finite and <= 1, was " + coefficient);
        }
        if (!(observedAgreement >= 0 && observedAgreement <= 1)) {
            throw new IllegalArgumentException("observedAgreement must be in [0, 1], was " + observedAgreement);
        }
        if (!(expectedAgreement >= 0 && expectedAgreement < 1)) {
            throw new IllegalArgumentException("expectedAgreement must be in [0, 1), was " + expectedAgreement);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
    }
}
