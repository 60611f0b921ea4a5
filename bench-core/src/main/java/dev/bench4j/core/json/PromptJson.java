package dev.bench4j.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.Message;
import dev.bench4j.core.Prompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JSON of a {@link Prompt}, in the {@code prompt.json} format (OpenAI messages) that people write
 * and that a run keeps in its {@code run.json}:
 *
 * <pre>{@code
 * {"name": "v1", "messages": [{"role": "system", "content": "..."}, {"role": "user", "content": "{{text}}"}],
 *  "metadata": {"tags": ["extraction"]}}
 * }</pre>
 *
 * <p>A message's {@code content} is written as a string; a reader also takes an array of text parts
 * ({@code [{"type": "text", "text": "..."}]}), joined without separators. Unknown fields are refused,
 * with a suggestion for a typo.
 *
 * <pre>{@code
 * ObjectNode node = PromptJson.toNode(prompt);
 * Prompt back = PromptJson.read(JsonFields.of(node, "plan.json: prompts[0]", InvalidPlanException::new));
 * }</pre>
 */
public final class PromptJson {

    private static final List<String> FIELDS = List.of("name", "messages", "metadata");
    private static final List<String> MESSAGE_FIELDS = List.of("role", "content");
    private static final List<String> PART_FIELDS = List.of("type", "text");

    private PromptJson() {
    }

    /**
     * Encodes a prompt: {@code name}, {@code messages} ({@code role} and {@code content} each) and,
     * when there is any, {@code metadata}.
     *
     * @param prompt the prompt
     * @return a new object, which {@link #read} turns back into an equal prompt
     * @throws NullPointerException if {@code prompt} is {@code null}
     */
    public static ObjectNode toNode(Prompt prompt) {
        Objects.requireNonNull(prompt, "prompt");
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", prompt.name());
        ArrayNode messages = o.putArray("messages");
        for (Message m : prompt.messages()) {
            messages.addObject().put("role", m.role().wireName()).put("content", m.content());
        }
        if (!prompt.metadata().isEmpty()) {
            o.set("metadata", JsonValues.toNode(prompt.metadata()));
        }
        return o;
    }

    /**
     * Reads a prompt from the fields of a {@code prompt.json} object.
     *
     * @param fields the object's fields, which name the file or place in messages and choose their
     *     exception, e.g. {@code JsonFields.of(node, "plan.json: prompts[1]", InvalidPlanException::new)}
     * @return the prompt, with at least one message
     * @throws NullPointerException if {@code fields} is {@code null}
     * @throws RuntimeException made by the fields' failure function, naming the field, its value and
     *     what was expected, if the object is not a valid prompt or has an unknown field
     */
    public static Prompt read(JsonFields fields) {
        Objects.requireNonNull(fields, "fields");
        JsonFields f = fields.allowOnly(FIELDS);
        String name = f.nonBlankString("name");
        JsonNode array = f.optArray("messages").orElseThrow(() -> f.missing("messages",
                "; a prompt needs messages like [{\"role\": \"user\", \"content\": \"...\"}]"));
        if (array.isEmpty()) {
            throw f.problem("messages", "must hold at least one message");
        }
        List<Message> messages = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            messages.add(message(f.nested(array.get(i), "messages[" + i + "]").allowOnly(MESSAGE_FIELDS)));
        }
        return new Prompt(name, messages, f.map("metadata"));
    }

    private static Message message(JsonFields m) {
        String roleName = m.optString("role").orElseThrow(() -> m.problem("role", "must be one of system, user, assistant"));
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

    private static String text(JsonFields m, JsonNode content) {
        if (content.isTextual()) {
            return content.textValue();
        }
        if (!content.isArray()) {
            throw m.problem("content", "must be a string or an array of text parts but was " + JsonFields.describe(content));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < content.size(); i++) {
            JsonNode node = content.get(i);
            String name = "content[" + i + "]";
            JsonNode type = node.get("type");
            if (node.isObject() && !(type != null && "text".equals(type.textValue()))) {
                throw m.problem(name + ".type", "must be \"text\" but was " + JsonFields.describe(type)
                        + "; only text parts are supported");
            }
            JsonFields part = m.nested(node, name).allowOnly(PART_FIELDS);
            sb.append(part.optString("text").orElseThrow(() -> part.missing("text", "")));
        }
        return sb.toString();
    }
}
