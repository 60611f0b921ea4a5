/**
 * The dry run's estimate: counting the tokens of every rendered request and pricing them.
 *
 * <p><b>Not API</b>: classes here may change or disappear without notice. Use
 * {@link dev.bench4j.core.BenchmarkPlan#estimate()} and {@link dev.bench4j.core.spi.TokenCounter}.
 */
@NullMarked
package dev.bench4j.core.internal.estimate;

import org.jspecify.annotations.NullMarked;
