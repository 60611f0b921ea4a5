package dev.bench4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Normalization folds case, composes accents, collapses whitespace and trims, each when asked. */
class NormalizationTest {

    @Test
    void noneChangesNothing() {
        String text = "  Caf\u0065\u0301\u00a0 AU\tlait\n";

        assertThat(Normalization.none().apply(text)).isEqualTo(text);
        assertThat(Normalization.none()).isEqualTo(new Normalization(false, false, false, false));
    }

    @Test
    void standardTrimsCollapsesWhitespaceAndComposesAccentsButKeepsCase() {
        assertThat(Normalization.standard().apply("  Cafe\u0301 \t au\n\n lait ")).isEqualTo("Caf\u00e9 au lait");
        assertThat(Normalization.standard()).isEqualTo(new Normalization(true, false, true, true));
    }

    @Test
    void ignoreCaseFoldsCaseSoThatSharpSMatchesDoubleS() {
        Normalization n = Normalization.none().withIgnoreCase(true);

        assertThat(n.apply("Stra\u00dfe")).isEqualTo("strasse").isEqualTo(n.apply("STRASSE"));
        assertThat(n.apply("Type 2 DIABETES")).isEqualTo("type 2 diabetes");
    }

    @Test
    void standardWithIgnoreCaseGivesTheTextThatTheClassJavadocShows() {
        assertThat(Normalization.standard().withIgnoreCase(true).apply("  Type 2\n Diabetes ")).isEqualTo("type 2 diabetes");
    }

    @Test
    void unicodeWhitespaceSuchAsNoBreakSpaceIsCollapsedAndTrimmed() {
        assertThat(Normalization.standard().apply("\u00a0a\u00a0\u2003b\u3000")).isEqualTo("a b");
    }

    @Test
    void trimAloneKeepsInnerWhitespace() {
        assertThat(Normalization.none().withTrim(true).apply(" a  b\n")).isEqualTo("a  b");
    }

    @Test
    void collapseWhitespaceAloneLeavesOneSpaceAtTheEnds() {
        assertThat(Normalization.none().withCollapseWhitespace(true).apply("\n a \t b \n")).isEqualTo(" a b ");
    }

    @Test
    void unicodeNfcAloneComposesDecomposedAccents() {
        assertThat(Normalization.none().withUnicodeNfc(true).apply("e\u0301")).isEqualTo("\u00e9");
        assertThat(Normalization.none().apply("e\u0301")).isNotEqualTo("\u00e9");
    }

    @Test
    void ignoreCaseWithNfcMatchesComposedAndDecomposedCapitals() {
        Normalization n = Normalization.standard().withIgnoreCase(true);

        assertThat(n.apply("\u00c9COLE")).isEqualTo(n.apply("e\u0301cole")).isEqualTo("\u00e9cole");
    }

    @Test
    void fluentCopiesChangeOneOptionAndLeaveTheOriginalAlone() {
        Normalization standard = Normalization.standard();

        assertThat(standard.withIgnoreCase(true)).isEqualTo(new Normalization(true, true, true, true));
        assertThat(standard.withTrim(false)).isEqualTo(new Normalization(false, false, true, true));
        assertThat(standard.withCollapseWhitespace(false)).isEqualTo(new Normalization(true, false, false, true));
        assertThat(standard.withUnicodeNfc(false)).isEqualTo(new Normalization(true, false, true, false));
        assertThat(standard).isEqualTo(Normalization.standard());
    }

    @Test
    void applyRejectsNull() {
        assertThatThrownBy(() -> Normalization.standard().apply(null))
                .isInstanceOf(NullPointerException.class).hasMessage("text");
    }
}
