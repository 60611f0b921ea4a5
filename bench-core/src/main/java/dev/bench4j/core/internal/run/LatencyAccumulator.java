package dev.bench4j.core.internal.run;

import dev.bench4j.core.Summary;
import dev.bench4j.core.internal.stats.SummaryIntervals;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
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
        double[] ps = {0.50, 0.95, 0.99};
        int[] percents = {50, 95, 99};
        // ranks: the three percentiles, then each interval's lower and upper (0 where there is none)
        long[] ranks = new long[9];
        for (int i = 0; i < 3; i++) {
            ranks[i] = Math.max(1, (n * percents[i] + 99) / 100);
            Optional<long[]> lu = SummaryIntervals.orderStatisticRanks(n, ps[i]);
            if (lu.isPresent()) {
                ranks[3 + 2 * i] = lu.get()[0];
                ranks[4 + 2 * i] = lu.get()[1];
            }
        }
        long[] values = atRanks(ranks);
        return Optional.of(new Summary.Latency(n, Duration.ofNanos(nanosSum / n), Optional.of(Duration.ofNanos(nanosMin)),
                Duration.ofNanos(values[0]), Duration.ofNanos(values[1]), Duration.ofNanos(values[2]),
                Duration.ofNanos(nanosMax), new Summary.PercentileIntervals(interval(ranks, values, 3),
                        interval(ranks, values, 5), interval(ranks, values, 7))));
    }

    private static Optional<Summary.Interval> interval(long[] ranks, long[] values, int at) {
        return ranks[at] == 0 ? Optional.empty() : Optional.of(new Summary.Interval(values[at] / 1e6,
                values[at + 1] / 1e6, SummaryIntervals.LEVEL, Summary.IntervalMethod.ORDER_STATISTIC));
    }

    /**
     * The values of 1-based ranks (0 for none) in one pass over the histogram: each the midpoint of
     * its bucket, clamped to [min, max].
     */
    private long[] atRanks(long[] ranks) {
        Integer[] order = new Integer[ranks.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> ranks[i]));
        long[] values = new long[ranks.length];
        int next = 0;
        while (next < order.length && ranks[order[next]] == 0) {
            next++;
        }
        for (HistogramIterationValue v : nanos.recordedValues()) {
            long mid = Math.min(nanosMax, Math.max(nanosMin, nanos.medianEquivalentValue(v.getValueIteratedTo())));
            while (next < order.length && ranks[order[next]] <= v.getTotalCountToThisValue()) {
                values[order[next++]] = mid;
            }
            if (next == order.length) {
                break;
            }
        }
        return values;
    }
}
