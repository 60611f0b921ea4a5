package dev.bench4j.perf;

import dev.bench4j.scoring.stats.Correlation;
import dev.bench4j.scoring.stats.Kendall;
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
 * JMH benchmark of Kendall's tau-b (and tau-c) on 1,000,000 pairs (target: under 1 s): random doubles
 * without ties, and integer scores with many ties (x in 0..99,999, y = x plus 0..49,999).
 *
 * <pre>java -jar bench-perf/target/bench-perf.jar KendallBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KendallBenchmark {

    private static final int N = 1_000_000;

    private double[] untiedX;
    private double[] untiedY;
    private double[] tiedX;
    private double[] tiedY;

    /** Draws the pairs once, seeded. */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(14);
        untiedX = new double[N];
        untiedY = new double[N];
        tiedX = new double[N];
        tiedY = new double[N];
        for (int i = 0; i < N; i++) {
            untiedX[i] = r.nextDouble();
            untiedY[i] = untiedX[i] + r.nextDouble();
            tiedX[i] = r.nextInt(100_000);
            tiedY[i] = tiedX[i] + r.nextInt(50_000);
        }
    }

    /** @return tau-b of 1,000,000 random doubles without ties */
    @Benchmark
    public Optional<Correlation> tauBUntied() {
        return Kendall.tauB(untiedX, untiedY);
    }

    /** @return tau-b of 1,000,000 integer scores with many ties */
    @Benchmark
    public Optional<Correlation> tauBTied() {
        return Kendall.tauB(tiedX, tiedY);
    }

    /** @return tau-c of 1,000,000 random doubles without ties */
    @Benchmark
    public Optional<Correlation> tauCUntied() {
        return Kendall.tauC(untiedX, untiedY);
    }
}
