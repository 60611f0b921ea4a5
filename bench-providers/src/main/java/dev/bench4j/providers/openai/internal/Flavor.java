package dev.bench4j.providers.openai.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What differs between servers that speak Chat Completions: name, default base URL, where the key
 * comes from, and which field carries the output token limit.
 *
 * @param name the provider name
 * @param defaultBaseUrl the base URL when the config names none
 * @param keyVariables environment variables the key is read from
 * @param maxTokensField {@code max_completion_tokens} (OpenAI, xAI) or {@code max_tokens} (most
 *     compatible servers)
 * @param reasoningOutsideCompletion whether {@code completion_tokens} leaves reasoning tokens out
 *     (xAI: total = prompt + completion + reasoning), so output tokens are their sum
 */
record Flavor(String name, Optional<String> defaultBaseUrl, List<String> keyVariables,
        String maxTokensField, boolean reasoningOutsideCompletion) {

    static final Flavor OPENAI = new Flavor("openai", Optional.of("https://api.openai.com/v1"),
            List.of("OPENAI_API_KEY"), "max_completion_tokens", false);
    static final Flavor XAI = new Flavor("xai", Optional.of("https://api.x.ai/v1"),
            List.of("XAI_API_KEY", "GROK_API_KEY"), "max_completion_tokens", true);
    static final Flavor COMPATIBLE = new Flavor("openai-compatible", Optional.empty(), List.of(), "max_tokens", false);

    /**
     * Finds the flavor a provider name (or alias, {@code grok}) stands for, ignoring case as the
     * provider registry does.
     *
     * @param provider a provider name
     * @return the flavor, or empty when the provider does not speak Chat Completions
     */
    static Optional<Flavor> forProvider(String provider) {
        switch (provider.toLowerCase(Locale.ROOT)) {
            case "openai":
                return Optional.of(OPENAI);
            case "xai":
            case "grok":
                return Optional.of(XAI);
            case "openai-compatible":
                return Optional.of(COMPATIBLE);
            default:
                return Optional.empty();
        }
    }
}
