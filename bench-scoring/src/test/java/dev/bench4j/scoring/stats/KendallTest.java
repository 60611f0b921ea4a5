package dev.bench4j.scoring.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pooled tau-b and Kendall's W beyond the reference values: what they are made of, and their checks. */
class KendallTest {

    @Test
    void theJavadocExampleOfWHasRankSums4_6_8_12() {
        // S = 3.5² + 1.5² + 0.5² + 4.5² = 35; W = 12 · 35 / (3² · (4³ - 4)) = 7 / 9
        Concordance w = Kendall.w(new double[][] {{1, 2, 3, 4}, {1, 3, 2, 4}, {2, 1, 3, 4}}).orElseThrow();

        assertThat(w.w()).isCloseTo(7.0 / 9, within(1e-15));
        assertThat(w.chiSquare()).isCloseTo(7.0, within(1e-14));
        assertThat(w.degreesOfFreedom()).isEqualTo(3);
        assertThat(w.raters()).isEqualTo(3);
        assertThat(w.items()).isEqualTo(4);
    }

    @Test
    void onlyPairsWithinAStratumCount() {
        // each stratum alone agrees perfectly, but stratum 2's values are all below stratum 1's in x and
        // above them in y: pooled into one sample they would disagree; as strata they agree fully
        List<double[]> x = List.of(new double[] {10, 11, 12}, new double[] {1, 2, 3});
        List<double[]> y = List.of(new double[] {1, 2, 3}, new double[] {10, 11, 12});

        assertThat(Kendall.pooledTauB(x, y).orElseThrow().coefficient()).isEqualTo(1.0);
        double[] allX = {10, 11, 12, 1, 2, 3};
        double[] allY = {1, 2, 3, 10, 11, 12};
        assertThat(Kendall.tauB(allX, allY).orElseThrow().coefficient()).isLessThan(0);
    }

    @Test
    void aPooledStratumOfOneIsTauBWithTheAsymptoticPValue() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = {2, 1, 4, 3, 6, 5, 8, 7};
        Correlation exact = Kendall.tauB(x, y).orElseThrow();
        Correlation pooled = Kendall.pooledTauB(List.of(x), List.of(y)).orElseThrow();

