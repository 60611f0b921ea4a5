package dev.bench4j.scoring;

import java.util.Objects;
import java.util.Optional;

/**
 * How {@link Scorers#setF1(SetF1Options)} finds the items to compare: where they are in the model's
 * output and in the trial's expected value, which field of an object item is its text, how items are
 * normalized, and what a ratio with a zero denominator is worth.
 *
 * <p>Without a {@link #pointer()}, each non-blank line of the output is one item (a leading
 * {@code "- "}, {@code "* "}, {@code "+ "}, {@code "• "}, {@code "1. "} or {@code "1) "} bullet is
 * removed). With one, the output is parsed as JSON (a surrounding fenced block such as
 * {@code ```json ... ```} is removed first) and the items are the array at that JSON Pointer; use
 * {@code ""} when the whole output is the array.
 *
 * <p>The gold items are the trial's expected value when it is an array; otherwise the array at
 * {@link #expectedPointer()}, which defaults to {@link #pointer()}. An explicit
 * {@code expectedPointer} applies to an array too.
 *
 * <pre>{@code
 * SetF1Options options = SetF1Options.defaults().withPointer("/conditions").withField("name").withZeroDivision(1.0);
 * }</pre>
 *
 * @param pointer the JSON Pointer of the item array in the output; empty to read one item per line
 * @param expectedPointer the JSON Pointer of the item array in the expected value; empty to use
 *     the expected array itself, or else {@code pointer}
 * @param field the field whose value is an object item's text; items that are strings, numbers or
 *     booleans are used as they are
 * @param normalization how items are normalized before they are compared
 * @param zeroDivision what precision, recall and F1 are when their denominator is zero: 0 or 1, as
 *     scikit-learn's {@code zero_division}
 */
public record SetF1Options(Optional<String> pointer, Optional<String> expectedPointer, Optional<String> field,
        Normalization normalization, double zeroDivision) {

    /**
     * Validates the components.
     *
     * @param pointer the JSON Pointer of the item array in the output, if the output is JSON
     * @param expectedPointer the JSON Pointer of the item array in the expected value, if set
     * @param field the field whose value is an object item's text, if set
     * @param normalization how items are normalized
     * @param zeroDivision 0 or 1
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if a pointer is not a JSON Pointer ({@code ""} or starting
     *     with {@code "/"}), {@code field} is blank, or {@code zeroDivision} is neither 0 nor 1
     */
    public SetF1Options {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(expectedPointer, "expectedPointer");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(normalization, "normalization");
        pointer.ifPresent(p -> checkPointer("pointer", p));
        expectedPointer.ifPresent(p -> checkPointer("expectedPointer", p));
        if (field.isPresent() && field.get().isBlank()) {
            throw new IllegalArgumentException("field must not be blank");
        }
        if (zeroDivision != 0.0 && zeroDivision != 1.0) {
            throw new IllegalArgumentException("zeroDivision must be 0 or 1 but was " + zeroDivision);
        }
    }

    private static void checkPointer(String what, String value) {
        if (!value.isEmpty() && !value.startsWith("/")) {
            throw new IllegalArgumentException(what + " must be a JSON Pointer (\"\" or starting with \"/\") but was \""
                    + value + "\"");
        }
    }

    /**
     * Returns the defaults: one item per line, the expected value is the gold array, normalization
     * {@link Normalization#standard()} with ignore case, and zero division 0.
     *
     * @return the default options
     */
    public static SetF1Options defaults() {
        return new SetF1Options(Optional.empty(), Optional.empty(), Optional.empty(),
                Normalization.standard().withIgnoreCase(true), 0.0);
    }

    /**
     * Returns a copy that parses the output as JSON and takes the items from the array at a pointer.
     *
     * @param jsonPointer a JSON Pointer such as {@code "/conditions"}, or {@code ""} for the whole output
     * @return the new options
     * @throws NullPointerException if {@code jsonPointer} is {@code null}
     * @throws IllegalArgumentException if {@code jsonPointer} is neither empty nor starts with {@code "/"}
     */
    public SetF1Options withPointer(String jsonPointer) {
        return new SetF1Options(Optional.of(Objects.requireNonNull(jsonPointer, "jsonPointer")), expectedPointer, field,
                normalization, zeroDivision);
    }

    /**
     * Returns a copy that takes the gold items from the array at a pointer in the expected value.
     *
     * @param jsonPointer a JSON Pointer such as {@code "/conditions"}, or {@code ""} for the whole value
     * @return the new options
     * @throws NullPointerException if {@code jsonPointer} is {@code null}
     * @throws IllegalArgumentException if {@code jsonPointer} is neither empty nor starts with {@code "/"}
     */
    public SetF1Options withExpectedPointer(String jsonPointer) {
        return new SetF1Options(pointer, Optional.of(Objects.requireNonNull(jsonPointer, "jsonPointer")), field,
                normalization, zeroDivision);
    }

    /**
     * Returns a copy that takes an object item's text from one of its fields.
     *
     * @param name the field's name, e.g. {@code "name"}
     * @return the new options
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public SetF1Options withField(String name) {
        return new SetF1Options(pointer, expectedPointer, Optional.of(Objects.requireNonNull(name, "name")),
                normalization, zeroDivision);
    }

    /**
     * Returns a copy with another item normalization.
     *
     * @param itemNormalization how items are normalized before they are compared
     * @return the new options
     * @throws NullPointerException if {@code itemNormalization} is {@code null}
     */
    public SetF1Options withNormalization(Normalization itemNormalization) {
        return new SetF1Options(pointer, expectedPointer, field,
                Objects.requireNonNull(itemNormalization, "itemNormalization"), zeroDivision);
    }

    /**
     * Returns a copy with another value for ratios whose denominator is zero.
     *
     * @param value 0 or 1, as scikit-learn's {@code zero_division}
     * @return the new options
     * @throws IllegalArgumentException if {@code value} is neither 0 nor 1
     */
    public SetF1Options withZeroDivision(double value) {
        return new SetF1Options(pointer, expectedPointer, field, normalization, value);
    }
}
