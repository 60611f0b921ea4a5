package dev.bench4j.providers.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.internal.http.HttpErrors;
import dev.bench4j.providers.internal.http.Json;
import dev.bench4j.providers.internal.http.MalformedException;
import dev.bench4j.providers.internal.http.SseEvents;
import dev.bench4j.providers.internal.http.StreamHandler;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assembles a streamed Chat Completions answer: {@code data:} chunks with {@code delta.content}
 * per choice, the finish reason on the last chunk of each choice, usage on a final chunk with no
 * choices ({@code stream_options.include_usage}), then {@code data: [DONE]}, which OpenAI and xAI
 * must send (a compatible server need only finish its choices). Visible reasoning deltas
 * ({@code reasoning_content}, {@code reasoning}) count for the time to first token but are not
 * output. An {@code error} object in the stream fails the call with the kind it names.
 */
final class ChatCompletionsStream implements StreamHandler {
    private final SseEvents events = new SseEvents((event, data) -> onEvent(data));
    private final Map<Integer, StringBuilder> texts = new TreeMap<>();
    private String rawFinish;
    private boolean refused;
    private boolean finished;
    private boolean done;
    private boolean token;
    private String model;
    private Usage usage = Usage.unknown();
    private final Flavor flavor;

    ChatCompletionsStream(Flavor flavor) {
        this.flavor = flavor;
    }

    @Override
    public void onLine(String line) {
        events.line(line);
    }

    private void onEvent(String data) {
        if (data.equals("[DONE]")) {
            done = true;
            return;
        }
        JsonNode chunk = Json.parseObject(data, "a stream chunk");
        JsonNode error = chunk.path("error");
        if (error.isObject() || error.isTextual()) {
            throw HttpErrors.streamError(flavor.name(), error);
        }
        if (model == null) {
            model = Json.text(chunk, "model");
        }
        for (JsonNode choice : chunk.path("choices")) {
            JsonNode delta = choice.path("delta");
            StringBuilder text = texts.computeIfAbsent(choice.path("index").asInt(0), i -> new StringBuilder());
            String content = Json.text(delta, "content");
            String refusal = Json.text(delta, "refusal");
            if (content != null && !content.isEmpty()) {
                text.append(content);
                token = true;
            } else if (refusal != null && !refusal.isEmpty()) {
                text.append(refusal);
                refused = true;
                token = true;
            }
            if (hasText(delta, "reasoning_content") || hasText(delta, "reasoning")) {
                token = true;
            }
            String finish = Json.text(choice, "finish_reason");
            if (finish != null) {
                finished = true;
                if (rawFinish == null) {
                    rawFinish = finish;
                }
            }
        }
        if (chunk.path("usage").isObject()) {
            usage = ChatCompletionsApi.usage(chunk.path("usage"), flavor);
        }
    }

    private static boolean hasText(JsonNode node, String field) {
        String v = Json.text(node, field);
        return v != null && !v.isEmpty();
    }

    @Override
    public boolean receivedToken() {
        return token;
    }

    @Override
    public ModelResponse complete() {
        events.end();
        if (!finished) {
            throw new MalformedException("the stream ended before any choice finished");
        }
        if (!done && flavor != Flavor.COMPATIBLE) {
            throw new MalformedException("the stream ended before data: [DONE]");
        }
        String all = String.join("\n\n", texts.values());
        FinishReason reason = refused ? FinishReason.CONTENT_FILTER : ChatCompletionsApi.finishReason(rawFinish);
        return ChatCompletionsApi.details(ModelResponse.of(all, reason, usage), rawFinish, model);
    }
}
