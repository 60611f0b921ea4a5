/**
 * The Chat Completions providers and OpenAI Batch files:
 * {@link dev.bench4j.providers.openai.OpenAiProviderFactory} ({@code openai}),
 * {@link dev.bench4j.providers.openai.XaiProviderFactory} ({@code xai}, alias {@code grok}) and
 * {@link dev.bench4j.providers.openai.OpenAiCompatibleProviderFactory} ({@code openai-compatible}:
 * vLLM, llama.cpp server, LM Studio, OpenRouter, Groq, ...) are found with
 * {@link java.util.ServiceLoader}; name them in a {@code ModelConfig}, or pass one to
 * {@code BenchmarkPlan.Builder.provider(...)} where ServiceLoader cannot see them (shaded jars,
 * Spring, tests). {@link dev.bench4j.providers.openai.OpenAiBatch} writes a plan's cells as an
 * OpenAI Batch input file (which vLLM's {@code run_batch} also reads) and imports the batch's output
 * file as a run.
 *
 * <p>Nothing here accepts or returns {@code null}. The wire format lives in
 * {@code dev.bench4j.providers.openai.internal}, which is not API.
 */
@NullMarked
package dev.bench4j.providers.openai;

import org.jspecify.annotations.NullMarked;
