/**
 * Scorers for bench4j: compare a model's output with a trial's expected answer. Start from
 * {@link dev.bench4j.scoring.Scorers}; tune text comparison with
 * {@link dev.bench4j.scoring.Normalization} and set extraction with
 * {@link dev.bench4j.scoring.SetF1Options}.
 *
 * <p>Plan files name the same scorers by type ({@code exact}, {@code contains},
 * {@code contains_all}, {@code contains_any}, {@code set_f1}); this jar registers their
 * {@link dev.bench4j.core.spi.ScorerFactory}s with {@link java.util.ServiceLoader}.
 *
 * <p>Every type here is immutable, and the package is {@code @NullMarked}: absent values are
 * {@link java.util.Optional}s. A {@code null} argument gets a {@link java.lang.NullPointerException}
 * naming the parameter; a bad value an {@link java.lang.IllegalArgumentException} saying what was
 * expected and what came. A scorer never throws for a result it cannot score: it returns a
 * {@link dev.bench4j.core.Score#error} saying why.
 */
@NullMarked
package dev.bench4j.scoring;

import org.jspecify.annotations.NullMarked;
