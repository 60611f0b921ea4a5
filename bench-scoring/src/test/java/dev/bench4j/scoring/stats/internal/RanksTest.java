package dev.bench4j.scoring.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The radix sort behind the ranks agrees with a stable comparison sort, on both sides of its threshold. */
class RanksTest {

    /** Negative and positive values, both zeros, ties, subnormals and huge magnitudes. */
    private static double[] awkward(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, -1e300};
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(4);
            v[i] = switch (kind) {
                case 0 -> special[r.nextInt(special.length)];
                case 1 -> r.nextInt(-20, 20) / 4.0;
                default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-5, 6));
            };
        }
        return v;
    }

    private static int[] expectedOrder(double[] v) {
        return IntStream.range(0, v.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> v[i] + 0.0).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    @Test
    void orderIsTheStableAscendingOrderWithMinusZeroEqualToZero() {
        for (int n : new int[] {1, 2, 17, 255, 256, 257, 5_000, 100_000}) {
            double[] v = awkward(n, n);
            assertThat(Ranks.order(v)).as("n = %d", n).isEqualTo(expectedOrder(v));
        }
    }

    @Test
    void denseAndAverageRanksAgreeWithTheOrder() {
        double[] v = awkward(3_000, 9);
        int[] dense = Ranks.dense(v);
        double[] average = Ranks.average(v);
        double[] sorted = Arrays.stream(v).map(d -> d + 0.0).sorted().distinct().toArray();
        for (int i = 0; i < v.length; i++) {
            assertThat(dense[i]).isEqualTo(Arrays.binarySearch(sorted, v[i] + 0.0));
            double x = v[i] + 0.0;
            long below = Arrays.stream(v).filter(d -> d + 0.0 < x).count();
            long equal = Arrays.stream(v).filter(d -> d + 0.0 == x).count();
            assertThat(average[i]).isEqualTo(below + (equal + 1) / 2.0);
        }
    }
}
