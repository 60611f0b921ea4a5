package dev.bench4j.springai.internal;

import dev.bench4j.core.Message;
import dev.bench4j.core.Parameters;
import dev.bench4j.core.spi.ModelRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/** bench4j request → Spring AI {@link Prompt}. */
final class RequestMapping {

    private RequestMapping() {
    }

    static Prompt toPrompt(ModelRequest request, ChatModel model) {
        return new Prompt(messages(request.messages()), options(request.config().parameters(), model));
    }

    static List<org.springframework.ai.chat.messages.Message> messages(List<Message> messages) {
        List<org.springframework.ai.chat.messages.Message> out = new ArrayList<>(messages.size());
        for (Message m : messages) {
            switch (m.role()) {
                case SYSTEM -> out.add(SystemMessage.builder().text(m.content()).build());
                case USER -> out.add(UserMessage.builder().text(m.content()).build());
                case ASSISTANT -> out.add(AssistantMessage.builder().content(m.content()).build());
                default -> throw new IllegalStateException("unknown role " + m.role());
            }
        }
        return out;
    }

    /**
     * Only the parameters that are set: an unset one stays as the ChatModel has it, and so does its
     * model (validate made sure the config names the same). Seed, reasoning effort and verbosity
     * never get here: validate refuses them.
     */
    static ChatOptions options(Parameters p, ChatModel model) {
        ChatOptions.Builder b = builder(model);
        p.temperature().ifPresent(b::temperature);
        p.topP().ifPresent(b::topP);
        p.topK().ifPresent(b::topK);
        p.maxOutputTokens().ifPresent(b::maxTokens);
        p.frequencyPenalty().ifPresent(b::frequencyPenalty);
        p.presencePenalty().ifPresent(b::presencePenalty);
        if (!p.stop().isEmpty()) {
            b.stopSequences(p.stop());
        }
        return b.build();
    }

    /**
     * Spring AI 1.x models merge portable {@code ChatOptions} (from {@code ChatOptions.builder()})
     * into their own defaults; Spring AI 2 models want options of their own type, built from
     * {@code mutate()} of their defaults (a 1.x model's options have no such method). {@code mutate()}
     * is called reflectively so that one jar serves both.
     */
    private static ChatOptions.Builder builder(ChatModel model) {
        ChatOptions defaults = model.getDefaultOptions();
        if (defaults != null) {
            try {
                Object own = defaults.getClass().getMethod("mutate").invoke(defaults);
                if (own instanceof ChatOptions.Builder b) {
                    return b;
                }
            } catch (ReflectiveOperationException | RuntimeException noMutate) {
                // a Spring AI 1.x model: portable options below
            }
        }
        return ChatOptions.builder();
    }
}
