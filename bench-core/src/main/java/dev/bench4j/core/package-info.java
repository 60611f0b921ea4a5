/**
 * The public API of bench4j: describe a benchmark with {@link dev.bench4j.core.BenchmarkPlan},
 * run it, and read its {@link dev.bench4j.core.Run}, {@link dev.bench4j.core.Result}s and
 * {@link dev.bench4j.core.Summary}.
 *
 * <p>Every type here is immutable unless documented otherwise, and the package is
 * {@code @NullMarked}: absent values are {@link java.util.Optional}s, absent collections are empty.
 * A {@code null} argument gets a {@link java.lang.NullPointerException} naming the parameter; a
 * bad value an {@link java.lang.IllegalArgumentException} saying what was expected and what came.
 */
@NullMarked
package dev.bench4j.core;

import org.jspecify.annotations.NullMarked;
