package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Progress;
import dev.bench4j.core.RunHandle;
import dev.bench4j.core.testing.HeldCalls;
import dev.bench4j.core.testing.MutableClock;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Progress snapshots count cells as they finish and estimate the time left from the injected clock. */
class ProgressTest {

    @Test
    void progressCountsCellsAndEstimatesTimeLeft() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        HeldCalls held = new HeldCalls();
        RunHandle handle = Plans.over(ScriptedProvider.named("held", held::hold), 8).concurrency(2).noCache()
                .clock(clock).build().start();
        held.next().answer();
        held.next().answer();
        held.next();   // the third call is in flight
        clock.advance(Duration.ofSeconds(10));
        while (handle.progress().done() < 2) {
            Thread.onSpinWait();
        }

        Progress p = handle.progress();
        assertThat(p.totalCells()).isEqualTo(8);
        assertThat(p.done()).isEqualTo(2);
        assertThat(p.succeeded()).isEqualTo(2);
        assertThat(p.inputTokens()).isEqualTo(20);
        assertThat(p.elapsed()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.eta()).contains(Duration.ofSeconds(30));
        assertThat(p.fractionDone()).isEqualTo(0.25);
        handle.cancel();
        handle.await();
        assertThat(handle.progress().eta()).isEmpty();
    }

    @Test
    void runIdsNameTheStartTimeInUtc() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T18:45:01Z"));
        RunHandle handle = Plans.over(ScriptedProvider.echoing("echoing"), 1).clock(clock).build().start();

        assertThat(handle.id()).matches("bench_[0-9a-f]{8}_20261122_184501");
        assertThat(handle.await().id()).isEqualTo(handle.id());
    }
}
