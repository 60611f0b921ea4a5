package dev.bench4j.scoring.stats;

import dev.bench4j.scoring.stats.internal.Checks;
import dev.bench4j.scoring.stats.internal.Ranks;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Spearman's rank correlation rho, as {@code scipy.stats.spearmanr} with its defaults: the Pearson
 * correlation of the average ranks (ties share the mean of their ranks), with a two-sided p-value from
 * the t distribution with n - 2 degrees of freedom. With 2 pairs rho is ±1 and the p-value is undefined
 * (no degree of freedom; SciPy returns NaN): the result's p-value is empty.
 *
 * <pre>{@code
 * Spearman.rho(new double[] {1, 2, 3}, new double[] {1, 3, 2});   // rho 0.5, p-value 0.6666...
 * Spearman.rho(new double[] {1, 2}, new double[] {5, 4});         // rho -1, p-value empty
 * }</pre>
 */
public final class Spearman {

    private Spearman() {
    }

    /**
     * Computes rho of two paired rankings (or scores: only their order matters).
     *
     * @param x the first ranking
     * @param y the second ranking, paired with {@code x} by index
     * @return rho with its p-value (empty for 2 pairs), or empty when rho is undefined: one of the
     *     rankings is constant
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 pairs, or a value
     *     is NaN or infinite
     */
    public static Optional<Correlation> rho(double[] x, double[] y) {
        Checks.paired("x", x, "y", y, 2, "Spearman rho");
        int n = x.length;
        if (constant(x) || constant(y)) {
            return Optional.empty();
        }
        double[] rx = Ranks.average(x);
        double[] ry = Ranks.average(y);
        double mx = mean(rx);
        double my = mean(ry);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = rx[i] - mx;
            double dy = ry[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        double r = sxy / Math.sqrt(sxx) / Math.sqrt(syy);
        r = Math.min(1.0, Math.max(-1.0, r));
        if (n == 2) {
            return Optional.of(new Correlation(r, OptionalDouble.empty(), n));
        }
        int dof = n - 2;
        double p;
        if (Math.abs(r) == 1.0) {
            p = 0.0;
        } else {
            double t = r * Math.sqrt(Math.max(0.0, dof / ((r + 1.0) * (1.0 - r))));
            p = Math.min(1.0, 2 * new TDistribution(null, dof).cumulativeProbability(-Math.abs(t)));
        }
        return Optional.of(new Correlation(r, p, n));
    }

    private static boolean constant(double[] v) {
        for (double d : v) {
            if (d != v[0]) {
                return false;
            }
        }
        return true;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
