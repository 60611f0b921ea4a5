package dev.bench4j.core.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bench4j.core.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The summary's intervals against SciPy: reference values from summary_intervals_reference.py in
 * this package's test resources.
 */
class SummaryIntervalsTest {

    static JsonNode reference() throws IOException {
        try (InputStream in = SummaryIntervalsTest.class.getResourceAsStream("summary_intervals_reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void wilsonMatchesScipyBinomtestProportionCi() throws IOException {
        for (JsonNode c : reference().get("wilson")) {
            Summary.Interval ci = SummaryIntervals.wilson(c.get("k").asLong(), c.get("n").asLong()).orElseThrow();
            assertThat(ci.lower()).as("lower of %s", c).isCloseTo(c.get("lower").asDouble(), within(1e-12));
            assertThat(ci.upper()).as("upper of %s", c).isCloseTo(c.get("upper").asDouble(), within(1e-12));
            assertThat(ci.method()).isEqualTo(Summary.IntervalMethod.WILSON);
            assertThat(ci.level()).isEqualTo(0.95);
        }
    }

    @Test
    void wilsonOfNoTrialsIsEmptyAndOfImpossibleCountsIsRefused() {
        assertThat(SummaryIntervals.wilson(0, 0)).isEmpty();
        assertThatThrownBy(() -> SummaryIntervals.wilson(3, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("successes must be in [0, n] but were successes=3, n=2");
    }

    @Test
    void tIntervalMatchesScipyAndClampsToTheGivenRange() throws IOException {
        for (JsonNode c : reference().get("t")) {
            long n = 0;
            double mean = 0;
            double m2 = 0;
            for (JsonNode v : c.get("values")) {
                double x = v.asDouble();
                n++;
                double d = x - mean;
                mean += d / n;
                m2 += d * (x - mean);
            }
            Summary.Interval t = SummaryIntervals.t(n, mean, m2, Summary.IntervalMethod.T, 0, 1).orElseThrow();
            assertThat(t.lower()).as("%s", c).isCloseTo(c.get("lower").asDouble(), within(1e-9));
            assertThat(t.upper()).as("%s", c).isCloseTo(c.get("upper").asDouble(), within(1e-9));
            assertThat(SummaryIntervals.standardDeviation(n, m2).getAsDouble()).isCloseTo(c.get("sd").asDouble(),
                    within(1e-12));
            Summary.Interval unit = SummaryIntervals.t(n, mean, m2, Summary.IntervalMethod.T_CLAMPED, 0, 1).orElseThrow();
            assertThat(unit.lower()).as("%s", c).isCloseTo(c.get("clamped_lower").asDouble(), within(1e-9));
            assertThat(unit.upper()).as("%s", c).isCloseTo(c.get("clamped_upper").asDouble(), within(1e-9));
            assertThat(unit.method()).isEqualTo(Summary.IntervalMethod.T_CLAMPED);
            Summary.Interval positive = SummaryIntervals.t(n, mean, m2, Summary.IntervalMethod.T_CLAMPED, 0,
                    Double.POSITIVE_INFINITY).orElseThrow();
            assertThat(positive.lower()).isCloseTo(c.get("clamped_at_zero_lower").asDouble(), within(1e-9));
            assertThat(positive.upper()).isCloseTo(c.get("upper").asDouble(), within(1e-9));
        }
        assertThat(SummaryIntervals.t(1, 0.5, 0, Summary.IntervalMethod.T, 0, 1)).isEmpty();
    }

    @Test
    void orderStatisticRanksAreScipysQuantileTestBoundsAndEmptyWithTooFewValues() throws IOException {
        for (JsonNode c : reference().get("ranks")) {
            Optional<long[]> ranks = SummaryIntervals.orderStatisticRanks(c.get("n").asLong(), c.get("p").asDouble());
            if (c.get("lower_rank").isNull()) {
                assertThat(ranks).as("%s", c).isEmpty();
            } else {
                assertThat(ranks).as("%s", c).isPresent();
                assertThat(ranks.get()).as("%s", c).containsExactly(c.get("lower_rank").asLong(),
                        c.get("upper_rank").asLong());
            }
        }
    }

    @Test
    void orderStatisticRanksRefuseAQuantileOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> SummaryIntervals.orderStatisticRanks(10, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order-statistic ranks need n >= 0 and p in (0, 1) but had n=10, p=1.0");
    }
}
