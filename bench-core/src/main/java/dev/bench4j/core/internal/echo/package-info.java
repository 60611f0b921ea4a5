/**
 * The {@code echo} provider: answers with the rendered last user message, for tests, demos and
 * benchmarks of bench4j itself.
 *
 * <p><b>Not API</b>: configure it through {@code ModelConfig.of("echo", ...)} and its params.
 */
package dev.bench4j.core.internal.echo;
