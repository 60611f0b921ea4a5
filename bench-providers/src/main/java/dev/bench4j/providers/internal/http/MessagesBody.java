package dev.bench4j.providers.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request body of the {@code {"model": ..., "messages": [...], ...}} shape (Chat Completions,
 * Ollama) whose every field but the messages is fixed by the config: the template is serialized
 * once, and a call writes only its messages between the two fixed parts. The bytes are exactly
 * those of {@link Json#bytes} of the template with {@link Messages#roleContent} in place of the
 * placeholder.
 */
public final class MessagesBody {
    private static final byte[] MESSAGES_FIELD = ",\"messages\":".getBytes(StandardCharsets.UTF_8);

    private final byte[] head;
    private final byte[] tail;

    private MessagesBody(byte[] head, byte[] tail) {
        this.head = head;
        this.tail = tail;
    }

    /**
     * Splits a template around its messages.
     *
     * @param template the whole body of a call, with {@code model} as its first field and
     *     {@code placeholder} as the value of {@code messages}, its second
     * @param placeholder the empty array standing for the messages
     * @return the body, or empty when the template does not have that shape (e.g. an extra
     *     replaced {@code messages}); the caller then serializes each call's tree
     */
    public static Optional<MessagesBody> of(ObjectNode template, ArrayNode placeholder) {
        Iterator<Map.Entry<String, JsonNode>> fields = template.properties().iterator();
        if (!placeholder.isEmpty() || !fields.hasNext() || !fields.next().getKey().equals("model") || !fields.hasNext()) {
            return Optional.empty();
        }
        Map.Entry<String, JsonNode> second = fields.next();
        if (!second.getKey().equals("messages") || second.getValue() != placeholder) {
            return Optional.empty();
        }
        byte[] whole = Json.bytes(template);
        byte[] model = Json.bytes(Json.object().set("model", template.get("model")));
        int split = model.length - 1 + MESSAGES_FIELD.length;
        if (whole.length < split + 2 || !startsWith(whole, model, model.length - 1)
                || !startsWith(whole, model.length - 1, MESSAGES_FIELD) || whole[split] != '[' || whole[split + 1] != ']') {
            return Optional.empty();
        }
        return Optional.of(new MessagesBody(Arrays.copyOf(whole, split), Arrays.copyOfRange(whole, split + 2, whole.length)));
    }

    private static boolean startsWith(byte[] whole, byte[] prefix, int length) {
        for (int i = 0; i < length; i++) {
            if (whole[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] whole, int at, byte[] part) {
        for (int i = 0; i < part.length; i++) {
            if (whole[at + i] != part[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the body of a call.
     *
     * @param messages the call's messages
     * @return the UTF-8 JSON bytes
     */
    public byte[] with(List<Message> messages) {
        Buffer out = BUFFER.get();
        out.count = 0;
        out.write(head, 0, head.length);
        try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
            g.writeStartArray();
            for (Message m : messages) {
                g.writeStartObject();
                g.writeStringField("role", m.role().wireName());
                g.writeStringField("content", m.content());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write(tail, 0, tail.length);
        byte[] body = Arrays.copyOf(out.bytes, out.count);
        if (out.bytes.length > Buffer.KEPT) {
            BUFFER.remove();
        }
        return body;
    }

    /** Each thread's scratch buffer: a body is written there, then copied out at its exact size. */
    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

    /** A growable byte buffer; one that grew past {@link #KEPT} for a huge body is dropped after use. */
    private static final class Buffer extends OutputStream {
        static final int KEPT = 256 * 1024;

        byte[] bytes = new byte[8 * 1024];
        int count;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }

        private void ensure(int more) {
            if (more > bytes.length - count) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) count + more, bytes.length * 2L)));
            }
        }
    }
}
