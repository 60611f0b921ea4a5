/**
 * Benchmarks of bench4j itself: {@link dev.bench4j.perf.Throughput} runs the end-to-end scenarios
 * whose figures go into {@code docs/PERFORMANCE.md}; the JMH benchmarks time the hot pieces.
 */
package dev.bench4j.perf;
