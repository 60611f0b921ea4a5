package dev.bench4j.providers.openai.internal;

import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.bench4j.core.Message;
import dev.bench4j.core.spi.TokenCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Counts a Chat Completions request's input tokens with OpenAI's own encodings (JTokkit, a Java port
 * of tiktoken): the text of every message exactly, plus the chat format's framing as OpenAI's
 * cookbook "How to count tokens with tiktoken" counts it: 3 tokens per message, the tokens of each
 * field's value (role and content), 1 more for a {@code name}, and 3 for the primed reply. The cookbook
 * checks that rule against the API for gpt-3.5-turbo, gpt-4, gpt-4o and gpt-4o-mini and calls it an
 * estimate for other models, so for the others the framing (a few tokens per message) is an estimate
 * and the text is exact.
 *
 * <p>The encoding follows tiktoken's model table: {@code o200k_base} for the gpt-4o, gpt-4.1,
 * gpt-4.5, gpt-5 and o-series (o1, o3, o4-mini) families, {@code cl100k_base} for gpt-4 and
 * gpt-3.5-turbo. Another {@code gpt-} model (a family newer than this table) is counted with
 * {@code o200k_base} and reported as an estimate.
 */
public final class TiktokenCounter implements TokenCounter {

    private static final Pattern O200K = Pattern.compile(
            "(gpt-4o|chatgpt-4o|gpt-4\\.1|gpt-4\\.5|gpt-5|o[1-9])($|[-.].*)");
    private static final Pattern CL100K = Pattern.compile("(gpt-4|gpt-3\\.5-turbo|gpt-35-turbo)($|-.*)");
    private static final Pattern OTHER_GPT = Pattern.compile("(chat)?gpt-.*");

    /** Tokens each message adds for its framing, besides its fields' values. */
    static final int PER_MESSAGE = 3;
    /** Tokens a {@code name} field adds besides its value. */
    static final int PER_NAME = 1;
    /** Tokens the primed reply ({@code <|start|>assistant<|message|>}) adds once. */
    static final int PER_REQUEST = 3;

    private final Encoding encoding;
    private final boolean exact;
    private final String name;

    private TiktokenCounter(Encoding encoding, boolean exact, String name) {
        this.encoding = encoding;
        this.exact = exact;
        this.name = name;
    }

    /**
     * Finds the counter for an OpenAI model name.
     *
     * @param registry the encodings
     * @param model the model name, e.g. {@code gpt-4o-mini-2024-07-18}
     * @return the counter, or empty for a name that is not an OpenAI chat model (an embedding or
     *     an open-weights model behind an OpenAI-style endpoint)
     */
    public static Optional<TiktokenCounter> forModel(EncodingRegistry registry, String model) {
        Objects.requireNonNull(registry, "registry");
        String m = Objects.requireNonNull(model, "model").toLowerCase(Locale.ROOT);
        if (m.startsWith("ft:")) {   // a fine-tuned model: ft:gpt-4o-mini-2024-07-18:org::id
            m = m.substring("ft:".length());
        }
        if (O200K.matcher(m).matches()) {
            return Optional.of(of(registry, EncodingType.O200K_BASE, true));
        }
        if (CL100K.matcher(m).matches()) {
            return Optional.of(of(registry, EncodingType.CL100K_BASE, true));
        }
        if (OTHER_GPT.matcher(m).matches()) {
            return Optional.of(of(registry, EncodingType.O200K_BASE, false));
        }
        return Optional.empty();
    }

    /**
     * Creates a counter with one encoding.
     *
     * @param registry the encodings
     * @param type the encoding
     * @param exact whether the encoding is known to be the model's
     * @return the counter
     */
    public static TiktokenCounter of(EncodingRegistry registry, EncodingType type, boolean exact) {
        return new TiktokenCounter(registry.getEncoding(type), exact, exact ? type.getName()
                : type.getName() + ", assumed");
    }

    /**
     * Counts a text's tokens; special-token markers such as {@code <|endoftext|>} count as plain
     * text, as the API treats them in message content.
     *
     * @param text the text
     * @return the tokens
     */
    public long text(String text) {
        return encoding.countTokensOrdinary(Objects.requireNonNull(text, "text"));
    }

    /**
     * Counts messages given as field maps ({@code role}, {@code content}, optionally {@code name}),
     * the cookbook's {@code num_tokens_from_messages}.
     *
     * @param messages the messages
     * @return the tokens
     */
    public long countFields(List<Map<String, String>> messages) {
        long total = PER_REQUEST;
        for (Map<String, String> m : messages) {
            total += PER_MESSAGE;
            for (Map.Entry<String, String> field : m.entrySet()) {
                total += text(field.getValue());
                if (field.getKey().equals("name")) {
                    total += PER_NAME;
                }
            }
        }
        return total;
    }

    @Override
    public long count(List<Message> messages) {
        Objects.requireNonNull(messages, "messages");
        List<Map<String, String>> fields = new ArrayList<>(messages.size());
        for (Message m : messages) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("role", m.role().wireName());
            f.put("content", m.content());
            fields.add(f);
        }
        return countFields(fields);
    }

    @Override
    public boolean exact() {
        return exact;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "TiktokenCounter[" + name + "]";
    }
}
