/**
 * The {@code bench} command-line runner: {@code bench run PLAN} runs a plan file with a live
 * progress line and prints a summary table. It drives the same public API a Java program uses.
 */
@NullMarked
package dev.bench4j.examples.cli;

import org.jspecify.annotations.NullMarked;
