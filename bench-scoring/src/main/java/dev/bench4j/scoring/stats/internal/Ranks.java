package dev.bench4j.scoring.stats.internal;

import java.util.Arrays;

/** Ranking helpers: one radix sort of primitive keys, no boxing. */
public final class Ranks {

    /** Below this many values a comparison sort of the keys is cheaper than eight counting passes. */
    private static final int RADIX_THRESHOLD = 256;

    private Ranks() {
    }

    /**
     * Ranks from 1, tied values getting the mean of their ranks (SciPy's {@code rankdata} 'average').
     *
     * @param values finite values
     * @return their ranks, in the order of {@code values}
     */
    public static double[] average(double[] values) {
        int n = values.length;
        int[] order = order(values);
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i + 1;
            double v = values[order[i]];
            while (j < n && values[order[j]] == v) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0; // mean of ranks i+1 .. j
            for (int k = i; k < j; k++) {
                ranks[order[k]] = rank;
            }
            i = j;
        }
        return ranks;
    }

    /**
     * Dense ranks from 0 (equal values share a rank; {@code -0.0} equals {@code 0.0}).
     *
     * @param values finite values
     * @return their dense ranks, in the order of {@code values}
     */
    public static int[] dense(double[] values) {
        return dense(values, order(values));
    }

    /**
     * Dense ranks from 0 given the values' ascending order.
     *
     * @param values finite values
     * @param order the indexes of {@code values} in ascending order of value, as {@link #order}
     * @return their dense ranks, in the order of {@code values}
     */
    public static int[] dense(double[] values, int[] order) {
        int n = values.length;
        int[] ranks = new int[n];
        int rank = 0;
        for (int k = 0; k < n; k++) {
            if (k > 0 && values[order[k]] != values[order[k - 1]]) {
                rank++;
            }
            ranks[order[k]] = rank;
        }
        return ranks;
    }

    /**
     * The indexes of {@code values} in ascending order of value, equal values in index order ({@code
     * -0.0} equals {@code 0.0}): an LSD radix sort of the values' order-preserving 64-bit keys, eight
     * counting passes at most (passes where every key has the same byte are skipped), a comparison
     * sort below 256 values.
     *
     * @param values finite values
     * @return the indexes, a permutation of 0..n-1
     */
    public static int[] order(double[] values) {
        int n = values.length;
        if (n < RADIX_THRESHOLD) {
            return smallOrder(values);
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(values[i] + 0.0); // -0.0 -> 0.0
            keys[i] = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE; // unsigned order = numeric order
        }
        int[][] counts = new int[8][257];
        for (long key : keys) {
            for (int d = 0; d < 8; d++) {
                counts[d][(int) ((key >>> (8 * d)) & 0xFF) + 1]++;
            }
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        long[] keysOut = new long[n];
        int[] idxOut = new int[n];
        for (int d = 0; d < 8; d++) {
            int[] c = counts[d];
            if (c[(int) ((keys[0] >>> (8 * d)) & 0xFF) + 1] == n) {
                continue; // every key has this byte
            }
            for (int b = 0; b < 256; b++) {
                c[b + 1] += c[b];
            }
            int shift = 8 * d;
            for (int i = 0; i < n; i++) {
                long key = keys[i];
                int pos = c[(int) ((key >>> shift) & 0xFF)]++;
                keysOut[pos] = key;
                idxOut[pos] = idx[i];
            }
            long[] tk = keys;
            keys = keysOut;
            keysOut = tk;
            int[] ti = idx;
            idx = idxOut;
            idxOut = ti;
        }
        return idx;
    }

    private static int[] smallOrder(double[] values) {
        int n = values.length;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = values[i] + 0.0;
        }
        Arrays.sort(sorted);
        int unique = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[unique - 1]) {
                sorted[unique++] = sorted[i];
            }
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) Arrays.binarySearch(sorted, 0, unique, values[i] + 0.0) << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /**
     * Sums t³ − t over the groups of t equal values (the tie term of Kendall's W and Friedman's test).
     *
     * @param values finite values
     * @return the sum, 0 without ties
     */
    public static double tieCubes(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i + 1;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            sum += t * t * t - t;
            i = j;
        }
        return sum;
    }
}
