package dev.bench4j.scoring.stats;

import static dev.bench4j.scoring.stats.ReferenceJson.tests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.scoring.stats.Krippendorff.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Krippendorff's alpha against the exact coincidence-matrix computation of {@code
 * make_agreement_reference.py} (Krippendorff 2011), the paper's own worked example, and its checks.
 */
class KrippendorffTest {

    private static final JsonNode REF = ReferenceJson.load("/stats/agreement_reference.json");
    private static final double M = Double.NaN;

    /** Krippendorff (2011), section E: 4 observers (rows) × 12 units, NaN where a value is missing. */
    private static final double[][] PAPER = {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3},
        {M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M}};

    private static double[][] byRater(JsonNode data) {
        double[][] d = new double[data.size()][];
        for (int r = 0; r < d.length; r++) {
            d[r] = new double[data.get(r).size()];
            for (int u = 0; u < d[r].length; u++) {
                JsonNode v = data.get(r).get(u);
                d[r][u] = v.isNull() ? Double.NaN : v.asDouble();
            }
        }
        return d;
    }

    /** The same data as each unit's labels (as strings), missing ones left out. */
    private static List<List<String>> byUnit(double[][] byRater) {
        List<List<String>> units = new ArrayList<>();
        for (int u = 0; u < byRater[0].length; u++) {
            List<String> unit = new ArrayList<>();
            for (double[] row : byRater) {
                if (!Double.isNaN(row[u])) {
                    unit.add("v" + row[u]);
                }
            }
            units.add(unit);
        }
        return units;
    }

    private static void assertAlpha(Optional<Alpha> alpha, JsonNode expected) {
        if (expected.isNull()) {
            assertThat(alpha).isEmpty();
        } else {
            assertThat(alpha).isPresent();
            assertThat(alpha.get().coefficient()).isCloseTo(expected.asDouble(), within(1e-12));
        }
    }

    @TestFactory
    Stream<DynamicTest> matchesTheExactCoincidenceMatrixComputation() {
        return tests(REF.get("krippendorff"), c -> {
            double[][] data = byRater(c.get("data"));
            assertAlpha(Krippendorff.alpha(data, Metric.NOMINAL), c.get("nominal"));
            assertAlpha(Krippendorff.alpha(data, Metric.ORDINAL), c.get("ordinal"));
            assertAlpha(Krippendorff.alpha(data, Metric.INTERVAL), c.get("interval"));
            assertAlpha(Krippendorff.nominal(byUnit(data)), c.get("nominal"));
        });
    }

    @Test
    void reproducesTheValuesPrintedInKrippendorff2011() {
        assertThat(Krippendorff.alpha(PAPER, Metric.NOMINAL).orElseThrow().coefficient()).isCloseTo(0.743, within(5e-4));
        assertThat(Krippendorff.alpha(PAPER, Metric.ORDINAL).orElseThrow().coefficient()).isCloseTo(0.815, within(5e-4));
        assertThat(Krippendorff.alpha(PAPER, Metric.INTERVAL).orElseThrow().coefficient()).isCloseTo(0.849, within(5e-4));
        // units 1-11 have 2 or more values (unit 12 has one: left out), 40 values in all, as in the paper
        Alpha nominal = Krippendorff.alpha(PAPER, Metric.NOMINAL).orElseThrow();
        assertThat(nominal.units()).isEqualTo(11);
        assertThat(nominal.values()).isEqualTo(40);
    }

    @Test
    void unitsWithOneValueAreLeftOutAndMissingRatingsAreNotValues() {
        double[][] withLoner = {{1, 2, 3, 9}, {1, 3, 3, M}};
        double[][] without = {{1, 2, 3}, {1, 3, 3}};
        for (Metric metric : Metric.values()) {
            assertThat(Krippendorff.alpha(withLoner, metric)).isEqualTo(Krippendorff.alpha(without, metric));
        }
        Alpha a = Krippendorff.alpha(withLoner, Metric.NOMINAL).orElseThrow();
        assertThat(a.units()).isEqualTo(3);
        assertThat(a.values()).isEqualTo(6);
    }

    @Test
    void perfectAgreementIsExactlyOneEvenForValuesWithoutExactSums() {
        double[][] same = {{0.1, 0.7, 0.3, M}, {0.1, 0.7, 0.3, 0.7}, {0.1, M, 0.3, 0.7}};
        for (Metric metric : Metric.values()) {
            assertThat(Krippendorff.alpha(same, metric).orElseThrow().coefficient()).isEqualTo(1.0);
        }
    }

    @Test
    void ordinalDependsOnTheOrderOfValuesNotTheirDistanceAndIntervalOnTheDistance() {
        double[][] a = {{1, 2, 3, 4, 1}, {1, 3, 3, 4, 2}};
        double[][] stretched = {{1, 2, 30, 400, 1}, {1, 30, 30, 400, 2}};
        assertThat(Krippendorff.alpha(stretched, Metric.ORDINAL)).isEqualTo(Krippendorff.alpha(a, Metric.ORDINAL));
        assertThat(Krippendorff.alpha(stretched, Metric.NOMINAL)).isEqualTo(Krippendorff.alpha(a, Metric.NOMINAL));
        assertThat(Krippendorff.alpha(stretched, Metric.INTERVAL).orElseThrow().coefficient())
                .isNotCloseTo(Krippendorff.alpha(a, Metric.INTERVAL).orElseThrow().coefficient(), within(1e-3));
    }

    @Test
    void disagreementsGiveTheCoefficient() {
        Alpha a = Krippendorff.alpha(PAPER, Metric.INTERVAL).orElseThrow();
        assertThat(1 - a.observedDisagreement() / a.expectedDisagreement()).isCloseTo(a.coefficient(), within(1e-14));
    }

    @Test
    void largeInputMatchesTheUnitByUnitPairSum() {
        // 10 raters × 2,000 units with 20% missing: against a direct raters² sum over the pairs in each unit
        SplittableRandom random = new SplittableRandom(14);
        double[][] data = new double[10][2000];
        for (int u = 0; u < 2000; u++) {
            int truth = 1 + random.nextInt(5);
            for (int r = 0; r < 10; r++) {
                data[r][u] = random.nextDouble() < 0.2 ? M : Math.max(1, Math.min(5, truth + random.nextInt(3) - 1));
            }
        }
        for (Metric metric : Metric.values()) {
            assertThat(Krippendorff.alpha(data, metric).orElseThrow().coefficient())
                    .isCloseTo(pairSum(data, metric), within(1e-12));
        }
    }

    /** Alpha by the coincidence matrix over all ordered pairs in each unit (values are 1..5). */
    private static double pairSum(double[][] data, Metric metric) {
        double[][] o = new double[6][6];
        for (int u = 0; u < data[0].length; u++) {
            List<Integer> vals = new ArrayList<>();
            for (double[] row : data) {
                if (!Double.isNaN(row[u])) {
                    vals.add((int) row[u]);
                }
            }
            for (int i = 0; i < vals.size(); i++) {
                for (int j = 0; j < vals.size(); j++) {
                    if (i != j) {
                        o[vals.get(i)][vals.get(j)] += 1.0 / (vals.size() - 1);
                    }
                }
            }
        }
        double[] nc = new double[6];
        double n = 0;
        for (int c = 1; c <= 5; c++) {
            for (int k = 1; k <= 5; k++) {
                nc[c] += o[c][k];
            }
            n += nc[c];
        }
        double observed = 0;
        double expected = 0;
        for (int c = 1; c <= 5; c++) {
            for (int k = 1; k <= 5; k++) {
                double d2;
                if (metric == Metric.NOMINAL) {
                    d2 = c == k ? 0 : 1;
                } else if (metric == Metric.INTERVAL) {
                    d2 = (c - k) * (c - k);
                } else {
                    double s = 0;
                    for (int g = Math.min(c, k); g <= Math.max(c, k); g++) {
                        s += nc[g];
                    }
                    s -= (nc[c] + nc[k]) / 2;
                    d2 = s * s;
                }
                observed += o[c][k] * d2;
                expected += nc[c] * nc[k] * d2;
            }
        }
        return 1 - (n - 1) * observed / expected;
    }

    @Test
    void undefinedAlphaIsEmpty() {
        assertThat(Krippendorff.alpha(new double[][] {{2, 2, 2}, {2, 2, M}}, Metric.INTERVAL)).isEmpty();
        assertThat(Krippendorff.alpha(new double[][] {{1, M, 3}, {M, 2, M}}, Metric.NOMINAL)).isEmpty();
        assertThat(Krippendorff.alpha(new double[][] {{1, 2, 3}}, Metric.ORDINAL)).isEmpty();
        assertThat(Krippendorff.nominal(List.of(List.of("a"), List.of()))).isEmpty();
    }

    @Test
    void badInputIsRejectedWithMessagesNamingIt() {
        assertThatThrownBy(() -> Krippendorff.alpha(new double[0][], Metric.NOMINAL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("byRater has no rows; Krippendorff's alpha needs at least 1 rater");
        assertThatThrownBy(() -> Krippendorff.alpha(new double[][] {{}}, Metric.NOMINAL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("byRater[0] has no units; Krippendorff's alpha needs at least 1");
        assertThatThrownBy(() -> Krippendorff.alpha(new double[][] {{1, 2}, {1}}, Metric.NOMINAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("byRater[1] has 1 units but byRater[0] has 2");
        assertThatThrownBy(() -> Krippendorff.alpha(new double[][] {{1, 2}, {1, Double.NEGATIVE_INFINITY}}, Metric.ORDINAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("byRater[1][1] is -Infinity; ratings must be finite, or NaN for missing");
        assertThatThrownBy(() -> Krippendorff.alpha(new double[][] {{1, 2}, null}, Metric.ORDINAL))
                .isInstanceOf(NullPointerException.class).hasMessage("byRater[1] is null");
        assertThatThrownBy(() -> Krippendorff.alpha(PAPER, null)).isInstanceOf(NullPointerException.class).hasMessage("metric");
        assertThatThrownBy(() -> Krippendorff.nominal(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("units is empty; Krippendorff's alpha needs at least 1 unit");
        assertThatThrownBy(() -> Krippendorff.nominal(List.of(List.of("a"), Arrays.asList("b", null))))
                .isInstanceOf(NullPointerException.class).hasMessage("units[1] has a null label");
        assertThatThrownBy(() -> Krippendorff.nominal(Arrays.asList(List.of("a"), null)))
                .isInstanceOf(NullPointerException.class).hasMessage("units[1] is null");
    }

    @Test
    void anAlphaChecksItsRanges() {
        assertThatThrownBy(() -> new Alpha(1.5, 0, 1, 1, 2)).hasMessage("coefficient must be finite and <= 1, was 1.5");
        assertThatThrownBy(() -> new Alpha(0.5, -1, 1, 1, 2)).hasMessage("observedDisagreement must be finite and not negative, was -1.0");
        assertThatThrownBy(() -> new Alpha(0.5, 0, 0, 1, 2)).hasMessage("expectedDisagreement must be finite and above 0, was 0.0");
        assertThatThrownBy(() -> new Alpha(0.5, 0, 1, 0, 2)).hasMessage("units must be at least 1, was 0");
        assertThatThrownBy(() -> new Alpha(0.5, 0, 1, 1, 1)).hasMessage("values must be at least 2, was 1");
    }
}
