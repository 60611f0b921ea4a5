package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Run statuses round-trip through their wire names, and an unknown name is refused. */
class RunStatusTest {

    @Test
    void wireNamesAreLowerCase() {
        assertThat(RunStatus.COMPLETED.wireName()).isEqualTo("completed");
        assertThat(RunStatus.CANCELLED.wireName()).isEqualTo("cancelled");
    }

    @Test
    void everyStatusRoundTripsThroughItsWireName() {
        for (RunStatus s : RunStatus.values()) {
            assertThat(RunStatus.fromWireName(s.wireName())).isEqualTo(s);
        }
    }

    @Test
    void parsingIgnoresCase() {
        assertThat(RunStatus.fromWireName("Running")).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void unknownNameIsRefusedListingEveryStatus() {
        assertThatThrownBy(() -> RunStatus.fromWireName("canceled"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status must be one of running, completed, failed, cancelled, budget_exceeded, interrupted but was 'canceled'");
    }

    @Test
    void nullNameIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> RunStatus.fromWireName(null))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
    }
}
