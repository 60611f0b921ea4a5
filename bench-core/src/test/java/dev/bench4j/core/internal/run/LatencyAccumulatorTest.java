package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Summary;
import dev.bench4j.core.internal.stats.SummaryIntervalsTestAccess;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Latency percentiles stay within the recorded durations and carry SciPy's order-statistic intervals. */
class LatencyAccumulatorTest {

    @Test
    void percentilesOfExactBucketsMatchNearestRankAndScipysQuantileTest() throws IOException {
        for (JsonNode c : SummaryIntervalsTestAccess.reference().get("latency")) {
            LatencyAccumulator acc = new LatencyAccumulator();
            c.get("nanos").forEach(v -> acc.add(Duration.ofNanos(v.asLong())));
            Summary.Latency l = acc.build().orElseThrow();

            assertThat(l.n()).isEqualTo(c.get("nanos").size());
            assertThat(l.min()).hasValue(Duration.ofNanos(c.get("min").asLong()));
            assertThat(l.max()).isEqualTo(Duration.ofNanos(c.get("max").asLong()));
            assertThat(l.mean()).isEqualTo(Duration.ofNanos(c.get("mean_floor").asLong()));
            assertThat(l.p50()).isEqualTo(Duration.ofNanos(c.get("p50").asLong()));
            assertThat(l.p95()).isEqualTo(Duration.ofNanos(c.get("p95").asLong()));
            assertThat(l.p99()).isEqualTo(Duration.ofNanos(c.get("p99").asLong()));
            interval(l.ci95().p50(), c.get("p50_ci"));
            interval(l.ci95().p95(), c.get("p95_ci"));
            interval(l.ci95().p99(), c.get("p99_ci"));
        }
    }

    private static void interval(Optional<Summary.Interval> ci, JsonNode nanos) {
        if (nanos.isNull()) {
            assertThat(ci).isEmpty();
            return;
        }
        assertThat(ci).isPresent();
        assertThat(ci.get().lower()).isCloseTo(nanos.get(0).asDouble() / 1e6, within(1e-12));
        assertThat(ci.get().upper()).isCloseTo(nanos.get(1).asDouble() / 1e6, within(1e-12));
        assertThat(ci.get().method()).isEqualTo(Summary.IntervalMethod.ORDER_STATISTIC);
    }

    @Test
    void p99NeverExceedsTheLongestLatencyNorP50FallsBelowTheShortest() {
        // the reported case: 129.318 ms was the longest, and the old histogram said p99 = 129.535 ms
        LatencyAccumulator acc = new LatencyAccumulator();
        for (int i = 0; i < 99; i++) {
            acc.add(Duration.ofNanos(80_000_000L + i * 101_000L));
        }
        acc.add(Duration.ofNanos(129_318_000L));
        Summary.Latency l = acc.build().orElseThrow();

        assertThat(l.max()).isEqualTo(Duration.ofNanos(129_318_000L));
        assertThat(l.p99()).isLessThanOrEqualTo(l.max());
        assertThat(l.p50()).isGreaterThanOrEqualTo(l.min().orElseThrow());
        assertThat(l.min()).hasValue(Duration.ofNanos(80_000_000L));

        LatencyAccumulator one = new LatencyAccumulator();
        one.add(Duration.ofNanos(129_318_000L));
        Summary.Latency single = one.build().orElseThrow();
        assertThat(single.p50()).isEqualTo(single.max()).isEqualTo(single.min().orElseThrow());
        assertThat(single.ci95()).isEqualTo(Summary.PercentileIntervals.NONE);
    }

    @Test
    void percentilesAreWithinATenthOfAPercentOfTheDuration() {
        LatencyAccumulator acc = new LatencyAccumulator();
        for (int i = 1; i <= 1000; i++) {
            acc.add(Duration.ofNanos(1_000_000L * i + 12_345));
        }
        Summary.Latency l = acc.build().orElseThrow();
        // nearest rank: p50 is the 500th value, p95 the 950th, p99 the 990th
        assertThat((double) l.p50().toNanos()).isCloseTo(500_012_345.0, within(500_012_345.0 * 0.001));
        assertThat((double) l.p95().toNanos()).isCloseTo(950_012_345.0, within(950_012_345.0 * 0.001));
        assertThat((double) l.p99().toNanos()).isCloseTo(990_012_345.0, within(990_012_345.0 * 0.001));
    }
}
