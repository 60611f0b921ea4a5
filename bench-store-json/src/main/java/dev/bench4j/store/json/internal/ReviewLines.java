package dev.bench4j.store.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Review;
import dev.bench4j.core.json.JsonFields;
import dev.bench4j.store.json.InvalidRunFileException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a {@link Review} as one line of {@code reviews.jsonl} and reads it back:
 *
 * <pre>
 * {"kind": "rating", "reviewer": "ana", "at": "2026-12-07T10:15:30Z",
 *  "prompt": "v1", "model": "careful", "trial": "t1", "repetition": 0, "value": 4, "scale": [1, 5]}
 * {"kind": "verdict", ..., "acceptable": false}
 * {"kind": "comment", ..., "text": "misses the second condition"}
 * {"kind": "ranking", "reviewer": "ana", "at": "...", "trial": "t1", "repetition": 0,
 *  "ranking": [{"prompt": "v1", "model": "careful"}, {"prompt": "v1", "model": "hasty"}], "time_spent_ms": 41250}
 * </pre>
 *
 * <p>A reader ignores fields it does not know, so a later minor version may add some.
 */
public final class ReviewLines {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Reads JSON strictly: a repeated key or trailing content is an error. */
    public static final ObjectReader MAPPER_READER = RunFiles.STRICT;

    private ReviewLines() {
    }

    /**
     * Encodes a review as a JSON object.
     *
     * @param r the review
     * @return the object
     */
    public static ObjectNode toNode(Review r) {
        ObjectNode n = F.objectNode();
        n.put("kind", r.kind());
        n.put("reviewer", r.reviewer());
        n.put("at", r.at().toString());
        if (r instanceof Review.Rating x) {
            cell(n, x.cell());
            n.put("value", exact(x.value()));
            n.putArray("scale").add(exact(x.min())).add(exact(x.max()));
        } else if (r instanceof Review.Verdict x) {
            cell(n, x.cell());
            n.put("acceptable", x.acceptable());
        } else if (r instanceof Review.Comment x) {
            cell(n, x.cell());
            n.put("text", x.text());
        } else if (r instanceof Review.Ranking x) {
            n.put("trial", x.trial());
            n.put("repetition", x.repetition());
            ArrayNode order = n.putArray("ranking");
            for (CellId c : x.ranked()) {
                order.addObject().put("prompt", c.prompt()).put("model", c.model());
            }
            n.put("time_spent_ms", x.timeSpent().toMillis());
        }
        return n;
    }

    /**
     * Encodes a review as one line of {@code reviews.jsonl}, with its line end.
     *
     * @param r the review
     * @return UTF-8 bytes
     */
    public static byte[] encode(Review r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = ResultLines.FACTORY.createGenerator(out)) {
            g.writeTree(toNode(r));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a review: " + e.getMessage(), e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Reads one line of {@code reviews.jsonl}.
     *
     * @param bytes the buffer holding the line
     * @param offset where it starts
     * @param length its length, without the line end
     * @return the review
     * @throws BadLineException saying what is wrong (without file or line)
     */
    static Review decode(byte[] bytes, int offset, int length) {
        JsonNode node;
        try {
            node = RunFiles.STRICT.readTree(new ByteArrayInputStream(bytes, offset, length));
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : "column " + e.getLocation().getColumnNr() + ": ";
            throw new BadLineException(at + "invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadLineException("cannot be read: " + e.getMessage(), e);
        }
        try {
            return fromNode(node, "review");
        } catch (InvalidRunFileException e) {
            throw new BadLineException(e.getMessage(), e);
        }
    }

    /**
     * Reads a review from a JSON object.
     *
     * @param node the object
     * @param where names the object in messages, e.g. {@code export.json: reviews[3]}
     * @return the review
     * @throws InvalidRunFileException naming {@code where} and the field if the object is not a review
     */
    public static Review fromNode(JsonNode node, String where) {
        JsonFields f = JsonFields.of(node, where, InvalidRunFileException::new);
        String kind = f.string("kind");
        String reviewer = f.string("reviewer");
        Instant at = f.instant("at");
        try {
            return switch (kind) {
                case "rating" -> {
                    JsonNode scale = f.array("scale");
                    if (scale.size() != 2 || !scale.get(0).isNumber() || !scale.get(1).isNumber()) {
                        throw f.problem("scale", "must be [min, max], two numbers, but was " + JsonFields.describe(scale));
                    }
                    yield new Review.Rating(reviewer, at, cell(f), f.number("value"), scale.get(0).doubleValue(),
                            scale.get(1).doubleValue());
                }
                case "verdict" -> {
                    JsonNode v = f.required("acceptable");
                    if (!v.isBoolean()) {
                        throw f.problem("acceptable", "must be true or false but was " + JsonFields.describe(v));
                    }
                    yield new Review.Verdict(reviewer, at, cell(f), v.booleanValue());
                }
                case "comment" -> new Review.Comment(reviewer, at, cell(f), f.get("text").map(t -> {
                    if (!t.isTextual()) {
                        throw f.problem("text", "must be a string but was " + JsonFields.describe(t));
                    }
                    return t.textValue();
                }).orElse(""));
                case "ranking" -> {
                    String trial = f.string("trial");
                    int repetition = f.intCount("repetition");
                    JsonNode order = f.array("ranking");
                    List<CellId> ranked = new ArrayList<>(order.size());
                    for (int i = 0; i < order.size(); i++) {
                        JsonFields item = f.nested(order.get(i), "ranking[" + i + "]");
                        ranked.add(new CellId(item.string("prompt"), item.string("model"), trial, repetition));
                    }
                    yield new Review.Ranking(reviewer, at, ranked, Duration.ofMillis(f.count("time_spent_ms")));
                }
                default -> throw f.problem("kind", "must be \"rating\", \"verdict\", \"comment\" or \"ranking\" but was \""
                        + kind + "\"");
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidRunFileException(where + ": not a valid " + kind + ": " + e.getMessage(), e);
        }
    }

    private static CellId cell(JsonFields f) {
        return new CellId(f.string("prompt"), f.string("model"), f.string("trial"), f.intCount("repetition"));
    }

    private static void cell(ObjectNode n, CellId c) {
        n.put("prompt", c.prompt());
        n.put("model", c.model());
        n.put("trial", c.trial());
        n.put("repetition", c.repetition());
    }

    /** Writes whole numbers without a fraction ({@code 4}, not {@code 4.0}). */
    private static BigDecimal exact(double v) {
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }
}
