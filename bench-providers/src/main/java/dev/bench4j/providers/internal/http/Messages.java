package dev.bench4j.providers.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.bench4j.core.Message;
import java.util.List;

/**
 * Writes messages in the {@code [{"role": ..., "content": ...}]} shape that OpenAI-compatible
 * servers and Ollama share.
 */
public final class Messages {
    private Messages() {
    }

    /**
     * Converts messages.
     *
     * @param messages the rendered messages
     * @return the JSON array
     */
    public static ArrayNode roleContent(List<Message> messages) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Message m : messages) {
            array.addObject().put("role", m.role().wireName()).put("content", m.content());
        }
        return array;
    }
}
