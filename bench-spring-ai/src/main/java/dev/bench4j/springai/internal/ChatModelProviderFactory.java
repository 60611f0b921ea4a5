package dev.bench4j.springai.internal;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.spi.BlockingModelProvider;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ProviderContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * The factory behind {@code SpringAiModels.provider}: one name, one ChatModel, and per run a
 * {@link BlockingModelProvider} that calls the ChatModel on threads of its own.
 */
public final class ChatModelProviderFactory implements ModelProviderFactory {

    private final String name;
    private final ChatModel model;

    /**
     * Creates the factory.
     *
     * @param name the provider name configs use
     * @param model the chat model to call
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank or contains whitespace or {@code :}
     */
    public ChatModelProviderFactory(String name, ChatModel model) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == ':')) {
            throw new IllegalArgumentException("name must be non-blank without whitespace or ':' but was '" + name + "'");
        }
        this.name = name;
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ModelProvider create(ProviderContext context) {
        return BlockingModelProvider.of("bench4j-spring-ai-" + name, context.concurrency(), request -> {
            Prompt prompt;
            try {
                prompt = RequestMapping.toPrompt(request, model);
            } catch (RuntimeException e) {
                throw new CallException(ErrorKind.BAD_REQUEST, "Spring AI refused the request: " + e.getMessage());
            }
            return ResponseMapping.toModelResponse(model.call(prompt));
        }, ErrorMapping::toCallException);
    }

    /**
     * Refuses what Spring AI's portable {@code ChatOptions} cannot carry: seed, reasoning effort,
     * verbosity, extras, streaming, base URL and API key settings, and a model name other than the
     * ChatModel's.
     *
     * @throws IllegalArgumentException naming the model and every parameter that cannot be sent
     */
    @Override
    public void validate(ModelConfig config, Path baseDirectory) {
        List<String> refused = config.nonPortableSettings();
        String where = "model '" + config.id() + "' (Spring AI provider '" + name + "')";
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException(where + ": Spring AI's ChatOptions cannot carry "
                    + String.join(", ", refused) + "; set them on the ChatModel's own options when you build it,"
                    + " or leave them out (the ChatModel's endpoint, key and streaming are its own)");
        }
        Optional<String> own = ownModelName();
        if (own.isPresent() && !own.get().equals(config.model())) {
            throw new IllegalArgumentException(where + ": model must be the ChatModel's own '" + own.get()
                    + "' but was '" + config.model() + "'; use ModelConfig.of(\"" + name + "\", \"" + own.get()
                    + "\") or wrap another ChatModel");
        }
    }

    private Optional<String> ownModelName() {
        ChatOptions defaults = model.getDefaultOptions();
        return defaults == null ? Optional.empty() : Optional.ofNullable(defaults.getModel()).filter(m -> !m.isBlank());
    }

    @Override
    public String toString() {
        return "SpringAiModels.provider[" + name + ", " + model.getClass().getSimpleName() + "]";
    }
}
