package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Run;
import dev.bench4j.core.RunHandle;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.testing.HeldCalls;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Cancelling a run stops dispatching, cancels calls in flight and keeps every finished result. */
class CancelTest {

    @Test
    void cancelKeepsFinishedResultsAndCancelsCallsInFlight() {
        HeldCalls held = new HeldCalls();
        ScriptedProvider p = ScriptedProvider.named("held", held::hold);
        RunHandle handle = Plans.over(p, 20).concurrency(4).noCache().build().start();
        for (int i = 0; i < 5; i++) {
            held.next().answer();
        }
        List<HeldCalls.Held> inFlight = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inFlight.add(held.next());
        }
        handle.cancel();
        Run run = handle.await();

        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.statusReason()).contains("cancelled");
        assertThat(run.results()).hasSize(5).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
        assertThat(inFlight).allSatisfy(h -> assertThat(h.future().isCancelled()).isTrue());
        assertThat(p.calls()).isEqualTo(9);
        assertThat(run.summary().overall().cells()).isEqualTo(5);
        assertThat(handle.progress().inFlight()).isZero();
        assertThat(p.closed()).isEqualTo(1);
    }

    @Test
    void cancelDuringALongRetryWaitEndsTheRunAtOnce() {
        ScriptedProvider p = ScriptedProvider.named("throttled", r -> CompletableFuture.failedFuture(
                CallException.forHttpStatus(429, "slow down", Optional.of(Duration.ofMinutes(5)))));
        RunHandle handle = Plans.over(p, 2).build().start();
        while (handle.progress().retries() < 2) {
            Thread.onSpinWait();
        }
        handle.cancel();

        Optional<Run> run = handle.await(Duration.ofSeconds(10));
        assertThat(run).isPresent();
        assertThat(run.get().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.get().results()).isEmpty();
    }

    @Test
    void runDeadlineCancelsTheRunAndSaysWhy() {
        HeldCalls held = new HeldCalls();
        ScriptedProvider p = ScriptedProvider.named("held", held::hold);
        RunHandle handle = Plans.over(p, 3).concurrency(1).noCache().runDeadline(Duration.ofMillis(300)).build().start();
        held.next().answer();

        Run run = handle.await();
        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.statusReason()).contains("run deadline of 300 ms passed");
        assertThat(run.results()).hasSize(1);
    }

    @Test
    void cancelAfterTheRunEndedChangesNothing() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        RunHandle handle = Plans.over(p, 2).build().start();
        Run run = handle.await();
        handle.cancel();

        assertThat(handle.isDone()).isTrue();
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(handle.future().join()).isEqualTo(run);
    }
}
