package dev.bench4j.providers.anthropic.internal;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.providers.internal.http.ChatApi;
import dev.bench4j.providers.internal.http.HttpProviderFactory;
import java.util.List;

/**
 * The implementation behind the public {@code AnthropicProviderFactory}: the {@code anthropic}
 * name, the Messages API wire format ({@link MessagesApi}) and its parameter rules
 * ({@link ParameterRules}).
 */
public final class MessagesProviderFactory extends HttpProviderFactory {

    /**
     * Creates the factory.
     */
    public MessagesProviderFactory() {
    }

    @Override
    public String name() {
        return MessagesApi.NAME;
    }

    @Override
    protected ChatApi api() {
        return new MessagesApi();
    }

    @Override
    protected List<String> refused(ModelConfig config) {
        return ParameterRules.refused(config);
    }
}
