package dev.bench4j.scoring.stats.internal;

import java.util.Arrays;

/** Ranking helpers. */
public final class Ranks {

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
        long[] order = sortedOrder(values);
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i + 1;
            double v = values[(int) order[i]];
            while (j < n && values[(int) order[j]] == v) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0; // mean of ranks i+1 .. j
            for (int k = i; k < j; k++) {
                ranks[(int) order[k]] = rank;
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
        int n = values.length;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = values[i] + 0.0; // -0.0 -> 0.0
        }
        Arrays.sort(sorted);
        int unique = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[unique - 1]) {
                sorted[unique++] = sorted[i];
            }
        }
        int[] ranks = new int[n];
        for (int i = 0; i < n; i++) {
            ranks[i] = Arrays.binarySearch(sorted, 0, unique, values[i] + 0.0);
        }
        return ranks;
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

    /** Indexes of {@code values} in ascending order of value (ties in index order), as longs. */
    private static long[] sortedOrder(double[] values) {
        int n = values.length;
        int[] dense = dense(values);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) dense[i] << 32) | i;
        }
        Arrays.sort(keys);
        for (int i = 0; i < n; i++) {
            keys[i] = keys[i] & 0xFFFF_FFFFL;
        }
        return keys;
    }
}
