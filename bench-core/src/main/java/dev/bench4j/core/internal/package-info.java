/**
 * Implementation of bench4j's core: the runner, the call pipeline stages, templating, loaders and
 * the built-in providers.
 *
 * <p><b>Not API</b>: classes here may change or disappear without notice. Use the types in
 * {@code dev.bench4j.core} and {@code dev.bench4j.core.spi}.
 */
package dev.bench4j.core.internal;
