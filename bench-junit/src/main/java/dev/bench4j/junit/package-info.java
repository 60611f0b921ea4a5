/**
 * Benchmarks as JUnit 5 tests: {@link dev.bench4j.junit.BenchGate} runs a plan, stores the run under
 * {@code target/bench4j-runs} and fails the test with one line per problem when a score is below
 * its minimum, too many cells failed, the run cost too much, or a score dropped against a baseline
 * run committed under {@code src/test/resources}; {@link dev.bench4j.junit.BenchmarkTest} marks a
 * test method that gets its gates from {@link dev.bench4j.junit.Bench}, configured through JUnit's
 * configuration parameters ({@code bench4j.updateBaseline}, {@code bench4j.store}).
 *
 * <pre>{@code
 * @BenchmarkTest
 * void extractionHoldsUp(Bench bench) {
 *     bench.gate(PlanFile.load(Path.of("plan.json")).build())
 *         .baseline(Path.of("src/test/resources/baseline.json")).onlyWhenSignificant(0.05)
 *         .minScore("set_f1", 0.85).maxFailureRate(0.01).check();
 * }
 * }</pre>
 */
@NullMarked
package dev.bench4j.junit;

import org.jspecify.annotations.NullMarked;
