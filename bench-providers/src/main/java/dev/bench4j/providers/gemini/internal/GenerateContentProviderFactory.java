package dev.bench4j.providers.gemini.internal;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.providers.internal.http.ChatApi;
import dev.bench4j.providers.internal.http.HttpProviderFactory;
import java.util.List;
import java.util.Set;

/**
 * The implementation behind the public {@code GeminiProviderFactory}: the {@code gemini} name and
 * its alias {@code google}, the {@code generateContent} wire format ({@link GeminiApi}) and its
 * parameter rules ({@link GeminiRules}).
 */
public final class GenerateContentProviderFactory extends HttpProviderFactory {

    /**
     * Creates the factory.
     */
    public GenerateContentProviderFactory() {
    }

    @Override
    public String name() {
        return GeminiApi.NAME;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("google");
    }

    @Override
    protected ChatApi api() {
        return new GeminiApi();
    }

    @Override
    protected List<String> refused(ModelConfig config) {
        return GeminiRules.refused(config);
    }
}
