package dev.bench4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Normalization#apply(String)} gives what the first implementation gave (kept here as
 * {@link #reference(Normalization, String)}: two Locale.ROOT case calls, NFC, and two regex replaces)
 * for random texts full of the characters where the fast paths could differ, under every option
 * combination, and for every code point as whitespace.
 */
class NormalizationReferenceTest {

    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern EDGE_WHITESPACE = Pattern.compile("\\A\\s+|\\s+\\z", Pattern.UNICODE_CHARACTER_CLASS);

    /** The first implementation of {@link Normalization#apply(String)}, unchanged. */
    private static String reference(Normalization n, String text) {
        String s = text;
        if (n.ignoreCase()) {
            s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        }
        if (n.unicodeNfc()) {
            s = Normalizer.normalize(s, Normalizer.Form.NFC);
        }
        if (n.collapseWhitespace()) {
            s = WHITESPACE_RUN.matcher(s).replaceAll(" ");
        }
        if (n.trim()) {
            s = EDGE_WHITESPACE.matcher(s).replaceAll("");
        }
        return s;
    }

    /** Pieces texts are made of: ASCII, and the characters where case, NFC or whitespace are tricky. */
    private static final String[] PIECES = {
        // ASCII letters, digits, punctuation and whitespace
        "a", "z", "A", "Z", "i", "I", "0", "9", ".", "-", "@", "[", "`", "{", "~", "\u007f", "\u0000",
        " ", "  ", "\t", "\n", "\r", "\r\n", "\u000b", "\f",
        // Unicode whitespace (White_Space) and look-alikes that are not (U+001C-U+001F, U+200B, U+FEFF, U+180E)
        "\u0085", "\u00a0", "\u1680", "\u2000", "\u2003", "\u2007", "\u200a", "\u2028", "\u2029", "\u202f",
        "\u205f", "\u3000", "\u001c", "\u001d", "\u001e", "\u001f", "\u200b", "\u200c", "\u200d", "\u2060",
        "\ufeff", "\u180e",
        // Latin-1 and Latin Extended with case or NFC quirks
        "\u00b5", "\u00df", "\u1e9e", "\u00e9", "\u00c9", "\u00ff", "\u0178", "\u0149", "\u01c5", "\u01f0",
        "\u00aa", "\u00ba", "\u00c5", "\u212b", "\u212a", "\u2126", "\ufb01", "\ufb03", "\u0587",
        // Turkish and Azeri i
        "\u0130", "\u0131", "i\u0307", "I\u0307",
        // Greek: final sigma, iota subscript, dialytika with tonos
        "\u03a3", "\u03c3", "\u03c2", "\u0390", "\u03b0", "\u1f80", "\u1fb3", "\u0345", "\u0399", "\u03b9",
        // combining marks, alone, stacked and out of canonical order, and NFC singletons
        "\u0300", "\u0301", "\u0308", "\u0323", "\u0327", "\u0338", "\u0340", "\u0341", "\u0343", "\u0344",
        "\u0374", "\u037e", "\u0387", "e\u0301", "e\u0323\u0302", "e\u0302\u0323", "o\u0308\u0304",
        // Hangul syllable and conjoining jamo
        "\uac00", "\u1100", "\u1161", "\u11a8",
        // CJK and full-width
        "\u4e2d", "\uff21", "\uff41",
        // surrogate pairs: emoji, Deseret (case pairs outside the BMP), a composition exclusion,
        // mathematical bold letters; and lone surrogates
        "\ud83d\ude00", "\ud801\udc00", "\ud801\udc28", "\ud834\udd5e", "\ud834\udd57\ud834\udd65", "\ud835\udc00",
        "\ud800", "\udc00",
    };

    private static List<Normalization> everyCombination() {
        List<Normalization> all = new ArrayList<>();
        for (int bits = 0; bits < 16; bits++) {
            all.add(new Normalization((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0));
        }
        return all;
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        int pieces = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(30);
        boolean asciiOnly = random.nextInt(3) == 0;
        for (int p = 0; p < pieces; p++) {
            if (asciiOnly) {
                b.append((char) random.nextInt(0x80));
            } else if (random.nextInt(5) == 0) {
                b.appendCodePoint(random.nextInt(0x3000));
            } else {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return b.toString();
    }

    @Test
    void everyOptionCombinationGivesWhatTheReferenceGivesForRandomTexts() {
        Random random = new Random(20240611);
        List<Normalization> combinations = everyCombination();
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random);
            for (Normalization n : combinations) {
                String expected = reference(n, text);
                if (!n.apply(text).equals(expected)) {
                    assertThat(n.apply(text)).as("%s of %s", n, escaped(text)).isEqualTo(expected);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(20_000 * 16);
    }

    @Test
    void eachPieceAloneAndBetweenSpacesGivesWhatTheReferenceGives() {
        for (Normalization n : everyCombination()) {
            for (String piece : PIECES) {
                for (String text : List.of(piece, " " + piece + " ", piece + piece, "x" + piece + "\u00a0" + piece + "x")) {
                    assertThat(n.apply(text)).as("%s of %s", n, escaped(text)).isEqualTo(reference(n, text));
                }
            }
        }
    }

    @Test
    void everyCodePointIsWhitespaceExactlyWhenTheRegexSaysSo() {
        Normalization collapse = Normalization.none().withCollapseWhitespace(true);
        Normalization trim = Normalization.none().withTrim(true);
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String c = Character.toString(cp);
            String inside = "a" + c + c + "b";
            String edges = c + "a" + c;
            if (!collapse.apply(inside).equals(reference(collapse, inside))
                    || !trim.apply(edges).equals(reference(trim, edges))) {
                assertThat(collapse.apply(inside)).as("U+%04X", cp).isEqualTo(reference(collapse, inside));
                assertThat(trim.apply(edges)).as("U+%04X", cp).isEqualTo(reference(trim, edges));
            }
        }
    }

    @Test
    void everyAsciiTextOfOneOrTwoCharactersFoldsAsTheReferenceDoes() {
        Normalization fold = Normalization.none().withIgnoreCase(true);
        for (char a = 0; a < 0x80; a++) {
            assertThat(fold.apply(String.valueOf(a))).isEqualTo(reference(fold, String.valueOf(a)));
            for (char b = 0; b < 0x80; b++) {
                String text = new String(new char[] {a, b});
                assertThat(fold.apply(text)).isEqualTo(reference(fold, text));
            }
        }
    }

    /** The NFC shortcut assumes text made only of characters below U+0300 is NFC; so it is, pair by pair. */
    @Test
    void everyTextOfCharactersBelowU0300IsNfcPairByPair() {
        for (char a = 0; a < 0x300; a++) {
            assertThat(Normalizer.isNormalized(String.valueOf(a), Normalizer.Form.NFC)).as("U+%04X", (int) a).isTrue();
            for (char b = 0; b < 0x300; b++) {
                String text = new String(new char[] {a, b});
                if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
                    assertThat(text).as("U+%04X U+%04X", (int) a, (int) b).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
                }
            }
        }
    }

    @Test
    void longTextsGiveWhatTheReferenceGives() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            StringBuilder b = new StringBuilder();
            while (b.length() < 2000) {
                b.append(randomText(random));
            }
            String text = b.toString();
            for (Normalization n : everyCombination()) {
                assertThat(n.apply(text)).isEqualTo(reference(n, text));
            }
        }
    }

    private static String escaped(String text) {
        StringBuilder b = new StringBuilder("\"");
        text.chars().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return b.append('"').toString();
    }
}
