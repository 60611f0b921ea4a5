package dev.bench4j.providers.ollama.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.providers.internal.http.HttpCall;
import dev.bench4j.providers.internal.http.Json;
import dev.bench4j.providers.internal.http.Messages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bytes of an Ollama chat request, written once per config around each call's messages, are those of the whole tree. */
class OllamaRequestBytesTest {

    private static final String AWKWARD = "quote \" backslash \\ newline \n nul \u0000 é 糖尿病 \uD83D\uDE00 \u2028";

    private static final List<List<Message>> CONVERSATIONS = List.of(
            List.of(Message.user("Why is the sky blue?")),
            List.of(Message.system("Be brief."), Message.user(AWKWARD), Message.assistant("A"), Message.user("Q")));

    private static ModelRequest request(ModelConfig config, List<Message> messages) {
        return new ModelRequest(new CellId("p", config.id(), "t1", 0), config, messages, 1);
    }

    @Test
    void sendsTheBytesOfTheWholeTreeForEveryConfigAndConversation() {
        ModelConfig llama = ModelConfig.of("ollama", "llama3.2").withBaseUrl("http://localhost:11434/");
        List<ModelConfig> configs = List.of(
                ModelConfig.of("ollama", "llama3.2"),
                llama.withStream(true),
                llama.withTemperature(0.2).withTopP(0.9).withTopK(40).withMaxOutputTokens(256).withSeed(7)
                        .withStop("END", AWKWARD).withFrequencyPenalty(0.5).withPresencePenalty(-0.5),
                llama.withTemperature(0.0).withParam("num_ctx", 8192).withParam("think", true).withParam("keep_alive", "5m")
                        .withParam("format", Map.of("type", "object", "properties", Map.of("a", Map.of("type", "string")))),
                llama.withModel("gpt-oss:20b").withParam("think", "high").withStream(true));
        OllamaChatApi ollama = new OllamaChatApi();
        for (ModelConfig config : configs) {
            for (int round = 0; round < 2; round++) {
                for (List<Message> messages : CONVERSATIONS) {
                    HttpCall call = ollama.request(request(config, messages), Optional.empty());
                    byte[] tree = Json.bytes(OllamaChatApi.body(config, Messages.roleContent(messages)));
                    assertThat(new String(call.body(), StandardCharsets.UTF_8)).as("%s", config)
                            .isEqualTo(new String(tree, StandardCharsets.UTF_8));
                    assertThat(call.body()).isEqualTo(tree);
                    assertThat(call.uri()).hasToString("http://localhost:11434/api/chat");
                    assertThat(call.headers()).isEqualTo(config.endpoint().stream() ? HttpCall.ACCEPT_NDJSON : HttpCall.ACCEPT_JSON);
                }
            }
        }
        assertThat(new String(ollama.request(request(llama.withTemperature(0.0), CONVERSATIONS.get(0)), Optional.empty()).body(),
                StandardCharsets.UTF_8)).isEqualTo("{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":"
                        + "\"Why is the sky blue?\"}],\"stream\":false,\"options\":{\"temperature\":0.0}}");
    }

    @Test
    void aConfigWithARefusedOptionFailsEveryCallAlike() {
        OllamaChatApi ollama = new OllamaChatApi();
        ModelConfig config = ModelConfig.of("ollama", "llama3.2").withReasoningEffort("high");

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> ollama.request(request(config, CONVERSATIONS.get(0)), Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ollama has no reasoning_effort");
        }
    }
}
