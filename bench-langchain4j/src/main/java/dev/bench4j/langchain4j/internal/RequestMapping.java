package dev.bench4j.langchain4j.internal;

import dev.bench4j.core.Message;
import dev.bench4j.core.Parameters;
import dev.bench4j.core.spi.ModelRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import java.util.ArrayList;
import java.util.List;

/** bench4j request → LangChain4j {@link ChatRequest}. */
final class RequestMapping {

    private RequestMapping() {
    }

    static ChatRequest toChatRequest(ModelRequest request) {
        return ChatRequest.builder()
                .messages(messages(request.messages()))
                .parameters(parameters(request.config().parameters()))
                .build();
    }

    static List<ChatMessage> messages(List<Message> messages) {
        List<ChatMessage> out = new ArrayList<>(messages.size());
        for (Message m : messages) {
            switch (m.role()) {
                case SYSTEM -> out.add(SystemMessage.from(m.content()));
                case USER -> out.add(UserMessage.from(m.content()));
                case ASSISTANT -> out.add(AiMessage.from(m.content()));
                default -> throw new IllegalStateException("unknown role " + m.role());
            }
        }
        return out;
    }

    /**
     * Only the parameters that are set: an unset one stays null so the ChatModel's own default
     * applies. Seed, reasoning effort and verbosity never get here: validate refuses them.
     */
    static ChatRequestParameters parameters(Parameters p) {
        DefaultChatRequestParameters.Builder<?> b = ChatRequestParameters.builder();
        p.temperature().ifPresent(b::temperature);
        p.topP().ifPresent(b::topP);
        p.topK().ifPresent(b::topK);
        p.maxOutputTokens().ifPresent(b::maxOutputTokens);
        p.frequencyPenalty().ifPresent(b::frequencyPenalty);
        p.presencePenalty().ifPresent(b::presencePenalty);
        if (!p.stop().isEmpty()) {
            b.stopSequences(p.stop());
        }
        return b.build();
    }
}
