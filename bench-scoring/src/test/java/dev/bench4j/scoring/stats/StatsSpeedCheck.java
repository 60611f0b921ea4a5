package dev.bench4j.scoring.stats;

import java.util.SplittableRandom;

/** Times Kendall tau-b for n = 1,000,000 random pairs with ties (target: under 1 s). Not a test. */
public final class StatsSpeedCheck {

    private StatsSpeedCheck() {
    }

    /**
     * Runs the check.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        int n = 1_000_000;
        SplittableRandom r = new SplittableRandom(1);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(100_000);
            y[i] = x[i] + r.nextInt(50_000);
        }
        for (int run = 1; run <= 5; run++) {
            long t0 = System.nanoTime();
            Correlation c = Kendall.tauB(x, y).orElseThrow();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("run %d: Kendall tau-b n=%,d: %d ms (tau=%.6f, p=%.3g)%n", run, n, ms, c.coefficient(), c.pValue().orElse(Double.NaN));
        }
    }
}
