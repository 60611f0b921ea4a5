package dev.bench4j.core.json;

import static dev.bench4j.core.testing.TestFiles.fixture;
import static dev.bench4j.core.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Message;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.internal.Jackson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prompts in the {@code prompt.json} format: files, inline prompts and the copy a run keeps: {@link PromptJson}. */
class PromptJsonTest {

    @TempDir
    Path dir;

    private Path prompt(String json) {
        return write(dir, "prompt.json", json);
    }

    private static JsonNode node(String json) throws Exception {
        return Jackson.MAPPER.readTree(json);
    }

    private static Prompt fromNode(JsonNode node, String where) {
        return PromptJson.read(JsonFields.of(node, where, InvalidPlanException::new));
    }

    @Test
    void readsNameMessagesAndMetadataWithNonAsciiText() {
        Prompt p = Prompt.fromJson(fixture("prompt.json"));

        assertThat(p).isEqualTo(new Prompt("extract-v1", List.of(
                Message.system("Tu es une infirmière de triage. 只回答 JSON. 🩺"),
                Message.user("Conditions in: {{text}}")),
                Map.of("description", "Extracts conditions, \"quoted\"", "tags", List.of("clinical", "v1"), "version", 2L)));
        assertThat(p.variables()).containsExactly("text");
    }

    @Test
    void readsAFileWithByteOrderMarkAndCrlfLineEnds() {
        Path file = prompt("\uFEFF{\r\n  \"name\": \"bom\",\r\n  \"messages\": [{\"role\": \"user\", \"content\": \"a\\r\\nb\"}]\r\n}\r\n");

        assertThat(Prompt.fromJson(file)).isEqualTo(Prompt.named("bom").user("a\r\nb"));
    }

    @Test
    void acceptsRolesInAnyCase() {
        Path file = prompt("""
                {"name": "p", "messages": [{"role": "SYSTEM", "content": "s"}, {"role": "User", "content": "u"},
                                           {"role": "assistant", "content": "a"}]}
                """);

        assertThat(Prompt.fromJson(file).messages())
                .containsExactly(Message.system("s"), Message.user("u"), Message.assistant("a"));
    }

    @Test
    void joinsTheTextPartsOfArrayContentWithoutSeparator() {
        Path file = prompt("""
                {"name": "p", "messages": [{"role": "user", "content": [{"type": "text", "text": "Classify: "},
                                                                        {"type": "text", "text": "{{text}} é"}]}]}
                """);

        assertThat(Prompt.fromJson(file).messages()).containsExactly(Message.user("Classify: {{text}} é"));
    }

