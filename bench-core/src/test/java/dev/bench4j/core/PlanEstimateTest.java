package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bench4j.core.PlanEstimate.InputTokens;
import dev.bench4j.core.PlanEstimate.ModelEstimate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The estimate's arithmetic: cost bounds per line and in total, and unknown never turned into zero. */
class PlanEstimateTest {

    private static final Price PRICE = Price.perMillionTokens(2.0, 8.0);

    private static ModelEstimate line(long calls, long tokens, OptionalInt cap, Optional<Price> price) {
        return new ModelEstimate("m", "openai", "gpt-x", calls, InputTokens.of(tokens, true, "o200k_base"), cap, price);
    }

    @Test
    void minimumCostIsTheInputAtItsPriceAndMaximumAddsEveryAnswerAtTheCap() {
        ModelEstimate l = line(100, 50_000, OptionalInt.of(200), Optional.of(PRICE));

        assertThat(l.maxOutputTokensTotal()).hasValue(20_000);
        assertThat(l.minCostUsd().getAsDouble()).isCloseTo(50_000 * 2.0 / 1e6, within(1e-12));   // 0.10
        assertThat(l.maxCostUsd().getAsDouble()).isCloseTo((50_000 * 2.0 + 20_000 * 8.0) / 1e6, within(1e-12));   // 0.26
    }

    @Test
    void anUnknownPriceGivesNoCostNotZero() {
        ModelEstimate l = line(100, 50_000, OptionalInt.of(200), Optional.empty());

        assertThat(l.minCostUsd()).isEmpty();
        assertThat(l.maxCostUsd()).isEmpty();
    }

    @Test
    void withoutMaxOutputTokensOnlyTheMinimumIsKnown() {
        ModelEstimate l = line(10, 1_000, OptionalInt.empty(), Optional.of(PRICE));

        assertThat(l.maxOutputTokensTotal()).isEmpty();
        assertThat(l.minCostUsd().getAsDouble()).isCloseTo(0.002, within(1e-12));
        assertThat(l.maxCostUsd()).isEmpty();
    }

    @Test
    void aJudgesUpperInputBoundPricesTheAnswersItWouldBeShown() {
        ModelEstimate judge = new ModelEstimate("judge", "openai", "gpt-x", 10,
                new InputTokens(3_000, OptionalLong.of(5_000), false, "utf8-estimate"), OptionalInt.of(100),
                Optional.of(PRICE));

        assertThat(judge.minCostUsd().getAsDouble()).isCloseTo(3_000 * 2.0 / 1e6, within(1e-12));
        assertThat(judge.maxCostUsd().getAsDouble()).isCloseTo((5_000 * 2.0 + 1_000 * 8.0) / 1e6, within(1e-12));
    }

    @Test
    void aJudgeWhoseAnswersHaveNoCapHasNoUpperBound() {
        ModelEstimate judge = new ModelEstimate("judge", "openai", "gpt-x", 10,
                new InputTokens(3_000, OptionalLong.empty(), false, "utf8-estimate"), OptionalInt.of(100),
                Optional.of(PRICE));

        assertThat(judge.minCostUsd()).isPresent();
        assertThat(judge.maxCostUsd()).isEmpty();
    }

    @Test
    void totalsAddEveryLineAndStayUnknownWhenOneLineIsUnknown() {
        ModelEstimate a = line(100, 50_000, OptionalInt.of(200), Optional.of(PRICE));
        ModelEstimate free = new ModelEstimate("local", "ollama", "llama", 100, InputTokens.of(40_000, false,
                "utf8-estimate"), OptionalInt.of(200), Optional.of(Price.FREE));
        ModelEstimate unpriced = line(100, 50_000, OptionalInt.of(200), Optional.empty());

        PlanEstimate known = new PlanEstimate(200, 0, List.of(a, free), List.of());
        assertThat(known.requests()).isEqualTo(200);
        assertThat(known.inputTokens()).isEqualTo(90_000);
        assertThat(known.exact()).isFalse();
        assertThat(known.minCostUsd().getAsDouble()).isCloseTo(0.10, within(1e-12));
        assertThat(known.maxCostUsd().getAsDouble()).isCloseTo(0.26, within(1e-12));

        PlanEstimate partly = new PlanEstimate(200, 0, List.of(a), List.of(unpriced));
        assertThat(partly.minCostUsd()).isEmpty();
        assertThat(partly.maxCostUsd()).isEmpty();
    }

    @Test
    void componentsAreValidated() {
        assertThatThrownBy(() -> new PlanEstimate(-1, 0, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cells must be >= 0 but was -1");
        assertThatThrownBy(() -> new InputTokens(10, OptionalLong.of(5), true, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("atMost must be >= atLeast (10) but was 5");
        assertThatThrownBy(() -> InputTokens.of(1, true, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("counter must not be blank");
        assertThatThrownBy(() -> line(-2, 0, OptionalInt.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("calls must be >= 0 but was -2");
        assertThatThrownBy(() -> new ModelEstimate("m", "p", "x", 1, null, OptionalInt.empty(), Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("inputTokens");
    }
}
