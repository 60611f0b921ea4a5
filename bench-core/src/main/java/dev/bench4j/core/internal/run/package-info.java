/**
 * The runner: dispatches a plan's cells with bounded concurrency, collects and scores their
 * results, feeds sinks, listeners and the summary, and handles cancel and deadlines.
 *
 * <p><b>Not API</b>: classes here may change without notice.
 */
package dev.bench4j.core.internal.run;
