package dev.bench4j.core.internal.run;

import dev.bench4j.core.Summary;
import dev.bench4j.core.internal.stats.SummaryIntervals;
import java.time.Duration;
import java.util.Optional;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.PackedHistogram;

/**
 * Durations of one group in constant memory: an HdrHistogram of nanoseconds with 3 significant
 * digits (0.1% resolution; exact below 2,048 ns), packed so that memory follows the buckets used,
 * and the exact sum, minimum and maximum. A percentile is the nearest-rank value's bucket midpoint
 * clamped to [min, max]; its 95% interval is the pair of order statistics from
 * {@link SummaryIntervals#orderStatisticRanks}, read the same way.
 */
final class LatencyAccumulator {

    /** Significant digits of the histogram: 0.1% resolution. */
    static final int SIGNIFICANT_DIGITS = 3;

    private final AbstractHistogram nanos = new PackedHistogram(SIGNIFICANT_DIGITS);
    private long nanosSum;
    private long nanosMin = Long.MAX_VALUE;
    private long nanosMax;

    void add(Duration d) {
        long v = Math.max(0, d.toNanos());
        nanos.recordValue(v);
        nanosSum += v;
        nanosMin = Math.min(nanosMin, v);
        nanosMax = Math.max(nanosMax, v);
    }

    Optional<Summary.Latency> build() {
        long n = nanos.getTotalCount();
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(new Summary.Latency(n, Duration.ofNanos(nanosSum / n), Optional.of(Duration.ofNanos(nanosMin)),
                Duration.ofNanos(percentile(n, 50)), Duration.ofNanos(percentile(n, 95)),
                Duration.ofNanos(percentile(n, 99)), Duration.ofNanos(nanosMax),
                new Summary.PercentileIntervals(interval(n, 0.50), interval(n, 0.95), interval(n, 0.99))));
    }

    /** The nearest-rank percentile: the value of rank ceil(percent · n / 100), in integers. */
    private long percentile(long n, int percent) {
        return atRank(Math.max(1, (n * percent + 99) / 100));
    }

    private Optional<Summary.Interval> interval(long n, double p) {
        return SummaryIntervals.orderStatisticRanks(n, p).map(r -> new Summary.Interval(atRank(r[0]) / 1e6,
                atRank(r[1]) / 1e6, SummaryIntervals.LEVEL, Summary.IntervalMethod.ORDER_STATISTIC));
    }

    /** The value of 1-based rank {@code rank}: its bucket's midpoint, clamped to [min, max]. */
    private long atRank(long rank) {
        for (HistogramIterationValue v : nanos.recordedValues()) {
            if (v.getTotalCountToThisValue() >= rank) {
                long mid = nanos.medianEquivalentValue(v.getValueIteratedTo());
                return Math.min(nanosMax, Math.max(nanosMin, mid));
            }
        }
        return nanosMax;
    }
}
