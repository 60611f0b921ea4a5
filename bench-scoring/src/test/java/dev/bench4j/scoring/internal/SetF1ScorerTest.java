package dev.bench4j.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Normalization;
import dev.bench4j.scoring.Scorers;
import dev.bench4j.scoring.SetF1Options;
import dev.bench4j.scoring.testing.Requests;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * set_f1 scores the set of items the model gave against the gold set: value F1, details tp, fp, fn,
 * precision, recall and f1.
 *
 * <p>The scikit-learn calls in comments give the same numbers (with scikit-learn 1.3 or later):
 * each item of the union of both sets is one sample, {@code y_true} says whether it is gold and
 * {@code y_pred} whether the model gave it. They were worked out by hand from scikit-learn's
 * definitions, not run here.
 */
class SetF1ScorerTest {

    private static final SetF1Options CONDITIONS = SetF1Options.defaults().withPointer("/conditions");

    private static Score score(Scorer scorer, String output, Object expected) {
        return Requests.score(scorer, output, expected);
    }

    private static String error(Scorer scorer, String output, Object expected) {
        return score(scorer, output, expected).error().orElseThrow();
    }

    private static void assertCounts(Score score, int tp, int fp, int fn, double precision, double recall, double f1) {
        assertThat(score.error()).isEmpty();
        assertThat(score.value()).hasValue(f1);
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("tp", (double) tp);
        expected.put("fp", (double) fp);
        expected.put("fn", (double) fn);
        expected.put("precision", precision);
        expected.put("recall", recall);
        expected.put("f1", f1);
        assertThat(score.details()).containsExactlyEntriesOf(expected);
    }

    @Nested
    class ItemsFromLines {

        @Test
        void eachNonBlankLineIsOneItem() {
            // union [diabetes, hypertension, asthma, copd]
            // precision_recall_fscore_support([1,1,0,1], [1,1,1,0], average='binary') -> (2/3, 2/3, 2/3)
            Score s = score(Scorers.setF1(), "diabetes\n\nhypertension\r\n  \nasthma\n", List.of("diabetes", "hypertension", "copd"));

            assertCounts(s, 2, 1, 1, 2.0 / 3, 2.0 / 3, 2.0 / 3);
        }

        @Test
        void leadingBulletsAreRemoved() {
            String output = "- a\n* b\n+ c\n1. d\n  12) e\n\u2022 f\n-\n";

            assertCounts(score(Scorers.setF1(), output, List.of("a", "b", "c", "d", "e", "f")), 6, 0, 0, 1.0, 1.0, 1.0);
        }

        @Test
        void aNumberOrDashWithoutFollowingSpaceIsNotABullet() {
            assertCounts(score(Scorers.setF1(), "1.5 mg\n-5 degrees", List.of("1.5 mg", "-5 degrees")), 2, 0, 0, 1.0, 1.0, 1.0);
        }

        @Test
        void aSurroundingFencedBlockIsRemoved() {
            assertCounts(score(Scorers.setF1(), "```\n- a\n- b\n```\n", List.of("a", "b")), 2, 0, 0, 1.0, 1.0, 1.0);
        }
    }

    @Nested
    class ItemsFromJson {

        @Test
        void thePointerSelectsTheArrayOfItems() {
            // union [diabetes, asthma]: precision_recall_fscore_support([1,0], [1,1], average='binary') -> (0.5, 1.0, 2/3)
            Score s = score(Scorers.setF1(CONDITIONS), "{\"conditions\": [\"diabetes\", \"asthma\"], \"age\": 54}",
                    List.of("diabetes"));

            assertCounts(s, 1, 1, 0, 0.5, 1.0, 2.0 / 3);
        }

        @Test
        void aSurroundingJsonFenceIsRemoved() {
            String output = "\n```json\n{\"conditions\": [\"diabetes\"]}\n```  \n";

            assertCounts(score(Scorers.setF1(CONDITIONS), output, List.of("diabetes")), 1, 0, 0, 1.0, 1.0, 1.0);
        }

