package dev.bench4j.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.bench4j.providers.testing.ProviderHarness.FAKE_KEY;
import static dev.bench4j.providers.testing.ProviderHarness.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.internal.http.Json;
import dev.bench4j.providers.testing.ProviderHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The openai provider against WireMock with bodies as OpenAI sends them (fixtures/openai). */
class OpenAiProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private ProviderHarness harness;
    private ModelConfig mini;

    @BeforeEach
    void setUp() {
        harness = new ProviderHarness(new OpenAiProviderFactory(), Map.of("OPENAI_API_KEY", FAKE_KEY));
        mini = ModelConfig.of("openai", "gpt-4o-mini").withBaseUrl(api.baseUrl() + "/v1");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private void answer(String fixture) {
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("openai/" + fixture))));
    }


    private LoggedRequest onlyRequest() {
        return ProviderHarness.onlyPost(api, urlEqualTo("/v1/chat/completions"));
    }

    @Test
    void mapsASuccessfulAnswerWithUsageFinishReasonAndModelVersion() {
        answer("success.json");

        ModelResponse r = harness.call(mini);

        assertThat(r.text()).isEqualTo("diabetes, hypertension");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.rawFinishReason()).contains("stop");
        assertThat(r.modelVersion()).contains("gpt-4o-mini-2024-07-18");
        assertThat(r.usage().inputTokens()).isEqualTo(OptionalLong.of(54));
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(3));
        assertThat(r.usage().totalTokens()).isEqualTo(OptionalLong.of(57));
        assertThat(r.usage().cachedInputTokens()).isEqualTo(OptionalLong.of(0));
        assertThat(r.timeToFirstToken()).isEmpty();
    }

    @Test
    void sendsEveryParameterUnderItsDocumentedNameAndTheKeyOnlyInTheAuthorizationHeader() {
        answer("success.json");
        ModelConfig config = mini.withTemperature(0.2).withTopP(0.9).withMaxOutputTokens(256).withSeed(7).withStop("END", "###")
                .withFrequencyPenalty(0.5).withPresencePenalty(-0.5).withParam("logprobs", true)
                .withParam("response_format", Map.of("type", "json_object"));

        harness.call(config, Message.system("Be brief."), Message.user("Conditions in: fever"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + FAKE_KEY);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getBodyAsString()).doesNotContain(FAKE_KEY);
        assertThat(request.getUrl()).doesNotContain(FAKE_KEY);
        JsonNode body = ProviderHarness.body(request);
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.get("messages").toString()).isEqualTo(
                "[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Conditions in: fever\"}]");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(256);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.get("seed").asLong()).isEqualTo(7);
        assertThat(body.get("stop").toString()).isEqualTo("[\"END\",\"###\"]");
        assertThat(body.get("frequency_penalty").asDouble()).isEqualTo(0.5);
        assertThat(body.get("presence_penalty").asDouble()).isEqualTo(-0.5);
        assertThat(body.get("logprobs").asBoolean()).isTrue();
        assertThat(body.get("response_format").toString()).isEqualTo("{\"type\":\"json_object\"}");
        assertThat(body.has("stream")).isFalse();
    }

    @Test
    void sendsNothingTheConfigDoesNotSet() {
        answer("success.json");

        harness.call(mini);

        assertThat(ProviderHarness.body(onlyRequest()).fieldNames()).toIterable().containsExactly("model", "messages");
    }

    @Test
    void reasoningModelsGetReasoningEffortAndVerbosityAndReportReasoningAndCachedTokens() {
        answer("reasoning.json");

        ModelResponse r = harness.call(ModelConfig.of("openai", "gpt-5-mini").withBaseUrl(api.baseUrl() + "/v1")
                .withReasoningEffort("low").withVerbosity("low").withMaxOutputTokens(2000));

        JsonNode body = ProviderHarness.body(onlyRequest());
        assertThat(body.get("reasoning_effort").asText()).isEqualTo("low");
        assertThat(body.get("verbosity").asText()).isEqualTo("low");
        assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(2000);
        assertThat(r.usage().reasoningTokens()).isEqualTo(OptionalLong.of(320));
        assertThat(r.usage().cachedInputTokens()).isEqualTo(OptionalLong.of(1280));
        assertThat(r.usage().outputTokens().getAsLong()).isGreaterThanOrEqualTo(320);
        assertThat(r.modelVersion()).contains("o4-mini-2025-04-16");
    }

    @Test
    void truncatedByTheTokenLimitKeepsThePartialTextWithFinishReasonLength() {
        answer("length.json");

        ModelResponse r = harness.call(mini);

        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.rawFinishReason()).contains("length");
        assertThat(r.text()).isNotEmpty();
    }

    @Test
    void aReasoningModelThatSpentItsWholeBudgetThinkingBecomesEmptyOutputWithAHint() {
        answer("length-empty.json");

        Run run = harness.run(ModelConfig.of("openai", "gpt-5-mini").withBaseUrl(api.baseUrl() + "/v1").withMaxOutputTokens(64),
                RetryPolicy.none());

        Result r = run.results().get(0);
        assertThat(r.error()).get().extracting(e -> e.kind()).isEqualTo(ErrorKind.EMPTY_OUTPUT);
        assertThat(r.error().get().message()).contains("max_output_tokens");
        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.usage().reasoningTokens()).isEqualTo(r.usage().outputTokens());
    }

    @Test
    void contentFilterAndRefusalAreReportedAsContentFilter() {
        answer("content-filter.json");
        ModelResponse filtered = harness.call(mini);
        assertThat(filtered.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(filtered.rawFinishReason()).contains("content_filter");

        api.resetAll();
        answer("refusal.json");
        ModelResponse refused = harness.call(mini);
        assertThat(refused.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(refused.rawFinishReason()).contains("stop");
        assertThat(refused.text()).isNotBlank();
    }

    @Test
    void severalChoicesAreJoinedWithABlankLineInIndexOrder() throws Exception {
        answer("multiple-choices.json");
        JsonNode choices = Json.MAPPER.readTree(fixture("openai/multiple-choices.json")).get("choices");

        ModelResponse r = harness.call(mini.withParam("n", 2));

        assertThat(r.text()).isEqualTo(choices.get(0).path("message").path("content").asText() + "\n\n"
                + choices.get(1).path("message").path("content").asText());
    }

    @Test
    void unicodeAndEmojiSurviveTheRoundTrip() {
        answer("unicode.json");

        ModelResponse r = harness.call(mini);

        assertThat(r.text()).isEqualTo("Diagnósticos: diabetes tipo 2 e hipertensão arterial. 日本語: 糖尿病と高血圧。"
                + "中文：糖尿病和高血压。 \uD83D\uDC69\u200D\u2695\uFE0F Consulte a médica regularmente \uD83E\uDE7A\uD83D\uDE00");
    }

    @Test
    void aOneMegabyteAnswerIsReadWhole() {
        String big = "x".repeat(1024 * 1024);
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("openai/success.json")
                .replace("\"diabetes, hypertension\"", "\"" + big + "\""))));

        assertThat(harness.call(mini).text()).hasSize(1024 * 1024);
    }

    @Test
    void retriesAfterRateLimitHonouringRetryAfter() {
        api.stubFor(post("/v1/chat/completions").inScenario("rl").whenScenarioStateIs(STARTED)
                .willReturn(ProviderHarness.withHeaders(aResponse().withStatus(429)
                        .withBody(fixture("openai/error-429.json")), "openai/error-429.headers.txt")
                        .withHeader("retry-after", "2").withHeader("retry-after-ms", "2500"))
                .willSetStateTo("ok"));
        api.stubFor(post("/v1/chat/completions").inScenario("rl").whenScenarioStateIs("ok")
                .willReturn(okJson(fixture("openai/success.json"))));

        Run run = harness.run(mini, RetryPolicy.defaults());

        Result r = run.results().get(0);
        assertThat(r.succeeded()).isTrue();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(harness.delays()).containsExactly(Duration.ofMillis(2500));
    }

    @Test
    void retryAfterInSecondsAndResetHeadersAreReadWhenNoMillisecondsHeader() {
        api.stubFor(post("/v1/chat/completions").willReturn(ProviderHarness.withHeaders(aResponse().withStatus(429)
                .withBody(fixture("openai/error-429.json")), "openai/error-429.headers.txt")));

        CallException e = harness.failure(mini);
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(e.getMessage()).contains("HTTP 429 from openai", "Rate limit reached for gpt-4o-mini");

        api.resetAll();
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
                .withHeader("x-ratelimit-reset-requests", "6m0s").withHeader("x-ratelimit-reset-tokens", "120ms")
                .withBody(fixture("openai/error-429.json"))));
        assertThat(harness.failure(mini).retryAfter()).as("the soonest reset").contains(Duration.ofMillis(120));

        api.resetAll();
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
                .withHeader("x-ratelimit-reset-requests", "6m0s").withHeader("x-ratelimit-remaining-requests", "0")
                .withHeader("x-ratelimit-reset-tokens", "120ms").withHeader("x-ratelimit-remaining-tokens", "1500")
                .withBody(fixture("openai/error-429.json"))));
        assertThat(harness.failure(mini).retryAfter()).as("the reset of the used-up limit").contains(Duration.ofMinutes(6));
    }

    @Test
    void aServerErrorDoesNotWaitForARateLimitWindow() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(503)
                .withHeader("x-ratelimit-reset-requests", "24h6m34s").withHeader("x-ratelimit-remaining-requests", "0")
                .withHeader("Content-Type", "application/json").withBody(fixture("openai/error-503.json"))));

        CallException e = harness.failure(mini);

        assertThat(e.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void aRedirectIsABadRequestNamingWhereItPointsAndIsNotRetried() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(301)
                .withHeader("Location", "https://api.example.com/v1/chat/completions")));

        CallException e = harness.failure(mini);

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("HTTP 301", "https://api.example.com/v1/chat/completions", "base_url");
    }

    @Test
    void anErrorInTheMiddleOfAStreamFailsTheCallWithTheKindItNames() {
        String stream = fixture("openai/stream.sse");
        String head = stream.substring(0, stream.indexOf("data: ", stream.indexOf("data: ") + 1));
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(head
                        + "data: {\"error\":{\"message\":\"The server had an error while processing your request.\","
                        + "\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n")));

        CallException e = harness.failure(mini.withStream(true));

        assertThat(e.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("server_error", "The server had an error");
    }

    @Test
    void aStreamCutBeforeDoneIsMalformedSoItsUsageIsNeverLostSilently() {
        String stream = fixture("openai/stream.sse");
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(stream.substring(0, stream.indexOf("data: [DONE]")))));

        CallException e = harness.failure(mini.withStream(true));

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("[DONE]");
    }

    @Test
    void extrasThatWouldReplaceWhatBench4jSendsAreRefused() {
        OpenAiProviderFactory f = new OpenAiProviderFactory();

        assertThatThrownBy(() -> f.validate(mini.withParam("max_tokens", 10), Path.of(".")))
                .hasMessageContaining("param 'max_tokens' would replace what bench4j sends; set max_output_tokens instead");
        assertThatThrownBy(() -> f.validate(mini.withParam("messages", List.of()), Path.of(".")))
                .hasMessageContaining("param 'messages'");
        assertThatThrownBy(() -> f.validate(mini.withParam("stream_options", Map.of("include_obfuscation", false)), Path.of(".")))
                .hasMessageContaining("only allowed with stream: true");
        assertThatThrownBy(() -> f.validate(mini.withStop("a", "b", "c", "d", "e"), Path.of(".")))
                .hasMessageContaining("at most 4 stop sequences");
    }

    @Test
    void streamOptionsGivenAsAParamAreMergedWithIncludeUsage() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(fixture("openai/stream.sse"))));

        harness.call(mini.withStream(true).withParam("stream_options", Map.of("include_obfuscation", false)));

        assertThat(ProviderHarness.body(onlyRequest()).get("stream_options")).isEqualTo(Json.MAPPER.createObjectNode()
                .put("include_obfuscation", false).put("include_usage", true));
    }

    @Test
    void serverErrorsAreRetriedThenSucceed() {
        for (String status : List.of("500", "503")) {
            api.resetAll();
            api.stubFor(post("/v1/chat/completions").inScenario("s").whenScenarioStateIs(STARTED)
                    .willReturn(aResponse().withStatus(Integer.parseInt(status))
                            .withHeader("Content-Type", "application/json").withBody(fixture("openai/error-" + status + ".json")))
                    .willSetStateTo("ok"));
            api.stubFor(post("/v1/chat/completions").inScenario("s").whenScenarioStateIs("ok")
                    .willReturn(okJson(fixture("openai/success.json"))));

            Result r = harness.run(mini, RetryPolicy.defaults()).results().get(0);

            assertThat(r.succeeded()).as("after HTTP " + status).isTrue();
            assertThat(r.attempts()).isEqualTo(2);
        }
    }

    @Test
    void badRequestIsNotRetriedAndKeepsOpenAisMessage() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(fixture("openai/error-400.json"))));

        Result r = harness.run(mini, RetryPolicy.defaults()).results().get(0);

        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(r.error().get().httpStatus()).isEqualTo(OptionalInt.of(400));
        assertThat(r.error().get().message()).contains("invalid_request_error", "temperature");
        api.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void anUnknownModelIsABadRequestThatIsNotRetriedAndKeepsOpenAisMessage() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(fixture("openai/error-404.json"))));

        Result r = harness.run(ModelConfig.of("openai", "gpt-4o-mini-2099-01-01").withBaseUrl(api.baseUrl() + "/v1"),
                RetryPolicy.defaults()).results().get(0);

        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(r.error().get().httpStatus()).isEqualTo(OptionalInt.of(404));
        assertThat(r.error().get().message()).contains("HTTP 404 from openai", "invalid_request_error",
                "The model `gpt-4o-mini-2099-01-01` does not exist or you do not have access to it.");
        api.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aRejectedParameterIsABadRequestWithOpenAisMessageNamingTheParameter() throws Exception {
        for (String fixture : List.of("error-400-max-tokens.json", "error-400-unsupported-value.json")) {
            api.resetAll();
            api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json").withBody(fixture("openai/" + fixture))));
            JsonNode error = Json.MAPPER.readTree(fixture("openai/" + fixture)).get("error");

            Result r = harness.run(mini, RetryPolicy.defaults()).results().get(0);

            assertThat(r.attempts()).as(fixture).isEqualTo(1);
            assertThat(r.error().get().kind()).as(fixture).isEqualTo(ErrorKind.BAD_REQUEST);
            assertThat(r.error().get().httpStatus()).isEqualTo(OptionalInt.of(400));
            assertThat(r.error().get().message()).as(fixture).contains(error.get("message").asText())
                    .contains("'" + error.get("param").asText() + "'");
            api.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        }
    }

    @Test
    void unauthorizedSaysWhichVariableTheKeyCameFromAndIsNotRetried() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(fixture("openai/error-401.json"))));

        Result r = harness.run(mini, RetryPolicy.defaults()).results().get(0);

        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(r.error().get().message()).contains("Incorrect API key provided", "OPENAI_API_KEY")
                .doesNotContain(FAKE_KEY);
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void aMissingKeyFailsBeforeAnythingIsSent() {
        try (ProviderHarness noKey = new ProviderHarness(new OpenAiProviderFactory(), Map.of())) {
            CallException e = noKey.failure(mini);

            assertThat(e.kind()).isEqualTo(ErrorKind.AUTH);
            assertThat(e.getMessage()).contains("OPENAI_API_KEY", "api_key_env");
        }
        api.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void theVariableNamedInApiKeyEnvWins() {
        answer("success.json");
        try (ProviderHarness other = new ProviderHarness(new OpenAiProviderFactory(),
                Map.of("OPENAI_API_KEY", "sk-wrong", "TEAM_KEY", FAKE_KEY))) {
            other.call(mini.withApiKeyEnv("TEAM_KEY"));
        }
        assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer " + FAKE_KEY);
    }

    @Test
    void exhaustedQuotaIsNotRetried() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and billing "
                        + "details.\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}")));

        Result r = harness.run(mini, RetryPolicy.defaults()).results().get(0);

        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.QUOTA_EXCEEDED);
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void aTruncatedBodyIsAMalformedResponseQuotingItsStart() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(fixture("openai/truncated.json"))));

        CallException e = harness.failure(mini);

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("openai", "not valid JSON", "chatcmpl-");
    }

    @Test
    void aBodyWithoutChoicesIsAMalformedResponse() {
        api.stubFor(post("/v1/chat/completions").willReturn(okJson("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\"}")));

        CallException e = harness.failure(mini);

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("missing 'choices'", "chatcmpl-1");
    }

    @Test
    void aConnectionThatCannotBeMadeIsANetworkError() {
        CallException e = harness.failure(ModelConfig.of("openai", "gpt-4o-mini").withBaseUrl("http://127.0.0.1:9/v1"));

        assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK);
        assertThat(e.getMessage()).contains("127.0.0.1:9");
    }

    @Test
    void aStreamedAnswerHasTheSameTextUsageAndATimeToFirstToken() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream; charset=utf-8")
                .withBody(fixture("openai/stream.sse")).withChunkedDribbleDelay(8, 400)));

        ModelResponse streamed = harness.call(mini.withStream(true));

        JsonNode body = ProviderHarness.body(onlyRequest());
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
        assertThat(onlyRequest().getHeader("Accept")).isEqualTo("text/event-stream");
        assertThat(streamed.text()).isEqualTo("diabetes, hypertension");
        assertThat(streamed.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(streamed.usage()).isEqualTo(Usage.of(54, 3).withCachedInputTokens(0).withReasoningTokens(0));
        assertThat(streamed.modelVersion()).contains("gpt-4o-mini-2024-07-18");
        assertThat(streamed.timeToFirstToken()).isPresent();
        assertThat(streamed.timeToFirstToken().get()).isPositive();
    }

    @Test
    void aStreamedReasoningAnswerMatchesItsWholeTwin() throws Exception {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(fixture("openai/stream-reasoning.sse"))));
        ModelConfig o4 = ModelConfig.of("openai", "o4-mini").withBaseUrl(api.baseUrl() + "/v1");

        ModelResponse streamed = harness.call(o4.withStream(true));
        api.resetAll();
        answer("reasoning.json");
        ModelResponse whole = harness.call(o4);

        assertThat(streamed.text()).isEqualTo(whole.text());
        assertThat(streamed.usage()).isEqualTo(whole.usage());
        assertThat(streamed.finishReason()).isEqualTo(whole.finishReason());
    }

    @Test
    void aStreamThatEndsBeforeAnyChoiceFinishesIsMalformed() {
        String cut = fixture("openai/stream.sse");
        cut = cut.substring(0, cut.indexOf("\"finish_reason\":\"stop\"") - 200);
        cut = cut.substring(0, cut.lastIndexOf("\n\n") + 2);
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(cut)));

        CallException e = harness.failure(mini.withStream(true));

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("ended before");
    }

    @Test
    void aStreamedRequestThatFailsMapsItsStatusLikeAWholeOne() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429).withHeader("retry-after", "3")
                .withHeader("Content-Type", "application/json").withBody(fixture("openai/error-429.json"))));

        CallException e = harness.failure(mini.withStream(true));

        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(e.getMessage()).contains("Rate limit reached");
    }

    @Test
    void listsTheModelsOfTheEndpoint() {
        api.stubFor(get("/v1/models").withHeader("Authorization", equalTo("Bearer " + FAKE_KEY))
                .willReturn(okJson(fixture("openai/models.json"))));

        List<ModelInfo> models = harness.listModels(mini);

        assertThat(models).extracting(ModelInfo::id).contains("gpt-4o-mini");
        assertThat(models.get(0).created()).isPresent();
        assertThat(models.get(0).details()).containsKey("owned_by");
    }

    @Test
    void refusesAtBuildWhatAModelCannotTake() {
        OpenAiProviderFactory f = new OpenAiProviderFactory();
        Path dir = Path.of(".");

        assertThatThrownBy(() -> f.validate(ModelConfig.of("openai", "o4-mini").withTemperature(0.0).withTopP(0.5), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reasoning model, which rejects temperature")
                .hasMessageContaining("top_p");
        assertThatThrownBy(() -> f.validate(ModelConfig.of("openai", "gpt-5-mini").withPresencePenalty(0.1), dir))
                .hasMessageContaining("presence_penalty");
        assertThatThrownBy(() -> f.validate(ModelConfig.of("openai", "gpt-4o").withTopK(40), dir))
                .hasMessageContaining("top_k");
        assertThatThrownBy(() -> f.validate(ModelConfig.of("openai", "gpt-4o-mini").withReasoningEffort("low"), dir))
                .hasMessageContaining("reasoning_effort");
        assertThatThrownBy(() -> f.validate(ModelConfig.of("openai", "gpt-4o").withBaseUrl("ftp://example.com"), dir))
                .hasMessageContaining("base_url");
        f.validate(ModelConfig.of("openai", "gpt-4o").withTemperature(0.0).withStop("END"), dir);
        f.validate(ModelConfig.of("openai", "gpt-5-chat-latest").withTemperature(0.0), dir);
        f.validate(ModelConfig.of("openai", "gpt-5").withReasoningEffort("minimal").withVerbosity("low"), dir);
    }
}
