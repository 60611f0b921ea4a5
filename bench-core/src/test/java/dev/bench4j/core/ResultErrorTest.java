package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A result error carries a kind, the message and the HTTP status when there was one. */
class ResultErrorTest {

    @Test
    void ofHasNoHttpStatus() {
        ResultError e = ResultError.of(ErrorKind.TIMEOUT, "attempt took longer than PT30S");

        assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(e.message()).isEqualTo("attempt took longer than PT30S");
        assertThat(e.httpStatus()).isEmpty();
    }

    @Test
    void httpStatusIsKept() {
        assertThat(new ResultError(ErrorKind.RATE_LIMITED, "slow down", OptionalInt.of(429)).httpStatus()).hasValue(429);
    }

    @Test
    void nullComponentsAreRefusedNamingTheComponent() {
        assertThatThrownBy(() -> ResultError.of(null, "x"))
                .isInstanceOf(NullPointerException.class).hasMessage("kind");
        assertThatThrownBy(() -> ResultError.of(ErrorKind.AUTH, null))
                .isInstanceOf(NullPointerException.class).hasMessage("message");
        assertThatThrownBy(() -> new ResultError(ErrorKind.AUTH, "x", null))
                .isInstanceOf(NullPointerException.class).hasMessage("httpStatus");
    }
}
