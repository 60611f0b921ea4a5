package dev.bench4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Templates: broken placeholders found with their position; lookalikes of other tools found; linear on hostile text. */
class TemplateTest {

    @Test
    void anUnclosedOrEmptyPlaceholderIsBrokenWithItsLineAndColumn() {
        assertThat(Template.brokenPlaceholders("Classify: {{text")).containsExactly(
                new Template.Spot("{{text", 1, 11, "no closing }}"));
        assertThat(Template.brokenPlaceholders("a\nb {{ other and {{name}}")).containsExactly(
                new Template.Spot("{{ other and {{name}}", 2, 3, "no closing }}"));
        assertThat(Template.brokenPlaceholders("x {{}} y {{  }}")).extracting(Template.Spot::column).containsExactly(3, 10);
    }

    @Test
    void wellFormedPlaceholdersAndJsonBracesAreNotBroken() {
        assertThat(Template.brokenPlaceholders("{{text}} {\"a\": {\"b\": 1}} }} {x}")).isEmpty();
        assertThat(Template.brokenPlaceholders("Return {\"label\": \"{{label}}\"}")).isEmpty();
    }

    @Test
    void singleBracePlaceholdersAreFoundWhenTheyNameAVariableOrLookLikeOne() {
        assertThat(Template.lookalikePlaceholders("Summarise {article_text} in {n} words", Set.of("n")))
                .extracting(Template.Spot::text).containsExactly("{article_text}", "{n}");
    }

    @Test
    void latexShellAndJsonBracesAreNotWarnedAbout() {
        assertThat(Template.lookalikePlaceholders("\\frac{a}{b} x^{ab} ${HOME} {\"k\": 1} {x} f{name}", Set.of()))
                .isEmpty();
    }

    @Test
    void doubleBracesAroundSomethingThatIsNotANameAreWarnedAbout() {
        assertThat(Template.lookalikePlaceholders("Hi {{ user | upper }} and {{name}}", Set.of()))
                .extracting(Template.Spot::text).containsExactly("{{ user | upper }}");
    }

    @Test
    void aTextFullOfBracesIsScannedInLinearTime() {
        String hostile = "{".repeat(400_000) + "}}" + "{x".repeat(200_000);
        long start = System.nanoTime();

        assertThat(Template.brokenPlaceholders(hostile)).hasSizeLessThanOrEqualTo(20);
        Template.lookalikePlaceholders(hostile, Set.of("x"));
        assertThat(Template.parse(hostile).render(Map.of(), v -> new IllegalStateException(v))).isEqualTo(hostile);

        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }
}
