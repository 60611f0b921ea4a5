package dev.bench4j.scoring.stats;

import java.util.Objects;

/**
 * The outcome of a two-sided significance test.
 *
 * @param statistic the test statistic, as the method that returned it documents
 * @param pValue the two-sided p-value, in [0, 1]
 * @param n the number of observations the test used (e.g. discordant pairs, non-zero differences)
 * @param method how the p-value was computed, in SciPy's words where it has them: {@code "exact"},
 *     {@code "asymptotic"}, {@code "permutation"}, {@code "mid-p"}; {@code "unspecified"} when the
 *     three-argument constructor made it
 */
public record TestResult(double statistic, double pValue, long n, String method) {

    /**
     * Checks the values.
     *
     * @throws NullPointerException if {@code method} is null
     * @throws IllegalArgumentException if the statistic is not finite, the p-value not in [0, 1],
     *     {@code n} negative or {@code method} blank
     */
    public TestResult {
        Objects.requireNonNull(method, "method");
        if (!Double.isFinite(statistic)) {
            throw new IllegalArgumentException("statistic must be finite, was " + statistic);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1], was " + pValue);
        }
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        if (method.isBlank()) {
            throw new IllegalArgumentException("method must not be blank, was '" + method + "'");
        }
    }

    /**
     * A result whose method is not recorded ({@code "unspecified"}).
     *
     * @param statistic the test statistic
     * @param pValue the two-sided p-value, in [0, 1]
     * @param n the number of observations the test used
     * @throws IllegalArgumentException if the statistic is not finite, the p-value not in [0, 1] or
     *     {@code n} negative
     */
    public TestResult(double statistic, double pValue, long n) {
        this(statistic, pValue, n, "unspecified");
    }

    /**
     * Tells whether the result is significant at a level.
     *
     * @param alpha the significance level, e.g. 0.05
     * @return {@code true} if {@code pValue < alpha}
     */
    public boolean significantAt(double alpha) {
        return pValue < alpha;
    }
}