        @Test
        void theEmptyPointerTakesTheWholeOutputAsTheArray() {
            Score s = score(Scorers.setF1(SetF1Options.defaults().withPointer("")), "[\"a\", \"b\"]", List.of("a", "b"));

            assertCounts(s, 2, 0, 0, 1.0, 1.0, 1.0);
        }

        @Test
        void numbersAndBooleansAreItemsByTheirJsonText() {
            // union [1, 2, true, 3]: precision_recall_fscore_support([1,0,1,1], [1,1,1,0], average='binary') -> (2/3, 2/3, 2/3)
            Score s = score(Scorers.setF1(SetF1Options.defaults().withPointer("")), "[1, 2, true]", List.of(1, true, 3));

            assertCounts(s, 2, 1, 1, 2.0 / 3, 2.0 / 3, 2.0 / 3);
        }

        @Test
        void theFieldPicksTheTextOfObjectItemsOnBothSides() {
            String output = "{\"conditions\": [{\"name\": \"Diabetes\", \"code\": \"E11\"}, {\"name\": \"Asthma\"}]}";
            Map<String, Object> gold = Map.of("conditions", List.of(Map.of("name", "diabetes"), "hypertension"));

            // union [diabetes, asthma, hypertension]:
            // precision_recall_fscore_support([1,0,1], [1,1,0], average='binary') -> (0.5, 0.5, 0.5)
            assertCounts(score(Scorers.setF1(CONDITIONS.withField("name")), output, gold), 1, 1, 1, 0.5, 0.5, 0.5);
        }

        @Test
        void theExpectedPointerMayDifferFromTheOutputPointer() {
            Score s = score(Scorers.setF1(CONDITIONS.withExpectedPointer("/gold/items")), "{\"conditions\": [\"a\"]}",
                    Map.of("gold", Map.of("items", List.of("a", "b"))));

            assertCounts(s, 1, 0, 1, 1.0, 0.5, 2.0 / 3);
        }

        @Test
        void anExpectedArrayIsTheGoldSetWhateverThePointer() {
            assertCounts(score(Scorers.setF1(CONDITIONS), "{\"conditions\": [\"a\"]}", List.of("a")), 1, 0, 0, 1.0, 1.0, 1.0);
        }

        @Test
        void linesOfOutputCanBeScoredAgainstObjectsOfGoldWithAnExpectedPointerAndField() {
            Score s = score(Scorers.setF1(SetF1Options.defaults().withExpectedPointer("/conditions").withField("name")),
                    "- diabetes", Map.of("conditions", List.of(Map.of("name", "Diabetes"))));

            assertCounts(s, 1, 0, 0, 1.0, 1.0, 1.0);
        }
    }

    @Nested
    class SetsAndNormalization {

        @Test
        void duplicatesCountOnceAfterNormalization() {
            Score s = score(Scorers.setF1(), "- Diabetes\n- diabetes\n-   DIABETES  \n- asthma",
                    List.of("diabetes", "Diabetes", "asthma"));

            assertCounts(s, 2, 0, 0, 1.0, 1.0, 1.0);
        }

        @Test
        void byDefaultItemsAreComparedIgnoringCaseAndWhitespace() {
            assertCounts(score(Scorers.setF1(), "- Type  2\tDiabetes", List.of("type 2 diabetes")), 1, 0, 0, 1.0, 1.0, 1.0);
        }

        @Test
        void anotherNormalizationCanMakeCaseCount() {
            Score s = score(Scorers.setF1(SetF1Options.defaults().withNormalization(Normalization.standard())),
                    "- Diabetes", List.of("diabetes"));

            // union [Diabetes, diabetes]: precision_recall_fscore_support([0,1], [1,0], average='binary') -> (0, 0, 0)
            assertCounts(s, 0, 1, 1, 0.0, 0.0, 0.0);
        }

        @Test
        void blankItemsAreDropped() {
            assertCounts(score(Scorers.setF1(SetF1Options.defaults().withPointer("")), "[\"a\", \" \", \"\"]", List.of("a", "")),
                    1, 0, 0, 1.0, 1.0, 1.0);
        }
    }

