package dev.bench4j.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import dev.bench4j.scoring.Normalization;
import dev.bench4j.scoring.RougeMeasure;
import dev.bench4j.scoring.RougeVariant;
import dev.bench4j.scoring.Scorers;
import dev.bench4j.scoring.testing.Requests;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text similarity scorers give the reference implementations' values: sacreBLEU 2.6.0's sentence
 * BLEU and chrF and RapidFuzz's normalized Levenshtein for the cases in
 * {@code /textsim/textsim-fixtures.json}, and the values google-research's {@code rouge-score} tests
 * publish for ROUGE ({@code /textsim/rouge-score-published.json}); see {@code /textsim/README.md}.
 */
class TextSimilarityScorerTest {

    private static JsonNode load(String resource) {
        try (InputStream in = TextSimilarityScorerTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<JsonNode> cases(String resource) {
        return StreamSupport.stream(load(resource).get("cases").spliterator(), false);
    }

    static Stream<Arguments> sacreBleuCases() {
        return cases("/textsim/textsim-fixtures.json")
                .map(c -> Arguments.argumentSet(c.get("output").asText() + " | " + c.get("expected").asText(), c));
    }

    static Stream<Arguments> rougeCases() {
        return cases("/textsim/rouge-score-published.json")
                .map(c -> Arguments.argumentSet(c.get("test").asText() + " " + c.get("variant").asText()
                        + " | " + c.get("prediction").asText(), c));
    }

    private static ScorerFactory factory(String type) {
        return ServiceLoader.load(ScorerFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals(type)).findFirst().orElseThrow();
    }

    private static double value(Scorer scorer, String output, Object expected) {
        return Requests.score(scorer, output, expected).value().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("sacreBleuCases")
    void sentenceBleuIsSacreBleusWithItsDefaults(JsonNode c) {
        SacreBleu.Bleu bleu = SacreBleu.sentenceBleu(c.get("output").asText(), c.get("expected").asText());

        assertThat(bleu.score()).isCloseTo(c.get("bleu").asDouble(), within(1e-9));
        assertThat(bleu.brevityPenalty()).isCloseTo(c.get("bleu_bp").asDouble(), within(1e-12));
        for (int n = 0; n < 4; n++) {
            assertThat(bleu.precisions()[n]).as("precision %d", n + 1)
                    .isCloseTo(c.get("bleu_precisions").get(n).asDouble(), within(1e-9));
        }
        Score score = Requests.score(Scorers.bleu(), c.get("output").asText(), c.get("expected").asText());
        assertThat(score.value().orElseThrow()).isCloseTo(c.get("bleu").asDouble() / 100, within(1e-11)).isBetween(0.0, 1.0);
    }

    @ParameterizedTest
    @MethodSource("sacreBleuCases")
    void chrfIsSacreBleusWithItsDefaults(JsonNode c) {
        assertThat(SacreBleu.chrf(c.get("output").asText(), c.get("expected").asText()))
                .isCloseTo(c.get("chrf").asDouble(), within(1e-9));
        assertThat(value(Scorers.chrf(), c.get("output").asText(), c.get("expected").asText()))
                .isCloseTo(c.get("chrf").asDouble() / 100, within(1e-11)).isBetween(0.0, 1.0);
    }

    @ParameterizedTest
    @MethodSource("sacreBleuCases")
    void levenshteinWithoutNormalizationIsRapidFuzzsNormalizedSimilarity(JsonNode c) {
        Score score = Requests.score(Scorers.levenshtein(Normalization.none()), c.get("output").asText(),
                c.get("expected").asText());

        assertThat(score.value().orElseThrow()).isCloseTo(c.get("levenshtein_similarity").asDouble(), within(1e-12));
        assertThat(score.details()).containsEntry("distance", c.get("levenshtein_distance").asDouble());
    }

    @ParameterizedTest
    @MethodSource("rougeCases")
    void rougeGivesTheValuesRougeScoresTestsPublish(JsonNode c) {
        RougeVariant variant = RougeVariant.fromPlanName(c.get("variant").asText());
        double tolerance = 0.5 * Math.pow(10, -c.get("places").asInt());
        String output = c.get("prediction").asText();
        String expected = c.get("target").asText();

        Rouge.Result r = Rouge.score(variant, expected, output);

        assertThat(r.precision()).isCloseTo(c.get("precision").asDouble(), within(tolerance));
        assertThat(r.recall()).isCloseTo(c.get("recall").asDouble(), within(tolerance));
        assertThat(r.f()).isCloseTo(c.get("f").asDouble(), within(tolerance));
        assertThat(value(Scorers.rouge(variant, RougeMeasure.PRECISION), output, expected)).isEqualTo(r.precision());
        assertThat(value(Scorers.rouge(variant, RougeMeasure.RECALL), output, expected)).isEqualTo(r.recall());
        assertThat(value(Scorers.rouge(variant, RougeMeasure.F), output, expected)).isEqualTo(r.f());
    }

    @Test
    void rougeTokenizesAsRougeScoresTestsPublish() {
        assertThat(Rouge.tokens("one Two three")).containsExactly("one", "two", "three");
        assertThat(Rouge.tokens("one\n Two \nthree")).containsExactly("one", "two", "three");
    }

    @Test
    void rougeTokensAreLowercasedAsciiLettersAndDigitsAndEverythingElseSeparates() {
        assertThat(Rouge.tokens("Hello, WORLD! It's 3.14")).containsExactly("hello", "world", "it", "s", "3", "14");
        assertThat(Rouge.tokens("Café crème")).containsExactly("caf", "cr", "me");
        assertThat(Rouge.tokens("日本語 / -- !")).isEmpty();
        // U+212A KELVIN SIGN lowercases to an ASCII k, in Python as in Java
        assertThat(Rouge.tokens("\u212Aelvin")).containsExactly("kelvin");
    }

    @Test
    void rougeLIsTheLongestCommonSubsequenceOfTokensNotOfAdjacentOnes() {
        // rouge-score's testLcsTable: LCS of [1, 2, 3, 4, 5] and [2, 5, 3, 4] is 3; none with [8, 9]
        assertThat(Rouge.lcsLength(new int[] {1, 2, 3, 4, 5}, new int[] {2, 5, 3, 4})).isEqualTo(3);
        assertThat(Rouge.lcsLength(new int[] {1, 2, 3, 4, 5}, new int[] {8, 9})).isZero();
        Score score = Requests.score(Scorers.rouge(RougeVariant.ROUGE_L, RougeMeasure.F), "the cat was found under the bed",
                "the cat was under the bed");
        assertThat(score.details()).containsEntry("precision", 6 / 7.0).containsEntry("recall", 1.0);
        assertThat(score.value().orElseThrow()).isCloseTo(2 * (6 / 7.0) / (6 / 7.0 + 1), within(1e-15));
    }

    /** The textbook dynamic programme, the oracle for the bit-parallel {@link Rouge#lcsLength}. */
    private static int lcsByTable(int[] a, int[] b) {
        int[][] t = new int[a.length + 1][b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.length][b.length];
    }

    @Test
    void theBitParallelLcsEqualsTheTableOnRandomSequencesAcrossWordBoundaries() {
        SplittableRandom r = new SplittableRandom(16);
        for (int round = 0; round < 2000; round++) {
            int alphabet = 1 + r.nextInt(round % 3 == 0 ? 3 : 40);
            int[] a = r.ints(r.nextInt(200), 0, alphabet).toArray();
            int[] b = r.ints(r.nextInt(200), 0, alphabet + 2).toArray();
            assertThat(Rouge.lcsLength(a, b)).as("round %d", round).isEqualTo(lcsByTable(a, b));
        }
    }

    @Test
    void rougeKeepsThousandsOfDistinctTokensApart() {
        List<String> words = IntStream.range(0, 3000).mapToObj(i -> "w" + i).toList();
        String forward = String.join(" ", words);
        String backward = String.join(" ", IntStream.range(0, 3000).mapToObj(i -> words.get(2999 - i)).toList());

        assertThat(Rouge.tokens(forward)).isEqualTo(words);
        assertThat(Rouge.score(RougeVariant.ROUGE_1, forward, backward).f()).isEqualTo(1.0);
        assertThat(Rouge.score(RougeVariant.ROUGE_2, forward, backward).f()).isEqualTo(0.0);
        assertThat(Rouge.score(RougeVariant.ROUGE_L, forward, backward).recall()).isEqualTo(1 / 3000.0);
    }

    @Test
    void levenshteinCountsCodePointsAndNormalizesByTheLongerText() {
        // kitten -> sitting: 3 edits, 7 code points
        assertThat(value(Scorers.levenshtein(), "kitten", "sitting")).isCloseTo(1 - 3 / 7.0, within(1e-15));
        // an emoji outside the BMP is one code point, not two chars
        assertThat(value(Scorers.levenshtein(), "a😀", "a😃")).isEqualTo(0.5);
        assertThat(value(Scorers.levenshtein(), "", "")).isEqualTo(1.0);
        assertThat(value(Scorers.levenshtein(), "", "abc")).isEqualTo(0.0);
    }

    @Test
    void levenshteinNormalizesBothTextsAsExactDoesByDefault() {
        assertThat(value(Scorers.levenshtein(), "  New \n York\n", "New York")).isEqualTo(1.0);
        assertThat(value(Scorers.levenshtein(), "new york", "New York")).isEqualTo(0.75);
        assertThat(value(factory("levenshtein").create(Map.of("ignore_case", true)), "new york", "New York")).isEqualTo(1.0);
    }

    @Test
    void bleuAndChrfAreReportedOverOneHundredWithSacreBleusScaleInTheDetails() {
        Score bleu = Requests.score(Scorers.bleu(), "The cat sat on the mat.", "The cat sat on the mat.");
        Score chrf = Requests.score(Scorers.chrf(), "The cat sat on the mat.", "The cat sat on the mat.");

        assertThat(bleu.value()).hasValue(1.0);
        assertThat(bleu.details()).containsKeys("bleu", "precision_1", "precision_4", "brevity_penalty", "output_length",
                "expected_length");
        assertThat(bleu.details().get("bleu")).isCloseTo(100.0, within(1e-9));
        assertThat(chrf.value()).hasValue(1.0);
        assertThat(chrf.details()).containsEntry("chrf", 100.0);
    }

    @Test
    void aNumberExpectedValueIsComparedByItsJsonText() {
        assertThat(value(Scorers.levenshtein(), "42", 42)).isEqualTo(1.0);
        assertThat(value(Scorers.rouge(RougeVariant.ROUGE_1, RougeMeasure.F), "it is 42", 42)).isEqualTo(0.5);
    }

    @Test
    void anArrayExpectedValueOrNoneCannotBeScored() {
        for (Scorer scorer : List.of(Scorers.levenshtein(), Scorers.rouge(RougeVariant.ROUGE_L, RougeMeasure.F),
                Scorers.bleu(), Scorers.chrf())) {
            assertThat(Requests.score(scorer, "a", List.of("a")).error()).as(scorer.name())
                    .hasValue("trial 't1' expected value must be a string, number or boolean but is an array");
            assertThat(Requests.now(scorer, Requests.withoutExpected("a")))
                    .isEqualTo(Score.error("trial 't1' has no expected value"));
        }
    }

    @Test
    void planFileOptionsChooseTheRougeVariantAndMeasure() {
        Scorer rouge2Recall = factory("rouge").create(Map.of("variant", "rouge2", "measure", "r"));

        assertThat(rouge2Recall).isEqualTo(Scorers.rouge(RougeVariant.ROUGE_2, RougeMeasure.RECALL));
        assertThat(factory("rouge").create(Map.of())).isEqualTo(Scorers.rouge(RougeVariant.ROUGE_L, RougeMeasure.F));
        assertThat(value(rouge2Recall, "testing one", "testing one two")).isEqualTo(0.5);
    }

    @Test
    void anOptionOutOfRangeIsRefusedNamingTheScorerAndTheOption() {
        assertThatThrownBy(() -> factory("rouge").create(Map.of("variant", "rouge3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rouge scorer option 'variant' must be one of rouge1, rouge2, rougeL but was \"rouge3\"");
        assertThatThrownBy(() -> factory("rouge").create(Map.of("measure", "F1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rouge scorer option 'measure' must be one of f, p, r but was \"F1\"");
        assertThatThrownBy(() -> factory("bleu").create(Map.of("tokenize", "intl")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bleu scorer has no option 'tokenize'; allowed: name");
        assertThatThrownBy(() -> factory("chrf").create(Map.of("beta", 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chrf scorer has no option 'beta'; allowed: name");
        assertThatThrownBy(() -> RougeVariant.fromPlanName("rougeLsum")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rougeLsum");
    }
}
