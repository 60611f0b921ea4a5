package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bench4j.core.Summary.ConcurrencyChange;
import dev.bench4j.core.Summary.Cost;
import dev.bench4j.core.Summary.EndpointConcurrency;
import dev.bench4j.core.Summary.Group;
import dev.bench4j.core.Summary.Interval;
import dev.bench4j.core.Summary.Latency;
import dev.bench4j.core.Summary.PromptModel;
import dev.bench4j.core.Summary.ScoreStats;
import dev.bench4j.core.Summary.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A summary's figures: score descriptions with their interval, success rate, known cost, copied maps. */
class SummaryTest {

    private static final Tokens NO_TOKENS = new Tokens(0, 0, 0, 0, 0, 0);
    private static final Cost NO_COST = Cost.NONE;

    private static Group group(long cells, long succeeded) {
        return new Group(cells, succeeded, cells - succeeded, 0, cells, Map.of(), Optional.empty(), Optional.empty(), NO_TOKENS, NO_COST);
    }

    private static ScoreStats stats(long n, double mean, Optional<Interval> ci) {
        return new ScoreStats(n, 0, OptionalDouble.of(mean), OptionalDouble.empty(), ci);
    }

    @Test
    void recordsRefuseCountsAndSumsThatCannotBe() {
        assertThatThrownBy(() -> new ScoreStats(-1, 0, OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("score counts must be >= 0 but were n=-1, errors=0");
        assertThatThrownBy(() -> new ScoreStats(0, 2, OptionalDouble.of(0.5), OptionalDouble.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a score without values has no mean, but mean was OptionalDouble[0.5]");
        Duration ms = Duration.ofMillis(1);
        assertThatThrownBy(() -> new Latency(0, ms, ms, ms, ms, ms)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latency needs n >= 1 calls measured but was 0");
        assertThatThrownBy(() -> new Cost(Double.NaN, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cost sums must be finite but were knownUsd=NaN, spentUsd=0.0");
    }

    @Test
    void describeShowsMeanHalfWidthLevelAndN() {
        ScoreStats s = stats(40, 0.84, Optional.of(new Interval(0.788, 0.892, 0.95)));

        assertThat(s.describe()).isEqualTo("0.840 ± 0.052 (95% CI, n = 40)");
    }

    @Test
    void describeUsesDotsUnderACommaDecimalDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            ScoreStats withCi = stats(40, 0.84, Optional.of(new Interval(0.788, 0.892, 0.95)));
            ScoreStats withoutCi = stats(1, 0.5, Optional.empty());

            assertThat(withCi.describe()).isEqualTo("0.840 ± 0.052 (95% CI, n = 40)");
            assertThat(withoutCi.describe()).isEqualTo("0.500 (n = 1, too few for an interval)");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void describeSaysWhenThereAreTooFewValuesForAnInterval() {
        assertThat(stats(1, 1.0, Optional.empty()).describe()).isEqualTo("1.000 (n = 1, too few for an interval)");
    }

    @Test
    void describeSaysWhenThereAreNoValues() {
        ScoreStats none = new ScoreStats(0, 3, OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty());

        assertThat(none.describe()).isEqualTo("no values");
    }

    @Test
    void scoreStatsRefuseNullsNamingTheComponent() {
        assertThatThrownBy(() -> new ScoreStats(0, 0, null, OptionalDouble.empty(), Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("mean");
        assertThatThrownBy(() -> new ScoreStats(0, 0, OptionalDouble.empty(), null, Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("standardDeviation");
        assertThatThrownBy(() -> new ScoreStats(0, 0, OptionalDouble.empty(), OptionalDouble.empty(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("ci95");
    }

    @Test
    void intervalHalfWidthIsHalfTheWidth() {
        assertThat(new Interval(0.2, 0.6, 0.95).halfWidth()).isCloseTo(0.2, within(1e-12));
        assertThat(new Interval(0.5, 0.5, 0.95).halfWidth()).isZero();
    }

    @Test
    void intervalWithLowerAboveUpperOrNonFiniteBoundIsRefused() {
        assertThatThrownBy(() -> new Interval(2, 1, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval bounds must be finite with lower <= upper but were [2.0, 1.0]");
        assertThatThrownBy(() -> new Interval(Double.NaN, 1, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval bounds must be finite with lower <= upper but were [NaN, 1.0]");
        assertThatThrownBy(() -> new Interval(0, Double.POSITIVE_INFINITY, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval bounds must be finite with lower <= upper but were [0.0, Infinity]");
    }

    @Test
    void intervalLevelOutsideZeroToOneExclusiveIsRefused() {
        assertThatThrownBy(() -> new Interval(0, 1, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("level must be between 0 and 1 but was 1.0");
        assertThatThrownBy(() -> new Interval(0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("level must be between 0 and 1 but was 0.0");
        assertThatThrownBy(() -> new Interval(0, 1, 95))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("level must be between 0 and 1 but was 95.0");
    }

    @Test
    void successRateIsSucceededOverCells() {
        assertThat(group(50, 49).successRate().getAsDouble()).isCloseTo(0.98, within(1e-12));
        assertThat(group(3, 0).successRate()).hasValue(0.0);
    }

    @Test
    void successRateIsEmptyForAnEmptyGroup() {
        assertThat(group(0, 0).successRate()).isEmpty();
    }

    @Test
    void groupScoresAreCopiedAndUnmodifiable() {
        Map<String, ScoreStats> scores = new LinkedHashMap<>();
        scores.put("exact", stats(1, 1, Optional.empty()));
        Group g = new Group(1, 1, 0, 0, 1, scores, Optional.empty(), Optional.empty(), NO_TOKENS, NO_COST);

        scores.put("later", stats(1, 0, Optional.empty()));

        assertThat(g.scores()).containsOnlyKeys("exact");
        assertThatThrownBy(() -> g.scores().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void groupRefusesNullsNamingTheComponent() {
        assertThatThrownBy(() -> new Group(0, 0, 0, 0, 0, Map.of(), null, Optional.empty(), NO_TOKENS, NO_COST))
                .isInstanceOf(NullPointerException.class).hasMessage("latency");
        assertThatThrownBy(() -> new Group(0, 0, 0, 0, 0, Map.of(), Optional.empty(), null, NO_TOKENS, NO_COST))
                .isInstanceOf(NullPointerException.class).hasMessage("timeToFirstToken");
        assertThatThrownBy(() -> new Group(0, 0, 0, 0, 0, Map.of(), Optional.empty(), Optional.empty(), null, NO_COST))
                .isInstanceOf(NullPointerException.class).hasMessage("tokens");
        assertThatThrownBy(() -> new Group(0, 0, 0, 0, 0, Map.of(), Optional.empty(), Optional.empty(), NO_TOKENS, null))
                .isInstanceOf(NullPointerException.class).hasMessage("cost");
    }

    @Test
    void totalCostIsKnownOnlyWhenEveryResultsCostIsKnownAndSomeIs() {
        assertThat(new Cost(0.25, 0.1, 0, 3).totalUsd()).hasValue(0.25);
        assertThat(new Cost(0.0, 0.0, 0, 3).totalUsd()).as("a free model costs 0").hasValue(0.0);
        assertThat(new Cost(0.25, 0.1, 1, 3).totalUsd()).isEmpty();
        assertThat(NO_COST.totalUsd()).as("no result's cost known").isEmpty();
    }

    @Test
    void forPairFindsTheGroupOfAPromptAndModel() {
        Group pair = group(10, 9);
        Summary s = new Summary(group(10, 9), Map.of("m", pair), Map.of("v1", pair),
                Map.of(new PromptModel("v1", "m"), pair), Duration.ofSeconds(5), 2.0);

        assertThat(s.forPair("v1", "m")).containsSame(pair);
        assertThat(s.forPair("v2", "m")).isEmpty();
    }

    @Test
    void summaryMapsAreCopiedAndUnmodifiableKeepingTheirOrder() {
        Map<String, Group> byModel = new LinkedHashMap<>();
        byModel.put("b", group(1, 1));
        byModel.put("a", group(1, 0));
        Summary s = new Summary(group(2, 1), byModel, Map.of(), Map.of(), Duration.ofSeconds(1), 2.0);

        byModel.put("c", group(1, 1));

        assertThat(s.byModel().keySet()).containsExactly("b", "a");
        assertThatThrownBy(() -> s.byModel().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.byPrompt().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.byPromptAndModel().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aSummaryHasNoConcurrencyHistoryUntilGivenOneAndKeepsACopy() {
        Summary s = new Summary(group(2, 1), Map.of(), Map.of(), Map.of(), Duration.ofSeconds(1), 2.0);
        assertThat(s.concurrency()).isEmpty();
        List<EndpointConcurrency> history = new ArrayList<>(List.of(new EndpointConcurrency("openai", 8, 4, 5,
                List.of(new ConcurrencyChange(Duration.ofMillis(10), 4), new ConcurrencyChange(Duration.ofMillis(90), 5)), 0)));

        Summary with = s.withConcurrency(history);
        history.clear();

        assertThat(with.concurrency()).extracting(EndpointConcurrency::endpoint).containsExactly("openai");
        assertThat(with.overall()).isEqualTo(s.overall());
        assertThat(with.withConcurrency(List.of())).isEqualTo(s);
        assertThatThrownBy(() -> s.withConcurrency(null)).isInstanceOf(NullPointerException.class).hasMessage("concurrency");
    }

    @Test
    void anEndpointsConcurrencyRefusesImpossibleLimitsAndTooManyChanges() {
        assertThatThrownBy(() -> new EndpointConcurrency("openai", 8, 0, 1, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("concurrency of endpoint 'openai': lowest must be >= 1 and at most configured and last, but was"
                        + " lowest=0, configured=8, last=1");
        assertThatThrownBy(() -> new EndpointConcurrency("openai", 8, 9, 9, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowest=9, configured=8");
        List<ConcurrencyChange> many = new ArrayList<>();
        for (int i = 0; i <= EndpointConcurrency.MAX_CHANGES; i++) {
            many.add(new ConcurrencyChange(Duration.ofMillis(i), 1));
        }
        assertThatThrownBy(() -> new EndpointConcurrency("openai", 8, 1, 1, many, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("concurrency of endpoint 'openai': at most 50 changes and omitted >= 0, but had 51 changes and omitted=0");
        assertThatThrownBy(() -> new EndpointConcurrency(null, 8, 1, 1, List.of(), 0))
                .isInstanceOf(NullPointerException.class).hasMessage("endpoint");
        assertThatThrownBy(() -> new ConcurrencyChange(Duration.ofMillis(-1), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a concurrency change needs at >= 0 and limit >= 1 but had at=PT-0.001S, limit=1");
        assertThatThrownBy(() -> new ConcurrencyChange(null, 1)).isInstanceOf(NullPointerException.class).hasMessage("at");
    }

    @Test
    void summaryRefusesNullOverallAndElapsedNamingTheComponent() {
        assertThatThrownBy(() -> new Summary(null, Map.of(), Map.of(), Map.of(), Duration.ZERO, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("overall");
        assertThatThrownBy(() -> new Summary(group(0, 0), Map.of(), Map.of(), Map.of(), null, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("elapsed");
    }

    @Test
    void nullMapsAreRefusedNamingTheComponent() {
        assertThatThrownBy(() -> new Summary(group(0, 0), null, Map.of(), Map.of(), Duration.ZERO, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("byModel");
        assertThatThrownBy(() -> new Group(0, 0, 0, 0, 0, null, Optional.empty(), Optional.empty(), NO_TOKENS, NO_COST))
                .isInstanceOf(NullPointerException.class).hasMessage("scores");
    }

    @Test
    void promptModelRefusesNullsNamingTheComponent() {
        assertThatThrownBy(() -> new PromptModel(null, "m"))
                .isInstanceOf(NullPointerException.class).hasMessage("prompt");
        assertThatThrownBy(() -> new PromptModel("v1", null))
                .isInstanceOf(NullPointerException.class).hasMessage("model");
    }

    @Test
    void latencyRefusesNullsNamingTheComponent() {
        Duration d = Duration.ofMillis(1);

        assertThatThrownBy(() -> new Latency(1, null, d, d, d, d))
                .isInstanceOf(NullPointerException.class).hasMessage("mean");
        assertThatThrownBy(() -> new Latency(1, d, d, d, d, null))
                .isInstanceOf(NullPointerException.class).hasMessage("max");
    }

    @Test
    void standardErrorIsTheStandardDeviationOverTheRootOfN() {
        ScoreStats s = new ScoreStats(16, 0, OptionalDouble.of(0.5), OptionalDouble.of(0.2), Optional.empty());

        assertThat(s.standardError()).hasValue(0.05);
        assertThat(stats(1, 1.0, Optional.empty()).standardError()).isEmpty();
    }

    @Test
    void scorerCallsRefuseNegativeCounts() {
        assertThatThrownBy(() -> new Summary.ScorerCalls(-1, 0, 0, OptionalLong.of(0), OptionalLong.of(0), Summary.Cost.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("calls=-1");
        assertThat(Summary.ScorerCalls.NONE.calls()).isZero();
    }
}
