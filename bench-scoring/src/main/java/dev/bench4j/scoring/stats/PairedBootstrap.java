package dev.bench4j.scoring.stats;

import dev.bench4j.scoring.stats.internal.Checks;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Seeded paired bootstrap for comparing two configurations on the same trials: the difference of
 * means with a percentile interval and a normal-approximation interval.
 *
 * <pre>{@code
 * BootstrapEstimate e = PairedBootstrap.of(a, b, 42, 10_000);
 * e.observed();            // mean(a) - mean(b)
 * e.percentile();          // 2.5th to 97.5th percentile of the resampled means
 * e.normal();              // observed ± 1.96 · e.standardError()
 * }</pre>
 */
public final class PairedBootstrap {

    private static final double CONFIDENCE = 0.95;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private PairedBootstrap() {
    }

    /**
     * The difference of means {@code mean(a) - mean(b)} with a 95% percentile bootstrap interval: the
     * {@link BootstrapEstimate#percentile()} of {@link #of(double[], double[], long, int)} with the
     * same arguments.
     *
     * <p>Each iteration resamples the trials (pairs {@code (a[i], b[i])}) with replacement and takes
     * the mean of the paired differences; the interval runs from the 2.5th to the 97.5th percentile of
     * those means (linear interpolation between order statistics, as NumPy's default). The same
     * inputs, seed and iterations give the same result.
     *
     * @param a the first configuration's scores
     * @param b the second configuration's scores, paired with {@code a} by index
     * @param seed the seed of the {@link SplittableRandom} that draws the resamples
     * @param iterations the number of resamples, at least 100 (1,000 to 10,000 is usual)
     * @return the observed difference of means with its interval
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 pairs, a value
     *     is NaN or infinite, or {@code iterations < 100}
     */
    public static Estimate meanDifference(double[] a, double[] b, long seed, int iterations) {
        BootstrapEstimate e = of(a, b, seed, iterations);
        return new Estimate(e.observed(), e.percentile());
    }

    /**
     * The difference of means {@code mean(a) - mean(b)} with its 95% percentile and normal bootstrap
     * intervals and the bootstrap standard error.
     *
     * @param a the first configuration's scores
     * @param b the second configuration's scores, paired with {@code a} by index
     * @param seed the seed of the {@link SplittableRandom} that draws the resamples
     * @param iterations the number of resamples, at least 100 (1,000 to 10,000 is usual)
     * @return the observed difference, both intervals and the standard error
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 pairs, a value
     *     is NaN or infinite, or {@code iterations < 100}
     * @see #of(double[], double[], long, int, double)
     */
    public static BootstrapEstimate of(double[] a, double[] b, long seed, int iterations) {
        return of(a, b, seed, iterations, CONFIDENCE);
    }

    /**
     * The difference of means {@code mean(a) - mean(b)} with its percentile and normal bootstrap
     * intervals at a confidence level, and the bootstrap standard error.
     *
     * <p>Each iteration resamples the pairs {@code (a[i], b[i])} with replacement and takes the mean of
     * the paired differences. The percentile interval runs from the {@code (1 − c)/2} to the {@code (1
     * + c)/2} quantile of those means (linear interpolation between order statistics, NumPy's
     * default); the standard error is their standard deviation (n − 1 in the denominator, as SciPy's
     * {@code bootstrap}); the normal interval is {@code observed ± z_{(1+c)/2} · standardError}, which
     * is symmetric about the observed difference (the percentile interval need not be). The same
     * inputs, seed, iterations and level give the same result; the resamples do not depend on the
     * level.
     *
     * @param a the first configuration's scores
     * @param b the second configuration's scores, paired with {@code a} by index
     * @param seed the seed of the {@link SplittableRandom} that draws the resamples
     * @param iterations the number of resamples, at least 100 (1,000 to 10,000 is usual)
     * @param confidence the confidence level of both intervals, in (0, 1)
     * @return the observed difference, both intervals and the standard error
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 pairs, a value
     *     is NaN or infinite, {@code iterations < 100} or the level is not in (0, 1)
     */
    public static BootstrapEstimate of(double[] a, double[] b, long seed, int iterations, double confidence) {
        Checks.paired("a", a, "b", b, 2, "the paired bootstrap");
        if (iterations < 100) {
            throw new IllegalArgumentException("iterations must be at least 100, was " + iterations);
        }
        Checks.confidence(confidence);
        int n = a.length;
        double[] d = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            d[i] = a[i] - b[i];
            sum += d[i];
        }
        double observed = sum / n;
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[iterations];
        double total = 0;
        for (int r = 0; r < iterations; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += d[random.nextInt(n)];
            }
            means[r] = s / n;
            total += means[r];
        }
        double center = total / iterations;
        double squares = 0;
        for (double m : means) {
            squares += (m - center) * (m - center);
        }
        double se = Math.sqrt(squares / (iterations - 1));
        Arrays.sort(means);
        double low = percentile(means, (1 - confidence) / 2);
        double high = percentile(means, 1 - (1 - confidence) / 2);
        double half = NORMAL.inverseCumulativeProbability(0.5 + 0.5 * confidence) * se;
        return new BootstrapEstimate(observed, new Interval(low, high, confidence),
                new Interval(observed - half, observed + half, confidence), se, iterations);
    }

    private static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
