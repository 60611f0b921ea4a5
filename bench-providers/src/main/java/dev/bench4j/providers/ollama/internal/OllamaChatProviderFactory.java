package dev.bench4j.providers.ollama.internal;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.providers.internal.http.BaseUrl;
import dev.bench4j.providers.internal.http.ChatApi;
import dev.bench4j.providers.internal.http.HttpProviderFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The implementation behind the public {@code OllamaProviderFactory}: the {@code ollama} name,
 * Ollama's native chat API ({@link OllamaChatApi}), the check of Ollama options
 * ({@link OllamaOptions}) and of the base URL, and the free price of a local server.
 */
public final class OllamaChatProviderFactory extends HttpProviderFactory {

    /**
     * Creates the factory.
     */
    public OllamaChatProviderFactory() {
    }

    @Override
    public String name() {
        return "ollama";
    }

    /**
     * Checks a config before any call: a valid base URL of the native API (not {@code /v1} or
     * {@code /api}), and every extra a known Ollama option or request field of the right type.
     *
     * @param config an {@code ollama} config
     * @param baseDirectory unused
     * @throws IllegalArgumentException naming the model and each parameter that cannot be sent
     */
    @Override
    public void validate(ModelConfig config, Path baseDirectory) {
        super.validate(config, baseDirectory);
        checkNativePath(config);
    }

    /** Refuses a base URL ending in {@code /v1} or {@code /api}: the provider adds {@code /api/chat} itself. */
    private static void checkNativePath(ModelConfig config) {
        Optional<String> url = config.endpoint().baseUrl();
        if (url.isEmpty()) {
            return;
        }
        String path = Optional.ofNullable(URI.create(url.get()).getPath()).orElse("");
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/v1") || path.endsWith("/api")) {
            throw new IllegalArgumentException("model '" + config.id() + "': base_url '" + url.get() + "' ends in "
                    + path.substring(path.lastIndexOf('/')) + ", but provider 'ollama' speaks Ollama's native API and adds"
                    + " /api/chat itself; give the server's root (e.g. " + OllamaChatApi.DEFAULT_BASE_URL + "), or use"
                    + " provider 'openai-compatible' for the /v1 API");
        }
    }

    /**
     * Returns {@link Price#FREE} for the default {@code localhost} or a server on this machine or a
     * private network, empty for a remote one.
     *
     * @param config an {@code ollama} config
     * @return the free price, or empty for a remote server
     */
    @Override
    public Optional<Price> price(ModelConfig config) {
        return config.endpoint().baseUrl().isEmpty() || BaseUrl.isLocal(config) ? Optional.of(Price.FREE) : Optional.empty();
    }

    @Override
    protected ChatApi api() {
        return new OllamaChatApi();
    }

    @Override
    protected List<String> refused(ModelConfig config) {
        return OllamaOptions.refused(config);
    }
}
