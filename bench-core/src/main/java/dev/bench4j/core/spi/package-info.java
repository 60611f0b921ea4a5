/**
 * What a provider, scorer or result-sink author implements, discovered with
 * {@link java.util.ServiceLoader} (a jar on the class path adds one with no code change here).
 *
 * <p>A provider only translates a {@link dev.bench4j.core.spi.ModelRequest} into its wire format
 * and the answer back into a {@link dev.bench4j.core.spi.ModelResponse}; it never retries, caches,
 * rate-limits or sleeps: the call pipeline does that for every provider alike. It reports failure
 * by completing exceptionally with a {@link dev.bench4j.core.spi.CallException}.
 */
@NullMarked
package dev.bench4j.core.spi;

import org.jspecify.annotations.NullMarked;
