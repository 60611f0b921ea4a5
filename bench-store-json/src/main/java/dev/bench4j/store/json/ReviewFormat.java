package dev.bench4j.store.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Review;
import dev.bench4j.store.json.internal.ReviewLines;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The JSON of one {@link Review}, as each line of a run's {@code reviews.jsonl} holds it, for
 * tools that write or read reviews outside a store (a viewer's API, a file a reviewer downloads):
 *
 * <pre>{@code
 * {"kind": "rating", "reviewer": "ana", "at": "2026-12-07T10:15:30Z",
 *  "prompt": "v1", "model": "careful", "trial": "t1", "repetition": 0, "value": 4, "scale": [1, 5]}
 * {"kind": "verdict", ..., "acceptable": false}
 * {"kind": "comment", ..., "text": "misses the second condition"}
 * {"kind": "ranking", "reviewer": "ana", "at": "...", "trial": "t1", "repetition": 0,
 *  "ranking": [{"prompt": "v1", "model": "careful"}, {"prompt": "v1", "model": "hasty"}], "time_spent_ms": 41250}
 * }</pre>
 *
 * <p>docs/schemas/review.schema.json describes it; fields a reader does not know are ignored.
 */
public final class ReviewFormat {

    private ReviewFormat() {
    }

    /**
     * Writes a review as one line of JSON, without a line end.
     *
     * @param review the review
     * @return the JSON text
     * @throws NullPointerException if {@code review} is {@code null}
     */
    public static String toJson(Review review) {
        Objects.requireNonNull(review, "review");
        byte[] line = ReviewLines.encode(review);
        return new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
    }

    /**
     * Reads a review from a JSON object.
     *
     * @param node the object
     * @param where names the object in messages, e.g. {@code reviews.jsonl: line 3}
     * @return the review
     * @throws NullPointerException if an argument is {@code null}
     * @throws InvalidRunFileException naming {@code where} and the field if the object is not a review
     */
    public static Review fromJson(JsonNode node, String where) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(where, "where");
        return ReviewLines.fromNode(node, where);
    }

    /**
     * Reads a review from JSON text.
     *
     * @param json the text of one JSON object
     * @param where names the text in messages
     * @return the review
     * @throws NullPointerException if an argument is {@code null}
     * @throws InvalidRunFileException naming {@code where} if the text is not JSON or not a review
     */
    public static Review fromJson(String json, String where) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(where, "where");
        JsonNode node;
        try {
            node = ReviewLines.MAPPER_READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRunFileException(where + ": invalid JSON: " + e.getOriginalMessage(), e);
        }
        return fromJson(node, where);
    }
}
