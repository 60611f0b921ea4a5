/**
 * The {@code anthropic} provider (Anthropic's Messages API):
 * {@link dev.bench4j.providers.anthropic.AnthropicProviderFactory}, found with
 * {@link java.util.ServiceLoader}; name it in a {@code ModelConfig}, or pass it to
 * {@code BenchmarkPlan.Builder.provider(...)} where ServiceLoader cannot see it (shaded jars, Spring,
 * tests).
 *
 * <p>Nothing here accepts or returns {@code null}. The wire format lives in
 * {@code dev.bench4j.providers.anthropic.internal}, which is not API.
 */
@NullMarked
package dev.bench4j.providers.anthropic;

import org.jspecify.annotations.NullMarked;
