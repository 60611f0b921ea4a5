package dev.bench4j.scoring;

import dev.bench4j.core.Usage;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Which token count of a result {@link Scorers#tokensUnder(long, TokenKind)} limits: the input
 * (prompt) tokens, the output (completion, reasoning included) tokens, or the total the provider
 * bills. In a plan file it is the {@code tokens} option of {@code tokens_under}: {@code "input"},
 * {@code "output"} or {@code "total"} ({@link #planName()}).
 */
public enum TokenKind {

    /** The prompt tokens ({@link Usage#inputTokens()}), cached input included. */
    INPUT("input"),

    /** The completion tokens ({@link Usage#outputTokens()}), reasoning included. */
    OUTPUT("output"),

    /** All tokens billed ({@link Usage#totalTokens()}): input + output unless the provider says otherwise. */
    TOTAL("total");

    private final String planName;

    TokenKind(String planName) {
        this.planName = planName;
    }

    /**
     * Returns the name a plan file gives this kind: {@code input}, {@code output} or {@code total}.
     *
     * @return the plan-file name
     */
    public String planName() {
        return planName;
    }

    /**
     * Returns this kind's count in a usage; it is empty when the provider did not report it, never 0
     * in its place.
     *
     * @param usage a result's usage
     * @return the count, or empty if unknown
     * @throws NullPointerException if {@code usage} is {@code null}
     */
    public OptionalLong count(Usage usage) {
        Objects.requireNonNull(usage, "usage");
        return switch (this) {
            case INPUT -> usage.inputTokens();
            case OUTPUT -> usage.outputTokens();
            case TOTAL -> usage.totalTokens();
        };
    }
}
