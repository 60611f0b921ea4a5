package dev.bench4j.perf;

import dev.bench4j.scoring.stats.Alpha;
import dev.bench4j.scoring.stats.FleissKappa;
import dev.bench4j.scoring.stats.Kappa;
import dev.bench4j.scoring.stats.Krippendorff;
import dev.bench4j.scoring.stats.Krippendorff.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the agreement coefficients of issue 14 on 10 raters × 100,000 units (target: under
 * 1 s for Krippendorff's alpha): alpha for ratings 1..5 with 10% of them missing, per metric; interval
 * and ordinal alpha for real-valued ratings (about 900,000 distinct values: the ordinal metric's worst
 * case, a sort of them all); Fleiss' kappa from the per-item labels of 10 raters.
 *
 * <pre>java -jar bench-perf/target/bench-perf.jar AgreementBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AgreementBenchmark {

    private static final int RATERS = 10;
    private static final int UNITS = 100_000;

    private double[][] levels;
    private double[][] continuous;
    private List<List<String>> labels;

    /** Draws the ratings once. */
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(14);
        levels = new double[RATERS][UNITS];
        continuous = new double[RATERS][UNITS];
        labels = new ArrayList<>(UNITS);
        for (int u = 0; u < UNITS; u++) {
            int truth = 1 + random.nextInt(5);
            double value = random.nextDouble() * 10;
            List<String> item = new ArrayList<>(RATERS);
            for (int r = 0; r < RATERS; r++) {
                int rating = Math.max(1, Math.min(5, truth + random.nextInt(3) - 1));
                item.add("label" + rating);
                boolean missing = random.nextDouble() < 0.1;
                levels[r][u] = missing ? Double.NaN : rating;
                continuous[r][u] = missing ? Double.NaN : value + random.nextGaussian();
            }
            labels.add(item);
        }
    }

    /** @return nominal alpha of 10 raters × 100,000 units, ratings 1..5, 10% missing */
    @Benchmark
    public Optional<Alpha> krippendorffNominal() {
        return Krippendorff.alpha(levels, Metric.NOMINAL);
    }

    /** @return ordinal alpha of the same ratings */
    @Benchmark
    public Optional<Alpha> krippendorffOrdinal() {
        return Krippendorff.alpha(levels, Metric.ORDINAL);
    }

    /** @return interval alpha of the same ratings */
    @Benchmark
    public Optional<Alpha> krippendorffInterval() {
        return Krippendorff.alpha(levels, Metric.INTERVAL);
    }

    /** @return interval alpha of 10 raters × 100,000 units of real-valued ratings (about 900,000 distinct) */
    @Benchmark
    public Optional<Alpha> krippendorffIntervalRealValued() {
        return Krippendorff.alpha(continuous, Metric.INTERVAL);
    }

    /** @return ordinal alpha of the real-valued ratings (a sort of about 900,000 distinct values) */
    @Benchmark
    public Optional<Alpha> krippendorffOrdinalRealValued() {
        return Krippendorff.alpha(continuous, Metric.ORDINAL);
    }

    /** @return Fleiss' kappa of 10 raters' labels on 100,000 items */
    @Benchmark
    public Optional<Kappa> fleissLabels() {
        return FleissKappa.ofLabels(labels);
    }
}
