package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A price turns known token counts into US dollars, with a discount for cached input when there is one. */
class PriceTest {

    private static final Price MINI = Price.perMillionTokens(0.15, 0.60);

    @Test
    void costIsInputAndOutputAtTheirPricesPerMillion() {
        assertThat(MINI.cost(Usage.of(1_000, 500)).getAsDouble()).isCloseTo(4.5e-4, within(1e-12));
    }

    @Test
    void cachedInputIsChargedAtTheCachedPrice() {
        Price p = MINI.withCachedInput(0.075);
        Usage u = Usage.of(1_000, 500).withCachedInputTokens(400);

        // 600 × 0.15 + 400 × 0.075 + 500 × 0.60 = 420 per million
        assertThat(p.cost(u).getAsDouble()).isCloseTo(4.2e-4, within(1e-12));
    }

    @Test
    void cachedInputCostsAsInputWhenThereIsNoCachedPrice() {
        Usage u = Usage.of(1_000, 500).withCachedInputTokens(400);

        assertThat(MINI.cost(u).getAsDouble()).isCloseTo(4.5e-4, within(1e-12));
    }

    @Test
    void cachedTokensBeyondTheInputAreCappedAtTheInput() {
        Price p = MINI.withCachedInput(0.075);
        Usage u = Usage.of(100, 0).withCachedInputTokens(500);

        assertThat(p.cost(u).getAsDouble()).isCloseTo(7.5e-6, within(1e-12));
    }

    @Test
    void reasoningTokensAreNotChargedTwiceSinceOutputIncludesThem() {
        Usage u = Usage.of(1_000, 500).withReasoningTokens(300);

        assertThat(MINI.cost(u).getAsDouble()).isCloseTo(4.5e-4, within(1e-12));
    }

    @Test
    void costIsUnknownWhenInputOrOutputTokensAreUnknown() {
        assertThat(MINI.cost(Usage.unknown())).isEmpty();
        assertThat(MINI.cost(Usage.unknown().withInputTokens(10))).isEmpty();
        assertThat(MINI.cost(Usage.unknown().withOutputTokens(10))).isEmpty();
    }

    @Test
    void freeCostsZeroForKnownUsage() {
        assertThat(Price.FREE.cost(Usage.of(1_000_000, 1_000_000))).hasValue(0.0);
        assertThat(Price.FREE.cost(Usage.unknown())).isEmpty();
    }

    @Test
    void withCachedInputLeavesTheOriginalUnchanged() {
        Price p = MINI.withCachedInput(0.075);

        assertThat(MINI.cachedInputPerMillion()).isEmpty();
        assertThat(p.cachedInputPerMillion()).hasValue(0.075);
        assertThat(p.inputPerMillion()).isEqualTo(0.15);
        assertThat(p.outputPerMillion()).isEqualTo(0.60);
    }

    @Test
    void negativeOrNonFinitePricesAreRefusedNamingTheComponent() {
        assertThatThrownBy(() -> Price.perMillionTokens(-1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputPerMillion must be a finite number >= 0 but was -1.0");
        assertThatThrownBy(() -> Price.perMillionTokens(1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("outputPerMillion must be a finite number >= 0 but was Infinity");
        assertThatThrownBy(() -> Price.perMillionTokens(Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputPerMillion must be a finite number >= 0 but was NaN");
        assertThatThrownBy(() -> MINI.withCachedInput(-0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cachedInputPerMillion must be a finite number >= 0 but was -0.5");
    }

    @Test
    void nullArgumentsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new Price(1, 1, null))
                .isInstanceOf(NullPointerException.class).hasMessage("cachedInputPerMillion");
        assertThatThrownBy(() -> MINI.cost(null))
                .isInstanceOf(NullPointerException.class).hasMessage("usage");
    }

    @Test
    void costUsesTheCachedPriceOnlyForTheCachedShare() {
        Price p = new Price(2.0, 0.0, OptionalDouble.of(0.5));
        Usage u = new Usage(OptionalLong.of(1_000_000), OptionalLong.of(0), OptionalLong.empty(),
                OptionalLong.of(1_000_000), OptionalLong.empty());

        assertThat(p.cost(u).getAsDouble()).isCloseTo(0.5, within(1e-12));
    }
}
