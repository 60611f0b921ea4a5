package dev.bench4j.scoring.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatsArgumentsTest {

    private static final double[] THREE = {1, 2, 3};
    private static final double[] FOUR = {1, 2, 3, 4};

    @Test
    void differentLengthsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Kendall.tauB(THREE, FOUR))
                .withMessageContaining("x and y differ in length (3 vs 4)");
        assertThatIllegalArgumentException().isThrownBy(() -> Spearman.rho(FOUR, THREE))
                .withMessageContaining("x and y differ in length");
        assertThatIllegalArgumentException().isThrownBy(() -> Wilcoxon.signedRank(THREE, FOUR))
                .withMessageContaining("x and y");
        assertThatIllegalArgumentException().isThrownBy(() -> PairedBootstrap.meanDifference(THREE, FOUR, 1, 1000))
                .withMessageContaining("a and b");
    }

    @Test
    void tooFewPairsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Kendall.tauB(new double[] {1}, new double[] {1}))
                .withMessageContaining("x has 1 values").withMessageContaining("at least 2");
        assertThatIllegalArgumentException().isThrownBy(() -> Spearman.rho(new double[] {1}, new double[] {1}))
                .withMessageContaining("x has 1 values").withMessageContaining("at least 2");
        assertThatIllegalArgumentException().isThrownBy(() -> Wilcoxon.signedRank(new double[0], new double[0]))
                .withMessageContaining("x has 0 values");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PairedBootstrap.meanDifference(new double[] {1}, new double[] {2}, 1, 1000))
                .withMessageContaining("a has 1 values");
    }

    @Test
    void nanAndInfinityAreRejectedNamingTheArgument() {
        assertThatIllegalArgumentException().isThrownBy(() -> Kendall.tauB(THREE, new double[] {1, Double.NaN, 3}))
                .withMessageContaining("y[1] is NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> Spearman.rho(new double[] {Double.NaN, 1, 2}, THREE))
                .withMessageContaining("x[0] is NaN");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Wilcoxon.signedRank(THREE, new double[] {1, 2, Double.POSITIVE_INFINITY}))
                .withMessageContaining("y[2] is Infinity");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PairedBootstrap.meanDifference(new double[] {1, Double.NaN}, new double[] {1, 2}, 1, 1000))
                .withMessageContaining("a[1] is NaN");
    }

    @Test
    void nullsAreRejectedNamingTheArgument() {
        assertThatNullPointerException().isThrownBy(() -> Kendall.tauB(null, THREE)).withMessage("x");
        assertThatNullPointerException().isThrownBy(() -> Spearman.rho(THREE, null)).withMessage("y");
    }

    @Test
    void countsAndLevelsAreChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.wilson(3, 2)).withMessageContaining("successes");
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.wilson(0, 0)).withMessageContaining("n must");
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.wilson(1, 2, 1.0)).withMessageContaining("confidence");
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.t(0, -1, 5)).withMessageContaining("sd");
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.t(0, 1, 1)).withMessageContaining("n must");
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.t(Double.NaN, 1, 5)).withMessageContaining("mean");
        assertThatIllegalArgumentException().isThrownBy(() -> McNemar.exact(-1, 2)).withMessageContaining("b must");
        assertThatIllegalArgumentException().isThrownBy(() -> McNemar.exact(1, -2)).withMessageContaining("c must");
        assertThatIllegalArgumentException().isThrownBy(() -> PairedBootstrap.meanDifference(THREE, THREE, 1, 10))
                .withMessageContaining("iterations");
    }

    @Test
    void edgeCasesHaveDefinedResults() {
        assertThat(McNemar.exact(0, 0).pValue()).isEqualTo(1.0);
        TestResult same = Wilcoxon.signedRank(FOUR, FOUR);
        assertThat(same.statistic()).isZero();
        assertThat(same.pValue()).isEqualTo(1.0);
        assertThat(same.n()).isZero();
    }

    @Test
    void pairedBootstrapIsDeterministicForASeedAndContainsTheObservedDifference() {
        SplittableRandom r = new SplittableRandom(7);
        double[] a = new double[200];
        double[] b = new double[200];
        for (int i = 0; i < a.length; i++) {
            b[i] = r.nextDouble();
            a[i] = b[i] + 0.1 + 0.2 * (r.nextDouble() - 0.5);
        }
        Estimate e1 = PairedBootstrap.meanDifference(a, b, 42, 2000);
        Estimate e2 = PairedBootstrap.meanDifference(a, b, 42, 2000);
        Estimate e3 = PairedBootstrap.meanDifference(a, b, 43, 2000);
        assertThat(e1).isEqualTo(e2);
        assertThat(e3.interval()).isNotEqualTo(e1.interval());
        assertThat(e1.interval().contains(e1.value())).isTrue();
        assertThat(e1.value()).isCloseTo(0.1, within(0.02));
        assertThat(e1.interval().low()).isGreaterThan(0.08);
        assertThat(e1.interval().high()).isLessThan(0.12);
        assertThat(e1.interval().confidence()).isEqualTo(0.95);
    }
}
