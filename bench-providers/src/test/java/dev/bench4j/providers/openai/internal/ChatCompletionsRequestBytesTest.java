package dev.bench4j.providers.openai.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.bench4j.providers.testing.ProviderHarness.FAKE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Secret;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.providers.internal.http.HttpCall;
import dev.bench4j.providers.internal.http.Json;
import dev.bench4j.providers.openai.OpenAiCompatibleProviderFactory;
import dev.bench4j.providers.testing.ProviderHarness;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bytes of a Chat Completions request: written once per config around each call's messages,
 * they are exactly those of the whole body tree serialized, for every flavor and setting.
 */
class ChatCompletionsRequestBytesTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String AWKWARD = "quote \" backslash \\ tab \t newline \n nul \u0000 é 糖尿病 "
            + "\uD83D\uDC69\u200D\u2695\uFE0F \u2028 lone \uD800";

    private static final List<List<Message>> CONVERSATIONS = List.of(
            List.of(Message.user("Which conditions?")),
            List.of(Message.system("Be brief."), Message.user(AWKWARD)),
            List.of(Message.system("S"), Message.user("Q1"), Message.assistant("A1"), Message.user("Q2 " + AWKWARD)));

    private static ModelConfig base(String provider) {
        return ModelConfig.of(provider, "gpt-4o-mini").withBaseUrl("http://localhost:1/v1");
    }

    /** Configs with every parameter, extras of every JSON type, streaming, and extras a plan would refuse. */
    private static List<ModelConfig> configs(String provider) {
        Map<String, Object> format = new LinkedHashMap<>();
        format.put("type", "json_schema");
        format.put("json_schema", Map.of("name", "entities", "strict", true,
                "schema", Map.of("type", "object", "required", List.of("entities"))));
        ModelConfig all = base(provider).withTemperature(0.2).withTopP(0.9).withTopK(40).withMaxOutputTokens(256).withSeed(7)
                .withStop("END", "###", AWKWARD).withFrequencyPenalty(0.5).withPresencePenalty(-0.5)
                .withReasoningEffort("low").withVerbosity("high");
        List<ModelConfig> list = new ArrayList<>(List.of(
                base(provider),
                base(provider).withTemperature(0.0).withMaxOutputTokens(128),
                all,
                all.withParam("logprobs", true).withParam("top_logprobs", 3).withParam("response_format", format)
                        .withParam("logit_bias", Map.of("50256", -100)).withParam("user", AWKWARD)
                        .withParam("big", new BigDecimal("12345678901234567890.5")).withParam("nothing", List.of()),
                base(provider).withModel("acme/\"odd\" model ü").withTemperature(1.0),
                base(provider).withStream(true),
                all.withStream(true),
                base(provider).withStream(true).withParam("stream_options", Map.of("include_usage", false, "chunk", 1)),
                base(provider).withStream(true).withParam("stream_options", "yes"),
                base(provider).withParam("stream", true),
                base(provider).withStream(true).withParam("stream", false),
                base(provider).withParam("model", "from-an-extra"),
                base(provider).withParam("messages", List.of()),
                base(provider).withParam("messages", List.of(Map.of("role", "user", "content", "from an extra"))),
                base(provider).withParam("max_completion_tokens", 99).withMaxOutputTokens(100)));
        return list;
    }

    /** The body as the tree of the whole call serialized, streaming fields added as the API adds them. */
    private static byte[] tree(ModelRequest request, Flavor flavor) {
        ObjectNode body = ChatCompletionsApi.body(request, flavor);
        if (request.config().endpoint().stream()) {
            body.put("stream", true);
            JsonNode options = body.get("stream_options");
            (options instanceof ObjectNode o ? o : body.putObject("stream_options")).put("include_usage", true);
        }
        return Json.bytes(body);
    }

    private static ModelRequest request(ModelConfig config, List<Message> messages) {
        return new ModelRequest(new CellId("p", config.id(), "t1", 0), config, messages, 1);
    }

    @Test
    void everyFlavorSendsTheBytesOfTheWholeTreeForEveryConfigAndConversation() {
        for (Flavor flavor : List.of(Flavor.OPENAI, Flavor.XAI, Flavor.COMPATIBLE)) {
            ChatCompletionsApi chat = new ChatCompletionsApi(flavor);
            for (ModelConfig config : configs(flavor.name())) {
                for (int round = 0; round < 2; round++) {
                    for (List<Message> messages : CONVERSATIONS) {
                        ModelRequest request = request(config, messages);
                        HttpCall call = chat.request(request, Optional.of(Secret.of(FAKE_KEY)));
                        assertThat(new String(call.body(), StandardCharsets.UTF_8)).as("%s %s", flavor.name(), config)
                                .isEqualTo(new String(tree(request, flavor), StandardCharsets.UTF_8));
                        assertThat(call.body()).isEqualTo(tree(request, flavor));
                        assertThat(call.uri().toString()).isEqualTo("http://localhost:1/v1/chat/completions");
                        assertThat(call.headers()).isEqualTo(config.endpoint().stream() ? HttpCall.ACCEPT_SSE : HttpCall.ACCEPT_JSON);
                    }
                }
            }
        }
    }

    @Test
    void anEqualConfigInAnotherInstanceAndAnotherConfigGetTheirOwnBodies() {
        ChatCompletionsApi chat = new ChatCompletionsApi(Flavor.COMPATIBLE);
        List<Message> hi = List.of(Message.user("Hi"));
        ModelConfig cold = base("openai-compatible").withTemperature(0.0);

        String first = new String(chat.request(request(cold, hi), Optional.empty()).body(), StandardCharsets.UTF_8);
        String equal = new String(chat.request(request(base("openai-compatible").withTemperature(0.0), hi), Optional.empty()).body(),
                StandardCharsets.UTF_8);
        String hot = new String(chat.request(request(cold.withTemperature(0.7).withBaseUrl("http://127.0.0.1:2/v1/"), hi),
                Optional.empty()).body(), StandardCharsets.UTF_8);

        assertThat(first).isEqualTo(equal).isEqualTo(
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"temperature\":0.0}");
        assertThat(hot).isEqualTo(
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"temperature\":0.7}");
        assertThat(chat.request(request(cold.withTemperature(0.7).withBaseUrl("http://127.0.0.1:2/v1/"), hi), Optional.empty()).uri())
                .hasToString("http://127.0.0.1:2/v1/chat/completions");
    }

    @Test
    void aConfigWithoutABaseUrlFailsEveryCallAlike() {
        ChatCompletionsApi chat = new ChatCompletionsApi(Flavor.COMPATIBLE);
        ModelConfig none = ModelConfig.of("openai-compatible", "m");

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> chat.request(request(none, List.of(Message.user("Hi"))), Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("model 'openai-compatible:m' needs a base_url for provider 'openai-compatible'");
        }
    }

    @Test
    void theWireCarriesTheSameBytes() {
        api.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(ProviderHarness.fixture("openai/success.json"))));
        ModelConfig config = ModelConfig.of("openai-compatible", "local-model").withBaseUrl(api.baseUrl() + "/v1")
                .withTemperature(0.0).withMaxOutputTokens(128).withParam("response_format", Map.of("type", "json_object"));
        List<Message> messages = List.of(Message.system("Be brief."), Message.user(AWKWARD));

        try (ProviderHarness harness = new ProviderHarness(new OpenAiCompatibleProviderFactory(), Map.of())) {
            harness.call(config, messages.toArray(Message[]::new));
            harness.call(config, messages.toArray(Message[]::new));
        }

        List<byte[]> sent = api.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).stream().map(r -> r.getBody()).toList();
        assertThat(sent).hasSize(2).allSatisfy(b -> assertThat(b).isEqualTo(tree(request(config, messages), Flavor.COMPATIBLE)));
    }
}
