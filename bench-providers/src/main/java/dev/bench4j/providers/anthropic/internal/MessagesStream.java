package dev.bench4j.providers.anthropic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.internal.http.HttpErrors;
import dev.bench4j.providers.internal.http.Json;
import dev.bench4j.providers.internal.http.MalformedException;
import dev.bench4j.providers.internal.http.SseEvents;
import dev.bench4j.providers.internal.http.StreamHandler;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assembles a streamed Messages answer from its named SSE events: {@code message_start} (model,
 * input and cache counts), {@code content_block_start}/{@code content_block_delta} ({@code text_delta}
 * is output; {@code thinking_delta} marks the first token but is not output), {@code message_delta}
 * (stop reason and cumulative usage, the last one wins) and {@code message_stop}. {@code ping},
 * {@code signature_delta} and unknown events are ignored. An {@code error} event fails the call with
 * the kind its type names (overloaded and rate limits are retried, an invalid request is not); a
 * stream that ends before the stop reason or {@code message_stop} is malformed.
 */
final class MessagesStream implements StreamHandler {
    private final SseEvents events = new SseEvents(this::onEvent);
    private final Map<Integer, StringBuilder> texts = new TreeMap<>();
    private final UsageCounts usage = new UsageCounts();
    private String model;
    private String rawStop;
    private boolean stopped;
    private boolean token;

    @Override
    public void onLine(String line) {
        events.line(line);
    }

    private void onEvent(String event, String data) {
        JsonNode node = Json.parseObject(data, "a stream event");
        String type = event.isEmpty() ? String.valueOf(Json.text(node, "type")) : event;
        switch (type) {
            case "message_start":
                JsonNode message = node.path("message");
                if (model == null) {
                    model = Json.text(message, "model");
                }
                usage.add(message.path("usage"), false);
                break;
            case "content_block_start":
                JsonNode block = node.path("content_block");
                if ("text".equals(Json.text(block, "type"))) {
                    append(node, Json.text(block, "text"));
                }
                break;
            case "content_block_delta":
                JsonNode delta = node.path("delta");
                String kind = String.valueOf(Json.text(delta, "type"));
                if (kind.equals("text_delta")) {
                    append(node, Json.text(delta, "text"));
                } else if (kind.equals("thinking_delta")) {
                    String thought = Json.text(delta, "thinking");
                    token |= thought != null && !thought.isEmpty();
                }
                break;
            case "message_delta":
                String stop = Json.text(node.path("delta"), "stop_reason");
                if (stop != null) {
                    rawStop = stop;
                }
                if (node.path("usage").isObject()) {
                    usage.add(node.path("usage"), true);
                }
                break;
            case "message_stop":
                stopped = true;
                break;
            case "error":
                throw HttpErrors.streamError(MessagesApi.NAME, node.path("error"));
            default:
                break;
        }
    }

    private void append(JsonNode event, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        texts.computeIfAbsent(event.path("index").asInt(0), i -> new StringBuilder()).append(text);
        token = true;
    }

    @Override
    public boolean receivedToken() {
        return token;
    }

    @Override
    public ModelResponse complete() {
        events.end();
        if (rawStop == null) {
            throw new MalformedException("the stream ended before the stop reason (message_delta)");
        }
        if (!stopped) {
            throw new MalformedException("the stream ended before message_stop");
        }
        StringBuilder all = new StringBuilder();
        texts.values().forEach(all::append);
        return MessagesApi.response(all.toString(), rawStop, usage, model);
    }
}
