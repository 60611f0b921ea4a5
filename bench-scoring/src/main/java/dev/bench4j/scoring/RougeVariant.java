package dev.bench4j.scoring;

import java.util.Objects;

/**
 * Which ROUGE score {@link Scorers#rouge(RougeVariant, RougeMeasure)} computes, as Google's
 * {@code rouge-score} package defines them.
 */
public enum RougeVariant {

    /** ROUGE-1: overlap of single tokens (unigrams). */
    ROUGE_1("rouge1"),

    /** ROUGE-2: overlap of token pairs (bigrams). */
    ROUGE_2("rouge2"),

    /** ROUGE-L: the longest common subsequence of tokens, sentence-level (the whole text as one sentence). */
    ROUGE_L("rougeL");

    private final String planName;

    RougeVariant(String planName) {
        this.planName = planName;
    }

    /**
     * Returns the name a plan file gives this variant in option {@code variant}: {@code rouge1},
     * {@code rouge2} or {@code rougeL} (the key {@code rouge-score} uses).
     *
     * @return the plan-file name
     */
    public String planName() {
        return planName;
    }

    /**
     * Returns the variant a plan file names.
     *
     * @param planName {@code rouge1}, {@code rouge2} or {@code rougeL}
     * @return the variant
     * @throws NullPointerException if {@code planName} is {@code null}
     * @throws IllegalArgumentException if no variant has that name
     */
    public static RougeVariant fromPlanName(String planName) {
        Objects.requireNonNull(planName, "planName");
        for (RougeVariant v : values()) {
            if (v.planName.equals(planName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("no ROUGE variant '" + planName + "'; allowed: rouge1, rouge2, rougeL");
    }
}
