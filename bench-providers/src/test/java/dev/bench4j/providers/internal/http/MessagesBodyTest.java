package dev.bench4j.providers.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MessagesBody writes the very bytes of the whole tree serialized, or declines a template of another shape. */
class MessagesBodyTest {

    /** Text that needs every kind of escaping and encoding JSON has. */
    private static final String AWKWARD = "quote \" backslash \\ slash / tab \t newline \n nul \u0000 unit \u001f del \u007f "
            + "latin é ü ß, CJK 糖尿病, emoji \uD83D\uDC69\u200D\u2695\uFE0F, separators \u2028 \u2029, lone \uD800 surrogate, "
            + "</script> & <!-- -->";

    private static final List<List<Message>> CONVERSATIONS = List.of(
            List.of(Message.user("Hi")),
            List.of(Message.user("")),
            List.of(Message.system("Be brief."), Message.user(AWKWARD)),
            List.of(Message.system(AWKWARD), Message.user("Q1"), Message.assistant("A1 " + AWKWARD), Message.user("Q2")),
            List.of(Message.user("x".repeat(70_000) + AWKWARD)));

    /** A template as an API builds it: model, the placeholder, then fields of every JSON type. */
    private static ObjectNode template(String model, ArrayNode messages) {
        ObjectNode body = Json.object();
        body.put("model", model);
        body.set("messages", messages);
        body.put("temperature", 0.0);
        body.put("top_p", 0.95);
        body.put("max_tokens", 128);
        body.put("seed", 1L << 40);
        body.putArray("stop").add("END").add(AWKWARD);
        body.putNull("nothing");
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true).putObject("nested").putArray("deep").add(1.5e-7);
        return body;
    }

    private static byte[] tree(String model, List<Message> messages) {
        return Json.bytes(template(model, Messages.roleContent(messages)));
    }

    @Test
    void writesTheBytesOfTheWholeTree() {
        for (String model : List.of("gpt-4o-mini", "acme/notes-qwen3-8b:awq", AWKWARD)) {
            ArrayNode placeholder = Json.MAPPER.createArrayNode();
            MessagesBody body = MessagesBody.of(template(model, placeholder), placeholder).orElseThrow();
            for (List<Message> messages : CONVERSATIONS) {
                byte[] expected = tree(model, messages);
                assertThat(new String(body.with(messages), StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
                assertThat(body.with(messages)).isEqualTo(expected);
            }
        }
    }

    @Test
    void aBodyWithOnlyModelAndMessagesEndsRightAfterThem() {
        ArrayNode placeholder = Json.MAPPER.createArrayNode();
        ObjectNode template = Json.object().put("model", "m");
        template.set("messages", placeholder);

        byte[] bytes = MessagesBody.of(template, placeholder).orElseThrow().with(List.of(Message.user("Hi")));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    }

    @Test
    void declinesATemplateOfAnotherShape() {
        ArrayNode placeholder = Json.MAPPER.createArrayNode();
        ObjectNode replaced = template("m", placeholder);
        replaced.set("messages", Json.MAPPER.createArrayNode());
        ObjectNode messagesFirst = Json.object();
        messagesFirst.set("messages", placeholder);
        messagesFirst.put("model", "m");
        ObjectNode modelOnly = Json.object().put("model", "m");
        ArrayNode filled = Json.MAPPER.createArrayNode().add(1);
        ObjectNode withFilled = Json.object().put("model", "m");
        withFilled.set("messages", filled);

        assertThat(MessagesBody.of(replaced, placeholder)).as("an extra replaced the messages").isEmpty();
        assertThat(MessagesBody.of(messagesFirst, placeholder)).isEmpty();
        assertThat(MessagesBody.of(modelOnly, placeholder)).isEmpty();
        assertThat(MessagesBody.of(withFilled, filled)).isEmpty();
    }
}
