package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Usage;
import dev.bench4j.core.internal.stats.SummaryIntervalsTestAccess;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A group's figures: the interval each score kind gets, the success rate's Wilson interval, unknown
 * tokens and cost that stay unknown, and the mean tokens and cost per cell; reference values from
 * summary_intervals_reference.py (SciPy).
 */
class GroupAccumulatorTest {

    private int next;

    private Result ok(Usage usage) {
        return Result.success(new CellId("p", "m", "t" + next++, 0), "out", FinishReason.STOP,
                Result.Timing.of(Instant.EPOCH, Duration.ofMillis(100))).withUsage(usage);
    }

    private Result failed() {
        return Result.failure(new CellId("p", "m", "t" + next++, 0), ResultError.of(ErrorKind.INTERNAL, "boom"),
                Result.Timing.of(Instant.EPOCH, Duration.ofMillis(5)), 1);
    }

    private Summary.Group scored(double... values) {
        GroupAccumulator g = new GroupAccumulator(List.of("s"));
        for (double v : values) {
            g.add(ok(Usage.unknown()).withScore("s", Score.of(v)));
        }
        return g.build();
    }

    private static JsonNode reference(String kind, int index) throws IOException {
        return SummaryIntervalsTestAccess.reference().get(kind).get(index);
    }

    @Test
    void passFailScoresGetTheWilsonIntervalFromOneValue() throws IOException {
        JsonNode half = reference("wilson", 0); // k = 1, n = 2
        Summary.ScoreStats s = scored(1, 0).scores().get("s");

        assertThat(s.ci95().orElseThrow().method()).isEqualTo(Summary.IntervalMethod.WILSON);
        assertThat(s.ci95().orElseThrow().lower()).isCloseTo(half.get("lower").asDouble(), within(1e-12));
        assertThat(s.ci95().orElseThrow().upper()).isCloseTo(half.get("upper").asDouble(), within(1e-12));
        assertThat(s.describe()).isEqualTo("0.500 (95% CI 0.095–0.905, Wilson, n = 2)");
        JsonNode one = reference("wilson", 2); // k = 1, n = 1
        assertThat(scored(1).scores().get("s").ci95().orElseThrow().lower())
                .isCloseTo(one.get("lower").asDouble(), within(1e-12));
    }

    @Test
    void scoresInTheUnitIntervalGetTheTIntervalClampedToIt() throws IOException {
        JsonNode c = reference("t", 0); // 0.5, 0.25
        Summary.ScoreStats s = scored(0.5, 0.25).scores().get("s");

        assertThat(s.ci95().orElseThrow().method()).isEqualTo(Summary.IntervalMethod.T_CLAMPED);
        assertThat(s.ci95().orElseThrow().lower()).isZero();
        assertThat(s.ci95().orElseThrow().lower()).isCloseTo(c.get("clamped_lower").asDouble(), within(1e-9));
        assertThat(s.ci95().orElseThrow().upper()).isCloseTo(c.get("clamped_upper").asDouble(), within(1e-9));
        assertThat(s.describe()).isEqualTo("0.375 (95% CI 0.000–1.000, t, clamped, n = 2)");
    }

    @Test
    void otherScoresGetThePlainTInterval() throws IOException {
        JsonNode c = reference("t", 4); // 2.5, -1.0, 4.0, 3.25
        Summary.ScoreStats s = scored(2.5, -1.0, 4.0, 3.25).scores().get("s");

        assertThat(s.ci95().orElseThrow().method()).isEqualTo(Summary.IntervalMethod.T);
        assertThat(s.ci95().orElseThrow().lower()).isCloseTo(c.get("lower").asDouble(), within(1e-9));
        assertThat(s.ci95().orElseThrow().upper()).isCloseTo(c.get("upper").asDouble(), within(1e-9));
        assertThat(s.describe()).startsWith("2.188 ± 3.519 (95% CI, n = 4)");
        assertThat(scored(2.5).scores().get("s").ci95()).as("one value has no t-interval").isEmpty();
    }

    @Test
    void successRateHasItsWilsonInterval() throws IOException {
        JsonNode c = reference("wilson", 5); // k = 3, n = 10
        GroupAccumulator g = new GroupAccumulator(List.of());
        for (int i = 0; i < 10; i++) {
            g.add(i < 3 ? ok(Usage.of(1, 1)) : failed());
        }
        Summary.Interval ci = g.build().successRateCi95().orElseThrow();

        assertThat(ci.lower()).isCloseTo(c.get("lower").asDouble(), within(1e-12));
        assertThat(ci.upper()).isCloseTo(c.get("upper").asDouble(), within(1e-12));
        assertThat(new GroupAccumulator(List.of()).build().successRateCi95()).isEmpty();
    }

    @Test
    void aTokenKindNoResultReportedIsUnknownNotZero() {
        GroupAccumulator g = new GroupAccumulator(List.of());
        g.add(ok(Usage.of(10, 4)));
        g.add(ok(Usage.of(20, 6)));
        Summary.Tokens t = g.build().tokens();

        assertThat(t.input()).hasValue(30);
        assertThat(t.output()).hasValue(10);
        assertThat(t.reasoning()).isEmpty();
        assertThat(t.cachedInput()).isEmpty();
    }

    @Test
    void aGroupWithoutASuccessfulCellHasNoTokenOrCostFigures() {
        GroupAccumulator g = new GroupAccumulator(List.of());
        g.add(failed());
        g.add(failed());
        Summary.Group all = g.build();

        assertThat(all.tokens().input()).isEmpty();
        assertThat(all.tokens().output()).isEmpty();
        assertThat(all.tokens().total()).isEmpty();
        assertThat(all.cost().totalUsd()).isEmpty();
        assertThat(all.costPerCell()).isEmpty();
        assertThat(all.tokensPerCell()).isEmpty();
        assertThat(all.successRateCi95().orElseThrow().lower()).isZero();
    }

    @Test
    void costAndTokensPerCellHaveATIntervalClampedAtZero() throws IOException {
        JsonNode c = reference("t", 5); // 0.001, 0.002, 0.0005
        GroupAccumulator g = new GroupAccumulator(List.of());
        double[] costs = {0.001, 0.002, 0.0005};
        for (double usd : costs) {
            g.add(ok(Usage.of(1000, 0)).withCostUsd(OptionalDouble.of(usd)));
        }
        g.add(failed());
        Summary.Group all = g.build();

        Summary.Mean cost = all.costPerCell().orElseThrow();
        assertThat(cost.n()).isEqualTo(3);
        assertThat(cost.mean()).isCloseTo(c.get("mean").asDouble(), within(1e-15));
        assertThat(cost.ci95().orElseThrow().lower()).isCloseTo(c.get("clamped_at_zero_lower").asDouble(), within(1e-12));
        assertThat(cost.ci95().orElseThrow().upper()).isCloseTo(c.get("upper").asDouble(), within(1e-12));
        assertThat(cost.ci95().orElseThrow().method()).isEqualTo(Summary.IntervalMethod.T_CLAMPED);
        assertThat(all.cost().totalUsd().getAsDouble()).isCloseTo(0.0035, within(1e-15));
        assertThat(all.cost().resultsWithCost()).isEqualTo(3);
        Summary.Mean tokens = all.tokensPerCell().orElseThrow();
        assertThat(tokens.mean()).isEqualTo(1000.0);
        assertThat(tokens.standardDeviation()).hasValue(0.0);
        assertThat(tokens.ci95().orElseThrow().lower()).isEqualTo(1000.0);
    }
}
