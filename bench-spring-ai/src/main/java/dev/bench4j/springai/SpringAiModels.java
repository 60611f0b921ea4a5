package dev.bench4j.springai;

import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.springai.internal.ChatModelProviderFactory;
import org.springframework.ai.chat.model.ChatModel;

/**
 * Turns a Spring AI {@link ChatModel} a user already has (Azure OpenAI, Bedrock, Vertex AI, Mistral,
 * Anthropic, Ollama, ...) into a bench4j provider, so it runs in a plan beside bench4j's own
 * providers:
 *
 * <pre>{@code
 * ChatModel chatModel = OpenAiChatModel.builder()
 *     .openAiApi(OpenAiApi.builder().baseUrl(baseUrl).apiKey(key).build())
 *     .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o-mini").build())
 *     .retryTemplate(RetryTemplate.builder().maxAttempts(1).build())
 *     .build();
 * BenchmarkPlan plan = BenchmarkPlan.named("side-by-side")
 *     .provider(SpringAiModels.provider("sai-openai", chatModel))
 *     .model(ModelConfig.of("sai-openai", "gpt-4o-mini").withPrice(mini))
 *     .model(ModelConfig.of("openai", "gpt-4o-mini"))
 *     ...
 *     .build();
 * }</pre>
 *
 * <p>(from {@code SpringAiModelsTest}; any other ChatModel, e.g. an injected Azure OpenAI one, is
 * wrapped the same way).
 *
 * <p>The factory maps the messages (system, user, assistant), the parameters Spring AI's portable
 * {@code ChatOptions} carries (temperature, top_p, top_k, max tokens, stop sequences, frequency and
 * presence penalties), the answer's text, token usage, finish reason and model name, and Spring AI's
 * exceptions to bench4j's error kinds (so bench4j retries rate limits, server errors and timeouts,
 * after the Retry-After a {@code RestClientResponseException} carries). {@code validate} refuses at
 * {@code build()}, naming the parameter, what it cannot send: seed, reasoning effort, verbosity,
 * provider extras, streaming, a base URL or API key (the ChatModel has its own), and a model name
 * other than the ChatModel's own. Calls are blocking, so each run's provider makes them on its own
 * threads (as many as the run's concurrency), closed when the run ends; a timed-out or cancelled
 * attempt interrupts its thread. Give the ChatModel a {@code RetryTemplate} of one attempt (or set
 * {@code spring.ai.retry.max-attempts=1}): bench4j retries, and both together multiply the attempts.
 *
 * <p>Built against Spring AI 1.1 (Spring Boot 3); a Spring AI 2 model, which wants request options
 * of its own type, gets them from {@code mutate()} of its own options.
 */
public final class SpringAiModels {

    private SpringAiModels() {
    }

    /**
     * Wraps a ChatModel as the provider named {@code name}; configs name it as
     * {@code ModelConfig.of(name, model)}. The factory is not registered with ServiceLoader: pass it
     * to {@code BenchmarkPlan.Builder.provider(...)}. Answers are cacheable, and 429s lower the
     * endpoint's concurrency as for bench4j's HTTP providers; there is no price unless the config
     * sets one ({@code withPrice}).
     *
     * @param name the provider name configs use, e.g. {@code sai-azure}
     * @param model the Spring AI chat model every call of this provider goes to
     * @return the factory
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank or contains whitespace or {@code :}
     */
    public static ModelProviderFactory provider(String name, ChatModel model) {
        return new ChatModelProviderFactory(name, model);
    }
}
