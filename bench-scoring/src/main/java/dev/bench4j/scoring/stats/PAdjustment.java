package dev.bench4j.scoring.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How p-values are adjusted when several tests are read together: not at all, Bonferroni's or
 * Holm's correction (control the family-wise error rate), or Benjamini–Hochberg's (controls the
 * false discovery rate). {@link PValues#adjust(double[], PAdjustment, double)} applies one as
 * statsmodels' {@code multipletests} does.
 */
public enum PAdjustment {
    /** No adjustment: each p-value is read on its own. */
    NONE("none", "unadjusted", "none"),
    /** Bonferroni: {@code min(1, n·p)}; statsmodels' {@code method='bonferroni'}. */
    BONFERRONI("bonferroni", "Bonferroni", "bonferroni"),
    /** Holm's step-down: statsmodels' {@code method='holm'}. */
    HOLM("holm", "Holm", "holm"),
    /** Benjamini–Hochberg's step-up (false discovery rate): statsmodels' {@code method='fdr_bh'}. */
    BENJAMINI_HOCHBERG("bh", "Benjamini–Hochberg", "fdr_bh");

    private final String optionName;
    private final String label;
    private final String statsmodelsName;

    PAdjustment(String optionName, String label, String statsmodelsName) {
        this.optionName = optionName;
        this.label = label;
        this.statsmodelsName = statsmodelsName;
    }

    /**
     * Returns the short name a command-line option takes.
     *
     * @return {@code none}, {@code bonferroni}, {@code holm} or {@code bh}
     */
    public String optionName() {
        return optionName;
    }

    /**
     * Returns the name people read, e.g. in "p = 0.004 (Holm-adjusted)".
     *
     * @return {@code unadjusted}, {@code Bonferroni}, {@code Holm} or {@code Benjamini–Hochberg}
     */
    public String label() {
        return label;
    }

    /**
     * Returns the name statsmodels' {@code multipletests} gives the same method.
     *
     * @return {@code none}, {@code bonferroni}, {@code holm} or {@code fdr_bh}
     */
    public String statsmodelsName() {
        return statsmodelsName;
    }

    /**
     * Reads a method's name, ignoring case: the option name ({@code none}, {@code bonferroni},
     * {@code holm}, {@code bh}), statsmodels' ({@code fdr_bh}) or the constant's.
     *
     * @param name the name
     * @return the method
     * @throws IllegalArgumentException if no method has that name; the message lists the choices
     * @throws NullPointerException if {@code name} is {@code null}
     */
    public static PAdjustment parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (PAdjustment a : values()) {
            if (a.optionName.equals(n) || a.statsmodelsName.equals(n) || a.name().toLowerCase(Locale.ROOT).equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown p-value adjustment '" + name + "'; expected one of "
                + Arrays.stream(values()).map(PAdjustment::optionName).collect(Collectors.joining(", ")));
    }
}