        assertThat(pooled.coefficient()).isEqualTo(exact.coefficient());
        // 24 of 28 pairs concordant, no ties: z = 20 / sqrt(8 · 7 · 21 / 18), as
        // scipy.stats.kendalltau(x, y, method='asymptotic'): 0.013347575926843162; the exact p-value differs
        assertThat(pooled.pValue().orElseThrow()).isCloseTo(0.013347575926843162, within(1e-15));
        assertThat(pooled.pValue()).isNotEqualTo(exact.pValue());
    }

    @Test
    void constantAndTooSmallStrataContributeNothing() {
        List<double[]> x = List.of(new double[] {1, 2, 3}, new double[] {5, 5, 5}, new double[] {1}, new double[0]);
        List<double[]> y = List.of(new double[] {1, 3, 2}, new double[] {1, 2, 3}, new double[] {2}, new double[0]);

        assertThat(Kendall.pooledTauB(x, y)).isEqualTo(Kendall.pooledTauB(x.subList(0, 1), y.subList(0, 1)));
        assertThat(Kendall.pooledTauB(x, y).orElseThrow().n()).isEqualTo(3);
        assertThat(Kendall.pooledTauB(x.subList(1, 4), y.subList(1, 4))).isEmpty();
        assertThat(Kendall.pooledTauB(List.of(), List.of())).isEmpty();
    }

    @Test
    void pooledTauBRejectsBadStrataNamingThem() {
        double[] three = {1, 2, 3};
        assertThatThrownBy(() -> Kendall.pooledTauB(List.of(three, three), List.of(three)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x and y differ in number of strata (2 vs 1)");
        assertThatThrownBy(() -> Kendall.pooledTauB(List.of(three, three), List.of(three, new double[] {1, 2})))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x[1] and y[1] differ in length (3 vs 2)");
        assertThatThrownBy(() -> Kendall.pooledTauB(List.of(three), List.of(new double[] {1, Double.NaN, 3})))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("y[0][1] is NaN; values must be finite");
        assertThatThrownBy(() -> Kendall.pooledTauB(Arrays.asList(three, null), List.of(three, three)))
                .isInstanceOf(NullPointerException.class).hasMessage("x[1]");
        assertThatThrownBy(() -> Kendall.pooledTauB(null, List.of())).isInstanceOf(NullPointerException.class).hasMessage("x");
    }

    @Test
    void wIsUndefinedOnlyWhenEveryRaterIsConstant() {
        assertThat(Kendall.w(new double[][] {{2, 2, 2}, {1, 1, 1}})).isEmpty();
        Concordance oneConstant = Kendall.w(new double[][] {{2, 2, 2}, {1, 2, 3}}).orElseThrow();
        assertThat(oneConstant.w()).isGreaterThan(0).isLessThan(1);
        assertThat(Kendall.w(new double[][] {{1, 2, 3}, {3, 2, 1}}).orElseThrow().w()).isZero();
        assertThat(Kendall.w(new double[][] {{1, 2, 3}, {3, 2, 1}}).orElseThrow().pValue()).isEqualTo(1.0);
    }

    @Test
    void wRejectsBadRatingsNamingThem() {
        assertThatThrownBy(() -> Kendall.w(new double[][] {{1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ratings has 1 raters; Kendall's W needs at least 2");
        assertThatThrownBy(() -> Kendall.w(new double[][] {{1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ratings has 1 items; Kendall's W needs at least 2");
        assertThatThrownBy(() -> Kendall.w(new double[][] {{1, 2, 3}, {1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ratings[1] has 2 values but ratings[0] has 3");
        assertThatThrownBy(() -> Kendall.w(new double[][] {{1, 2}, {1, Double.POSITIVE_INFINITY}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ratings[1][1] is Infinity; values must be finite");
        assertThatThrownBy(() -> Kendall.w(new double[][] {{1, 2}, null}))
                .isInstanceOf(NullPointerException.class).hasMessage("ratings[1]");
        assertThatThrownBy(() -> Kendall.w(null)).isInstanceOf(NullPointerException.class).hasMessage("ratings");
    }

    @Test
    void aConcordanceChecksItsRanges() {
        assertThatThrownBy(() -> new Concordance(1.2, 1, 2, 0.5, 2, 3)).hasMessage("w must be in [0, 1], was 1.2");
        assertThatThrownBy(() -> new Concordance(0.5, -1, 2, 0.5, 2, 3)).hasMessage("chiSquare must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> new Concordance(0.5, 1, 2, 2, 2, 3)).hasMessage("pValue must be in [0, 1], was 2.0");
        assertThatThrownBy(() -> new Concordance(0.5, 1, 2, 0.5, 1, 3)).hasMessage("raters must be at least 2, was 1");
        assertThatThrownBy(() -> new Concordance(0.5, 1, 0, 0.5, 2, 1)).hasMessage("items must be at least 2, was 1");
        assertThatThrownBy(() -> new Concordance(0.5, 1, 3, 0.5, 2, 3))
                .hasMessage("degreesOfFreedom must be items - 1 = 2, was 3");
    }

    @Test
    void tenThousandSmallStrataPoolIntoOneStatistic() {
        List<double[]> x = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        for (int t = 0; t < 10_000; t++) {
            x.add(new double[] {0, 1, 2, 3});
            y.add(new double[] {t % 3, 1, 2, 3});
        }
        Correlation c = Kendall.pooledTauB(x, y).orElseThrow();
        assertThat(c.n()).isEqualTo(40_000);
        assertThat(c.pValue().orElseThrow()).isLessThan(1e-12);
    }
}
