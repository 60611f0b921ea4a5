package dev.bench4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.testing.Requests;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Aggregates equal scikit-learn's values in metrics/reference.json (made by make_reference.py with
 * scikit-learn 1.9.1) to 1e-12.
 */
class AggregatesReferenceTest {

    private static final double TOLERANCE = 1e-12;

    private static JsonNode reference() throws IOException {
        try (InputStream in = AggregatesReferenceTest.class.getResourceAsStream("/metrics/reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** "warn" in scikit-learn gives 0. */
    private static double zeroDivision(JsonNode result) {
        JsonNode zd = result.get("zero_division");
        return zd.isNumber() ? zd.doubleValue() : 0.0;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.textValue()));
        return out;
    }

    private static List<List<String>> stringLists(JsonNode arrays) {
        List<List<String>> out = new ArrayList<>();
        arrays.forEach(a -> out.add(strings(a)));
        return out;
    }

    private static void assertPrf(Aggregates.PrecisionRecallF1 actual, JsonNode expected, String what) {
        assertThat(actual.precision()).as(what + " precision").isCloseTo(expected.get("precision").doubleValue(), within(TOLERANCE));
        assertThat(actual.recall()).as(what + " recall").isCloseTo(expected.get("recall").doubleValue(), within(TOLERANCE));
        assertThat(actual.f1()).as(what + " f1").isCloseTo(expected.get("f1").doubleValue(), within(TOLERANCE));
    }

    @Test
    void theReferenceWasMadeWithScikitLearn() throws IOException {
        assertThat(reference().get("sklearn_version").textValue()).isEqualTo("1.9.1");
        assertThat(reference().get("classification")).hasSizeGreaterThanOrEqualTo(7);
        assertThat(reference().get("sets")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(reference().get("multilabel_sets")).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void classificationMetricsEqualScikitLearn() throws IOException {
        int checked = 0;
        for (JsonNode c : reference().get("classification")) {
            List<String> expected = strings(c.get("expected"));
            List<String> predicted = strings(c.get("predicted"));
            for (JsonNode r : c.get("results")) {
                String what = c.get("name").textValue() + " zero_division=" + r.get("zero_division");
                Aggregates.Classification m = Aggregates.classification(expected, predicted, zeroDivision(r));
                assertThat(m.accuracy()).as(what + " accuracy").isCloseTo(r.get("accuracy").doubleValue(), within(TOLERANCE));
                assertPrf(m.micro(), r.get("micro"), what + " micro");
                assertPrf(m.macro(), r.get("macro"), what + " macro");
                assertPrf(m.weighted(), r.get("weighted"), what + " weighted");
                if (r.has("binary")) {
                    assertPrf(m.perLabel().get(r.get("pos_label").textValue()).metrics(), r.get("binary"), what + " binary");
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(21);
    }

    @Test
    void setF1AggregatesEqualScikitLearnMicroAndSamplesAverages() throws IOException {
        Scorer setF1 = Scorers.setF1(SetF1Options.defaults().withPointer(""));
        ObjectMapper mapper = new ObjectMapper();
        int checked = 0;
        for (JsonNode c : reference().get("sets")) {
            List<Score> scores = new ArrayList<>();
            for (int i = 0; i < c.get("gold").size(); i++) {
                String output = mapper.writeValueAsString(c.get("predicted").get(i));
                scores.add(Requests.score(setF1, output, strings(c.get("gold").get(i))));
            }
            for (JsonNode r : c.get("results")) {
                String what = c.get("name").textValue() + " zero_division=" + r.get("zero_division");
                double zd = zeroDivision(r);
                assertPrf(Aggregates.micro(scores, zd), r.get("micro"), what + " micro");
                assertPrf(Aggregates.macro(scores, zd), r.get("samples"), what + " macro (samples)");
                assertThat(Aggregates.subsetAccuracy(scores)).as(what + " subset accuracy")
                        .isCloseTo(r.get("subset_accuracy").doubleValue(), within(TOLERANCE));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(15);
    }

    @Test
    void multilabelAveragesEqualScikitLearnWithAndWithoutExtraLabels() throws IOException {
        int checked = 0;
        int withExtraLabels = 0;
        for (String array : List.of("sets", "multilabel_sets")) {
            for (JsonNode c : reference().get(array)) {
                List<List<String>> gold = stringLists(c.get("gold"));
                // A linked list too: the trials are read in order, not by index.
                List<List<String>> predicted = new LinkedList<>(stringLists(c.get("predicted")));
                List<String> labels = strings(c.get("labels"));
                boolean extraLabels = !c.get("extra_labels").isEmpty();
                for (JsonNode r : c.get("results")) {
                    String what = c.get("name").textValue() + " zero_division=" + r.get("zero_division");
                    double zd = zeroDivision(r);
                    Aggregates.Multilabel m = extraLabels
                            ? Aggregates.multilabel(gold, predicted, labels, zd)
                            : Aggregates.multilabel(gold, predicted, zd);
                    assertPrf(m.micro(), r.get("micro"), what + " micro");
                    assertPrf(m.macro().orElseThrow(), r.get("macro"), what + " macro");
                    assertPrf(m.weighted().orElseThrow(), r.get("weighted"), what + " weighted");
                    assertThat(m.subsetAccuracy()).as(what + " subset accuracy")
                            .isCloseTo(r.get("subset_accuracy").doubleValue(), within(TOLERANCE));
                    assertPrf(m.samples(), r.get("samples"), what + " samples");
                    assertThat(m.perLabel().keySet()).as(what + " labels").containsExactlyElementsOf(labels);
                    for (JsonNode l : r.get("per_label")) {
                        Aggregates.LabelMetrics actual = m.perLabel().get(l.get("label").textValue());
                        String label = what + " label " + l.get("label");
                        assertThat(actual.truePositives()).as(label + " tp")
                                .isEqualTo(l.get("true_positives").longValue());
                        assertThat(actual.predicted()).as(label + " predicted")
                                .isEqualTo(l.get("predicted").longValue());
                        assertThat(actual.support()).as(label + " support").isEqualTo(l.get("support").longValue());
                        assertPrf(actual.metrics(), l, label);
                    }
                    if (extraLabels) {
                        // Labels no trial has change only the macro average, and the weighted one when no
                        // trial has a gold item (every weight is 0, so it is the macro average).
                        Aggregates.Multilabel union = Aggregates.multilabel(gold, predicted, zd);
                        assertPrf(union.micro(), r.get("micro"), what + " micro, union of labels");
                        if (gold.stream().anyMatch(g -> !g.isEmpty())) {
                            assertPrf(union.weighted().orElseThrow(), r.get("weighted"), what + " weighted, union of labels");
                        } else {
                            assertThat(union.weighted()).as(what + " weighted, union of labels").isEqualTo(union.macro());
                        }
                        assertThat(union.subsetAccuracy()).isEqualTo(m.subsetAccuracy());
                        assertPrf(union.samples(), r.get("samples"), what + " samples, union of labels");
                        assertThat(union.perLabel()).hasSize(labels.size() - c.get("extra_labels").size());
                        withExtraLabels++;
                    } else {
                        assertThat(Aggregates.multilabel(gold, predicted, labels, zd)).as(what + " given labels")
                                .isEqualTo(m);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(45);
        assertThat(withExtraLabels).isEqualTo(21);
    }

    @Test
    void withNoLabelAtAllTheMacroAndWeightedAveragesAreUndefinedAsInScikitLearn() throws IOException {
        int checked = 0;
        for (JsonNode c : reference().get("no_labels")) {
            List<List<String>> empty = new ArrayList<>();
            for (int i = 0; i < c.get("trials").intValue(); i++) {
                empty.add(List.of());
            }
            for (JsonNode r : c.get("results")) {
                String what = c.get("name").textValue() + " zero_division=" + r.get("zero_division");
                Aggregates.Multilabel m = Aggregates.multilabel(empty, empty, zeroDivision(r));
                assertThat(r.get("macro").isNull()).as(what + " reference macro is NaN").isTrue();
                assertThat(r.get("weighted").isNull()).as(what + " reference weighted is NaN").isTrue();
                assertThat(m.macro()).as(what + " macro").isEmpty();
                assertThat(m.weighted()).as(what + " weighted").isEmpty();
                assertPrf(m.micro(), r.get("micro"), what + " micro");
                assertPrf(m.samples(), r.get("samples"), what + " samples");
                assertThat(m.subsetAccuracy()).as(what + " subset accuracy").isEqualTo(r.get("subset_accuracy").doubleValue());
                assertThat(m.perLabel()).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6);
    }
}
