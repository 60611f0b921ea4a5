package dev.bench4j.scoring;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

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
            s = foldCase(s);
        }
        if (unicodeNfc && !isNfcWithoutChecking(s) && !Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFC);
        }
        if (collapseWhitespace || trim) {
            s = collapseAndTrim(s, collapseWhitespace, trim);
        }
        return s;
    }

    /**
     * Upper- then lower-cases in {@link Locale#ROOT}. For ASCII text that is the same as lower-casing
     * alone (the round trip through upper case changes only non-ASCII text, e.g. {@code ß} to
     * {@code ss}), which takes one pass instead of two; any other text takes both calls.
     */
    private static String foldCase(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
            }
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a text is certainly NFC without asking {@link Normalizer}: every character is below
     * U+0300, where no character changes under NFC or combines with a neighbour (the first
     * combining mark is U+0300).
     */
    private static boolean isNfcWithoutChecking(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x300) {
                return false;
            }
        }
        return true;
    }

    /**
     * Replaces each run of whitespace with one space (if {@code collapse}) and removes whitespace at
     * both ends (if {@code trim}), as {@code \s+} and {@code \A\s+|\s+\z} with
     * {@link java.util.regex.Pattern#UNICODE_CHARACTER_CLASS} would; returns {@code s} itself when
     * nothing changes.
     */
    private static String collapseAndTrim(String s, boolean collapse, boolean trim) {
        int start = 0;
        int end = s.length();
        if (trim) {
            for (int n; start < end && (n = whiteSpaceAt(s, start)) > 0;) {
                start += n;
            }
            for (int n; end > start && (n = whiteSpaceBefore(s, end)) > 0;) {
                end -= n;
            }
        }
        if (collapse) {
            for (int i = start; i < end;) {
                int n = whiteSpaceAt(s, i);
                if (n == 0) {
                    i++;
                } else if (n == 1 && s.charAt(i) == ' ' && (i + 1 == end || whiteSpaceAt(s, i + 1) == 0)) {
                    i += 2; // a lone ' ' stays, and the character after it is not whitespace
                } else {
                    return collapse(s, start, i, end);
                }
            }
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    /**
     * Returns {@code s[start, end)} with each run of whitespace replaced by one space, given that
     * {@code s[start, from)} needs no change and a run that does starts at {@code from}.
     */
    private static String collapse(String s, int start, int from, int end) {
        StringBuilder b = new StringBuilder(end - start).append(s, start, from);
        int copied = from;
        for (int i = from; i < end;) {
            int n = whiteSpaceAt(s, i);
            if (n == 0) {
                i++;
                continue;
            }
            int run = i;
            for (i += n; i < end && (n = whiteSpaceAt(s, i)) > 0;) {
                i += n;
            }
            if (i - run != 1 || s.charAt(run) != ' ') { // a lone ' ' stays as it is
                b.append(s, copied, run).append(' ');
                copied = i;
            }
        }
        return b.append(s, copied, end).toString();
    }

    /** The length in chars of the whitespace code point at {@code i}, or 0 if that is not whitespace. */
    private static int whiteSpaceAt(String s, int i) {
        char c = s.charAt(i);
        if (!Character.isSurrogate(c)) {
            return isWhiteSpace(c) ? 1 : 0;
        }
        int cp = s.codePointAt(i);
        return isWhiteSpace(cp) ? Character.charCount(cp) : 0;
    }

    /** The length in chars of the whitespace code point that ends at {@code end}, or 0 if that is not whitespace. */
    private static int whiteSpaceBefore(String s, int end) {
        char c = s.charAt(end - 1);
        if (!Character.isSurrogate(c)) {
            return isWhiteSpace(c) ? 1 : 0;
        }
        int cp = s.codePointBefore(end);
        return isWhiteSpace(cp) ? Character.charCount(cp) : 0;
    }

    /**
     * Whether a code point is Unicode {@code White_Space}, defined exactly as {@code \s} under
     * {@link java.util.regex.Pattern#UNICODE_CHARACTER_CLASS} ({@code \p{IsWhite_Space}}) is in
     * {@code java.util.regex}: the categories Zs, Zl and Zp, U+0009 to U+000D, and U+0085. So a
     * no-break space counts, but U+001C to U+001F and U+200B do not.
     */
    private static boolean isWhiteSpace(int cp) {
        if (cp < 0x80) {
            return cp == ' ' || (cp >= 0x9 && cp <= 0xd);
        }
        return cp == 0x85 || ((((1 << Character.SPACE_SEPARATOR) | (1 << Character.LINE_SEPARATOR)
                | (1 << Character.PARAGRAPH_SEPARATOR)) >> Character.getType(cp)) & 1) != 0;
    }
}
