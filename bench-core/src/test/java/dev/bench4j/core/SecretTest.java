package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A secret compares by value but never shows it, not even through its hash. */
class SecretTest {

    @Test
    void revealReturnsTheWrappedValue() {
        assertThat(Secret.of("sk-test-PLANTED-KEY-123").reveal()).isEqualTo("sk-test-PLANTED-KEY-123");
    }

    @Test
    void toStringIsRedacted() {
        assertThat(Secret.of("sk-test-PLANTED-KEY-123").toString()).isEqualTo("****");
    }

    @Test
    void secretsWithTheSameValueAreEqual() {
        assertThat(Secret.of("sk-a")).isEqualTo(Secret.of("sk-a"));
        assertThat(Secret.of("sk-a")).isNotEqualTo(Secret.of("sk-b"));
        assertThat(Secret.of("sk-a")).isNotEqualTo(Secret.of("sk-a-longer"));
        assertThat(Secret.of("sk-a")).isNotEqualTo("sk-a");
    }

    @Test
    void hashCodeIsTheSameForEveryValueSoItRevealsNothing() {
        assertThat(Secret.of("sk-a").hashCode()).isEqualTo(Secret.of("sk-b").hashCode()).isZero();
    }

    @Test
    void nullValueIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Secret.of(null))
                .isInstanceOf(NullPointerException.class).hasMessage("value");
    }

    @Test
    void blankValueIsRefused() {
        assertThatThrownBy(() -> Secret.of(" \t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a secret must not be blank");
    }
}
