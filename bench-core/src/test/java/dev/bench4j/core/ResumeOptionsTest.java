package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResumeOptionsTest {

    private static final CellId CELL = new CellId("p", "m", "t", 0);
    private static final Result.Timing TIMING = Result.Timing.of(Instant.EPOCH, Duration.ZERO);

    private static Result failed(ErrorKind kind) {
        return Result.failure(CELL, ResultError.of(kind, "x"), TIMING, 1);
    }

    @Test
    void aPlainResumeRetriesNothing() {
        assertThat(ResumeOptions.plain().retries(failed(ErrorKind.SERVER))).isFalse();
        assertThat(ResumeOptions.plain()).hasToString("plain resume");
    }

    @Test
    void retryFailedRetriesFailedResultsOfTheListedKindsOrOfAnyKind() {
        Result ok = Result.success(CELL, "ok", FinishReason.STOP, TIMING);
        ResumeOptions some = ResumeOptions.retryFailed(ErrorKind.SERVER, ErrorKind.RATE_LIMITED);

        assertThat(ResumeOptions.retryFailed().retries(failed(ErrorKind.AUTH))).isTrue();
        assertThat(ResumeOptions.retryFailed().retries(ok)).isFalse();
        assertThat(some.retries(failed(ErrorKind.SERVER))).isTrue();
        assertThat(some.retries(failed(ErrorKind.AUTH))).isFalse();
        assertThat(some).hasToString("retry failed cells of kinds rate_limited, server");
    }

    @Test
    void kindsWithoutRetryAreRefused() {
        assertThatThrownBy(() -> new ResumeOptions(false, Set.of(ErrorKind.SERVER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("error kinds [SERVER] are given but failed cells are not retried");
    }
}
