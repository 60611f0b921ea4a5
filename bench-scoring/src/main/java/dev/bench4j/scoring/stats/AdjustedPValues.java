package dev.bench4j.scoring.stats;

import java.util.List;
import java.util.Objects;

/**
 * A family of p-values adjusted for being read together, in the order they were given, with the
 * decision at a level.
 *
 * @param method the adjustment applied
 * @param alpha the family's level the rejections are decided at
 * @param pValues the p-values as given
 * @param adjusted the adjusted p-values, in [0, 1], in the same order
 * @param rejected whether each null hypothesis is rejected at {@code alpha} under the method
 */
public record AdjustedPValues(PAdjustment method, double alpha, List<Double> pValues, List<Double> adjusted,
        List<Boolean> rejected) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if the lists differ in size or {@code alpha} is not in (0, 1)
     */
    public AdjustedPValues {
        Objects.requireNonNull(method, "method");
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
        pValues = List.copyOf(pValues);
        adjusted = List.copyOf(adjusted);
        rejected = List.copyOf(rejected);
        if (adjusted.size() != pValues.size() || rejected.size() != pValues.size()) {
            throw new IllegalArgumentException("pValues, adjusted and rejected must have the same size, were "
                    + pValues.size() + ", " + adjusted.size() + " and " + rejected.size());
        }
    }

    /**
     * Returns how many p-values the family holds.
     *
     * @return the family's size
     */
    public int size() {
        return pValues.size();
    }

    /**
     * Returns one adjusted p-value.
     *
     * @param i its index in the input
     * @return the adjusted p-value
     * @throws IndexOutOfBoundsException if {@code i} is not a valid index
     */
    public double adjusted(int i) {
        return adjusted.get(i);
    }

    /**
     * Tells whether one hypothesis is rejected.
     *
     * @param i its index in the input
     * @return whether it is rejected at {@link #alpha()}
     * @throws IndexOutOfBoundsException if {@code i} is not a valid index
     */
    public boolean rejected(int i) {
        return rejected.get(i);
    }
}
