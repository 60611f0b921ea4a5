/**
 * bench4j's HTTP model providers: this package holds no types, only this overview of the module.
 * Each provider is found with {@link java.util.ServiceLoader} when this jar is on the class path;
 * use it by name in a {@code ModelConfig}:
 *
 * <pre>{@code
 * ModelConfig.of("openai", "gpt-4o-mini")                     // OPENAI_API_KEY
 * ModelConfig.of("xai", "grok-4")                             // XAI_API_KEY or GROK_API_KEY
 * ModelConfig.of("openai-compatible", "Qwen/Qwen3-8B").withBaseUrl("http://localhost:8000/v1")
 * ModelConfig.of("ollama", "llama3.2")                        // http://localhost:11434
 * ModelConfig.of("gemini", "gemini-2.5-flash")                // GEMINI_API_KEY or GOOGLE_API_KEY
 * ModelConfig.of("anthropic", "claude-sonnet-4-5").withMaxOutputTokens(1024)  // ANTHROPIC_API_KEY
 * }</pre>
 *
 * <p>Each provider has a public package with its factory, for an application that registers it
 * explicitly with {@code BenchmarkPlan.Builder.provider(...)} (shaded jars, Spring, tests):
 * <ul>
 *   <li>{@link dev.bench4j.providers.openai}: {@code OpenAiProviderFactory},
 *       {@code XaiProviderFactory}, {@code OpenAiCompatibleProviderFactory}, and
 *       {@code OpenAiBatch}, which writes a plan's cells as an OpenAI Batch input file and imports
 *       the batch's output file as a run;</li>
 *   <li>{@link dev.bench4j.providers.anthropic}: {@code AnthropicProviderFactory};</li>
 *   <li>{@link dev.bench4j.providers.gemini}: {@code GeminiProviderFactory};</li>
 *   <li>{@link dev.bench4j.providers.ollama}: {@code OllamaProviderFactory}.</li>
 * </ul>
 *
 * <p>The wire formats live in {@code internal} packages below each ({@code ...openai.internal}, ...)
 * and the shared HTTP transport in {@code dev.bench4j.providers.internal.http}; none of them is API.
 * List an endpoint's models with {@link dev.bench4j.core.ModelCatalog}.
 */
package dev.bench4j.providers;
