package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Error kinds say whether a retry can help and round-trip through their wire names. */
class ErrorKindTest {

    @Test
    void onlyRateLimitsServerErrorsTimeoutsAndNetworkFailuresAreRetryable() {
        assertThat(Arrays.stream(ErrorKind.values()).filter(ErrorKind::retryable))
                .containsExactlyInAnyOrder(ErrorKind.RATE_LIMITED, ErrorKind.SERVER, ErrorKind.TIMEOUT, ErrorKind.NETWORK);
    }

    @Test
    void wireNamesAreLowerCaseSnakeCase() {
        assertThat(ErrorKind.RATE_LIMITED.wireName()).isEqualTo("rate_limited");
        assertThat(ErrorKind.EMPTY_OUTPUT.wireName()).isEqualTo("empty_output");
        assertThat(ErrorKind.DEADLINE_EXCEEDED.wireName()).isEqualTo("deadline_exceeded");
    }

    @Test
    void everyKindRoundTripsThroughItsWireName() {
        for (ErrorKind k : ErrorKind.values()) {
            assertThat(ErrorKind.fromWireName(k.wireName())).isEqualTo(k);
        }
    }

    @Test
    void parsingIgnoresCase() {
        assertThat(ErrorKind.fromWireName("Bad_Request")).isEqualTo(ErrorKind.BAD_REQUEST);
    }

    @Test
    void unknownNameIsRefusedListingEveryKind() {
        assertThatThrownBy(() -> ErrorKind.fromWireName("teapot"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("error kind must be one of rate_limited, server, timeout, network, bad_request, auth, "
                        + "quota_exceeded, empty_output, malformed_response, no_recording, deadline_exceeded, internal but was 'teapot'");
    }

    @Test
    void theRefusalListsExactlyTheKindsThatExist() {
        String expected = String.join(", ", Arrays.stream(ErrorKind.values()).map(ErrorKind::wireName).toList());

        assertThatThrownBy(() -> ErrorKind.fromWireName("x"))
                .hasMessage("error kind must be one of " + expected + " but was 'x'");
    }

    @Test
    void nullNameIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> ErrorKind.fromWireName(null))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
    }
}
