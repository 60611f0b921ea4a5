/**
 * Runnable, self-contained examples of bench4j (numbered, each with comments), and the
 * {@code bench} command-line runner in {@link dev.bench4j.examples.cli}.
 */
@NullMarked
package dev.bench4j.examples;

import org.jspecify.annotations.NullMarked;
