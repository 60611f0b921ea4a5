package dev.bench4j.scoring.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * McNemar's test of two configurations' pass/fail outcomes on the same trials, from the discordant
 * pairs: b trials where only the first configuration passed, c where only the second did. Three
 * variants: the exact binomial test (conservative), its mid-p version (Fagerland, Lydersen and Laake
 * 2013 recommend it) and the chi-square approximation with or without continuity correction.
 *
 * <pre>{@code
 * McNemar.exact(3, 12).pValue();                // 0.03515625
 * McNemar.midP(3, 12).pValue();                 // 0.021270751953125
 * McNemar.chiSquare(3, 12, true).pValue();      // statsmodels mcnemar(exact=False, correction=True)
 * }</pre>
 */
public final class McNemar {

    private McNemar() {
    }

    /**
     * The exact (binomial) two-sided McNemar test on the discordant pairs, as statsmodels'
     * {@code mcnemar(table, exact=True)} and {@code scipy.stats.binomtest(b, b + c, 0.5).pvalue}.
     *
     * @param b the trials where the first configuration passed and the second failed
     * @param c the trials where the first configuration failed and the second passed
     * @return statistic {@code min(b, c)}, the p-value {@code min(1, 2 · P[Bin(b + c, ½) ≤ min(b, c)])},
     *     n = b + c and method {@code "exact"}; with no discordant pairs the p-value is 1
     * @throws IllegalArgumentException if a count is negative or b + c exceeds {@link Integer#MAX_VALUE}
     */
    public static TestResult exact(long b, long c) {
        int n = discordant(b, c);
        long k = Math.min(b, c);
        if (n == 0 || b == c) {
            return new TestResult(k, 1.0, n, "exact");
        }
        double p = 2 * new BinomialDistribution(null, n, 0.5).cumulativeProbability((int) k);
        return new TestResult(k, Math.min(1.0, p), n, "exact");
    }

    /**
     * The mid-p McNemar test: the exact test's p-value less the probability of the observed count,
     * {@code 2 · P[B ≤ k] − P[B = k]} for B ~ Bin(b + c, ½) and k = min(b, c) (Fagerland, Lydersen
     * and Laake 2013, "The McNemar test for binary matched-pairs data: mid-p and asymptotic are
     * better than exact conditional", BMC Medical Research Methodology 13:91). It is 1 when b = c.
     *
     * @param b the trials where the first configuration passed and the second failed
     * @param c the trials where the first configuration failed and the second passed
     * @return statistic {@code min(b, c)}, the mid-p value, n = b + c and method {@code "mid-p"}
     * @throws IllegalArgumentException if a count is negative or b + c exceeds {@link Integer#MAX_VALUE}
     */
    public static TestResult midP(long b, long c) {
        int n = discordant(b, c);
        long k = Math.min(b, c);
        if (n == 0 || b == c) {
            return new TestResult(k, 1.0, n, "mid-p");
        }
        BinomialDistribution bin = new BinomialDistribution(null, n, 0.5);
        double p = 2 * bin.cumulativeProbability((int) k) - bin.probability((int) k);
        return new TestResult(k, Math.min(1.0, Math.max(0.0, p)), n, "mid-p");
    }

    /**
     * The asymptotic McNemar test, as statsmodels' {@code mcnemar(table, exact=False,
     * correction=...)}: statistic (|b − c| − corr)² / (b + c) with corr = 1 when {@code correction}
     * (Edwards' continuity correction; as in statsmodels it applies also when b = c, giving 1 / (b +
     * c)) and 0 otherwise, and the p-value from the chi-square distribution with 1 degree of freedom.
     *
     * @param b the trials where the first configuration passed and the second failed
     * @param c the trials where the first configuration failed and the second passed
     * @param correction whether to subtract 1 from |b − c| (statsmodels' default is {@code true})
     * @return the chi-square statistic, its p-value, n = b + c and method {@code "asymptotic"}
     * @throws IllegalArgumentException if a count is negative, b + c exceeds {@link Integer#MAX_VALUE}
     *     or is 0 (the statistic is undefined; statsmodels returns NaN)
     */
    public static TestResult chiSquare(long b, long c, boolean correction) {
        int n = discordant(b, c);
        if (n == 0) {
            throw new IllegalArgumentException("the chi-square McNemar test needs discordant pairs, but b = c = 0");
        }
        double d = Math.abs(b - c) - (correction ? 1.0 : 0.0);
        double statistic = d * d / n;
        double p = Gamma.regularizedGammaQ(0.5, statistic / 2);
        return new TestResult(statistic, Math.min(1.0, Math.max(0.0, p)), n, "asymptotic");
    }

    private static int discordant(long b, long c) {
        if (b < 0) {
            throw new IllegalArgumentException("b must not be negative, was " + b);
        }
        if (c < 0) {
            throw new IllegalArgumentException("c must not be negative, was " + c);
        }
        long n = b + c;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("b + c must be at most " + Integer.MAX_VALUE + ", was " + n);
        }
        return (int) n;
    }
}
