package dev.bench4j.providers.anthropic.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.bench4j.providers.testing.ProviderHarness.FAKE_KEY;
import static dev.bench4j.providers.testing.ProviderHarness.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.ModelInfo;
import dev.bench4j.core.Result;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Run;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.anthropic.AnthropicProviderFactory;
import dev.bench4j.providers.internal.http.Json;
import dev.bench4j.providers.testing.ProviderHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The anthropic provider against WireMock with bodies as Anthropic sends them (fixtures/anthropic). */
class AnthropicProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Map<String, Object> THINKING = Map.of("type", "enabled", "budget_tokens", 1024);

    private ProviderHarness harness;
    private ModelConfig sonnet;

    @BeforeEach
    void setUp() {
        harness = new ProviderHarness(new AnthropicProviderFactory(), Map.of("ANTHROPIC_API_KEY", FAKE_KEY));
        sonnet = ModelConfig.of("anthropic", "claude-sonnet-4-5").withBaseUrl(api.baseUrl() + "/v1").withMaxOutputTokens(1024);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private void answer(String fixture) {
        api.stubFor(post("/v1/messages").willReturn(okJson(fixture("anthropic/" + fixture))));
    }

    private static ResponseDefinitionBuilder error(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(fixture("anthropic/" + fixture));
    }

    private static ResponseDefinitionBuilder sse(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream; charset=utf-8")
                .withBody(fixture("anthropic/" + fixture));
    }

    /** The first call fails with {@code first}, every later one gets {@code then}. */
    private void failOnceThen(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        api.stubFor(post("/v1/messages").inScenario("once").whenScenarioStateIs(STARTED).willReturn(first)
                .willSetStateTo("ok"));
        api.stubFor(post("/v1/messages").inScenario("once").whenScenarioStateIs("ok").willReturn(then));
    }


    private LoggedRequest onlyRequest() {
        return ProviderHarness.onlyPost(api, urlEqualTo("/v1/messages"));
    }

    @Test
    void mapsASuccessfulAnswerWithUsageFinishReasonAndModelVersion() {
        answer("success.json");

        ModelResponse r = harness.call(sonnet);

        assertThat(r.text()).isEqualTo("diabetes, hypertension");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.rawFinishReason()).contains("end_turn");
        assertThat(r.modelVersion()).contains("claude-sonnet-4-5-20250929");
        assertThat(r.usage().inputTokens()).isEqualTo(OptionalLong.of(61));
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(7));
        assertThat(r.usage().totalTokens()).isEqualTo(OptionalLong.of(68));
        assertThat(r.usage().cachedInputTokens()).isEqualTo(OptionalLong.of(0));
        assertThat(r.usage().reasoningTokens()).isEmpty();
        assertThat(r.timeToFirstToken()).isEmpty();
    }

    @Test
    void sendsEveryParameterUnderItsDocumentedNameWithSystemApartAndTheKeyOnlyInXApiKey() {
        answer("success.json");
        ModelConfig config = ModelConfig.of("anthropic", "claude-3-5-haiku-20241022").withBaseUrl(api.baseUrl() + "/v1")
                .withMaxOutputTokens(256).withTemperature(0.2).withTopP(0.9).withTopK(40).withStop("END", "</answer>")
                .withParam("metadata", Map.of("user_id", "bench-42")).withParam("service_tier", "standard_only");

        harness.call(config, Message.system("Be brief."), Message.user("Conditions in: fever"),
                Message.assistant("<answer>"), Message.system("Answer in English."), Message.user("Go on."));

        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("x-api-key")).isEqualTo(FAKE_KEY);
        assertThat(request.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.containsHeader("Authorization")).isFalse();
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getBodyAsString()).doesNotContain(FAKE_KEY);
        assertThat(request.getUrl()).doesNotContain(FAKE_KEY);
        JsonNode body = ProviderHarness.body(request);
        assertThat(body.get("model").asText()).isEqualTo("claude-3-5-haiku-20241022");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.get("system").asText()).isEqualTo("Be brief.\n\nAnswer in English.");
        assertThat(body.get("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Conditions in: fever\"},"
                + "{\"role\":\"assistant\",\"content\":\"<answer>\"},{\"role\":\"user\",\"content\":\"Go on.\"}]");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.get("top_k").asInt()).isEqualTo(40);
        assertThat(body.get("stop_sequences").toString()).isEqualTo("[\"END\",\"</answer>\"]");
        assertThat(body.get("metadata").toString()).isEqualTo("{\"user_id\":\"bench-42\"}");
        assertThat(body.get("service_tier").asText()).isEqualTo("standard_only");
        assertThat(body.has("stop")).isFalse();
        assertThat(body.has("stream")).isFalse();
        assertThat(body.has("max_completion_tokens")).isFalse();
    }

    @Test
    void sendsOnlyModelMaxTokensAndMessagesWhenNothingElseIsSet() {
        answer("success.json");

        harness.call(sonnet);

        assertThat(ProviderHarness.body(onlyRequest()).fieldNames()).toIterable().containsExactly("model", "max_tokens", "messages");
    }

    @Test
    void aCallWithoutMaxOutputTokensFailsBeforeAnythingIsSent() {
        ModelConfig noMax = ModelConfig.of("anthropic", "claude-sonnet-4-5").withBaseUrl(api.baseUrl() + "/v1");
        assertThatThrownBy(() -> harness.failure(noMax)).as("a plan refuses it")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_output_tokens");

        CallException e = harness.failureSkippingValidation(noMax);

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("max_output_tokens");
        api.verify(0, postRequestedFor(urlEqualTo("/v1/messages")));
    }

    @Test
    void eachConfigOfOneProviderGoesToItsOwnBaseUrlCallAfterCall() {
        api.stubFor(post(urlEqualTo("/v1/messages")).willReturn(okJson(fixture("anthropic/success.json"))));
        api.stubFor(post(urlEqualTo("/gateway/anthropic/messages")).willReturn(okJson(fixture("anthropic/success.json"))));
        ModelConfig gateway = sonnet.withBaseUrl(api.baseUrl() + "/gateway/anthropic/");

        for (int i = 0; i < 2; i++) {
            harness.call(sonnet);
            harness.call(gateway);
        }

        api.verify(2, postRequestedFor(urlEqualTo("/v1/messages")));
        api.verify(2, postRequestedFor(urlEqualTo("/gateway/anthropic/messages")));
    }

    @Test
    void thinkingIsPassedThroughAndNotPartOfTheTextAndThinkingTokensAreReadWhenReported() {
        answer("thinking.json");
        ModelConfig thinking = sonnet.withMaxOutputTokens(2048).withParam("thinking", THINKING);

        ModelResponse r = harness.call(thinking);

        JsonNode sent = ProviderHarness.body(onlyRequest()).get("thinking");
        assertThat(sent.size()).isEqualTo(2);
        assertThat(sent.get("type").asText()).isEqualTo("enabled");
        assertThat(sent.get("budget_tokens").asInt()).isEqualTo(1024);
        assertThat(r.text()).isEqualTo("diabetes, hypertension");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(214));
        assertThat(r.usage().reasoningTokens()).as("2025 responses do not break thinking out").isEmpty();

        api.resetAll();
        api.stubFor(post("/v1/messages").willReturn(okJson(fixture("anthropic/thinking.json").replace(
                "\"output_tokens\":214,", "\"output_tokens\":214,\"output_tokens_details\":{\"thinking_tokens\":180},"))));
        ModelResponse detailed = harness.call(thinking);
        assertThat(detailed.usage().reasoningTokens()).isEqualTo(OptionalLong.of(180));
        assertThat(detailed.usage().outputTokens()).as("thinking is a part of output, not added").isEqualTo(OptionalLong.of(214));
        assertThat(detailed.usage().totalTokens()).isEqualTo(OptionalLong.of(96 + 214));
    }

    @Test
    void cacheWritesAndReadsCountAsInputAndReadsAsCachedInput() {
        answer("cached.json");

        ModelResponse r = harness.call(sonnet);

        assertThat(r.usage().inputTokens()).isEqualTo(OptionalLong.of(23 + 1206 + 3412));
        assertThat(r.usage().cachedInputTokens()).isEqualTo(OptionalLong.of(3412));
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(7));
        assertThat(r.usage().totalTokens()).isEqualTo(OptionalLong.of(4641 + 7));
        assertThat(r.metrics()).containsEntry("cache_creation_input_tokens", 1206.0);
    }

    @Test
    void hittingMaxTokensWithPartialTextIsLength() {
        answer("max-tokens.json");

        ModelResponse r = harness.call(sonnet);

        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.rawFinishReason()).contains("max_tokens");
        assertThat(r.text()).isEqualTo("diabetes, hypertension, chronic kidney disease (stage");
    }

    @Test
    void spendingTheWholeBudgetThinkingBecomesEmptyOutputWithAHint() {
        answer("max-tokens-empty.json");

        Run run = harness.run(sonnet.withMaxOutputTokens(2048).withParam("thinking", THINKING), RetryPolicy.none());

        Result r = run.results().get(0);
        assertThat(r.error()).get().extracting(e -> e.kind()).isEqualTo(ErrorKind.EMPTY_OUTPUT);
        assertThat(r.error().get().message()).contains("max_output_tokens", "2048");
        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.rawFinishReason()).contains("max_tokens");
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(2048));
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void aStopSequenceIsAStopAndItsTextIsNotInTheAnswer() {
        answer("stop-sequence.json");

        ModelResponse r = harness.call(sonnet.withStop("</answer>"));

        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.rawFinishReason()).contains("stop_sequence");
        assertThat(r.text()).isEqualTo("diabetes, hypertension");
        assertThat(r.modelVersion()).contains("claude-haiku-4-5-20251001");
    }

    @Test
    void aRefusalIsContentFilterAndKeepsThePartialText() {
        answer("refusal.json");

        ModelResponse r = harness.call(sonnet);

        assertThat(r.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(r.rawFinishReason()).contains("refusal");
        assertThat(r.text()).isEqualTo("Here is a general overview of how the synthesis");
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(11));
    }

    @Test
    void stopReasonsMapToTheSharedFinishReasons() {
        assertThat(MessagesApi.finishReason("end_turn")).isEqualTo(FinishReason.STOP);
        assertThat(MessagesApi.finishReason("stop_sequence")).isEqualTo(FinishReason.STOP);
        assertThat(MessagesApi.finishReason("max_tokens")).isEqualTo(FinishReason.LENGTH);
        assertThat(MessagesApi.finishReason("model_context_window_exceeded")).isEqualTo(FinishReason.LENGTH);
        assertThat(MessagesApi.finishReason("refusal")).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(MessagesApi.finishReason("tool_use")).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(MessagesApi.finishReason("pause_turn")).isEqualTo(FinishReason.OTHER);
        assertThat(MessagesApi.finishReason("something_new")).isEqualTo(FinishReason.OTHER);
        assertThat(MessagesApi.finishReason(null)).isEqualTo(FinishReason.OTHER);
    }

    @Test
    void textBlocksAreJoinedInOrderWithNoSeparatorAndOtherBlocksAreLeftOut() throws Exception {
        answer("multiple-blocks.json");
        JsonNode blocks = Json.MAPPER.readTree(fixture("anthropic/multiple-blocks.json")).get("content");

        ModelResponse r = harness.call(sonnet);

        assertThat(r.text()).isEqualTo(blocks.get(0).get("text").asText() + blocks.get(1).get("text").asText());
        assertThat(r.usage().inputTokens()).isEqualTo(OptionalLong.of(74));

        api.resetAll();
        api.stubFor(post("/v1/messages").willReturn(okJson(fixture("anthropic/success.json").replace(
                "\"content\":[", "\"content\":[{\"type\":\"redacted_thinking\",\"data\":\"EmwKAhgBEgy\"},"
                        + "{\"type\":\"text\",\"text\":\"A: \"},{\"type\":\"tool_use\",\"id\":\"toolu_01\",\"name\":\"f\","
                        + "\"input\":{}},{\"type\":\"some_future_block\"},"))));
        assertThat(harness.call(sonnet).text()).isEqualTo("A: diabetes, hypertension");
    }

    @Test
    void unicodeAndEmojiSurviveTheRoundTrip() {
        answer("unicode.json");

        ModelResponse r = harness.call(sonnet);

        assertThat(r.text()).isEqualTo("Café crème à Zürich \u2014 diabète, hypertension; 糖尿病、高血圧 "
                + "\uD83E\uDE7A\uD83D\uDE00 \uD83D\uDC69\u200D\u2695\uFE0F");
    }

    @Test
    void aOneMegabyteAnswerIsReadWhole() {
        String big = "x".repeat(1024 * 1024);
        api.stubFor(post("/v1/messages").willReturn(okJson(fixture("anthropic/success.json")
                .replace("\"diabetes, hypertension\"", "\"" + big + "\""))));

        assertThat(harness.call(sonnet).text()).hasSize(1024 * 1024);
    }

    @Test
    void retriesAfterRateLimitHonouringRetryAfter() {
        failOnceThen(ProviderHarness.withHeaders(error(429, "error-429.json"), "anthropic/error-429.headers.txt"),
                okJson(fixture("anthropic/success.json")));

        Run run = harness.run(sonnet, RetryPolicy.defaults());

        Result r = run.results().get(0);
        assertThat(r.succeeded()).isTrue();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(harness.delays()).containsExactly(Duration.ofSeconds(18));
    }

    @Test
    void aRateLimitKeepsAnthropicsMessageAndItsRetryAfter() {
        api.stubFor(post("/v1/messages").willReturn(
                ProviderHarness.withHeaders(error(429, "error-429.json"), "anthropic/error-429.headers.txt")));

        CallException e = harness.failure(sonnet);

        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(429));
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(18));
        assertThat(e.getMessage()).contains("HTTP 429 from anthropic", "rate_limit_error", "30,000 input tokens per minute");
    }

    @Test
    void overloadedIsRetriedThenSucceeds() {
        failOnceThen(error(529, "error-529.json"), okJson(fixture("anthropic/success.json")));

        Result r = harness.run(sonnet, RetryPolicy.defaults()).results().get(0);

        assertThat(r.succeeded()).isTrue();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.output()).isEqualTo("diabetes, hypertension");
    }

    @Test
    void overloadedIsARateLimitWithAnthropicsMessage() {
        api.stubFor(post("/v1/messages").willReturn(error(529, "error-529.json")));

        CallException e = harness.failure(sonnet);

        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(529));
        assertThat(e.getMessage()).contains("overloaded_error: Overloaded");
    }

    @Test
    void serverErrorsAreRetriedThenSucceed() {
        failOnceThen(error(500, "error-500.json"), okJson(fixture("anthropic/success.json")));

        Result r = harness.run(sonnet, RetryPolicy.defaults()).results().get(0);

        assertThat(r.succeeded()).isTrue();
        assertThat(r.attempts()).isEqualTo(2);
    }

    @Test
    void aServiceUnavailableIsAServerErrorThatIsRetriedThenSucceeds() {
        // Anthropic's edge (Envoy) answers 503 in plain text, e.g. anthropics/claude-code#7044
        ResponseDefinitionBuilder unavailable = aResponse().withStatus(503).withHeader("Content-Type", "text/plain")
                .withBody("upstream connect error or disconnect/reset before headers. reset reason: overflow");
        api.stubFor(post("/v1/messages").willReturn(unavailable));
        CallException e = harness.failure(sonnet);
        assertThat(e.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(e.retryable()).isTrue();
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(503));
        assertThat(e.getMessage()).contains("HTTP 503 from anthropic", "upstream connect error");

        api.resetAll();
        failOnceThen(unavailable, okJson(fixture("anthropic/success.json")));

        Result r = harness.run(sonnet, RetryPolicy.defaults()).results().get(0);

        assertThat(r.succeeded()).isTrue();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.output()).isEqualTo("diabetes, hypertension");
        api.verify(2, postRequestedFor(urlEqualTo("/v1/messages")));
    }

    @Test
    void badRequestIsNotRetriedAndKeepsAnthropicsMessage() {
        api.stubFor(post("/v1/messages").willReturn(error(400, "error-400.json")));

        Result r = harness.run(sonnet, RetryPolicy.defaults()).results().get(0);

        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(r.error().get().httpStatus()).isEqualTo(OptionalInt.of(400));
        assertThat(r.error().get().message()).contains("invalid_request_error",
                "`temperature` and `top_p` cannot both be specified");
        api.verify(1, postRequestedFor(urlEqualTo("/v1/messages")));
    }

    @Test
    void anUnknownModelIsABadRequestNamingIt() {
        api.stubFor(post("/v1/messages").willReturn(error(404, "error-404.json")));

        CallException e = harness.failure(sonnet);

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("not_found_error", "model: claude-sonnet-4-5-20250930");
    }

    @Test
    void unauthorizedSaysWhichVariableTheKeyCameFromAndIsNotRetried() {
        api.stubFor(post("/v1/messages").willReturn(error(401, "error-401.json")));

        Result r = harness.run(sonnet, RetryPolicy.defaults()).results().get(0);

        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(r.error().get().message()).contains("authentication_error", "invalid x-api-key", "ANTHROPIC_API_KEY")
                .doesNotContain(FAKE_KEY);
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void forbiddenInBothShapesIsAnAuthError() {
        for (String fixture : List.of("error-403.json", "error-403-forbidden.json")) {
            api.resetAll();
            api.stubFor(post("/v1/messages").willReturn(error(403, fixture)));

            CallException e = harness.failure(sonnet);

            assertThat(e.kind()).as(fixture).isEqualTo(ErrorKind.AUTH);
            assertThat(e.getMessage()).contains("ANTHROPIC_API_KEY").doesNotContain(FAKE_KEY);
        }
        assertThat(harness.failure(sonnet).getMessage()).contains("forbidden: Request not allowed");
    }

    @Test
    void aMissingKeyFailsBeforeAnythingIsSent() {
        try (ProviderHarness noKey = new ProviderHarness(new AnthropicProviderFactory(), Map.of())) {
            CallException e = noKey.failure(sonnet);

            assertThat(e.kind()).isEqualTo(ErrorKind.AUTH);
            assertThat(e.getMessage()).contains("ANTHROPIC_API_KEY", "api_key_env");
        }
        api.verify(0, postRequestedFor(urlEqualTo("/v1/messages")));
    }

    @Test
    void theVariableNamedInApiKeyEnvWins() {
        answer("success.json");
        try (ProviderHarness other = new ProviderHarness(new AnthropicProviderFactory(),
                Map.of("ANTHROPIC_API_KEY", "sk-ant-wrong", "TEAM_KEY", FAKE_KEY))) {
            other.call(sonnet.withApiKeyEnv("TEAM_KEY"));
        }
        assertThat(onlyRequest().getHeader("x-api-key")).isEqualTo(FAKE_KEY);
    }

    @Test
    void aTruncatedBodyIsAMalformedResponseQuotingItsStart() {
        api.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(fixture("anthropic/truncated.json"))));

        CallException e = harness.failure(sonnet);

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("anthropic", "not valid JSON", "msg_01Em6WrysuNFNimDUSwZf5QD");
    }

    @Test
    void aBodyWithoutContentOrUsageIsAMalformedResponse() {
        api.stubFor(post("/v1/messages").willReturn(okJson("{\"id\":\"msg_01X\",\"type\":\"message\",\"usage\":"
                + "{\"input_tokens\":1,\"output_tokens\":1}}")));
        CallException noContent = harness.failure(sonnet);
        assertThat(noContent.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(noContent.getMessage()).contains("missing 'content'", "msg_01X");

        api.resetAll();
        api.stubFor(post("/v1/messages").willReturn(okJson("{\"id\":\"msg_01Y\",\"type\":\"message\",\"content\":[]}")));
        CallException noUsage = harness.failure(sonnet);
        assertThat(noUsage.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(noUsage.getMessage()).contains("missing 'usage'", "msg_01Y");
    }

    @Test
    void aStreamedAnswerHasTheSameTextUsageAndATimeToFirstToken() {
        api.stubFor(post("/v1/messages").willReturn(sse("stream.sse").withChunkedDribbleDelay(8, 400)));

        ModelResponse streamed = harness.call(sonnet.withStream(true));
        LoggedRequest request = onlyRequest();
        api.resetAll();
        answer("success.json");
        ModelResponse whole = harness.call(sonnet);

        assertThat(ProviderHarness.body(request).get("stream").asBoolean()).isTrue();
        assertThat(request.getHeader("Accept")).isEqualTo("text/event-stream");
        assertThat(request.getHeader("x-api-key")).isEqualTo(FAKE_KEY);
        assertThat(request.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(streamed.text()).isEqualTo("diabetes, hypertension").isEqualTo(whole.text());
        assertThat(streamed.usage()).isEqualTo(whole.usage()).isEqualTo(Usage.of(61, 7).withCachedInputTokens(0));
        assertThat(streamed.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(streamed.rawFinishReason()).isEqualTo(whole.rawFinishReason());
        assertThat(streamed.modelVersion()).isEqualTo(whole.modelVersion());
        assertThat(streamed.timeToFirstToken()).isPresent();
        assertThat(streamed.timeToFirstToken().get()).isPositive();
    }

    @Test
    void aStreamedThinkingAnswerMatchesItsWholeTwinAndThinkingStartsTheClock() {
        ModelConfig thinking = sonnet.withMaxOutputTokens(2048).withParam("thinking", THINKING);
        api.stubFor(post("/v1/messages").willReturn(sse("stream-thinking.sse")));

        ModelResponse streamed = harness.call(thinking.withStream(true));
        api.resetAll();
        answer("thinking.json");
        ModelResponse whole = harness.call(thinking);

        assertThat(streamed.text()).isEqualTo(whole.text()).isEqualTo("diabetes, hypertension");
        assertThat(streamed.usage()).isEqualTo(whole.usage());
        assertThat(streamed.usage().outputTokens()).as("from the last message_delta, not message_start's placeholder")
                .isEqualTo(OptionalLong.of(214));
        assertThat(streamed.finishReason()).isEqualTo(whole.finishReason());
        assertThat(streamed.timeToFirstToken()).isPresent();
    }

    @Test
    void thinkingAloneMarksTheFirstToken() {
        MessagesStream stream = new MessagesStream();
        for (String line : fixture("anthropic/stream-thinking.sse").split("\n")) {
            stream.onLine(line);
            if (line.contains("thinking_delta")) {
                break;
            }
        }
        stream.onLine("");
        assertThat(stream.receivedToken()).isTrue();

        MessagesStream quiet = new MessagesStream();
        for (String line : fixture("anthropic/stream-thinking.sse").split("\n")) {
            if (line.contains("thinking_delta")) {
                break;
            }
            quiet.onLine(line);
        }
        assertThat(quiet.receivedToken()).as("message_start and ping are not tokens").isFalse();
    }

    @Test
    void anErrorEventMidStreamIsRetryableAndTheRetrySucceeds() {
        api.stubFor(post("/v1/messages").willReturn(sse("stream-error.sse")));
        CallException e = harness.failure(sonnet.withStream(true));
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("anthropic", "overloaded_error: Overloaded");

        api.resetAll();
        failOnceThen(sse("stream-error.sse"), sse("stream.sse"));
        Result r = harness.run(sonnet.withStream(true), RetryPolicy.defaults()).results().get(0);
        assertThat(r.succeeded()).isTrue();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.output()).isEqualTo("diabetes, hypertension");
    }

    @Test
    void anApiErrorEventMidStreamIsAServerError() {
        api.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(fixture("anthropic/stream-error.sse")
                        .replace("\"overloaded_error\",\"message\":\"Overloaded\"",
                                "\"api_error\",\"message\":\"Internal server error\""))));

        CallException e = harness.failure(sonnet.withStream(true));

        assertThat(e.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(e.getMessage()).contains("api_error: Internal server error");
    }

    @Test
    void aStreamThatEndsBeforeItsStopReasonIsMalformed() {
        String cut = fixture("anthropic/stream.sse");
        cut = cut.substring(0, cut.indexOf("event: message_delta"));
        api.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(cut)));

        CallException e = harness.failure(sonnet.withStream(true));

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("the stream ended before the stop reason", "message_start");
    }

    @Test
    void aStreamThatEndsAfterItsStopReasonButBeforeMessageStopIsMalformed() {
        String cut = fixture("anthropic/stream.sse");
        cut = cut.substring(0, cut.indexOf("event: message_stop"));
        api.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(cut)));

        CallException e = harness.failure(sonnet.withStream(true));

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("the stream ended before message_stop");
    }

    @Test
    void aStreamedRequestThatFailsMapsItsStatusLikeAWholeOne() {
        api.stubFor(post("/v1/messages").willReturn(error(429, "error-429.json").withHeader("retry-after", "3")));

        CallException e = harness.failure(sonnet.withStream(true));

        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(e.getMessage()).contains("rate_limit_error", "30,000 input tokens per minute");
    }

    @Test
    void listsTheModelsOfTheEndpoint() {
        api.stubFor(get(urlPathEqualTo("/v1/models")).withHeader("x-api-key", equalTo(FAKE_KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .willReturn(okJson(fixture("anthropic/models.json"))));

        List<ModelInfo> models = harness.listModels(sonnet);

        assertThat(models).hasSize(8);
        assertThat(models).extracting(ModelInfo::id).contains("claude-sonnet-4-5-20250929", "claude-3-haiku-20240307");
        ModelInfo haiku = models.get(0);
        assertThat(haiku.id()).isEqualTo("claude-haiku-4-5-20251001");
        assertThat(haiku.displayName()).contains("Claude Haiku 4.5");
        assertThat(haiku.created()).contains(Instant.parse("2025-10-15T00:00:00Z"));
        assertThat(haiku.details()).containsEntry("type", "model");
        LoggedRequest request = api.findAll(getRequestedFor(
                urlPathEqualTo("/v1/models"))).get(0);
        assertThat(request.containsHeader("Authorization")).isFalse();
        assertThat(request.getUrl()).isEqualTo("/v1/models?limit=1000");
    }

    @Test
    void followsHasMoreWithTheLastIdAsAfterId() {
        api.stubFor(get(urlPathEqualTo("/v1/models")).withQueryParam("after_id", absent())
                .willReturn(okJson("{\"data\":[{\"type\":\"model\",\"id\":\"claude-a\",\"display_name\":\"A\","
                        + "\"created_at\":\"2025-10-15T00:00:00Z\"}],\"has_more\":true,\"first_id\":\"claude-a\","
                        + "\"last_id\":\"claude-a\"}")));
        api.stubFor(get(urlPathEqualTo("/v1/models")).withQueryParam("after_id", equalTo("claude-a"))
                .willReturn(okJson("{\"data\":[{\"type\":\"model\",\"id\":\"claude-b\",\"display_name\":\"B\","
                        + "\"created_at\":\"2025-09-29T00:00:00Z\"}],\"has_more\":false,\"first_id\":\"claude-b\","
                        + "\"last_id\":\"claude-b\"}")));

        assertThat(harness.listModels(sonnet)).extracting(ModelInfo::id).containsExactly("claude-a", "claude-b");
    }

    @Test
    void isFoundByNameThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(ModelProviderFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals("anthropic")).findFirst()).get().isInstanceOf(AnthropicProviderFactory.class);
        assertThat(new AnthropicProviderFactory().price(sonnet)).isEmpty();
    }

    @Test
    void refusesAtBuildWhatTheApiOrTheModelCannotTake() {
        AnthropicProviderFactory f = new AnthropicProviderFactory();
        Path dir = Path.of(".");
        ModelConfig base = ModelConfig.of("anthropic", "claude-sonnet-4-5").withMaxOutputTokens(1024);

        assertThatThrownBy(() -> f.validate(ModelConfig.of("anthropic", "claude-sonnet-4-5"), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anthropic:claude-sonnet-4-5").hasMessageContaining("set max_output_tokens");
        assertThatThrownBy(() -> f.validate(base.withSeed(7), dir)).hasMessageContaining("seed")
                .hasMessageContaining("anthropic:claude-sonnet-4-5");
        assertThatThrownBy(() -> f.validate(base.withFrequencyPenalty(0.5), dir)).hasMessageContaining("frequency_penalty");
        assertThatThrownBy(() -> f.validate(base.withPresencePenalty(0.5), dir)).hasMessageContaining("presence_penalty");
        assertThatThrownBy(() -> f.validate(base.withVerbosity("low"), dir)).hasMessageContaining("verbosity");
        assertThatThrownBy(() -> f.validate(base.withReasoningEffort("high"), dir))
                .hasMessageContaining("reasoning_effort").hasMessageContaining("thinking {type: enabled, budget_tokens");
        assertThatThrownBy(() -> f.validate(base.withTemperature(1.5), dir)).hasMessageContaining("temperature from 0 to 1");
        assertThatThrownBy(() -> f.validate(base.withStop("\n"), dir)).hasMessageContaining("only whitespace");
        for (String model : List.of("claude-sonnet-4-5", "claude-haiku-4-5-20251001", "claude-opus-4-1-20250805",
                "claude-opus-4-5", "claude-sonnet-4-6")) {
            assertThatThrownBy(() -> f.validate(base.withModel(model).withTemperature(0.0).withTopP(0.9), dir))
                    .as(model).hasMessageContaining("temperature or top_p but not both").hasMessageContaining(model);
        }
        assertThatThrownBy(() -> f.validate(base.withModel("claude-opus-4-7").withTemperature(0.0), dir))
                .hasMessageContaining("does not take temperature");
        assertThatThrownBy(() -> f.validate(base.withModel("claude-opus-4-8").withTopK(10), dir))
                .hasMessageContaining("does not take top_k");
        assertThatThrownBy(() -> f.validate(base.withParam("thinking", Map.of("type", "enabled", "budget_tokens", 512)), dir))
                .hasMessageContaining("budget_tokens must be at least 1024");
        assertThatThrownBy(() -> f.validate(base.withParam("thinking", Map.of("type", "enabled", "budget_tokens", 1024)), dir))
                .hasMessageContaining("must be below max_output_tokens (1024)");
        assertThatThrownBy(() -> f.validate(base.withParam("thinking", Map.of("type", "enabled")), dir))
                .hasMessageContaining("budget_tokens");
        ModelConfig thinking = base.withMaxOutputTokens(4096).withParam("thinking", Map.of("type", "enabled", "budget_tokens", 2048));
        assertThatThrownBy(() -> f.validate(thinking.withTemperature(0.0), dir))
                .hasMessageContaining("with thinking on, temperature may only be 1");
        assertThatThrownBy(() -> f.validate(thinking.withTopK(5), dir)).hasMessageContaining("top_k is not allowed");
        assertThatThrownBy(() -> f.validate(thinking.withTopP(0.5), dir)).hasMessageContaining("between 0.95 and 1");
        assertThatThrownBy(() -> f.validate(base.withParam("max_tokens", 2048), dir))
                .hasMessageContaining("param 'max_tokens'").hasMessageContaining("max_output_tokens");
        assertThatThrownBy(() -> f.validate(base.withParam("stream", true), dir)).hasMessageContaining("param 'stream'");
        assertThatThrownBy(() -> f.validate(base.withBaseUrl("ftp://example.com"), dir)).hasMessageContaining("base_url");

        f.validate(base, dir);
        f.validate(base.withTemperature(0.0).withStop("</answer>").withParam("metadata", Map.of("user_id", "u1")), dir);
        f.validate(base.withTopP(0.9).withTopK(40), dir);
        f.validate(base.withModel("claude-3-5-haiku-20241022").withTemperature(0.2).withTopP(0.9).withTopK(40), dir);
        f.validate(base.withModel("claude-sonnet-4-20250514").withTemperature(0.2).withTopP(0.9), dir);
        f.validate(base.withModel("claude-opus-4-20250514").withTemperature(0.2).withTopP(0.9), dir);
        f.validate(base.withModel("claude-opus-4-6").withTemperature(0.0), dir);
        f.validate(thinking, dir);
        f.validate(thinking.withTemperature(1.0).withStream(true), dir);
        f.validate(thinking.withTopP(0.95), dir);
        f.validate(base.withParam("thinking", Map.of("type", "disabled")).withTemperature(0.0).withTopK(5), dir);
        f.validate(base.withBaseUrl("https://gateway.example.com/anthropic/v1"), dir);
    }
}
