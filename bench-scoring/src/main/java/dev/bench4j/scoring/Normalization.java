package dev.bench4j.scoring;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How text is normalized before scorers compare it: case folding, Unicode NFC, collapsing runs of
 * whitespace into one space, and trimming. The same normalization is applied to the model's output
 * and to the expected answer.
 *
 * <p>The steps run in this order: ignore case (upper- then lower-casing in {@link Locale#ROOT}, so
 * {@code "Straße"} and {@code "STRASSE"} match), NFC, collapse whitespace, trim. Whitespace is
 * Unicode's {@code White_Space} property, so a no-break space counts.
 *
 * <pre>{@code
 * Normalization n = Normalization.standard().withIgnoreCase(true);
 * n.apply("  Type 2\n Diabetes ");   // "type 2 diabetes"
 * }</pre>
 *
 * @param trim remove leading and trailing whitespace
 * @param ignoreCase compare without regard to case
 * @param collapseWhitespace replace each run of whitespace with one space
 * @param unicodeNfc apply Unicode normalization form C, so composed and decomposed accents match
 */
public record Normalization(boolean trim, boolean ignoreCase, boolean collapseWhitespace, boolean unicodeNfc) {

    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern EDGE_WHITESPACE = Pattern.compile("\\A\\s+|\\s+\\z", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * Returns the normalization that changes nothing: texts must match character for character.
     *
     * @return every option off
     */
    public static Normalization none() {
        return new Normalization(false, false, false, false);
    }

    /**
     * Returns the usual normalization: trim, collapse whitespace and NFC, but case-sensitive.
     *
     * @return trim, collapse whitespace and NFC on; ignore case off
     */
    public static Normalization standard() {
        return new Normalization(true, false, true, true);
    }

    /**
     * Returns a copy with trimming on or off.
     *
     * @param on whether to remove leading and trailing whitespace
     * @return the new normalization
     */
    public Normalization withTrim(boolean on) {
        return new Normalization(on, ignoreCase, collapseWhitespace, unicodeNfc);
    }

    /**
     * Returns a copy with case folding on or off.
     *
     * @param on whether to compare without regard to case
     * @return the new normalization
     */
    public Normalization withIgnoreCase(boolean on) {
        return new Normalization(trim, on, collapseWhitespace, unicodeNfc);
    }

    /**
     * Returns a copy with whitespace collapsing on or off.
     *
     * @param on whether to replace each run of whitespace with one space
     * @return the new normalization
     */
    public Normalization withCollapseWhitespace(boolean on) {
        return new Normalization(trim, ignoreCase, on, unicodeNfc);
    }

    /**
     * Returns a copy with Unicode NFC on or off.
     *
     * @param on whether to apply Unicode normalization form C
     * @return the new normalization
     */
    public Normalization withUnicodeNfc(boolean on) {
        return new Normalization(trim, ignoreCase, collapseWhitespace, on);
    }

    /**
     * Normalizes a text: ignore case, NFC, collapse whitespace, trim, each if on.
     *
     * @param text the text
     * @return the normalized text
     * @throws NullPointerException if {@code text} is {@code null}
     */
    public String apply(String text) {
        String s = Objects.requireNonNull(text, "text");
        if (ignoreCase) {
            s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        }
        if (unicodeNfc) {
            s = Normalizer.normalize(s, Normalizer.Form.NFC);
        }
        if (collapseWhitespace) {
            s = WHITESPACE_RUN.matcher(s).replaceAll(" ");
        }
        if (trim) {
            s = EDGE_WHITESPACE.matcher(s).replaceAll("");
        }
        return s;
    }
}
