package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A progress snapshot reports the finished share of a run, an empty plan being done. */
class ProgressTest {

    private static Progress progress(long total, long done) {
        return new Progress(total, done, done, 0, 0, 0, 0, 0, 0, 0.0, Duration.ofSeconds(1), Optional.empty());
    }

    @Test
    void fractionDoneIsDoneOverTotal() {
        assertThat(progress(100, 25).fractionDone()).isEqualTo(0.25);
        assertThat(progress(3, 0).fractionDone()).isEqualTo(0.0);
        assertThat(progress(3, 3).fractionDone()).isEqualTo(1.0);
    }

    @Test
    void anEmptyPlanIsFullyDone() {
        assertThat(progress(0, 0).fractionDone()).isEqualTo(1.0);
    }

    @Test
    void loweredConcurrencyIsEmptyByDefaultAndACopyWhenGiven() {
        assertThat(progress(1, 0).loweredConcurrency()).isEmpty();
        Map<String, Integer> lowered = new HashMap<>(Map.of("openai", 16));
        Progress p = progress(1, 0).withLoweredConcurrency(lowered);
        lowered.put("anthropic", 2);

        assertThat(p.loweredConcurrency()).containsExactly(Map.entry("openai", 16));
        assertThat(p.withLoweredConcurrency(Map.of())).isEqualTo(progress(1, 0));
        assertThatThrownBy(() -> p.loweredConcurrency().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p.withLoweredConcurrency(null))
                .isInstanceOf(NullPointerException.class).hasMessage("loweredConcurrency");
    }

    @Test
    void nullsAreRefusedNamingTheComponent() {
        assertThatThrownBy(() -> new Progress(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("elapsed");
        assertThatThrownBy(() -> new Progress(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO, null))
                .isInstanceOf(NullPointerException.class).hasMessage("eta");
    }
}
