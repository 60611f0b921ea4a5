/**
 * bench4j's HTTP model providers: OpenAI (and xAI and any OpenAI-compatible server), Ollama,
 * Gemini and Anthropic, and an OpenAI token counter for cost estimates.
 *
 * <p>The factories are {@link java.util.ServiceLoader} services of {@code dev.bench4j.core}, so a
 * consumer that writes only {@code requires dev.bench4j.core;} gets them by service binding when
 * this module is on the module path; name a provider in a {@code ModelConfig}
 * ({@code ModelConfig.of("openai", "gpt-4o-mini")}). Each provider's public package holds its
 * factory, for an application that registers one explicitly with
 * {@code BenchmarkPlan.Builder.provider(...)}: {@link dev.bench4j.providers.openai},
 * {@link dev.bench4j.providers.anthropic}, {@link dev.bench4j.providers.gemini} and
 * {@link dev.bench4j.providers.ollama}. The wire formats and the HTTP transport are internal.
 */
@SuppressWarnings("requires-automatic") // httpclient5 and jtokkit are automatic modules
module dev.bench4j.providers {
    exports dev.bench4j.providers.openai;
    exports dev.bench4j.providers.anthropic;
    exports dev.bench4j.providers.gemini;
    exports dev.bench4j.providers.ollama;

    requires transitive dev.bench4j.core;
    requires static transitive org.jspecify;

    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires org.apache.httpcomponents.core5.httpcore5.h2;
    requires jtokkit;
    // httpcore5 sets TCP keep-alive options through jdk.net.Sockets; as an automatic module it
    // declares nothing, and jdk.net is not in the boot layer unless a module requires it
    requires jdk.net;

    provides dev.bench4j.core.spi.ModelProviderFactory with
            dev.bench4j.providers.openai.OpenAiProviderFactory,
            dev.bench4j.providers.openai.XaiProviderFactory,
            dev.bench4j.providers.openai.OpenAiCompatibleProviderFactory,
            dev.bench4j.providers.ollama.OllamaProviderFactory,
            dev.bench4j.providers.gemini.GeminiProviderFactory,
            dev.bench4j.providers.anthropic.AnthropicProviderFactory;
    provides dev.bench4j.core.spi.TokenCounterFactory with
            dev.bench4j.providers.openai.OpenAiTokenCounterFactory;
}
