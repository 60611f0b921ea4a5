package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.Message.Role;
import org.junit.jupiter.api.Test;

/** A message is a role and a non-null content, and roles round-trip through their wire names. */
class MessageTest {

    @Test
    void factoriesSetTheRoleAndKeepTheContentAsWritten() {
        assertThat(Message.system("You are {{who}}.")).isEqualTo(new Message(Role.SYSTEM, "You are {{who}}."));
        assertThat(Message.user("Classify: {{text}}")).isEqualTo(new Message(Role.USER, "Classify: {{text}}"));
        assertThat(Message.assistant("urgent")).isEqualTo(new Message(Role.ASSISTANT, "urgent"));
    }

    @Test
    void emptyContentIsAllowed() {
        assertThat(Message.user("").content()).isEmpty();
    }

    @Test
    void nullRoleOrContentIsRefusedNamingTheComponent() {
        assertThatThrownBy(() -> new Message(null, "x"))
                .isInstanceOf(NullPointerException.class).hasMessage("role");
        assertThatThrownBy(() -> new Message(Role.USER, null))
                .isInstanceOf(NullPointerException.class).hasMessage("content");
        assertThatThrownBy(() -> Message.user(null))
                .isInstanceOf(NullPointerException.class).hasMessage("content");
    }

    @Test
    void roleWireNamesAreTheLowerCaseOpenAiNames() {
        assertThat(Role.SYSTEM.wireName()).isEqualTo("system");
        assertThat(Role.USER.wireName()).isEqualTo("user");
        assertThat(Role.ASSISTANT.wireName()).isEqualTo("assistant");
    }

    @Test
    void everyRoleRoundTripsThroughItsWireName() {
        for (Role r : Role.values()) {
            assertThat(Role.fromWireName(r.wireName())).isEqualTo(r);
        }
    }

    @Test
    void roleParsingIgnoresCaseAndSurroundingSpaces() {
        assertThat(Role.fromWireName("USER")).isEqualTo(Role.USER);
        assertThat(Role.fromWireName(" Assistant ")).isEqualTo(Role.ASSISTANT);
    }

    @Test
    void unknownRoleIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> Role.fromWireName("robot"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("role must be one of system, user, assistant but was 'robot'");
    }

    @Test
    void nullRoleNameIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Role.fromWireName(null))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
    }
}
