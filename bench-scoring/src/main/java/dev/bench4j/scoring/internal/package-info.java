/**
 * Implementation of the scorers in {@code dev.bench4j.scoring} and their
 * {@link dev.bench4j.core.spi.ScorerFactory}s.
 *
 * <p><b>Not API</b>: classes here may change or disappear without notice. Use
 * {@code dev.bench4j.scoring.Scorers}, or the scorer types in a plan file.
 */
package dev.bench4j.scoring.internal;
