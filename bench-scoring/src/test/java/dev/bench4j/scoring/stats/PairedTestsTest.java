package dev.bench4j.scoring.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Kendall's variants and methods, McNemar's variants and Wilcoxon's options beyond the reference values. */
class PairedTestsTest {

    @Test
    void tauCOfUntiedRankingsIsTauB() {
        // untied: m = n classes, so tau-c = 2S / (n² (n - 1) / n) = S / (n (n - 1) / 2) = tau-b
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {2, 1, 4, 3, 5};
        double tauB = Kendall.tauB(x, y).orElseThrow().coefficient(); // (8 - 2) / 10 = 0.6
        Correlation tauC = Kendall.tauC(x, y).orElseThrow();

        assertThat(tauB).isCloseTo(0.6, within(1e-15));
        assertThat(tauC.coefficient()).isCloseTo(2 * 6 / (25 * 4 / 5.0), within(1e-15)); // 0.6
        assertThat(tauC.pValue()).isEqualTo(Kendall.tauB(x, y).orElseThrow().pValue());
    }

    @Test
    void tauCUsesTheSmallerNumberOfClasses() {
        // x has 2 classes, y 4: S = concordant - discordant = 8 - 0 over 6 pairs tied in x or y
        double[] x = {0, 0, 1, 1};
        double[] y = {1, 2, 3, 4};
        Correlation c = Kendall.tau(x, y, Kendall.Variant.C, Kendall.Method.ASYMPTOTIC).orElseThrow();

        assertThat(c.coefficient()).isCloseTo(2.0 * 4 / (16 * 1 / 2.0), within(1e-15)); // 1.0
        assertThat(Kendall.tauB(x, y).orElseThrow().coefficient()).isLessThan(1.0);
    }

