package dev.bench4j.scoring.stats;

import static dev.bench4j.scoring.stats.ReferenceJson.tests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Proportion intervals against statsmodels' proportion_confint and SciPy's binomtest ({@code stats/agreement_reference.json}). */
class IntervalsTest {

    private static final JsonNode REF = ReferenceJson.load("/stats/agreement_reference.json");

    private static String name(JsonNode c) {
        return c.get("k") + " of " + c.get("n") + " at " + c.get("confidence");
    }

    /** The interval a method gives for a case's k, n and confidence. */
    private interface Method {
        Interval of(long k, long n, double confidence);
    }

    /** Checks a method against a section of each case, and its 95% overload against its general form. */
    private static Stream<DynamicTest> against(String section, Method method, Method at95, double tolerance) {
        return tests(REF.get("proportions"), IntervalsTest::name, c -> {
            long k = c.get("k").asLong();
            long n = c.get("n").asLong();
            double cl = c.get("confidence").asDouble();
            JsonNode ref = c.get(section);
            Interval i = method.of(k, n, cl);
            assertBounds(i, ref.get(0).asDouble(), ref.get(1).asDouble(), tolerance, cl);
            if (cl == 0.95) {
                assertThat(at95.of(k, n, cl)).isEqualTo(i);
            }
        });
    }

    private static void assertBounds(Interval i, double low, double high, double tolerance, double confidence) {
        assertThat(i.low()).isCloseTo(low, within(tolerance));
        assertThat(i.high()).isCloseTo(high, within(tolerance));
        assertThat(i.confidence()).isEqualTo(confidence);
    }

    @TestFactory
    Stream<DynamicTest> clopperPearsonMatchesStatsmodelsBetaAndScipyExact() {
        assertThat(REF.get("statsmodels_version").asText()).isEqualTo("0.15.0");
        return against("clopper_pearson", Intervals::clopperPearson, (k, n, cl) -> Intervals.clopperPearson(k, n), 1e-12);
    }

    @TestFactory
    Stream<DynamicTest> waldIsStatsmodelsNormalIntervalWhichIsClippedToZeroOne() {
        return against("wald", Intervals::wald, (k, n, cl) -> Intervals.wald(k, n), 1e-12);
    }

    @TestFactory
    Stream<DynamicTest> wilsonMatchesStatsmodels() {
        return against("wilson", Intervals::wilson, (k, n, cl) -> Intervals.wilson(k, n), 1e-12);
    }

    @TestFactory
    Stream<DynamicTest> standardErrorIsTheOneBehindStatsmodelsNormalInterval() {
        return tests(REF.get("proportions"), IntervalsTest::name, c -> assertThat(
                Intervals.proportionStandardError(c.get("k").asLong(), c.get("n").asLong()))
                .isCloseTo(c.get("standard_error").asDouble(), within(1e-12)));
    }

    @Test
    void waldIntervalsThatWouldLeaveZeroOneAreClipped() {
        // 1 of 5: 0.2 ± 1.96 · 0.1789 is [-0.1506, 0.5506]
        assertThat(Intervals.wald(1, 5).low()).isEqualTo(0.0);
        assertThat(Intervals.wald(1, 5).high()).isCloseTo(0.2 + 1.959963984540054 * Math.sqrt(0.2 * 0.8 / 5), within(1e-12));
        assertThat(Intervals.wald(4, 5).high()).isEqualTo(1.0);
        assertThat(Intervals.wald(0, 7)).isEqualTo(new Interval(0, 0, 0.95));
        assertThat(Intervals.wald(7, 7)).isEqualTo(new Interval(1, 1, 0.95));
    }

    @Test
    void theClassJavadocExampleHoldsAndExactIsWiderThanWilson() {
        Interval wilson = Intervals.wilson(7, 10);
        Interval exact = Intervals.clopperPearson(7, 10);
        assertThat(wilson.low()).isCloseTo(0.397, within(5e-4));
        assertThat(wilson.high()).isCloseTo(0.892, within(5e-4));
        assertThat(exact.low()).isCloseTo(0.348, within(5e-4));
        assertThat(exact.high()).isCloseTo(0.933, within(5e-4));
        assertThat(Intervals.wald(7, 10).low()).isCloseTo(0.416, within(5e-4));
        assertThat(Intervals.wald(7, 10).high()).isCloseTo(0.984, within(5e-4));
        assertThat(Intervals.proportionStandardError(7, 10)).isCloseTo(0.1449, within(5e-5));
        assertThat(exact.low()).isLessThan(wilson.low());
        assertThat(exact.high()).isGreaterThan(wilson.high());
    }

    @Test
    void exactBoundsAreExactlyZeroAndOneAtTheEdges() {
        for (long n : new long[] {1, 2, 10, 1000, 100_000}) {
            for (double cl : new double[] {0.5, 0.95, 0.999}) {
                assertThat(Intervals.clopperPearson(0, n, cl).low()).isEqualTo(0.0);
                assertThat(Intervals.clopperPearson(n, n, cl).high()).isEqualTo(1.0);
            }
        }
        // with no successes the upper bound is 1 - (alpha/2)^(1/n)
        assertThat(Intervals.clopperPearson(0, 10).high()).isCloseTo(1 - Math.pow(0.025, 0.1), within(1e-14));
        assertThat(Intervals.clopperPearson(10, 10).low()).isCloseTo(Math.pow(0.025, 0.1), within(1e-14));
    }

    @Test
    void countsAndLevelsAreCheckedByEveryProportionInterval() {
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.clopperPearson(3, 2))
                .withMessage("successes must be in [0, n=2], was 3");
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.clopperPearson(-1, 2))
                .withMessage("successes must be in [0, n=2], was -1");
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.wald(0, 0)).withMessage("n must be at least 1, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.proportionStandardError(1, 0))
                .withMessage("n must be at least 1, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.wald(1, 2, 0))
                .withMessage("confidence must be in (0, 1), was 0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.clopperPearson(1, 2, Double.NaN))
                .withMessage("confidence must be in (0, 1), was NaN");
    }
}
