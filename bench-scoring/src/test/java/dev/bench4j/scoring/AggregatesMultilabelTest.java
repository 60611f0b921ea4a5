package dev.bench4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bench4j.core.Score;
import dev.bench4j.scoring.Aggregates.LabelMetrics;
import dev.bench4j.scoring.Aggregates.Multilabel;
import dev.bench4j.scoring.Aggregates.PrecisionRecallF1;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Edge cases and argument checks of {@link Aggregates#multilabel}; its values on the cases of
 * metrics/reference.json are checked by {@link AggregatesReferenceTest}.
 */
class AggregatesMultilabelTest {

    private static final double TOLERANCE = 1e-12;

    private static PrecisionRecallF1 all(double value) {
        return new PrecisionRecallF1(value, value, value);
    }

    private static void assertPrf(PrecisionRecallF1 actual, double precision, double recall, double f1, String what) {
        assertThat(actual.precision()).as(what + " precision").isCloseTo(precision, within(TOLERANCE));
        assertThat(actual.recall()).as(what + " recall").isCloseTo(recall, within(TOLERANCE));
        assertThat(actual.f1()).as(what + " f1").isCloseTo(f1, within(TOLERANCE));
    }

    @Test
    void withEveryTrialEmptyAndNoLabelMacroAndWeightedAreUndefinedTheOthersZeroDivision() {
        List<Set<String>> empty = List.of(Set.of(), Set.of(), Set.of());
        for (double zd : new double[] {0, 1}) {
            Multilabel noLabels = Aggregates.multilabel(empty, empty, zd);
            assertThat(noLabels.macro()).as("macro over no label").isEmpty();
            assertThat(noLabels.weighted()).as("weighted over no label").isEmpty();
            assertThat(List.of(noLabels.micro(), noLabels.samples())).as("zero_division=" + zd).containsOnly(all(zd));
            assertThat(noLabels.subsetAccuracy()).isEqualTo(1.0);
            assertThat(noLabels.perLabel()).isEmpty();
            assertThat(Aggregates.multilabel(empty, empty, List.of(), zd)).isEqualTo(noLabels);

            Multilabel withLabels = Aggregates.multilabel(empty, empty, List.of("b", "a"), zd);
            assertThat(List.of(withLabels.micro(), withLabels.macro().orElseThrow(), withLabels.weighted().orElseThrow(),
                    withLabels.samples())).as("zero_division=" + zd + " with labels").containsOnly(all(zd));
            assertThat(withLabels.perLabel()).containsOnlyKeys("a", "b");
            assertThat(withLabels.perLabel().values()).containsOnly(new LabelMetrics(0, 0, 0, all(zd)));
        }
    }

    @Test
    void aTrialWithNoGoldHasRecallZeroDivisionAndPrecisionZero() {
        List<Set<String>> gold = List.of(Set.of(), Set.of("a"));
        List<Set<String>> predicted = List.of(Set.of("a"), Set.of("a"));

        Multilabel zero = Aggregates.multilabel(gold, predicted, 0);
        LabelMetrics a = zero.perLabel().get("a");
        assertThat(zero.perLabel()).containsOnlyKeys("a");
        assertThat(List.of(a.truePositives(), a.predicted(), a.support())).containsExactly(1L, 2L, 1L);
        assertPrf(a.metrics(), 0.5, 1, 2.0 / 3, "label a");
        for (PrecisionRecallF1 average : List.of(zero.micro(), zero.macro().orElseThrow(), zero.weighted().orElseThrow())) {
            assertPrf(average, 0.5, 1, 2.0 / 3, "one label");
        }
        // Trial 0: precision 0, recall zeroDivision, F1 0; trial 1: all 1.
        assertPrf(zero.samples(), 0.5, 0.5, 0.5, "samples, zero_division=0");
        assertPrf(Aggregates.multilabel(gold, predicted, 1).samples(), 0.5, 1, 0.5, "samples, zero_division=1");
    }

    @Test
    void aLabelOnlyPredictedCountsInTheMacroButNotTheWeightedAverage() {
        List<Set<String>> gold = List.of(Set.of("a"), Set.of("a"));
        List<Set<String>> predicted = List.of(Set.of("a", "b"), Set.of("a"));

        Multilabel one = Aggregates.multilabel(gold, predicted, 1);
        assertThat(one.perLabel().get("b")).isEqualTo(new LabelMetrics(0, 1, 0, new PrecisionRecallF1(0, 1, 0)));
        assertThat(one.perLabel().get("a")).isEqualTo(new LabelMetrics(2, 2, 2, all(1)));
        assertPrf(one.macro().orElseThrow(), 0.5, 1, 0.5, "macro, zero_division=1");
        assertPrf(one.weighted().orElseThrow(), 1, 1, 1, "weighted, zero_division=1");
        assertPrf(one.micro(), 2.0 / 3, 1, 0.8, "micro");
        assertPrf(one.samples(), 0.75, 1, 5.0 / 6, "samples");

        assertPrf(Aggregates.multilabel(gold, predicted, 0).macro().orElseThrow(), 0.5, 0.5, 0.5, "macro, zero_division=0");
    }

    @Test
    void labelsNoTrialHasLowerOnlyTheMacroAverage() {
        List<Set<String>> gold = List.of(Set.of("a"), Set.of("a", "b"));
        List<Set<String>> predicted = List.of(Set.of("a"), Set.of("b"));
        Multilabel union = Aggregates.multilabel(gold, predicted, 0);
        Multilabel wider = Aggregates.multilabel(gold, predicted, List.of("a", "b", "c", "d", "c"), 0);

        assertThat(wider.perLabel()).containsOnlyKeys("a", "b", "c", "d");
        assertThat(List.of(wider.micro(), wider.weighted(), wider.samples()))
                .isEqualTo(List.of(union.micro(), union.weighted(), union.samples()));
        // a: precision 1, recall 1/2, F1 2/3; b: all 1; c and d: all 0.
        assertPrf(union.macro().orElseThrow(), 1, 0.75, 5.0 / 6, "macro over a and b");
        assertPrf(wider.macro().orElseThrow(), 0.5, 0.375, 5.0 / 12, "macro over a, b, c and d");
    }

    @Test
    void withNoGoldAnywhereTheWeightedAverageIsTheUnweightedOneAsInScikitLearn19() {
        List<Set<String>> gold = List.of(Set.of(), Set.of());
        List<Set<String>> predicted = List.of(Set.of("a"), Set.of());
        // label a: precision 0, recall zero_division, F1 0; one label, so the mean is a's
        assertThat(Aggregates.multilabel(gold, predicted, 1).weighted()).hasValue(new PrecisionRecallF1(0, 1, 0));
        assertThat(Aggregates.multilabel(gold, predicted, 0).weighted()).hasValue(all(0));
        // with an unused label b (all zero_division = 1) the weights are all 0: the mean of a and b
        Multilabel withB = Aggregates.multilabel(gold, predicted, List.of("a", "b"), 1);
        assertThat(withB.weighted()).hasValue(new PrecisionRecallF1(0.5, 1, 0.5)).isEqualTo(withB.macro());
    }

    @Test
    void subsetAccuracyCountsTrialsWhosePredictedSetIsExactlyTheGoldSet() {
        List<List<String>> gold = List.of(List.of("a", "b"), List.of("a"), List.of(), List.of(), List.of("c"));
        List<List<String>> predicted = List.of(List.of("b", "a", "b"), List.of("a", "b"), List.of(), List.of("a"),
                List.of());
        // trials 0 (same set, order and repeats aside) and 2 (both empty) match
        assertThat(Aggregates.multilabel(gold, predicted, 0).subsetAccuracy()).isEqualTo(0.4);
        assertThat(Aggregates.multilabel(gold, predicted, 1).subsetAccuracy()).isEqualTo(0.4);
        assertThat(Aggregates.multilabel(gold, predicted, List.of("a", "b", "c", "d"), 0).subsetAccuracy())
                .isEqualTo(0.4);
    }

    @Test
    void subsetAccuracyOfSetF1ScoresCountsTrialsWithNoFalsePositiveNorFalseNegative() {
        Score exact = Score.of(1.0).withDetail("tp", 2).withDetail("fp", 0).withDetail("fn", 0);
        Score bothEmpty = Score.of(0.0).withDetail("tp", 0).withDetail("fp", 0).withDetail("fn", 0);
        Score extra = Score.of(0.8).withDetail("tp", 2).withDetail("fp", 1).withDetail("fn", 0);
        Score missed = Score.of(0.0).withDetail("tp", 0).withDetail("fp", 0).withDetail("fn", 1);
        List<Score> scores = List.of(exact, bothEmpty, extra, missed, Score.error("no expected value"));

        assertThat(Aggregates.subsetAccuracy(scores)).isEqualTo(0.5);
        assertThatThrownBy(() -> Aggregates.subsetAccuracy(List.of(Score.error("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("there are no scores with a value to aggregate");
        assertThatThrownBy(() -> Aggregates.subsetAccuracy(List.of(Score.of(1.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score has no detail 'tp'");
        assertThatThrownBy(() -> new Multilabel(1.5, all(0), Optional.empty(), Optional.empty(), all(0), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("subsetAccuracy must be in [0, 1] but was 1.5");
    }

    @Test
    void anItemListedTwiceInATrialCountsOnce() {
        Multilabel lists = Aggregates.multilabel(List.of(List.of("a", "a")), List.of(List.of("a", "b", "a")), 0);
        Multilabel sets = Aggregates.multilabel(List.of(Set.of("a")), List.of(Set.of("a", "b")), 0);
        assertThat(lists).isEqualTo(sets);
        assertThat(lists.perLabel().get("a")).isEqualTo(new LabelMetrics(1, 1, 1, all(1)));
    }

    @Test
    void thePerLabelMapCannotBeChanged() {
        Multilabel m = Aggregates.multilabel(List.of(Set.of("a")), List.of(Set.of("a")), 0);
        assertThatThrownBy(() -> m.perLabel().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void listsOfDifferentSizesAreRefused() {
        assertThatThrownBy(() -> Aggregates.multilabel(List.of(Set.of("a"), Set.of("b")), List.of(Set.of("a")), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gold has 2 trials but predicted has 1");
        assertThatThrownBy(() -> Aggregates.multilabel(List.of(), List.of(Set.of("a")), List.of("a"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gold has 0 trials but predicted has 1");
    }

    @Test
    void badArgumentsAreRefusedNamingTheIndex() {
        List<Set<String>> one = List.of(Set.of("a"));
        List<Collection<String>> nullTrial = Arrays.asList(Set.of("a"), null);
        List<Collection<String>> nullItem = List.of(Set.of("a"), Arrays.asList("b", null));
        List<Set<String>> two = List.of(Set.of("a"), Set.of("b"));

        assertThatThrownBy(() -> Aggregates.multilabel(List.of(), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("there are no trials to measure");
        assertThatThrownBy(() -> Aggregates.multilabel(nullTrial, two, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("gold[1] is null");
        assertThatThrownBy(() -> Aggregates.multilabel(two, nullItem, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("predicted[1] has a null item");
        assertThatThrownBy(() -> Aggregates.multilabel(two, two, List.of("a"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gold[1] has the item 'b', which is not one of the labels");
        assertThatThrownBy(() -> Aggregates.multilabel(one, one, Arrays.asList("a", null), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("labels[1] is null");
        assertThatThrownBy(() -> Aggregates.multilabel(one, one, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zeroDivision must be 0 or 1");
        assertThatThrownBy(() -> Aggregates.multilabel(null, one, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("gold");
        assertThatThrownBy(() -> Aggregates.multilabel(one, null, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("predicted");
        assertThatThrownBy(() -> Aggregates.multilabel(one, one, null, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("labels");
    }
}
