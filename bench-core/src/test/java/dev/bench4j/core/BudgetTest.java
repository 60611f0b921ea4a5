package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BudgetTest {

    @Test
    void capsCombineAndDescribeThemselves() {
        Budget b = Budget.maxCostUsd(20).withMaxTokens(1_000).withMaxCalls(50);

        assertThat(b.maxCostUsd()).isEqualTo(OptionalDouble.of(20));
        assertThat(b.maxTokens()).isEqualTo(OptionalLong.of(1_000));
        assertThat(b.maxCalls()).isEqualTo(OptionalLong.of(50));
        assertThat(b.isNone()).isFalse();
        assertThat(b).hasToString("Budget[max_cost_usd 20.00, max_tokens 1000, max_calls 50]");
        assertThat(Budget.none().isNone()).isTrue();
        assertThat(Budget.none()).hasToString("Budget[none]");
    }

    @Test
    void badCapsAreRefusedNamingTheCap() {
        assertThatThrownBy(() -> Budget.maxCostUsd(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max_cost_usd must be a finite number > 0 but was 0.0");
        assertThatThrownBy(() -> Budget.maxCostUsd(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max_cost_usd must be a finite number > 0 but was NaN");
        assertThatThrownBy(() -> Budget.maxTokens(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max_tokens must be >= 1 but was 0");
        assertThatThrownBy(() -> Budget.maxCalls(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max_calls must be >= 1 but was -1");
        assertThatThrownBy(() -> new Budget(null, OptionalLong.empty(), OptionalLong.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("maxCostUsd");
    }
}
