/**
 * The {@code ollama} provider (Ollama's native API):
 * {@link dev.bench4j.providers.ollama.OllamaProviderFactory}, found with
 * {@link java.util.ServiceLoader}; name it in a {@code ModelConfig}, or pass it to
 * {@code BenchmarkPlan.Builder.provider(...)} where ServiceLoader cannot see it (shaded jars, Spring,
 * tests). Ollama options ({@code num_ctx}, {@code think}, {@code keep_alive}, ...) are set as
 * provider params on the config, e.g. {@code ModelConfig.of("ollama", "llama3.2").withParam("num_ctx",
 * 8192)}; there is no options type to build.
 *
 * <p>Nothing here accepts or returns {@code null}. The wire format lives in
 * {@code dev.bench4j.providers.ollama.internal}, which is not API.
 */
@NullMarked
package dev.bench4j.providers.ollama;

import org.jspecify.annotations.NullMarked;
