package dev.bench4j.langchain4j;

import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.langchain4j.internal.ChatModelProviderFactory;
import dev.langchain4j.model.chat.ChatModel;

/**
 * Turns a LangChain4j {@link ChatModel} a user already has (Azure OpenAI, Bedrock, Vertex AI,
 * Mistral, ...) into a bench4j provider, so it runs in a plan beside bench4j's own providers:
 *
 * <pre>{@code
 * ChatModel chatModel = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(key).modelName("gpt-4o-mini")
 *     .maxRetries(0).build();
 * BenchmarkPlan plan = BenchmarkPlan.named("side-by-side")
 *     .provider(LangChain4jModels.provider("lc4j-openai", chatModel))
 *     .model(ModelConfig.of("lc4j-openai", "gpt-4o-mini").withPrice(mini))
 *     .model(ModelConfig.of("openai", "gpt-4o-mini"))
 *     ...
 *     .build();
 * }</pre>
 *
 * <p>(from {@code LangChain4jModelsTest}; any other ChatModel, e.g. Azure OpenAI's, is wrapped the
 * same way).
 *
 * <p>The factory maps the messages (system, user, assistant), the parameters LangChain4j's
 * {@code ChatRequestParameters} carries (temperature, top_p, top_k, max output tokens, stop
 * sequences, frequency and presence penalties), the answer's text, token usage, finish reason and
 * model name, and LangChain4j's exceptions to bench4j's error kinds (so bench4j retries rate limits,
 * server errors and timeouts). {@code validate} refuses at {@code build()}, naming the parameter,
 * what it cannot send: seed, reasoning effort, verbosity, provider extras, streaming, a base URL or
 * API key (the ChatModel has its own), and a model name other than the ChatModel's own. Calls are
 * blocking in LangChain4j, so each run's provider makes them on its own threads (as many as the
 * run's concurrency), closed when the run ends; a timed-out or cancelled attempt interrupts its
 * thread. Build the ChatModel with its own retries off ({@code maxRetries(0)}): bench4j retries, and
 * both together multiply the attempts.
 */
public final class LangChain4jModels {

    private LangChain4jModels() {
    }

    /**
     * Wraps a ChatModel as the provider named {@code name}; configs name it as
     * {@code ModelConfig.of(name, model)}. The factory is not registered with ServiceLoader: pass it
     * to {@code BenchmarkPlan.Builder.provider(...)}. Answers are cacheable, and 429s lower the
     * endpoint's concurrency as for bench4j's HTTP providers; there is no price unless the config
     * sets one ({@code withPrice}).
     *
     * @param name the provider name configs use, e.g. {@code lc4j-azure}
     * @param model the LangChain4j chat model every call of this provider goes to
     * @return the factory
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank or contains whitespace or {@code :}
     */
    public static ModelProviderFactory provider(String name, ChatModel model) {
        return new ChatModelProviderFactory(name, model);
    }
}
