package dev.bench4j.providers.openai.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.internal.http.Json;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a whole Chat Completions answer of the usual shape with Jackson's streaming parser, taking
 * only what {@link ChatCompletionsApi#parse(com.fasterxml.jackson.databind.JsonNode, Flavor)} reads
 * and skipping the rest, instead of building a tree of the whole body. Whatever it is not sure to
 * read as the tree would be read (invalid JSON, a missing or empty {@code choices}, content given
 * as parts, a duplicated field it reads, a count or index that is not a plain integer, a body too
 * large to rule out a string over Jackson's length limit) makes it give up, and the provider
 * parses the tree instead, so that every failure and its message stay the tree's.
 */
final class ChatCompletionsReader {

    /** Bodies from this size on are left to the tree: only they could hold a string over the limit the tree enforces. */
    private static final int MAX_BODY = Json.MAPPER.getFactory().streamReadConstraints().getMaxStringLength();

    private ChatCompletionsReader() {
    }

    /** The answer is not of the usual shape; never leaves this class. */
    private static final class Unusual extends Exception {
        private static final long serialVersionUID = 1L;
        static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super("unusual", null, false, false);
        }
    }

    /**
     * Reads an answer.
     *
     * @param body the body bytes
     * @param flavor the flavor, which decides how reasoning tokens count
     * @return the response {@code parse} would return, or empty when the tree must be parsed
     */
    static Optional<ModelResponse> read(byte[] body, Flavor flavor) {
        if (body.length >= MAX_BODY) {
            return Optional.empty();
        }
        try (JsonParser p = Json.MAPPER.createParser(body)) {
            return Optional.of(answer(p, flavor));
        } catch (Unusual | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static ModelResponse answer(JsonParser p, Flavor flavor) throws IOException, Unusual {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw Unusual.INSTANCE;
        }
        ChatCompletionsApi.Choices choices = null;
        Usage usage = Usage.unknown();
        boolean seenUsage = false;
        String model = null;
        boolean seenModel = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "choices" -> {
                    if (choices != null) {
                        throw Unusual.INSTANCE;
                    }
                    choices = choices(p, t);
                }
                case "usage" -> {
                    seenUsage = once(seenUsage);
                    usage = usage(p, t, flavor);
                }
                case "model" -> {
                    seenModel = once(seenModel);
                    model = text(p, t);
                }
                default -> skip(p, t);
            }
        }
        if (choices == null) {
            throw Unusual.INSTANCE;
        }
        return choices.response(usage, model);
    }

    /** Marks a field as read, giving up on its second occurrence (the tree keeps the last one). */
    private static boolean once(boolean seen) throws Unusual {
        if (seen) {
            throw Unusual.INSTANCE;
        }
        return true;
    }

    /** A non-empty array of choice objects. */
    private static ChatCompletionsApi.Choices choices(JsonParser p, JsonToken t) throws IOException, Unusual {
        if (t != JsonToken.START_ARRAY) {
            throw Unusual.INSTANCE;
        }
        ChatCompletionsApi.Choices all = new ChatCompletionsApi.Choices();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw Unusual.INSTANCE;
            }
            choice(p, all);
        }
        if (all.size() == 0) {
            throw Unusual.INSTANCE;
        }
        return all;
    }

    /**
     * One choice: a {@code message} object with a text (not parts) {@code content} and a
     * {@code refusal}, each or both null; an optional integer {@code index}; an optional
     * {@code finish_reason}.
     */
    private static void choice(JsonParser p, ChatCompletionsApi.Choices all) throws IOException, Unusual {
        boolean seenMessage = false;
        boolean seenIndex = false;
        boolean seenFinish = false;
        String content = null;
        String refusal = null;
        int index = all.size();
        String finish = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "message" -> {
                    seenMessage = once(seenMessage);
                    if (t != JsonToken.START_OBJECT) {
                        throw Unusual.INSTANCE;
                    }
                    boolean seenContent = false;
                    boolean seenRefusal = false;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken v = p.nextToken();
                        switch (field) {
                            case "content" -> {
                                seenContent = once(seenContent);
                                if (v == JsonToken.VALUE_STRING) {
                                    content = p.getText();
                                } else if (v != JsonToken.VALUE_NULL) {
                                    throw Unusual.INSTANCE;
                                }
                            }
                            case "refusal" -> {
                                seenRefusal = once(seenRefusal);
                                refusal = text(p, v);
                            }
                            default -> skip(p, v);
                        }
                    }
                }
                case "index" -> {
                    seenIndex = once(seenIndex);
                    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                        index = p.getIntValue();
                    } else if (t != JsonToken.VALUE_NULL) {
                        throw Unusual.INSTANCE;
                    }
                }
                case "finish_reason" -> {
                    seenFinish = once(seenFinish);
                    finish = text(p, t);
                }
                default -> skip(p, t);
            }
        }
        if (!seenMessage) {
            throw Unusual.INSTANCE;
        }
        all.add(index, content, refusal, finish);
    }

    /** The {@code usage} object's counts; anything but an object is no usage, as in the tree. */
    private static Usage usage(JsonParser p, JsonToken t, Flavor flavor) throws IOException, Unusual {
        if (t != JsonToken.START_OBJECT) {
            skip(p, t);
            return Usage.unknown();
        }
        OptionalLong in = null;
        OptionalLong out = null;
        OptionalLong total = null;
        OptionalLong reasoning = null;
        OptionalLong cached = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "prompt_tokens" -> in = first(in, count(p, v));
                case "completion_tokens" -> out = first(out, count(p, v));
                case "total_tokens" -> total = first(total, count(p, v));
                case "completion_tokens_details" -> reasoning = first(reasoning, detail(p, v, "reasoning_tokens"));
                case "prompt_tokens_details" -> cached = first(cached, detail(p, v, "cached_tokens"));
                default -> skip(p, v);
            }
        }
        return ChatCompletionsApi.usage(orEmpty(in), orEmpty(out), orEmpty(total), orEmpty(reasoning), orEmpty(cached), flavor);
    }

    private static OptionalLong first(OptionalLong before, OptionalLong value) throws Unusual {
        if (before != null) {
            throw Unusual.INSTANCE;
        }
        return value;
    }

    private static OptionalLong orEmpty(OptionalLong value) {
        return value == null ? OptionalLong.empty() : value;
    }

    /** A count: a whole number that fits a long; any other number gives up, anything else is no count (not a number in the tree). */
    private static OptionalLong count(JsonParser p, JsonToken t) throws IOException, Unusual {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = p.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                return OptionalLong.of(p.getLongValue());
            }
            throw Unusual.INSTANCE;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            throw Unusual.INSTANCE;
        }
        skip(p, t);
        return OptionalLong.empty();
    }

    /** One count inside a details object; a details value that is not an object has none. */
    private static OptionalLong detail(JsonParser p, JsonToken t, String field) throws IOException, Unusual {
        if (t != JsonToken.START_OBJECT) {
            skip(p, t);
            return OptionalLong.empty();
        }
        OptionalLong value = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals(field)) {
                value = first(value, count(p, v));
            } else {
                skip(p, v);
            }
        }
        return orEmpty(value);
    }

    /** A text field as {@code Json.text} reads it: the string, or null for any other value. */
    private static String text(JsonParser p, JsonToken t) throws IOException, Unusual {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        skip(p, t);
        return null;
    }

    /**
     * Passes over a value not read, decoding every string in it as the tree would (skipping a
     * string unread checks its bytes less than decoding it does).
     */
    private static void skip(JsonParser p, JsonToken t) throws IOException, Unusual {
        if (t == JsonToken.VALUE_STRING) {
            p.getTextLength();
            return;
        }
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            JsonToken n = p.nextToken();
            if (n == null) {
                throw Unusual.INSTANCE;
            }
            if (n.isStructStart()) {
                depth++;
            } else if (n.isStructEnd()) {
                depth--;
            } else if (n == JsonToken.VALUE_STRING) {
                p.getTextLength();
            }
        }
    }
}
