package dev.bench4j.scoring.stats;

import static dev.bench4j.scoring.stats.ReferenceJson.doubles;
import static dev.bench4j.scoring.stats.ReferenceJson.tests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Checks the statistics against SciPy's outputs in {@code stats/reference.json} (see make_reference.py). */
class ScipyReferenceTest {

    private static final double TAU = 1e-9;
    private static final double P = 1e-9;
    private static final JsonNode REF = ReferenceJson.load("/stats/reference.json");

    private static Stream<DynamicTest> correlations(String section, String coefficient,
            BiFunction<double[], double[], Optional<Correlation>> f) {
        return tests(REF.get(section), c -> {
            Optional<Correlation> r = f.apply(doubles(c.get("x")), doubles(c.get("y")));
            if (c.get(coefficient).isNull()) {
                assertThat(r).isEmpty();
            } else {
                assertThat(r).isPresent();
                assertThat(r.get().coefficient()).isCloseTo(c.get(coefficient).asDouble(), within(TAU));
                assertThat(r.get().pValue().orElseThrow()).isCloseTo(c.get("p").asDouble(), within(P));
                assertThat(r.get().n()).isEqualTo(c.get("x").size());
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> kendallTauB() {
        assertThat(REF.get("scipy").asText()).isNotEmpty();
        return correlations("kendall", "tau", Kendall::tauB);
    }

    @TestFactory
    Stream<DynamicTest> spearmanRho() {
        return correlations("spearman", "rho", Spearman::rho);
    }

    /** Within 1e-12, relative to the value where it is above 1. */
    private static Offset<Double> close(double expected) {
        return within(1e-12 * Math.max(1, Math.abs(expected)));
    }

    @TestFactory
    Stream<DynamicTest> kendallWIsFriedmansChiSquareOverMRaters() {
        return tests(REF.get("kendall_w"), c -> {
            JsonNode rows = c.get("ratings");
            double[][] ratings = new double[rows.size()][];
            for (int r = 0; r < ratings.length; r++) {
                ratings[r] = doubles(rows.get(r));
            }
            Optional<Concordance> w = Kendall.w(ratings);
            if (c.get("w").isNull()) {
                assertThat(w).isEmpty();
                return;
            }
            Concordance k = w.orElseThrow();
            assertThat(k.w()).isCloseTo(c.get("w").asDouble(), within(1e-15));
            assertThat(k.chiSquare()).isCloseTo(c.get("chi2").asDouble(), close(c.get("chi2").asDouble()));
            assertThat(k.degreesOfFreedom()).isEqualTo(c.get("df").asInt());
            assertThat(k.pValue()).isCloseTo(c.get("p").asDouble(), within(1e-12));
            assertThat(k.raters()).isEqualTo(ratings.length);
            assertThat(k.items()).isEqualTo(ratings[0].length);
            if (!c.get("friedman_statistic").isNull()) {
                double friedman = c.get("friedman_statistic").asDouble();
                assertThat(k.chiSquare()).isCloseTo(friedman, close(friedman));
                assertThat(k.pValue()).isCloseTo(c.get("friedman_p").asDouble(), within(1e-12));
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> pooledTauBIsTheSeasonalKendallStatistic() {
        return tests(REF.get("pooled_kendall"), c -> {
            List<double[]> x = new ArrayList<>();
            List<double[]> y = new ArrayList<>();
            for (int i = 0; i < c.get("x").size(); i++) {
                x.add(doubles(c.get("x").get(i)));
                y.add(doubles(c.get("y").get(i)));
            }
            Optional<Correlation> r = Kendall.pooledTauB(x, y);
            if (c.get("tau").isNull()) {
                assertThat(r).isEmpty();
                return;
            }
            Correlation k = r.orElseThrow();
            assertThat(k.coefficient()).isCloseTo(c.get("tau").asDouble(), within(1e-12));
            assertThat(k.pValue().orElseThrow()).isCloseTo(c.get("p").asDouble(), within(1e-12));
            assertThat(k.n()).isEqualTo(c.get("n").asInt());
            if (c.has("scipy_tau")) {
                // one stratum: tau-b, with scipy.stats.kendalltau(x, y, method='asymptotic')'s p-value
                assertThat(k.coefficient()).isCloseTo(c.get("scipy_tau").asDouble(), within(1e-12));
                assertThat(k.pValue().orElseThrow()).isCloseTo(c.get("scipy_p").asDouble(), within(1e-12));
                assertThat(k.coefficient()).isEqualTo(Kendall.tauB(x.get(0), y.get(0)).orElseThrow().coefficient());
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> wilcoxonSignedRank() {
        return tests(REF.get("wilcoxon"), c -> {
            TestResult r = Wilcoxon.signedRank(doubles(c.get("x")), doubles(c.get("y")));
            assertThat(r.statistic()).isCloseTo(c.get("statistic").asDouble(), within(P));
            assertThat(r.pValue()).isCloseTo(c.get("p").asDouble(), within(P));
        });
    }

    @TestFactory
    Stream<DynamicTest> mcnemarExact() {
        return tests(REF.get("mcnemar"), c -> "b=" + c.get("b").asLong() + " c=" + c.get("c").asLong(), c -> {
            long b = c.get("b").asLong();
            long cc = c.get("c").asLong();
            TestResult r = McNemar.exact(b, cc);
            assertThat(r.pValue()).isCloseTo(c.get("p").asDouble(), within(P));
            assertThat(r.statistic()).isEqualTo(Math.min(b, cc));
            assertThat(r.n()).isEqualTo(b + cc);
        });
    }

    @TestFactory
    Stream<DynamicTest> wilsonInterval() {
        return tests(REF.get("wilson"), c -> "k=" + c.get("k").asLong() + " n=" + c.get("n").asLong() + " cl="
                + c.get("confidence").asDouble(), c -> {
                    long k = c.get("k").asLong();
                    long n = c.get("n").asLong();
                    double cl = c.get("confidence").asDouble();
                    Interval i = Intervals.wilson(k, n, cl);
                    assertThat(i.low()).isCloseTo(c.get("low").asDouble(), within(1e-9));
                    assertThat(i.high()).isCloseTo(c.get("high").asDouble(), within(1e-9));
                    if (cl == 0.95) {
                        assertThat(Intervals.wilson(k, n)).isEqualTo(i);
                    }
                });
    }

    @TestFactory
    Stream<DynamicTest> tInterval() {
        return tests(REF.get("t"), c -> "mean=" + c.get("mean").asDouble() + " sd=" + c.get("sd").asDouble() + " n="
                + c.get("n").asLong() + " cl=" + c.get("confidence").asDouble(), c -> {
                    double mean = c.get("mean").asDouble();
                    double sd = c.get("sd").asDouble();
                    long n = c.get("n").asLong();
                    double cl = c.get("confidence").asDouble();
                    Interval i = Intervals.t(mean, sd, n, cl);
                    assertThat(i.low()).isCloseTo(c.get("low").asDouble(), within(1e-9));
                    assertThat(i.high()).isCloseTo(c.get("high").asDouble(), within(1e-9));
                    if (cl == 0.95) {
                        assertThat(Intervals.t(mean, sd, n)).isEqualTo(i);
                    }
                });
    }
}