    @Nested
    class ZeroDivision {

        private final Scorer zero = Scorers.setF1(SetF1Options.defaults().withPointer(""));
        private final Scorer one = Scorers.setF1(SetF1Options.defaults().withPointer("").withZeroDivision(1.0));

        @Test
        void noPredictionsGivePrecisionZeroDivisionAndRecallAndF1Zero() {
            // precision_recall_fscore_support([1,1], [0,0], average='binary', zero_division=0) -> (0.0, 0.0, 0.0)
            assertCounts(score(zero, "[]", List.of("a", "b")), 0, 0, 2, 0.0, 0.0, 0.0);
            // precision_recall_fscore_support([1,1], [0,0], average='binary', zero_division=1) -> (1.0, 0.0, 0.0)
            assertCounts(score(one, "[]", List.of("a", "b")), 0, 0, 2, 1.0, 0.0, 0.0);
        }

        @Test
        void noGoldItemsGiveRecallZeroDivisionAndPrecisionAndF1Zero() {
            // precision_recall_fscore_support([0], [1], average='binary', zero_division=0) -> (0.0, 0.0, 0.0)
            assertCounts(score(zero, "[\"a\"]", List.of()), 0, 1, 0, 0.0, 0.0, 0.0);
            // precision_recall_fscore_support([0], [1], average='binary', zero_division=1) -> (0.0, 1.0, 0.0)
            assertCounts(score(one, "[\"a\"]", List.of()), 0, 1, 0, 0.0, 1.0, 0.0);
        }

        @Test
        void neitherPredictionsNorGoldItemsGiveZeroDivisionEverywhere() {
            // precision_recall_fscore_support([0], [0], average='binary', zero_division=0) -> (0.0, 0.0, 0.0)
            assertCounts(score(zero, "[]", List.of()), 0, 0, 0, 0.0, 0.0, 0.0);
            // precision_recall_fscore_support([0], [0], average='binary', zero_division=1) -> (1.0, 1.0, 1.0)
            assertCounts(score(one, "[]", List.of()), 0, 0, 0, 1.0, 1.0, 1.0);
        }

        @Test
        void noMatchBetweenNonEmptySetsGivesZeroWhateverZeroDivision() {
            // precision_recall_fscore_support([0,1], [1,0], average='binary', zero_division=1) -> (0.0, 0.0, 0.0)
            assertCounts(score(one, "[\"a\"]", List.of("b")), 0, 1, 1, 0.0, 0.0, 0.0);
            assertCounts(score(zero, "[\"a\"]", List.of("b")), 0, 1, 1, 0.0, 0.0, 0.0);
        }

        @Test
        void aBlankOutputInLineModeIsNoPredictions() {
            // precision_recall_fscore_support([1], [0], average='binary', zero_division=1) -> (1.0, 0.0, 0.0)
            assertCounts(score(Scorers.setF1(SetF1Options.defaults().withZeroDivision(1)), " \n", List.of("a")),
                    0, 0, 1, 1.0, 0.0, 0.0);
        }
    }

    @Nested
    class Errors {

        @Test
        void anOutputThatIsNotJsonIsAnErrorShowingItsFirst80Characters() {
            String chatty = "Sure! The patient has diabetes and asthma, and I would also consider checking for hypertension.";

            assertThat(error(Scorers.setF1(CONDITIONS), chatty, List.of("diabetes")))
                    .isEqualTo("output is not JSON: " + chatty.substring(0, 80));
            assertThat(error(Scorers.setF1(CONDITIONS), "Sure!", List.of("diabetes")))
                    .isEqualTo("output is not JSON: Sure!");
            assertThat(error(Scorers.setF1(CONDITIONS), "", List.of("diabetes"))).isEqualTo("output is not JSON: ");
        }

