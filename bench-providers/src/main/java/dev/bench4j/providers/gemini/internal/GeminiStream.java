package dev.bench4j.providers.gemini.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * Assembles a streamed Gemini answer ({@code :streamGenerateContent?alt=sse}): {@code data:} events
 * (CRLF-separated, no {@code [DONE]}), each a whole {@code GenerateContentResponse} whose text parts
 * are deltas to append and whose {@code usageMetadata} is a running total (the last one wins); the
 * finish reason comes on the final chunk. Thought parts count for the time to first token but are
 * not part of the answer. An error, as a {@code data:} event or as a raw JSON tail after the events,
 * fails the call with the kind its {@code code} maps to.
 */
final class GeminiStream implements StreamHandler {
    private final SseEvents events = new SseEvents((event, data) -> onEvent(data));
    private final Map<Integer, StringBuilder> texts = new TreeMap<>();
    private final Map<Integer, String> finishes = new TreeMap<>();
    private final Map<Integer, Boolean> functionCalls = new TreeMap<>();
    private final StringBuilder tail = new StringBuilder();
    private String blockReason;
    private String model;
    private Usage usage = Usage.unknown();
    private boolean token;

    @Override
    public void onLine(String line) {
        if (tail.length() > 0 || !isSseLine(line)) {
            tail.append(line).append('\n');
            if (line.startsWith("}")) {
                readTail(false);
            }
            return;
        }
        events.line(line);
    }

    /** SSE lines are blank, comments or {@code field:value}; Gemini sends only {@code data:}. */
    private static boolean isSseLine(String line) {
        return line.isEmpty() || line.startsWith(":") || line.startsWith("data:") || line.startsWith("event:")
                || line.startsWith("id:") || line.startsWith("retry:");
    }

    /**
     * Reads text that arrived outside the events: Gemini may end a failing stream with a plain
     * pretty-printed {@code {"error": ...}} body.
     */
    private void readTail(boolean atEnd) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(tail.toString());
        } catch (JsonProcessingException e) {
            if (atEnd) {
                throw new MalformedException("the stream holds text that is not an event");
            }
            return;
        }
        if (node != null && node.path("error").isObject()) {
            throw HttpErrors.streamError("gemini", node.get("error"));
        }
        throw new MalformedException("the stream holds text that is not an event");
    }

    private void onEvent(String data) {
        JsonNode chunk = Json.parseObject(data, "a stream chunk");
        if (chunk.path("error").isObject()) {
            throw HttpErrors.streamError("gemini", chunk.get("error"));
        }
        String version = Json.text(chunk, "modelVersion");
        if (version != null) {
            model = version;
        }
        if (chunk.path("usageMetadata").isObject()) {
            usage = GeminiApi.usage(chunk.get("usageMetadata"));
        }
        String block = Json.text(chunk.path("promptFeedback"), "blockReason");
        if (block != null) {
            blockReason = block;
        }
        int position = 0;
        for (JsonNode candidate : chunk.path("candidates")) {
            int index = candidate.path("index").asInt(position++);
            StringBuilder text = texts.computeIfAbsent(index, i -> new StringBuilder());
            JsonNode parts = candidate.path("content").path("parts");
            for (JsonNode part : parts) {
                if (!part.path("text").isTextual() || part.get("text").asText().isEmpty()) {
                    continue;
                }
                token = true;
                if (!part.path("thought").asBoolean(false)) {
                    text.append(part.get("text").asText());
                }
            }
            if (GeminiApi.callsFunction(parts)) {
                functionCalls.put(index, true);
                token = true;
            }
            String finish = Json.text(candidate, "finishReason");
            if (finish != null) {
                finishes.put(index, finish);
            }
        }
    }

    @Override
    public boolean receivedToken() {
        return token;
    }

    @Override
    public ModelResponse complete() {
        events.end();
        if (tail.length() > 0) {
            readTail(true);
        }
        if (finishes.isEmpty()) {
            if (blockReason != null) {
                return GeminiApi.details(ModelResponse.of("", FinishReason.CONTENT_FILTER, usage), blockReason, model);
            }
            throw new MalformedException("the stream ended before a finish reason");
        }
        String all = String.join("\n\n", texts.values());
        int first = texts.isEmpty() ? finishes.keySet().iterator().next() : texts.keySet().iterator().next();
        String rawFinish = finishes.getOrDefault(first, finishes.values().iterator().next());
        FinishReason reason = GeminiApi.finishReason(rawFinish, functionCalls.getOrDefault(first, false));
        return GeminiApi.details(ModelResponse.of(all, reason, usage), rawFinish, model);
    }
}
