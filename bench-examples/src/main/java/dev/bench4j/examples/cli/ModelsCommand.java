package dev.bench4j.examples.cli;

import dev.bench4j.core.ModelCatalog;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.ModelInfo;
import dev.bench4j.core.spi.CallException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench models PROVIDER}: lists the models an endpoint offers (OpenAI-compatible
 * {@code /models}, Ollama {@code /api/tags}, Gemini and Anthropic {@code /models}), one per line:
 * id, then the display name and creation date when the provider gives them. Exit code 0 when
 * listed, 1 when the endpoint failed, 2 on bad input (unknown provider, one that cannot list).
 */
@Command(name = "models", description = "List the models a provider's endpoint offers.", mixinStandardHelpOptions = true)
final class ModelsCommand implements Callable<Integer> {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Parameters(index = "0", paramLabel = "PROVIDER", description = "e.g. openai, ollama, gemini, anthropic, openai-compatible")
    String provider;

    @Option(names = "--base-url", paramLabel = "URL", description = "the endpoint (required for openai-compatible)")
    String baseUrl;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "the environment variable holding the API key")
    String apiKeyEnv;

    private final Bench.Io io;
    private final Supplier<ModelCatalog> catalog;

    ModelsCommand(Bench.Io io, Supplier<ModelCatalog> catalog) {
        this.io = io;
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        ModelConfig endpoint;
        try {
            endpoint = ModelConfig.of(provider, "models");
            if (baseUrl != null) {
                endpoint = endpoint.withBaseUrl(baseUrl);
            }
            if (apiKeyEnv != null) {
                endpoint = endpoint.withApiKeyEnv(apiKeyEnv);
            }
        } catch (IllegalArgumentException e) {
            throw new Bench.UsageException(e.getMessage());
        }
        List<ModelInfo> models;
        try {
            models = catalog.get().list(endpoint);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new Bench.UsageException(e.getMessage());
        } catch (CallException e) {
            io.err().println("bench: " + Terminal.cleanLines(e.getMessage()));
            return 1;
        }
        for (ModelInfo m : models) {
            StringBuilder line = new StringBuilder(Terminal.clean(m.id()));
            m.displayName().filter(n -> !n.equals(m.id())).ifPresent(n -> line.append("  ").append(Terminal.clean(n)));
            m.created().ifPresent(c -> line.append("  ").append(DATE.format(c)));
            io.out().println(line);
        }
        if (models.isEmpty()) {
            io.err().println("bench: " + provider + " lists no models");
        }
        return 0;
    }
}
