package dev.bench4j.scoring.stats;

import static dev.bench4j.scoring.stats.ReferenceJson.cases;
import static dev.bench4j.scoring.stats.ReferenceJson.doubles;
import static dev.bench4j.scoring.stats.ReferenceJson.tests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the options of issue 14 against SciPy and statsmodels: Kendall's variants and methods,
 * Spearman on 2 pairs, McNemar's mid-p and chi-square tests and every Wilcoxon option combination
 * ({@code stats/reference.json}, written by make_reference.py).
 */
class OptionsReferenceTest {

    private static final double EXACT = 1e-12;
    private static final double P = 1e-9;
    private static final JsonNode REF = ReferenceJson.load("/stats/reference.json");

    @TestFactory
    Stream<DynamicTest> kendallTauBAndTauCWithEveryMethodAsScipy() {
        return tests(REF.get("kendall_options"), c -> {
            double[] x = doubles(c.get("x"));
            double[] y = doubles(c.get("y"));
            for (JsonNode r : c.get("results")) {
                Kendall.Variant variant = Kendall.Variant.valueOf(r.get("variant").asText().toUpperCase(Locale.ROOT));
                Kendall.Method method = Kendall.Method.valueOf(r.get("method").asText().toUpperCase(Locale.ROOT));
                String what = variant + " " + method;
                if (r.has("error") && r.get("error").asText().startsWith("ValueError: Ties found")) {
                    assertThatIllegalArgumentException().as(what).isThrownBy(() -> Kendall.tau(x, y, variant, method))
                            .withMessageContaining("needs untied rankings");
                    continue;
                }
                Optional<Correlation> tau = Kendall.tau(x, y, variant, method);
                if (r.has("error")) {
                    // SciPy's asymptotic variance divides by n - 2: a ZeroDivisionError for 2 pairs, where
                    // the coefficient is defined and the p-value is not
                    assertThat(r.get("error").asText()).as(what).startsWith("ZeroDivisionError");
                    assertThat(x).hasSize(2);
                    assertThat(tau.orElseThrow().coefficient()).as(what)
                            .isEqualTo(Kendall.tau(x, y, variant, Kendall.Method.AUTO).orElseThrow().coefficient());
                    assertThat(tau.orElseThrow().pValue()).as(what).isEmpty();
                    continue;
                }
                if (r.get("statistic").isNull()) {
                    assertThat(tau).as(what).isEmpty();
                    continue;
                }
                Correlation k = tau.orElseThrow();
                assertThat(k.coefficient()).as(what).isCloseTo(r.get("statistic").asDouble(), within(EXACT));
                assertThat(k.pValue().orElseThrow()).as(what).isCloseTo(r.get("p").asDouble(), within(P));
                assertThat(k.n()).isEqualTo(x.length);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> spearmanOfTwoPairsHasRhoAndAnUndefinedPValue() {
        return tests(REF.get("spearman_two"), c -> {
            Optional<Correlation> rho = Spearman.rho(doubles(c.get("x")), doubles(c.get("y")));
            if (c.get("rho").isNull()) {
                assertThat(rho).isEmpty();
                return;
            }
            assertThat(c.get("p").isNull()).isTrue();
            assertThat(rho.orElseThrow().coefficient()).isCloseTo(c.get("rho").asDouble(), within(EXACT));
            assertThat(rho.orElseThrow().pValue()).isEmpty();
            assertThat(rho.orElseThrow().n()).isEqualTo(2);
        });
    }

    @TestFactory
    Stream<DynamicTest> mcnemarExactMidPAndChiSquareAsScipyAndStatsmodels() {
        return tests(REF.get("mcnemar_variants"), c -> "b=" + c.get("b").asLong() + " c=" + c.get("c").asLong(), c -> {
            long b = c.get("b").asLong();
            long cc = c.get("c").asLong();
            TestResult exact = McNemar.exact(b, cc);
            assertThat(exact.pValue()).isCloseTo(c.get("exact_p").asDouble(), within(P));
            assertThat(exact.method()).isEqualTo("exact");
            TestResult mid = McNemar.midP(b, cc);
            assertThat(mid.pValue()).isCloseTo(c.get("mid_p").asDouble(), within(P));
            assertThat(mid.statistic()).isEqualTo(Math.min(b, cc));
            assertThat(mid.n()).isEqualTo(b + cc);
            assertThat(mid.method()).isEqualTo("mid-p");
            assertThat(mid.pValue()).isLessThanOrEqualTo(exact.pValue());
            for (boolean correction : new boolean[] {true, false}) {
                JsonNode want = c.get("chi2_" + correction);
                if (want.isNull()) {
                    assertThatIllegalArgumentException().isThrownBy(() -> McNemar.chiSquare(b, cc, correction))
                            .withMessageContaining("needs discordant pairs");
                    continue;
                }
                TestResult chi = McNemar.chiSquare(b, cc, correction);
                double statistic = want.get("statistic").asDouble();
                assertThat(chi.statistic()).isCloseTo(statistic, within(EXACT * Math.max(1, statistic)));
                assertThat(chi.pValue()).isCloseTo(want.get("p").asDouble(), within(P));
                assertThat(chi.method()).isEqualTo("asymptotic");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> wilcoxonWithEveryOptionAsScipy() {
        return cases(REF.get("wilcoxon_options")).flatMap(c -> {
            double[] x = doubles(c.get("x"));
            double[] y = doubles(c.get("y"));
            return cases(c.get("results")).map(r -> {
                Wilcoxon.Options options = Wilcoxon.Options.defaults()
                        .method(Wilcoxon.Method.valueOf(r.get("method").asText().toUpperCase(Locale.ROOT)))
                        .zeroMethod(Wilcoxon.ZeroMethod.valueOf(r.get("zero_method").asText().toUpperCase(Locale.ROOT)))
                        .correction(r.get("correction").asBoolean());
                String name = c.get("name").asText() + " " + r.get("method").asText() + " "
                        + r.get("zero_method").asText() + (r.get("correction").asBoolean() ? " corrected" : "");
                return DynamicTest.dynamicTest(name, () -> checkWilcoxon(x, y, options, r));
            });
        });
    }

    private static void checkWilcoxon(double[] x, double[] y, Wilcoxon.Options options, JsonNode r) {
        boolean allZero = java.util.Arrays.equals(x, y);
        boolean undefined = r.has("error") || r.get("p").isNull();
        if (undefined && options.method() == Wilcoxon.Method.ASYMPTOTIC) {
            assertThatIllegalArgumentException().isThrownBy(() -> Wilcoxon.signedRank(x, y, options))
                    .withMessageContaining("every one of the " + x.length + " differences is zero");
            return;
        }
        TestResult t = Wilcoxon.signedRank(x, y, options);
        if (undefined) {
            // SciPy's 'auto' refuses a permutation test of one value and, beyond 13 pairs, falls back to
            // the normal approximation, whose variance is 0: every sign assignment gives the same W+
            assertThat(allZero || x.length == 1).isTrue();
            assertThat(options.method()).isEqualTo(Wilcoxon.Method.AUTO);
            assertThat(t.pValue()).isEqualTo(1.0);
            assertThat(t.method()).isEqualTo("permutation");
            return;
        }
        assertThat(t.statistic()).isCloseTo(r.get("statistic").asDouble(), within(EXACT * Math.max(1, t.statistic())));
        assertThat(t.pValue()).isCloseTo(r.get("p").asDouble(), within(P));
        if (r.has("method_used")) {
            assertThat(t.method()).isEqualTo(r.get("method_used").asText());
        } else {
            assertThat(t.method()).isEqualTo(r.get("method").asText());
        }
    }
}
