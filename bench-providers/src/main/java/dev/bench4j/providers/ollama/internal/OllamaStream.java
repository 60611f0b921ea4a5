package dev.bench4j.providers.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.internal.http.HttpErrors;
import dev.bench4j.providers.internal.http.Json;
import dev.bench4j.providers.internal.http.MalformedException;
import dev.bench4j.providers.internal.http.StreamHandler;

/**
 * Assembles a streamed Ollama chat answer (NDJSON, one JSON object per line, blank lines skipped):
 * {@code message.content} deltas are joined, a {@code message.thinking} delta counts as a token for
 * the time to first token but is not output, and the {@code "done": true} line carries the finish
 * reason, counts and durations. An {@code {"error": "..."}} line fails the call as a server error
 * (Ollama keeps status 200 once streaming has begun); a body that ends without a done line is
 * malformed. Lines after the done line are ignored.
 */
final class OllamaStream implements StreamHandler {
    private final StringBuilder text = new StringBuilder();
    private JsonNode done;
    private boolean token;

    @Override
    public void onLine(String line) {
        if (line.isBlank() || done != null) {
            return;
        }
        JsonNode chunk = Json.parseObject(line, "a stream line");
        JsonNode error = chunk.get("error");
        if (error != null && !error.isNull()) {
            throw HttpErrors.streamError("ollama", error);
        }
        JsonNode message = chunk.path("message");
        String content = Json.text(message, "content");
        if (content != null && !content.isEmpty()) {
            text.append(content);
            token = true;
        }
        String thinking = Json.text(message, "thinking");
        if (thinking != null && !thinking.isEmpty()) {
            token = true;
        }
        if (OllamaChatApi.isDone(chunk)) {
            done = chunk;
        }
    }

    @Override
    public boolean receivedToken() {
        return token;
    }

    @Override
    public ModelResponse complete() {
        if (done == null) {
            throw new MalformedException("the stream ended before done");
        }
        return OllamaChatApi.response(text.toString(), done);
    }
}
