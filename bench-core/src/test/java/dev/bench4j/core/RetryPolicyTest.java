package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A retry policy validates its settings and grows its backoff exponentially up to a cap. */
class RetryPolicyTest {

    @Test
    void defaultsAreFourAttemptsOneSecondDoublingUpToAMinuteWithHalfJitter() {
        RetryPolicy p = RetryPolicy.defaults();

        assertThat(p.maxAttempts()).isEqualTo(4);
        assertThat(p.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.multiplier()).isEqualTo(2.0);
        assertThat(p.maxBackoff()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.jitter()).isEqualTo(0.5);
    }

    @Test
    void noneMakesOneAttempt() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void backoffGrowsByTheMultiplierPerFailedAttempt() {
        RetryPolicy p = RetryPolicy.defaults();

        assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.backoff(6)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void backoffIsCappedAtMaxBackoff() {
        RetryPolicy p = RetryPolicy.defaults();

        assertThat(p.backoff(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.backoff(100)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void backoffWithAFractionalMultiplierIsRoundedToMilliseconds() {
        RetryPolicy p = RetryPolicy.defaults().withInitialBackoff(Duration.ofMillis(100)).withMultiplier(1.5);

        assertThat(p.backoff(2)).isEqualTo(Duration.ofMillis(150));
        assertThat(p.backoff(3)).isEqualTo(Duration.ofMillis(225));
    }

    @Test
    void multiplierOfOneKeepsTheBackoffConstant() {
        RetryPolicy p = RetryPolicy.defaults().withMultiplier(1);

        assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.backoff(10)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void backoffBeforeAnyFailedAttemptIsRefused() {
        assertThatThrownBy(() -> RetryPolicy.defaults().backoff(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("failedAttempt must be >= 1 but was 0");
    }

    @Test
    void fluentCopiesLeaveTheOriginalUnchanged() {
        RetryPolicy base = RetryPolicy.defaults();

        RetryPolicy changed = base.withMaxAttempts(6).withMaxBackoff(Duration.ofSeconds(90)).withInitialBackoff(Duration.ofMillis(250))
                .withMultiplier(3).withJitter(0);

        assertThat(base).isEqualTo(new RetryPolicy(4, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 0.5));
        assertThat(changed).isEqualTo(new RetryPolicy(6, Duration.ofMillis(250), 3.0, Duration.ofSeconds(90), 0.0));
    }

    @Test
    void maxAttemptsBelowOneIsRefused() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts must be >= 1 but was 0");
    }

    @Test
    void negativeInitialBackoffIsRefused() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withInitialBackoff(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("initialBackoff must be >= 0 but was PT-0.001S");
    }

    @Test
    void maxBackoffBelowInitialBackoffIsRefused() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxBackoff(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBackoff must be >= initialBackoff (PT1S) but was PT0.5S; set both at once with withBackoff(initial, max)");
    }

    @Test
    void initialBackoffAboveMaxBackoffIsRefusedNamingInitialBackoff() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withInitialBackoff(Duration.ofSeconds(90)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initialBackoff must be <= maxBackoff (PT1M) but was PT1M30S; set both at once with withBackoff(initial, max)");
    }

    @Test
    void multiplierBelowOneOrNanIsRefused() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withMultiplier(0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("multiplier must be a finite number >= 1 but was 0.5");
        assertThatThrownBy(() -> RetryPolicy.defaults().withMultiplier(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("multiplier must be a finite number >= 1 but was NaN");
    }

    @Test
    void infiniteMultiplierIsRefusedSayingItMustBeFinite() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withMultiplier(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multiplier must be a finite number >= 1 but was Infinity");
    }

    @Test
    void jitterOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withJitter(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("jitter must be between 0 and 1 but was 1.5");
        assertThatThrownBy(() -> RetryPolicy.defaults().withJitter(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("jitter must be between 0 and 1 but was -0.1");
        assertThatThrownBy(() -> RetryPolicy.defaults().withJitter(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("jitter must be between 0 and 1 but was NaN");
        assertThat(RetryPolicy.defaults().withJitter(1).jitter()).isEqualTo(1.0);
    }

    @Test
    void nullDurationsAreRefusedNamingTheComponent() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withInitialBackoff(null))
                .isInstanceOf(NullPointerException.class).hasMessage("initialBackoff");
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxBackoff(null))
                .isInstanceOf(NullPointerException.class).hasMessage("maxBackoff");
    }

    @Test
    void withBackoffSetsBothBoundsAtOnceWhateverTheOldValues() {
        RetryPolicy p = RetryPolicy.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));

        assertThat(p).isEqualTo(new RetryPolicy(4, Duration.ofMillis(50), 2.0, Duration.ofMillis(200), 0.5));
        assertThat(RetryPolicy.defaults().withBackoff(Duration.ofMinutes(2), Duration.ofMinutes(5)).initialBackoff())
                .isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff(Duration.ofMillis(500), Duration.ofMillis(200)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBackoff must be >= initialBackoff (PT0.5S) but was PT0.2S");
    }
}
