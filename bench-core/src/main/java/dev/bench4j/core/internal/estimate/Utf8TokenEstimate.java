package dev.bench4j.core.internal.estimate;

import dev.bench4j.core.Message;
import dev.bench4j.core.spi.TokenCounter;
import java.util.List;
import java.util.Objects;

/**
 * The estimate for a model without its own counter, from each character's UTF-8 length: a quarter
 * token per 1-byte (ASCII) character, a third per 2-byte character (accented Latin, Greek, Cyrillic,
 * Hebrew, Arabic), three quarters per 3-byte character (CJK, most other scripts) and one per 4-byte
 * character (emoji), the sum rounded up; plus 4 tokens per message for the role and framing and 3 for
 * the primed reply (the chat format's overhead as OpenAI documents it, taken for every provider).
 *
 * <p>Byte-pair tokenizers cut English prose and code into pieces of about four characters, and
 * scripts with longer UTF-8 encodings into shorter pieces. Against OpenAI's o200k_base the estimate's
 * error on the sample texts of {@code Utf8TokenEstimateAccuracyTest} in bench-providers is within
 * about ±30% (English prose and instructions +15 to +20%, code about 0, punctuation-dense JSON about
 * −30%, German and French 0 to +15%, Russian about +20%, Chinese and Japanese about −15 to −5%);
 * other tokenizers (Claude's, Gemini's, Llama's) differ from o200k_base on their own, by amounts not
 * measured here.
 */
public final class Utf8TokenEstimate implements TokenCounter {

    /** Tokens each message adds for its role and framing. */
    static final int PER_MESSAGE = 4;
    /** Tokens the primed reply adds once per request. */
    static final int PER_REQUEST = 3;

    /** The one instance; it keeps no state. */
    public static final Utf8TokenEstimate INSTANCE = new Utf8TokenEstimate();

    private Utf8TokenEstimate() {
    }

    /**
     * Estimates a text's tokens from its characters' UTF-8 lengths (see the class description).
     *
     * @param text the text
     * @return the estimate, 0 for an empty text
     * @throws NullPointerException if {@code text} is {@code null}
     */
    public static long text(String text) {
        Objects.requireNonNull(text, "text");
        long twelfths = 0;   // of a token: 3 per ASCII character, 4 per 2-byte, 9 per 3-byte, 12 per 4-byte
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                twelfths += 3;
            } else if (c < 0x800) {
                twelfths += 4;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                twelfths += 12;
                i++;
            } else {
                twelfths += 9;
            }
        }
        return (twelfths + 11) / 12;
    }

    @Override
    public long count(List<Message> messages) {
        Objects.requireNonNull(messages, "messages");
        long total = PER_REQUEST;
        for (Message m : messages) {
            total += PER_MESSAGE + text(m.content());
        }
        return total;
    }

    @Override
    public boolean exact() {
        return false;
    }

    @Override
    public String name() {
        return "utf8-estimate";
    }

    @Override
    public String toString() {
        return "Utf8TokenEstimate[by UTF-8 length + " + PER_MESSAGE + " per message + " + PER_REQUEST + "]";
    }
}
