package dev.bench4j.core.internal.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Message;
import dev.bench4j.core.Prompt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads prompts in the OpenAI messages format:
 * {@code {"name": "v1", "messages": [{"role": "system", "content": "..."}], "metadata": {...}}}.
 *
 * <p>A message's content is a string, or an array of text parts
 * ({@code [{"type": "text", "text": "..."}]}) joined without separators.
 */
public final class PromptFiles {

    private static final List<String> FIELDS = List.of("name", "messages", "metadata");
    private static final List<String> MESSAGE_FIELDS = List.of("role", "content");
    private static final List<String> PART_FIELDS = List.of("type", "text");

    private PromptFiles() {
    }

    /**
     * Reads a prompt from a JSON file.
     *
     * @param file the file
     * @return the prompt
     * @throws NullPointerException if {@code file} is {@code null}
     * @throws InvalidPlanException if the file cannot be read or is not a valid prompt; the message
     *     names the file and the field
     */
    public static Prompt read(Path file) {
        Objects.requireNonNull(file, "file");
        return fromNode(JsonFiles.readTree(file), file.toString());
    }

    /**
     * Reads a prompt from an already parsed JSON object, e.g. one written inline in a plan file.
     *
     * @param node the prompt object
     * @param where what every message starts with, e.g. {@code plan.json: prompts[1]}
     * @return the prompt
     * @throws NullPointerException if an argument is {@code null}
     * @throws InvalidPlanException if the node is not a valid prompt; the message starts with
     *     {@code where} and names the field
     */
    public static Prompt fromNode(JsonNode node, String where) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(where, "where");
        Fields f = Fields.of(node, where, FIELDS);
        String name = f.requiredString("name");
        JsonNode array = f.array("messages").orElseThrow(() -> f.missing("messages",
                "; a prompt needs messages like [{\"role\": \"user\", \"content\": \"...\"}]"));
        if (array.isEmpty()) {
            throw f.problem("messages", "must hold at least one message");
        }
        List<Message> messages = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            messages.add(message(f.nested(array.get(i), "messages[" + i + "]", MESSAGE_FIELDS)));
        }
        return new Prompt(name, messages, f.object("metadata"));
    }

    private static Message message(Fields m) {
        String roleName = m.string("role").orElseThrow(() -> m.problem("role", "must be one of system, user, assistant"));
        Message.Role role;
        try {
            role = Message.Role.fromWireName(roleName);
        } catch (IllegalArgumentException e) {
            throw m.refused("role", e);
        }
        JsonNode content = m.get("content").orElseThrow(() -> m.problem("content",
                "must be a string or an array of text parts"));
        return new Message(role, text(m, content));
    }

    private static String text(Fields m, JsonNode content) {
        if (content.isTextual()) {
            return content.textValue();
        }
        if (!content.isArray()) {
            throw m.problem("content", "must be a string or an array of text parts but was " + Fields.describe(content));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < content.size(); i++) {
            JsonNode node = content.get(i);
            String name = "content[" + i + "]";
            JsonNode type = node.get("type");
            if (node.isObject() && !(type != null && "text".equals(type.textValue()))) {
                throw m.problem(name + ".type", "must be \"text\" but was " + Fields.describe(type)
                        + "; only text parts are supported");
            }
            Fields part = m.nested(node, name, PART_FIELDS);
            sb.append(part.string("text").orElseThrow(() -> part.missing("text", "")));
        }
        return sb.toString();
    }
}