    @Test
    void exactKendallWithTiesIsRefusedAndAutoFallsBackToTheNormalApproximation() {
        double[] x = {1, 2, 2, 3};
        double[] y = {1, 2, 3, 4};
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Kendall.tau(x, y, Kendall.Variant.B, Kendall.Method.EXACT))
                .withMessage("Kendall's exact p-value needs untied rankings but x has 1 and y 0 tied pairs; "
                        + "use Method.ASYMPTOTIC or AUTO");
        assertThat(Kendall.tau(x, y, Kendall.Variant.B, Kendall.Method.AUTO))
                .isEqualTo(Kendall.tau(x, y, Kendall.Variant.B, Kendall.Method.ASYMPTOTIC));
        // a constant ranking is undefined before the ties are looked at, as in SciPy
        assertThat(Kendall.tau(new double[] {1, 1, 1}, new double[] {1, 2, 3}, Kendall.Variant.B, Kendall.Method.EXACT)).isEmpty();
    }

    @Test
    void exactKendallOnAMillionPairsIsRefusedNotLeftRunning() {
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[1_000_000];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
            y[i] = r.nextDouble();
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Kendall.tau(x, y, Kendall.Variant.B, Kendall.Method.EXACT))
                .withMessageContaining("exact p-value for n = 1000000").withMessageContaining("use Method.ASYMPTOTIC");
        // the identity has no discordant pair: exact at any n, 2 / n! = 0 in doubles
        assertThat(Kendall.tau(x, x, Kendall.Variant.B, Kendall.Method.EXACT).orElseThrow().pValue())
                .hasValue(0.0);
    }

    @Test
    void kendallTauOfTwoPairsHasAnUndefinedAsymptoticPValue() {
        Correlation c = Kendall.tau(new double[] {1, 2}, new double[] {2, 1}, Kendall.Variant.B,
                Kendall.Method.ASYMPTOTIC).orElseThrow();
        assertThat(c.coefficient()).isEqualTo(-1.0);
        assertThat(c.pValue()).isEmpty();
        assertThat(Kendall.tauB(new double[] {1, 2}, new double[] {2, 1}).orElseThrow().pValue()).hasValue(1.0);
    }

    @Test
    void kendallRejectsNullOptions() {
        double[] x = {1, 2, 3};
        assertThatNullPointerException().isThrownBy(() -> Kendall.tau(x, x, null, Kendall.Method.AUTO))
                .withMessage("variant");
        assertThatNullPointerException().isThrownBy(() -> Kendall.tau(x, x, Kendall.Variant.C, null))
                .withMessage("method");
    }

    @Test
    void aCorrelationMayHaveAnUndefinedPValueButNotANaNOne() {
        assertThat(new Correlation(1, OptionalDouble.empty(), 2).pValue()).isEmpty();
        assertThat(new Correlation(0.5, 0.25, 3).pValue()).hasValue(0.25);
        assertThatIllegalArgumentException().isThrownBy(() -> new Correlation(0.5, Double.NaN, 3))
                .withMessage("pValue must be in [0, 1], was NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> new Correlation(0.5, OptionalDouble.of(1.5), 3))
                .withMessage("pValue must be in [0, 1], was 1.5");
        assertThatNullPointerException().isThrownBy(() -> new Correlation(0.5, null, 3)).withMessage("pValue");
    }

    @Test
    void mcnemarMidPIsTheExactPValueLessTheObservedProbability() {
        // b = 3, c = 12: P(B <= 3) = 576 / 32768, P(B = 3) = 455 / 32768 for B ~ Bin(15, 1/2)
        assertThat(McNemar.exact(3, 12).pValue()).isCloseTo(2 * 576 / 32768.0, within(1e-15));
        assertThat(McNemar.midP(3, 12).pValue()).isCloseTo((2 * 576 - 455) / 32768.0, within(1e-15));
        assertThat(McNemar.midP(12, 3)).isEqualTo(McNemar.midP(3, 12));
        assertThat(McNemar.midP(4, 4).pValue()).isEqualTo(1.0);
        assertThat(McNemar.midP(0, 0).pValue()).isEqualTo(1.0);
        assertThatIllegalArgumentException().isThrownBy(() -> McNemar.midP(-1, 2)).withMessage("b must not be negative, was -1");
    }

    @Test
    void mcnemarChiSquareCorrectsForContinuityOnRequest() {
        // (|3 - 12| - 1)² / 15 = 64 / 15; without the correction 81 / 15
        assertThat(McNemar.chiSquare(3, 12, true).statistic()).isCloseTo(64 / 15.0, within(1e-15));
        assertThat(McNemar.chiSquare(3, 12, false).statistic()).isCloseTo(81 / 15.0, within(1e-15));
        assertThatIllegalArgumentException().isThrownBy(() -> McNemar.chiSquare(0, 0, true))
                .withMessage("the chi-square McNemar test needs discordant pairs, but b = c = 0");
    }

    @Test
    void aTestResultRecordsItsMethod() {
        assertThat(new TestResult(1, 0.5, 3).method()).isEqualTo("unspecified");
        assertThatIllegalArgumentException().isThrownBy(() -> new TestResult(1, 0.5, 3, " "))
                .withMessage("method must not be blank, was ' '");
        assertThatNullPointerException().isThrownBy(() -> new TestResult(1, 0.5, 3, null)).withMessage("method");
    }

    @Test
    void wilcoxonDefaultsAreScipysAndTheTwoArgumentFormUsesThem() {
        assertThat(Wilcoxon.Options.defaults()).isEqualTo(new Wilcoxon.Options(Wilcoxon.Method.AUTO,
                Wilcoxon.ZeroMethod.WILCOX, false));
        double[] x = {1.5, 2.25, 3, 4.5, 0.625, 6, 7.125};
        double[] y = {1, 2, 2, 3, 1, 2, 1};
        assertThat(Wilcoxon.signedRank(x, y)).isEqualTo(Wilcoxon.signedRank(x, y, Wilcoxon.Options.defaults()));
        assertThat(Wilcoxon.signedRank(x, y).method()).isEqualTo("exact");
    }

    @Test
    void wilcoxonCountsTheDifferencesItRanks() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {1, 2, 1, 1, 1};
        Wilcoxon.Options options = Wilcoxon.Options.defaults().method(Wilcoxon.Method.ASYMPTOTIC);
        assertThat(Wilcoxon.signedRank(x, y, options).n()).isEqualTo(3);
        assertThat(Wilcoxon.signedRank(x, y, options.zeroMethod(Wilcoxon.ZeroMethod.PRATT)).n()).isEqualTo(5);
        // zsplit: the two zeros have ranks 1 and 2, so W+ = 3 + 4 + 5 + 1.5 and W- = 1.5
        TestResult zsplit = Wilcoxon.signedRank(x, y, options.zeroMethod(Wilcoxon.ZeroMethod.ZSPLIT));
        assertThat(zsplit.n()).isEqualTo(5);
        assertThat(zsplit.statistic()).isEqualTo(1.5);
    }

    @Test
    void wilcoxonContinuityCorrectionMovesZTowardsZero() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = {0, 0, 0, 0, 0, 0, 0, 9};
        Wilcoxon.Options asymptotic = Wilcoxon.Options.defaults().method(Wilcoxon.Method.ASYMPTOTIC);
        assertThat(Wilcoxon.signedRank(x, y, asymptotic.correction(true)).pValue())
                .isGreaterThan(Wilcoxon.signedRank(x, y, asymptotic).pValue());
        // the exact method ignores it
        Wilcoxon.Options exact = Wilcoxon.Options.defaults().method(Wilcoxon.Method.EXACT);
        assertThat(Wilcoxon.signedRank(x, y, exact.correction(true))).isEqualTo(Wilcoxon.signedRank(x, y, exact));
    }

    @Test
    void wilcoxonWithEveryDifferenceZero() {
        double[] same = new double[30];
        TestResult auto = Wilcoxon.signedRank(same, same);
        assertThat(auto.pValue()).isEqualTo(1.0);
        assertThat(auto.method()).isEqualTo("permutation");
        assertThatIllegalArgumentException().isThrownBy(() -> Wilcoxon.signedRank(same, same,
                Wilcoxon.Options.defaults().method(Wilcoxon.Method.ASYMPTOTIC)))
                .withMessage("the normal approximation of the Wilcoxon signed-rank test is undefined: every one of "
                        + "the 30 differences is zero (its variance is 0)");
    }

    @Test
    void exactWilcoxonOnThousandsOfDifferencesIsRefusedNotLeftRunning() {
        double[] x = new double[3_000];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? i + 1 : -(i + 1);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> Wilcoxon.signedRank(x, y,
                Wilcoxon.Options.defaults().method(Wilcoxon.Method.EXACT)))
                .withMessageContaining("exact Wilcoxon distribution of 3000 differences").withMessageContaining("ASYMPTOTIC");
        assertThat(Wilcoxon.signedRank(x, y).method()).isEqualTo("asymptotic");
    }

    @Test
    void wilcoxonOptionsRejectNull() {
        assertThatNullPointerException().isThrownBy(() -> Wilcoxon.Options.defaults().method(null)).withMessage("method");
        assertThatNullPointerException().isThrownBy(() -> Wilcoxon.Options.defaults().zeroMethod(null))
                .withMessage("zeroMethod");
        double[] x = {1, 2};
        assertThatNullPointerException().isThrownBy(() -> Wilcoxon.signedRank(x, x, null)).withMessage("options");
    }
}
