package dev.bench4j.scoring;

import java.util.Objects;

/**
 * Which of ROUGE's three numbers {@link Scorers#rouge(RougeVariant, RougeMeasure)} gives as the score;
 * all three are in the score's details ({@code precision}, {@code recall}, {@code f}).
 */
public enum RougeMeasure {

    /** The F1 measure, the harmonic mean of precision and recall (0 when both are 0). */
    F("f"),

    /** Precision: matched tokens (or pairs, or LCS length) over the output's. */
    PRECISION("p"),

    /** Recall: matched tokens (or pairs, or LCS length) over the expected text's. */
    RECALL("r");

    private final String planName;

    RougeMeasure(String planName) {
        this.planName = planName;
    }

    /**
     * Returns the name a plan file gives this measure in option {@code measure}: {@code f}, {@code p} or {@code r}.
     *
     * @return the plan-file name
     */
    public String planName() {
        return planName;
    }

    /**
     * Returns the measure a plan file names.
     *
     * @param planName {@code f}, {@code p} or {@code r}
     * @return the measure
     * @throws NullPointerException if {@code planName} is {@code null}
     * @throws IllegalArgumentException if no measure has that name
     */
    public static RougeMeasure fromPlanName(String planName) {
        Objects.requireNonNull(planName, "planName");
        for (RougeMeasure m : values()) {
            if (m.planName.equals(planName)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no ROUGE measure '" + planName + "'; allowed: f, p, r");
    }
}
