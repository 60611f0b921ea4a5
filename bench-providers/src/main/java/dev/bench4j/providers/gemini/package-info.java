/**
 * The {@code gemini} provider, alias {@code google} (Google's Gemini API):
 * {@link dev.bench4j.providers.gemini.GeminiProviderFactory}, found with
 * {@link java.util.ServiceLoader}; name it in a {@code ModelConfig}, or pass it to
 * {@code BenchmarkPlan.Builder.provider(...)} where ServiceLoader cannot see it (shaded jars, Spring,
 * tests).
 *
 * <p>Nothing here accepts or returns {@code null}. The wire format lives in
 * {@code dev.bench4j.providers.gemini.internal}, which is not API.
 */
@NullMarked
package dev.bench4j.providers.gemini;

import org.jspecify.annotations.NullMarked;
