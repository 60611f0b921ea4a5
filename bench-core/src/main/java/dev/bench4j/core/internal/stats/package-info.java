/**
 * The interval arithmetic behind a run's {@link dev.bench4j.core.Summary}: Wilson, clamped t and
 * order-statistic intervals.
 *
 * <p><b>Not API</b>: classes here may change without notice.
 */
package dev.bench4j.core.internal.stats;
