package dev.bench4j.core;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a model stopped, normalized across providers; the provider's own value is kept beside it
 * ({@link Result#rawFinishReason()}).
 */
public enum FinishReason {
    /** The model finished its answer or hit a stop sequence. */
    STOP,
    /** The output token limit cut the answer short. */
    LENGTH,
    /** The provider's content filter withheld or cut the answer. */
    CONTENT_FILTER,
    /** The model asked to call a tool. */
    TOOL_CALLS,
    /** The call failed; there is no answer. */
    ERROR,
    /** A reason this enum does not know; see the raw value. */
    OTHER;

    /**
     * Returns the name used in files: {@code stop}, {@code length}, {@code content_filter},
     * {@code tool_calls}, {@code error}, {@code other}.
     *
     * @return the lower-case name
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a name written by {@link #wireName()}, ignoring case; an unknown name gives {@link #OTHER}.
     *
     * @param name the name
     * @return the finish reason
     */
    public static FinishReason fromWireName(String name) {
        Objects.requireNonNull(name, "name");
        for (FinishReason r : values()) {
            if (r.wireName().equalsIgnoreCase(name)) {
                return r;
            }
        }
        return OTHER;
    }
}
