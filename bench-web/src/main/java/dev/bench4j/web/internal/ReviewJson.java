package dev.bench4j.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.Review;
import dev.bench4j.store.json.InvalidRunFileException;
import dev.bench4j.store.json.ReviewFormat;
import java.io.UncheckedIOException;
import java.time.Clock;

/** Reviews in the viewer's API: the format of a line of {@code reviews.jsonl}. */
final class ReviewJson {

    private ReviewJson() {
    }

    static JsonNode toJson(Review r) {
        try {
            return Json.MAPPER.readTree(ReviewFormat.toJson(r));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a posted review; the server's clock stamps it, whatever the page sent as {@code at}. */
    static Review fromRequest(JsonNode body, Clock clock) {
        if (body == null || !body.isObject()) {
            throw HttpError.badRequest("the body must be a JSON object (a review)");
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.put("at", clock.instant().toString());
        try {
            return ReviewFormat.fromJson(copy, "review");
        } catch (InvalidRunFileException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }
}
