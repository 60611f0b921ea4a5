package dev.bench4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test method that runs a benchmark: it is a {@link Test}, tagged {@code benchmark}
 * (so a build can include or exclude benchmarks, e.g. Surefire's {@code -Dgroups=benchmark}), and
 * may take a {@link Bench} parameter that makes gates configured by the test run's configuration
 * parameters ({@code -Dbench4j.updateBaseline=true} rewrites baselines, {@code bench4j.store}
 * names the store folder).
 *
 * <pre>{@code
 * @BenchmarkTest
 * void quickstartHoldsUp(Bench bench) {
 *     bench.gate(plan).baseline(Path.of("src/test/resources/baseline.json")).minScore("set_f1", 0.85).check();
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@Tag("benchmark")
@ExtendWith(BenchExtension.class)
public @interface BenchmarkTest {
}
