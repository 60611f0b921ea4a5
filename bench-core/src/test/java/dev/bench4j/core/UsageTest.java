package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Token counts are optional: unknown is not zero, sums with an unknown part stay unknown, and the total follows input + output. */
class UsageTest {

    @Test
    void ofDerivesTheTotalFromInputAndOutput() {
        Usage u = Usage.of(120, 40);

        assertThat(u.inputTokens()).hasValue(120);
        assertThat(u.outputTokens()).hasValue(40);
        assertThat(u.totalTokens()).hasValue(160);
        assertThat(u.reasoningTokens()).isEmpty();
        assertThat(u.cachedInputTokens()).isEmpty();
    }

    @Test
    void unknownHasEveryCountEmpty() {
        Usage u = Usage.unknown();

        assertThat(u.inputTokens()).isEmpty();
        assertThat(u.outputTokens()).isEmpty();
        assertThat(u.reasoningTokens()).isEmpty();
        assertThat(u.cachedInputTokens()).isEmpty();
        assertThat(u.totalTokens()).isEmpty();
    }

    @Test
    void reasoningAndCachedTokensDoNotChangeTheTotal() {
        Usage u = Usage.of(120, 40).withReasoningTokens(16).withCachedInputTokens(64);

        assertThat(u.reasoningTokens()).hasValue(16);
        assertThat(u.cachedInputTokens()).hasValue(64);
        assertThat(u.totalTokens()).hasValue(160);
    }

    @Test
    void derivedTotalFollowsNewInputOrOutputTokens() {
        assertThat(Usage.of(10, 5).withInputTokens(20).totalTokens()).hasValue(25);
        assertThat(Usage.of(10, 5).withOutputTokens(7).totalTokens()).hasValue(17);
    }

    @Test
    void totalStaysUnknownUntilBothInputAndOutputAreKnown() {
        Usage inputOnly = Usage.unknown().withInputTokens(10);

        assertThat(inputOnly.totalTokens()).isEmpty();
        assertThat(inputOnly.withOutputTokens(5).totalTokens()).hasValue(15);
        assertThat(Usage.unknown().withOutputTokens(5).totalTokens()).isEmpty();
    }

    @Test
    void explicitTotalIsKeptWhenInputOrOutputChange() {
        Usage u = Usage.of(10, 5).withTotalTokens(100);

        assertThat(u.withInputTokens(20).totalTokens()).hasValue(100);
        assertThat(u.withOutputTokens(20).totalTokens()).hasValue(100);
        assertThat(Usage.unknown().withTotalTokens(50).withInputTokens(10).totalTokens()).hasValue(50);
    }

    @Test
    void withMethodsLeaveTheOriginalUnchanged() {
        Usage base = Usage.of(10, 5);

        base.withInputTokens(1).withOutputTokens(1).withReasoningTokens(1).withCachedInputTokens(1).withTotalTokens(1);

        assertThat(base).isEqualTo(Usage.of(10, 5));
    }

    @Test
    void plusAddsCountByCount() {
        Usage a = Usage.of(10, 5).withReasoningTokens(2).withCachedInputTokens(4);
        Usage b = Usage.of(1, 2).withReasoningTokens(3).withCachedInputTokens(0);

        Usage sum = a.plus(b);

        assertThat(sum.inputTokens()).hasValue(11);
        assertThat(sum.outputTokens()).hasValue(7);
        assertThat(sum.reasoningTokens()).hasValue(5);
        assertThat(sum.cachedInputTokens()).hasValue(4);
        assertThat(sum.totalTokens()).hasValue(18);
    }

    @Test
    void plusWithAnUnknownPartStaysUnknownForThatPart() {
        Usage a = Usage.of(10, 5).withReasoningTokens(2);
        Usage b = Usage.of(1, 2);

        Usage sum = a.plus(b);

        assertThat(sum.reasoningTokens()).isEmpty();
        assertThat(sum.cachedInputTokens()).isEmpty();
        assertThat(sum.inputTokens()).hasValue(11);
    }

    @Test
    void plusUnknownIsUnknown() {
        assertThat(Usage.of(10, 5).plus(Usage.unknown())).isEqualTo(Usage.unknown());
        assertThat(Usage.unknown().plus(Usage.of(10, 5))).isEqualTo(Usage.unknown());
    }

    @Test
    void negativeCountsAreRefusedNamingTheCount() {
        assertThatThrownBy(() -> Usage.of(-1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("inputTokens must be >= 0 but was -1");
        assertThatThrownBy(() -> Usage.of(10, 5).withOutputTokens(-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("outputTokens must be >= 0 but was -3");
        assertThatThrownBy(() -> Usage.of(10, 5).withReasoningTokens(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reasoningTokens must be >= 0 but was -1");
        assertThatThrownBy(() -> Usage.of(10, 5).withCachedInputTokens(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cachedInputTokens must be >= 0 but was -1");
        assertThatThrownBy(() -> Usage.of(10, 5).withTotalTokens(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("totalTokens must be >= 0 but was -1");
    }

    @Test
    void nullComponentsAreRefusedNamingTheComponent() {
        assertThatThrownBy(() -> new Usage(null, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("inputTokens");
        assertThatThrownBy(() -> new Usage(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("totalTokens");
        assertThatThrownBy(() -> Usage.of(1, 1).plus(null))
                .isInstanceOf(NullPointerException.class).hasMessage("other");
    }
}
