package dev.bench4j.providers.openai;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.spi.TokenCounter;
import dev.bench4j.core.spi.TokenCounterFactory;
import dev.bench4j.providers.openai.internal.TiktokenCounter;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts the input tokens of {@code openai} models exactly for a dry run
 * ({@code BenchmarkPlan.estimate()}, {@code bench run --dry-run}), with OpenAI's own encodings
 * through JTokkit: {@code o200k_base} for gpt-4o, gpt-4.1, gpt-4.5, gpt-5 and the o-series,
 * {@code cl100k_base} for gpt-4 and gpt-3.5-turbo. The text is counted exactly; the chat format's
 * framing (3 tokens per message and 3 for the reply) follows OpenAI's cookbook, which checks it
 * against the API for gpt-3.5-turbo, gpt-4, gpt-4o and gpt-4o-mini and calls it an estimate
 * elsewhere. A newer {@code gpt-} family is counted with {@code o200k_base} and reported as an
 * estimate; any other model (and every other provider) is left to bench4j's estimate.
 *
 * <p>{@link java.util.ServiceLoader} finds it when bench-providers is on the class path. The
 * encodings are loaded on first use (a few hundred milliseconds for {@code o200k_base}).
 *
 * <pre>{@code
 * new OpenAiTokenCounterFactory().counterFor("openai", ModelConfig.of("openai", "gpt-4o-mini"))
 *     .orElseThrow().count(List.of(Message.user("tiktoken is great!")));   // 3 + 1 + 6 + 3 = 13
 * }</pre>
 */
public final class OpenAiTokenCounterFactory implements TokenCounterFactory {

    private final EncodingRegistry registry = Encodings.newLazyEncodingRegistry();

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public OpenAiTokenCounterFactory() {
        // the encodings load when a counter first needs them
    }

    /**
     * Returns a counter for an {@code openai} config whose model is an OpenAI chat model.
     *
     * @param provider the serving provider's name; only {@code openai} is counted
     * @param config the model config
     * @return the counter, or empty for another provider or a model name it does not know
     * @throws NullPointerException if an argument is {@code null}
     */
    @Override
    public Optional<TokenCounter> counterFor(String provider, ModelConfig config) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(config, "config");
        if (!provider.equals("openai")) {
            return Optional.empty();
        }
        return TiktokenCounter.forModel(registry, config.model()).map(TokenCounter.class::cast);
    }

    @Override
    public String toString() {
        return "OpenAiTokenCounterFactory";
    }
}