    @Test
    void refusesContentPartsThatAreNotText() {
        Path file = prompt("""
                {"name": "p", "messages": [{"role": "user", "content": [{"type": "text", "text": "Look"},
                                                                        {"type": "image_url", "image_url": {"url": "x"}}]}]}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file)).isInstanceOf(InvalidPlanException.class)
                .hasMessage(file + ": field 'messages[0].content[1].type' must be \"text\" but was \"image_url\";"
                        + " only text parts are supported");
    }

    @Test
    void refusesAContentPartWhoseTypeIsNotTextAndSaysOnlyTextIsSupported() {
        Path file = prompt("""
                {"name": "p", "messages": [{"role": "user", "content": [{"type": "input_audio"}]}]}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file)).hasMessage(file + ": field 'messages[0].content[0].type'"
                + " must be \"text\" but was \"input_audio\"; only text parts are supported");
    }

    @Test
    void refusesATextPartWithoutText() {
        Path file = prompt("""
                {"name": "p", "messages": [{"role": "user", "content": [{"type": "text"}]}]}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file))
                .hasMessage(file + ": missing field 'messages[0].content[0].text'");
    }

    @Test
    void refusesAnUnknownTopLevelFieldListingTheAllowedOnes() {
        Path file = prompt("""
                {"name": "p", "mesages": []}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file)).hasMessage(file
                + ": unknown field 'mesages' (did you mean 'messages'?); allowed fields are name, messages, metadata");
    }

    @Test
    void refusesAnUnknownFieldInAMessage() {
        Path file = prompt("""
                {"name": "p", "messages": [{"rol": "user", "content": "hi"}]}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file)).hasMessage(file
                + ": unknown field 'messages[0].rol' (did you mean 'role'?); allowed fields are role, content");
    }

    @Test
    void refusesAPromptWithoutName() {
        Path file = prompt("""
                {"messages": [{"role": "user", "content": "hi"}]}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file)).hasMessage(file + ": missing field 'name'");
    }

    @Test
    void refusesABlankName() {
        Path file = prompt("""
                {"name": "  ", "messages": [{"role": "user", "content": "hi"}]}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file)).hasMessage(file + ": field 'name' must not be blank");
    }

    @Test
    void refusesANameThatIsNotAString() {
        Path file = prompt("""
                {"name": ["a"], "messages": [{"role": "user", "content": "hi"}]}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file)).hasMessage(file + ": field 'name' must be a string but was an array");
    }

    @Test
    void refusesAnUnknownRoleNamingTheMessage() {
        Path file = prompt("""
                {"name": "p", "messages": [{"role": "user", "content": "hi"}, {"role": "robot", "content": "x"}]}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file)).hasMessage(file
                + ": field 'messages[1].role': role must be one of system, user, assistant but was 'robot'");
    }

    @Test
    void refusesAMessageWithoutRole() {
        Path file = prompt("""
                {"name": "p", "messages": [{"content": "hi"}]}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file))
                .hasMessage(file + ": field 'messages[0].role' must be one of system, user, assistant");
    }

    @Test
    void refusesContentThatIsNeitherStringNorParts() {
        Path file = prompt("""
                {"name": "p", "messages": [{"role": "user", "content": 42}]}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file)).hasMessage(file
                + ": field 'messages[0].content' must be a string or an array of text parts but was 42");
    }

    @Test
    void refusesNullContent() {
        Path file = prompt("""
                {"name": "p", "messages": [{"role": "user", "content": null}]}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file))
                .hasMessage(file + ": field 'messages[0].content' must be a string or an array of text parts");
    }

    @Test
    void refusesAMessageThatIsNotAnObject() {
        Path file = prompt("""
                {"name": "p", "messages": ["hello"]}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file))
                .hasMessage(file + ": field 'messages[0]' must be an object but was \"hello\"");
    }

    @Test
    void refusesMissingMessages() {
        Path file = prompt("""
                {"name": "p"}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file)).hasMessage(file
                + ": missing field 'messages'; a prompt needs messages like [{\"role\": \"user\", \"content\": \"...\"}]");
    }

    @Test
    void refusesEmptyMessages() {
        Path file = prompt("""
                {"name": "p", "messages": []}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file)).hasMessage(file + ": field 'messages' must hold at least one message");
    }

    @Test
    void refusesANullMetadataValueNamingItsKey() {
        Path file = prompt("""
                {"name": "p", "messages": [{"role": "user", "content": "hi"}], "metadata": {"owner": null}}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file)).hasMessage(file
                + ": field 'metadata' has a null value for 'owner'; remove the entry or give it a value");
    }

    @Test
    void refusesMetadataThatIsNotAnObject() {
        Path file = prompt("""
                {"name": "p", "messages": [{"role": "user", "content": "hi"}], "metadata": "v1"}
                """);

        assertThatThrownBy(() -> Prompt.fromJson(file)).hasMessage(file + ": field 'metadata' must be an object but was \"v1\"");
    }

    @Test
    void refusesAFileThatHoldsAnArray() {
        Path file = prompt("[{\"role\": \"user\", \"content\": \"hi\"}]");

        assertThatThrownBy(() -> Prompt.fromJson(file)).hasMessage(file + ": expected a JSON object but found an array");
    }

    @Test
    void namesTheLineAndColumnOfMalformedJson() {
        Path file = prompt("{\n  \"name\": \"p\",\n  \"messages\": [{\"role\": \"user\" \"content\": \"hi\"}]\n}\n");

        assertThatThrownBy(() -> Prompt.fromJson(file)).isInstanceOf(InvalidPlanException.class)
                .hasMessage(file + ": line 3, column 32: invalid JSON: Unexpected character ('\"' (code 34)):"
                        + " was expecting comma to separate Object entries");
    }

    @Test
    void refusesARepeatedKey() {
        Path file = prompt("{\"name\": \"a\", \"name\": \"b\", \"messages\": []}");

        assertThatThrownBy(() -> Prompt.fromJson(file))
                .hasMessage(file + ": line 1, column 21: invalid JSON: Duplicate field 'name'");
    }

    @Test
    void reportsAMissingFile() {
        Path file = dir.resolve("nope.json");

        assertThatThrownBy(() -> Prompt.fromJson(file)).isInstanceOf(InvalidPlanException.class)
                .hasMessage(file + ": file not found");
    }

    @Test
    void readsAnInlinePromptFromANode() throws Exception {
        JsonNode node = node("{\"name\": \"inline\", \"messages\": [{\"role\": \"user\", \"content\": \"{{q}}\"}]}");

        assertThat(fromNode(node, "plan.json: prompts[1]")).isEqualTo(Prompt.named("inline").user("{{q}}"));
    }

    @Test
    void prefixesEveryMessageOfAnInlinePromptWithWhere() throws Exception {
        assertThatThrownBy(() -> fromNode(node("{\"messages\": []}"), "plan.json: prompts[1]"))
                .hasMessage("plan.json: prompts[1]: missing field 'name'");
        assertThatThrownBy(() -> fromNode(node("\"extract.json\""), "plan.json: prompts[1]"))
                .hasMessage("plan.json: prompts[1]: expected a JSON object but found \"extract.json\"");
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> Prompt.fromJson(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
        assertThatThrownBy(() -> fromNode(null, "w")).isInstanceOf(NullPointerException.class).hasMessage("node");
        assertThatThrownBy(() -> fromNode(node("{}"), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("where");
        assertThatThrownBy(() -> PromptJson.read(null)).isInstanceOf(NullPointerException.class).hasMessage("fields");
        assertThatThrownBy(() -> PromptJson.toNode(null)).isInstanceOf(NullPointerException.class).hasMessage("prompt");
    }

    @Test
    void writesAPromptInTheFileFormatAndReadsItBackEqual() throws Exception {
        Prompt withMetadata = Prompt.fromJson(fixture("prompt.json"));
        Prompt plain = Prompt.named("v1").system("You are \"terse\".").user("Classify: {{text}}").assistant("ok");

        for (Prompt p : List.of(withMetadata, plain)) {
            assertThat(fromNode(PromptJson.toNode(p), "run.json: plan.prompts[0]")).isEqualTo(p);
        }
        assertThat(PromptJson.toNode(Prompt.named("v1").user("{{q}}")).toString())
                .isEqualTo("{\"name\":\"v1\",\"messages\":[{\"role\":\"user\",\"content\":\"{{q}}\"}]}");
    }
}
