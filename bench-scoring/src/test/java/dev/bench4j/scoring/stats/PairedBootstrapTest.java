package dev.bench4j.scoring.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The paired bootstrap's normal interval and standard error, checked against the analytic ones: the
 * bootstrap distribution of a mean has the standard deviation {@code σ_pop / √n} (σ_pop with n in the
 * denominator), exactly for the ideal bootstrap (all n^n resamples) and within sampling error for a
 * finite number of them.
 */
class PairedBootstrapTest {

    private static final double Z95 = 1.959963984540054;

    private static double[][] sample(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = r.nextDouble();
            a[i] = b[i] + 0.05 + 0.4 * (r.nextDouble() - 0.5) * (r.nextDouble() < 0.3 ? 3 : 1);
        }
        return new double[][] {a, b};
    }

    @Test
    void normalIntervalIsObservedPlusMinusZTimesTheStandardError() {
        double[][] s = sample(300, 1);
        BootstrapEstimate e = PairedBootstrap.of(s[0], s[1], 42, 2000);
        assertThat(e.normal().low()).isCloseTo(e.observed() - Z95 * e.standardError(), within(1e-12));
        assertThat(e.normal().high()).isCloseTo(e.observed() + Z95 * e.standardError(), within(1e-12));
        assertThat(e.normal().confidence()).isEqualTo(0.95);
        assertThat(e.iterations()).isEqualTo(2000);
        BootstrapEstimate e90 = PairedBootstrap.of(s[0], s[1], 42, 2000, 0.90);
        assertThat(e90.standardError()).isEqualTo(e.standardError()); // same resamples
        assertThat(e90.normal().high() - e90.observed()).isCloseTo(1.6448536269514722 * e.standardError(), within(1e-12));
        assertThat(e90.percentile().low()).isGreaterThan(e.percentile().low());
    }

    @Test
    void onALargeSampleTheNormalIntervalIsTheAnalyticOneWithinSamplingError() {
        int n = 2000;
        double[][] s = sample(n, 2);
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += s[0][i] - s[1][i];
        }
        mean /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = s[0][i] - s[1][i] - mean;
            ss += d * d;
        }
        double analyticSe = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        BootstrapEstimate e = PairedBootstrap.of(s[0], s[1], 7, 20_000);
        assertThat(e.observed()).isCloseTo(mean, within(1e-12));
        // the standard deviation of 20,000 resampled means has a relative sampling error of about
        // 1 / sqrt(2 · 20,000) = 0.5%; the ideal bootstrap's is sqrt((n - 1) / n) = 0.99975 of the analytic one
        assertThat(e.standardError() / analyticSe).isCloseTo(1.0, within(0.025));
        assertThat(e.normal().low()).isCloseTo(mean - Z95 * analyticSe, within(0.025 * Z95 * analyticSe));
        assertThat(e.normal().high()).isCloseTo(mean + Z95 * analyticSe, within(0.025 * Z95 * analyticSe));
        // for a mean of 2,000 values the percentile interval is close to the normal one too
        assertThat(e.percentile().low()).isCloseTo(e.normal().low(), within(0.1 * Z95 * analyticSe));
        assertThat(e.percentile().high()).isCloseTo(e.normal().high(), within(0.1 * Z95 * analyticSe));
    }

    @Test
    void onATinySampleTheStandardErrorIsTheIdealBootstrapsFoundByEnumeratingAllResamples() {
        double[] a = {0.0, 1.0, 1.0, 0.5};
        double[] b = {0.5, 0.0, 1.0, 0.0};
        double[] d = {-0.5, 1.0, 0.0, 0.5};
        // all 4^4 = 256 equally likely resamples: the ideal bootstrap's standard deviation of the mean
        int n = d.length;
        double sum = 0;
        double sumSquares = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (int l = 0; l < n; l++) {
                        double m = (d[i] + d[j] + d[k] + d[l]) / n;
                        sum += m;
                        sumSquares += m * m;
                        count++;
                    }
                }
            }
        }
        double idealMean = sum / count;
        double idealSe = Math.sqrt(sumSquares / count - idealMean * idealMean);
        // and the formula sigma_pop / sqrt(n): mean 0.25, deviations -0.75, 0.75, -0.25, 0.25
        assertThat(idealSe).isCloseTo(Math.sqrt((0.5625 + 0.5625 + 0.0625 + 0.0625) / 4 / 4), within(1e-15));
        BootstrapEstimate e = PairedBootstrap.of(a, b, 3, 100_000);
        assertThat(e.observed()).isEqualTo(0.25);
        // sampling error of the sd of 100,000 means: about 0.3% relative
        assertThat(e.standardError()).isCloseTo(idealSe, within(0.015 * idealSe));
    }

    @Test
    void theSameSeedGivesTheSameResultAndMeanDifferenceIsItsPercentileInterval() {
        double[][] s = sample(100, 3);
        BootstrapEstimate e1 = PairedBootstrap.of(s[0], s[1], 11, 1000);
        assertThat(PairedBootstrap.of(s[0], s[1], 11, 1000)).isEqualTo(e1);
        assertThat(PairedBootstrap.of(s[0], s[1], 12, 1000)).isNotEqualTo(e1);
        assertThat(PairedBootstrap.meanDifference(s[0], s[1], 11, 1000)).isEqualTo(new Estimate(e1.observed(), e1.percentile()));
    }

    @Test
    void identicalConfigurationsHaveZeroStandardErrorAndAPointInterval() {
        double[] a = {0.2, 0.4, 0.9};
        BootstrapEstimate e = PairedBootstrap.of(a, a, 1, 100);
        assertThat(e.standardError()).isZero();
        assertThat(e.normal()).isEqualTo(new Interval(0, 0, 0.95));
        assertThat(e.percentile()).isEqualTo(new Interval(0, 0, 0.95));
    }

    @Test
    void argumentsAreChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> PairedBootstrap.of(new double[] {1, 2}, new double[] {1, 2}, 1, 100, 1.0))
                .withMessage("confidence must be in (0, 1), was 1.0");
        assertThatIllegalArgumentException().isThrownBy(() -> PairedBootstrap.of(new double[] {1, 2}, new double[] {1, 2}, 1, 99))
                .withMessage("iterations must be at least 100, was 99");
        assertThatIllegalArgumentException().isThrownBy(() -> PairedBootstrap.of(new double[] {1, 2}, new double[] {1, 2, 3}, 1, 100))
                .withMessage("a and b differ in length (2 vs 3)");
        assertThatIllegalArgumentException().isThrownBy(() -> PairedBootstrap.of(new double[] {1, 2}, new double[] {1, Double.NaN}, 1, 100))
                .withMessage("b[1] is NaN; values must be finite");
        assertThatNullPointerException().isThrownBy(() -> PairedBootstrap.of(null, new double[] {1}, 1, 100)).withMessage("a");
        Interval i = new Interval(0, 1, 0.95);
        assertThatIllegalArgumentException().isThrownBy(() -> new BootstrapEstimate(0, i, new Interval(0, 1, 0.9), 0.1, 100))
                .withMessage("percentile and normal differ in confidence (0.95 vs 0.9)");
        assertThatIllegalArgumentException().isThrownBy(() -> new BootstrapEstimate(0, i, i, -0.1, 100))
                .withMessage("standardError must be finite and not negative, was -0.1");
        assertThatIllegalArgumentException().isThrownBy(() -> new BootstrapEstimate(Double.NaN, i, i, 0.1, 100))
                .withMessage("observed must be finite, was NaN");
    }
}
