package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A prompt is an immutable, named list of template messages with JSON-like metadata. */
class PromptTest {

    @Test
    void namedStartsEmpty() {
        Prompt p = Prompt.named("v1");

        assertThat(p.name()).isEqualTo("v1");
        assertThat(p.messages()).isEmpty();
        assertThat(p.metadata()).isEmpty();
        assertThat(p.variables()).isEmpty();
    }

    @Test
    void fluentMethodsAppendMessagesInOrder() {
        Prompt p = Prompt.named("v1").system("sys").user("u").assistant("a").message(Message.user("u2"));

        assertThat(p.messages()).containsExactly(
                Message.system("sys"), Message.user("u"), Message.assistant("a"), Message.user("u2"));
    }

    @Test
    void fluentMethodsLeaveTheOriginalUnchanged() {
        Prompt base = Prompt.named("v1").system("sys");

        Prompt longer = base.user("u");
        Prompt tagged = base.withMetadata("author", "ana");
        Prompt renamed = base.withName("v2");

        assertThat(base.messages()).containsExactly(Message.system("sys"));
        assertThat(base.metadata()).isEmpty();
        assertThat(base.name()).isEqualTo("v1");
        assertThat(longer.messages()).hasSize(2);
        assertThat(tagged.metadata()).containsEntry("author", "ana");
        assertThat(renamed.name()).isEqualTo("v2");
        assertThat(renamed.messages()).isEqualTo(base.messages());
    }

    @Test
    void blankNameIsRefused() {
        assertThatThrownBy(() -> Prompt.named("  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("prompt name must not be blank");
        assertThatThrownBy(() -> Prompt.named("v1").withName(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("prompt name must not be blank");
    }

    @Test
    void nullArgumentsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Prompt.named(null))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> new Prompt("v1", null, Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("messages");
        assertThatThrownBy(() -> new Prompt("v1", List.of(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("metadata");
        assertThatThrownBy(() -> Prompt.named("v1").message(null))
                .isInstanceOf(NullPointerException.class).hasMessage("message");
        assertThatThrownBy(() -> Prompt.named("v1").user(null))
                .isInstanceOf(NullPointerException.class).hasMessage("content");
        assertThatThrownBy(() -> Prompt.named("v1").withMetadata(null, "x"))
                .isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThatThrownBy(() -> Prompt.named("v1").withMetadata("k", null))
                .isInstanceOf(NullPointerException.class).hasMessage("value");
    }

    @Test
    void nullMessageElementIsRefusedNamingTheComponent() {
        assertThatThrownBy(() -> new Prompt("v1", Arrays.asList(Message.user("u"), null), Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("messages");
    }

    @Test
    void nullMetadataValueIsRefusedNamingTheKey() {
        Map<String, Object> meta = new HashMap<>();
        meta.put("author", null);

        assertThatThrownBy(() -> new Prompt("v1", List.of(), meta))
                .isInstanceOf(NullPointerException.class).hasMessage("metadata 'author' is null");
    }

    @Test
    void nonJsonMetadataValueIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> Prompt.named("v1").withMetadata("when", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metadata 'when' must be a JSON value (string, number, boolean, list or map) but was a java.lang.Object");
    }

    @Test
    void messagesAreCopiedSoTheCallersListDoesNotLeakIn() {
        List<Message> messages = new ArrayList<>(List.of(Message.user("u")));
        Prompt p = new Prompt("v1", messages, Map.of());

        messages.add(Message.user("later"));

        assertThat(p.messages()).containsExactly(Message.user("u"));
    }

    @Test
    void metadataIsDeepCopiedSoNestedCallerCollectionsDoNotLeakIn() {
        List<Object> tags = new ArrayList<>(List.of("triage"));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("tags", tags);
        Prompt p = new Prompt("v1", List.of(), meta);

        tags.add("later");
        meta.put("author", "later");

        assertThat(p.metadata()).containsOnlyKeys("tags");
        assertThat(p.metadata().get("tags")).isEqualTo(List.of("triage"));
    }

    @Test
    void returnedCollectionsAreUnmodifiable() {
        Prompt p = Prompt.named("v1").user("{{text}}").withMetadata("tags", List.of("a"));

        assertThatThrownBy(() -> p.messages().add(Message.user("x")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p.metadata().put("k", "v"))
                .isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> tags = (List<Object>) p.metadata().get("tags");
        assertThatThrownBy(() -> tags.add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p.variables().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void metadataReplacesAnExistingKey() {
        Prompt p = Prompt.named("v1").withMetadata("author", "ana").withMetadata("author", "ben");

        assertThat(p.metadata()).containsExactly(Map.entry("author", "ben"));
    }

    @Test
    void variablesAreListedOnceInOrderOfFirstUseAcrossMessages() {
        Prompt p = Prompt.named("v1")
                .system("Answer in {{ lang }}.")
                .user("Classify: {{text}} ({{lang}}) {{not a name}} {{}}");

        assertThat(p.variables()).containsExactly("lang", "text");
    }

    @Test
    void renderReplacesVariablesAndNamesAMissingOne() {
        Prompt p = Prompt.named("v1").system("Be brief.").user("Classify: {{text}} ({{n}})");

        assertThat(p.render(Map.of("text", "chest pain", "n", 3)))
                .containsExactly(Message.system("Be brief."), Message.user("Classify: chest pain (3)"));
        assertThatThrownBy(() -> p.render(Map.of("text", "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prompt 'v1' uses variable 'n' but no value was given for it (given: text)");
    }
}