        @Test
        void textAfterTheJsonValueMakesTheOutputNotJson() {
            assertThat(error(Scorers.setF1(CONDITIONS), "{\"conditions\": []} Hope this helps!", List.of("a")))
                    .isEqualTo("output is not JSON: {\"conditions\": []} Hope this helps!");
        }

        @Test
        void anOutputWithoutAnArrayAtThePointerIsAnError() {
            assertThat(error(Scorers.setF1(CONDITIONS), "{\"diagnoses\": []}", List.of("a")))
                    .isEqualTo("output has nothing at pointer \"/conditions\"");
            assertThat(error(Scorers.setF1(CONDITIONS), "{\"conditions\": \"diabetes\"}", List.of("a")))
                    .isEqualTo("output at pointer \"/conditions\" is a string, not an array");
            assertThat(error(Scorers.setF1(CONDITIONS), "{\"conditions\": null}", List.of("a")))
                    .isEqualTo("output at pointer \"/conditions\" is null, not an array");
        }

        @Test
        void anObjectItemNeedsAFieldWithAStringNumberOrBoolean() {
            assertThat(error(Scorers.setF1(CONDITIONS), "{\"conditions\": [{\"name\": \"a\"}]}", List.of("a")))
                    .isEqualTo("output item 0 at pointer \"/conditions\" is an object; set a field to take its text from");
            assertThat(error(Scorers.setF1(CONDITIONS.withField("name")), "{\"conditions\": [{\"name\": \"a\"}, {\"code\": \"E11\"}]}",
                    List.of("a"))).isEqualTo(
                    "output item 1 at pointer \"/conditions\" has no field \"name\" with a string, number or boolean value");
        }

        @Test
        void anArrayOrNullItemIsAnError() {
            Scorer whole = Scorers.setF1(SetF1Options.defaults().withPointer(""));

            assertThat(error(whole, "[\"a\", [\"b\"]]", List.of("a")))
                    .isEqualTo("output item 1 at pointer \"\" is an array, not a string, number, boolean or object");
            assertThat(error(whole, "[null]", List.of("a")))
                    .isEqualTo("output item 0 at pointer \"\" is null, not a string, number, boolean or object");
            assertThat(error(whole, "[\"a\"]", Arrays.asList("a", null)))
                    .isEqualTo("trial 't1' expected item 1 is null, not a string, number, boolean or object");
        }

        @Test
        void aTrialWithoutExpectedValueIsAnError() {
            assertThat(Requests.now(Scorers.setF1(), Requests.withoutExpected("- a")))
                    .isEqualTo(Score.error("trial 't1' has no expected value"));
            assertThat(Requests.now(Scorers.setF1(CONDITIONS), Requests.withoutExpected("not json")))
                    .isEqualTo(Score.error("trial 't1' has no expected value"));
        }

        @Test
        void anExpectedValueThatIsNotAnArrayNeedsAPointer() {
            assertThat(error(Scorers.setF1(), "- a", "a"))
                    .isEqualTo("trial 't1' expected value is a string; set_f1 needs an array, or a pointer to one");
            assertThat(error(Scorers.setF1(CONDITIONS), "{\"conditions\": []}", Map.of("diagnoses", List.of())))
                    .isEqualTo("trial 't1' expected value has nothing at pointer \"/conditions\"");
            assertThat(error(Scorers.setF1(CONDITIONS), "{\"conditions\": []}", Map.of("conditions", "a")))
                    .isEqualTo("trial 't1' expected value at pointer \"/conditions\" is a string, not an array");
        }

        @Test
        void aGoldObjectItemWithoutFieldIsAnError() {
            assertThat(error(Scorers.setF1(), "- a", List.of(Map.of("name", "a"))))
                    .isEqualTo("trial 't1' expected item 0 is an object; set a field to take its text from");
            assertThat(error(Scorers.setF1(CONDITIONS), "{\"conditions\": []}", Map.of("conditions", List.of(Map.of()))))
                    .isEqualTo("trial 't1' expected item 0 at pointer \"/conditions\" is an object; set a field to take its "
                            + "text from");
        }
    }
}
