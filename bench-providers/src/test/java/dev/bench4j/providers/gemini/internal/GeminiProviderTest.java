package dev.bench4j.providers.gemini.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.gemini.GeminiProviderFactory;
import dev.bench4j.providers.internal.http.Json;
import dev.bench4j.providers.testing.ProviderHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gemini provider against WireMock with bodies as the Gemini API sends them (fixtures/gemini). */
class GeminiProviderTest {

    private static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";
    private static final String STREAM = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse";
    private static final String SUCCESS_TEXT = "The sky appears blue because sunlight is scattered by the gases and tiny "
            + "particles in Earth's atmosphere, a process called Rayleigh scattering. Shorter wavelengths of light, like "
            + "blue and violet, are scattered much more strongly than longer ones, and since our eyes are more sensitive "
            + "to blue, the sky looks blue to us.";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private ProviderHarness harness;
    private ModelConfig flash;

    @BeforeEach
    void setUp() {
        harness = new ProviderHarness(new GeminiProviderFactory(), Map.of("GEMINI_API_KEY", FAKE_KEY));
        flash = config("gemini-2.5-flash");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private ModelConfig config(String model) {
        return ModelConfig.of("gemini", model).withBaseUrl(api.baseUrl() + "/v1beta");
    }

    private void answer(String fixture) {
        api.stubFor(post(GENERATE).willReturn(okJson(fixture("gemini/" + fixture))));
    }

    private static ResponseDefinitionBuilder error(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(fixture("gemini/" + fixture));
    }

    private static ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withHeader("Content-Disposition", "attachment").withBody(body);
    }


    private LoggedRequest onlyRequest() {
        return ProviderHarness.onlyPost(api, anyUrl());
    }

    private static Usage usage(long in, long out, long reasoning, long cached, long total) {
        return Usage.of(in, out).withReasoningTokens(reasoning).withCachedInputTokens(cached).withTotalTokens(total);
    }

    @Test
    void mapsASuccessfulAnswerWithThoughtsCountedAsOutputAndTheModelVersion() {
        answer("success.json");

        ModelResponse r = harness.call(flash);

        assertThat(r.text()).isEqualTo(SUCCESS_TEXT);
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.rawFinishReason()).contains("STOP");
        assertThat(r.modelVersion()).contains("gemini-2.5-flash");
        assertThat(r.usage()).isEqualTo(usage(11, 62 + 687, 687, 0, 760));
        assertThat(r.timeToFirstToken()).isEmpty();
    }

    @Test
    void sendsTheKeyOnlyInTheGoogHeaderAndEveryParameterUnderItsGeminiName() {
        answer("success.json");
        ModelConfig config = flash.withTemperature(0.2).withTopP(0.9).withTopK(40).withMaxOutputTokens(256).withSeed(7).withStop("END", "###")
                .withPresencePenalty(0.5).withFrequencyPenalty(-0.5)
                .withParam("thinking_budget", 1024).withParam("include_thoughts", true)
                .withParam("safetySettings", List.of(Map.of("category", "HARM_CATEGORY_HARASSMENT", "threshold", "BLOCK_ONLY_HIGH")))
                .withParam("cachedContent", "cachedContents/abc123").withParam("labels", Map.of("team", "bench"))
                .withParam("responseMimeType", "text/plain").withParam("candidateCount", 1);

        harness.call(config, Message.system("Be brief."), Message.user("Example: fever"), Message.assistant("flu"),
                Message.assistant("or a cold"), Message.user("Now: cough"), Message.system("Answer in English."),
                Message.user("and sneezing"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo(GENERATE).doesNotContain("key=").doesNotContain(FAKE_KEY);
        assertThat(request.getHeader("x-goog-api-key")).isEqualTo(FAKE_KEY);
        assertThat(request.containsHeader("Authorization")).isFalse();
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getBodyAsString()).doesNotContain(FAKE_KEY);
        JsonNode body = ProviderHarness.body(request);
        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("contents", "systemInstruction",
                "generationConfig", "safetySettings", "cachedContent", "labels");
        assertThat(body.get("contents").toString()).isEqualTo("[{\"role\":\"user\",\"parts\":[{\"text\":\"Example: fever\"}]},"
                + "{\"role\":\"model\",\"parts\":[{\"text\":\"flu\"},{\"text\":\"or a cold\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"text\":\"Now: cough\"},{\"text\":\"and sneezing\"}]}]");
        assertThat(body.get("systemInstruction").toString())
                .isEqualTo("{\"parts\":[{\"text\":\"Be brief.\\n\\nAnswer in English.\"}]}");
        JsonNode g = body.get("generationConfig");
        assertThat(g.fieldNames()).toIterable().containsExactlyInAnyOrder("temperature", "topP", "topK", "maxOutputTokens",
                "seed", "stopSequences", "presencePenalty", "frequencyPenalty", "responseMimeType", "candidateCount",
                "thinkingConfig");
        assertThat(g.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(g.get("topP").asDouble()).isEqualTo(0.9);
        assertThat(g.get("topK").asInt()).isEqualTo(40);
        assertThat(g.get("maxOutputTokens").asInt()).isEqualTo(256);
        assertThat(g.get("seed").asLong()).isEqualTo(7);
        assertThat(g.get("stopSequences").toString()).isEqualTo("[\"END\",\"###\"]");
        assertThat(g.get("presencePenalty").asDouble()).isEqualTo(0.5);
        assertThat(g.get("frequencyPenalty").asDouble()).isEqualTo(-0.5);
        assertThat(g.get("responseMimeType").asText()).isEqualTo("text/plain");
        assertThat(g.get("candidateCount").asInt()).isEqualTo(1);
        assertThat(g.get("thinkingConfig").toString()).isEqualTo("{\"thinkingBudget\":1024,\"includeThoughts\":true}");
        assertThat(body.get("safetySettings")).isEqualTo(Json.MAPPER.createArrayNode().add(Json.MAPPER
                .createObjectNode().put("category", "HARM_CATEGORY_HARASSMENT").put("threshold", "BLOCK_ONLY_HIGH")));
        assertThat(body.get("cachedContent").asText()).isEqualTo("cachedContents/abc123");
        assertThat(body.get("labels").toString()).isEqualTo("{\"team\":\"bench\"}");
    }

    @Test
    void sendsNothingTheConfigDoesNotSet() {
        answer("success.json");

        harness.call(flash);

        JsonNode body = ProviderHarness.body(onlyRequest());
        assertThat(body.fieldNames()).toIterable().containsExactly("contents");
        assertThat(body.get("contents").toString())
                .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"text\":\"Which conditions?\"}]}]");
    }

    @Test
    void aModelNamedWithItsModelsPrefixIsNotDoubledAndTheModelIsEncodedAsOnePathSegment() {
        answer("success.json");
        api.stubFor(post("/v1beta/models/my%20tuned%20model:generateContent")
                .willReturn(okJson(fixture("gemini/success.json"))));

        harness.call(config("models/gemini-2.5-flash"));
        harness.call(config("my tuned model"));

        api.verify(1, postRequestedFor(urlEqualTo(GENERATE)));
        api.verify(1, postRequestedFor(urlEqualTo("/v1beta/models/my%20tuned%20model:generateContent")));
    }

    @Test
    void eachConfigOfOneProviderGetsItsOwnUrlCallAfterCall() {
        api.stubFor(post(anyUrl()).willReturn(okJson(fixture("gemini/success.json"))));
        api.stubFor(post(urlEqualTo(STREAM)).willReturn(sse(fixture("gemini/stream.sse"))));
        ModelConfig pro = config("models/gemini-2.5-pro");
        ModelConfig elsewhere = config("gemini-2.5-flash").withBaseUrl(api.baseUrl() + "/other/");

        for (int i = 0; i < 2; i++) {
            harness.call(flash);
            harness.call(pro);
            harness.call(flash.withStream(true));
            harness.call(elsewhere);
        }

        List<String> urls = api.findAll(postRequestedFor(anyUrl())).stream().map(r -> r.getUrl()).toList();
        List<String> once = List.of(GENERATE, "/v1beta/models/gemini-2.5-pro:generateContent", STREAM,
                "/other/models/gemini-2.5-flash:generateContent");
        assertThat(urls).containsExactlyElementsOf(Stream.concat(once.stream(), once.stream()).toList());
    }

    @Test
    void reasoningEffortBecomesTheThinkingLevelOfAGemini3Model() {
        api.stubFor(post("/v1beta/models/gemini-3-flash-preview:generateContent")
                .willReturn(okJson(fixture("gemini/success.json"))));

        harness.call(config("gemini-3-flash-preview").withReasoningEffort("low").withParam("include_thoughts", false));

        assertThat(ProviderHarness.body(onlyRequest()).get("generationConfig").toString())
                .isEqualTo("{\"thinkingConfig\":{\"includeThoughts\":false,\"thinkingLevel\":\"low\"}}");
    }

    @Test
    void severalTextPartsAreJoinedWithoutASeparator() {
        answer("multiple-parts.json");

        ModelResponse r = harness.call(flash);

        assertThat(r.text()).isEqualTo("The three primary colors in the traditional (RYB) color model are:\n\n"
                + "1. Red\n2. Yellow\n3. Blue");
        assertThat(r.usage()).isEqualTo(usage(8, 24 + 402, 402, 0, 434));
    }

    @Test
    void severalCandidatesAreJoinedWithABlankLineInIndexOrder() {
        api.stubFor(post(GENERATE).willReturn(okJson("{\"candidates\":["
                + "{\"content\":{\"parts\":[{\"text\":\"second\"}],\"role\":\"model\"},\"finishReason\":\"MAX_TOKENS\",\"index\":1},"
                + "{\"content\":{\"parts\":[{\"text\":\"fir\"},{\"text\":\"st\"}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
                + "\"usageMetadata\":{\"promptTokenCount\":3,\"candidatesTokenCount\":4,\"totalTokenCount\":7}}")));

        ModelResponse r = harness.call(flash.withParam("candidateCount", 2));

        assertThat(r.text()).isEqualTo("first\n\nsecond");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.usage()).isEqualTo(usage(3, 4, 0, 0, 7));
    }

    @Test
    void thoughtPartsAreLeftOutOfTheText() {
        answer("thinking.json");

        ModelResponse r = harness.call(flash.withParam("include_thoughts", true));

        assertThat(r.text()).isEqualTo("The first 10 prime numbers are 2, 3, 5, 7, 11, 13, 17, 19, 23, and 29.\n\n"
                + "Adding them together gives a sum of **129**.");
        assertThat(r.usage()).isEqualTo(usage(13, 45 + 894, 894, 0, 952));
    }

    @Test
    void cachedTokensArePartOfTheInputTokens() {
        answer("cached.json");

        ModelResponse r = harness.call(flash);

        assertThat(r.usage()).isEqualTo(usage(4318, 71 + 611, 611, 4083, 5000));
    }

    @Test
    void anAnswerCutByMaxTokensIsLengthWithThePartialText() {
        answer("max-tokens.json");

        ModelResponse r = harness.call(flash.withMaxOutputTokens(400));

        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.rawFinishReason()).contains("MAX_TOKENS");
        assertThat(r.text()).startsWith("Photosynthesis is").endsWith("membranes and");
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(62 + 337));
    }

    @Test
    void aModelThatSpentItsWholeBudgetThinkingBecomesEmptyOutputWithAHint() {
        answer("max-tokens-empty.json");

        Result r = harness.run(flash.withMaxOutputTokens(100), RetryPolicy.none()).results().get(0);

        assertThat(r.error()).get().extracting(e -> e.kind()).isEqualTo(ErrorKind.EMPTY_OUTPUT);
        assertThat(r.error().get().message()).contains("max_output_tokens");
        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.usage().reasoningTokens()).isEqualTo(OptionalLong.of(99));
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(99));
    }

    @Test
    void aSafetyStopIsAContentFilterWithNoText() {
        answer("safety.json");

        ModelResponse r = harness.call(flash);

        assertThat(r.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(r.rawFinishReason()).contains("SAFETY");
        assertThat(r.text()).isEmpty();
        assertThat(r.usage()).isEqualTo(usage(21, 0, 0, 0, 21));
    }

    @Test
    void otherFinishReasonsMapAsDocumentedAndKeepTheirRawValue() {
        for (String raw : List.of("RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY", "LANGUAGE",
                "OTHER", "MALFORMED_FUNCTION_CALL", "FINISH_REASON_UNSPECIFIED", "SOMETHING_NEW")) {
            api.resetAll();
            api.stubFor(post(GENERATE).willReturn(okJson("{\"candidates\":[{\"content\":{\"parts\":[]},\"finishReason\":\""
                    + raw + "\",\"index\":0}],\"modelVersion\":\"gemini-2.5-flash\"}")));

            ModelResponse r = harness.call(flash);

            FinishReason expected = List.of("RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY")
                    .contains(raw) ? FinishReason.CONTENT_FILTER : FinishReason.OTHER;
            assertThat(r.finishReason()).as(raw).isEqualTo(expected);
            assertThat(r.rawFinishReason()).contains(raw);
            assertThat(r.text()).isEmpty();
            assertThat(r.usage()).isEqualTo(Usage.unknown());
        }
    }

    @Test
    void aFunctionCallIsReportedAsToolCalls() {
        api.stubFor(post(GENERATE).willReturn(okJson("{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":"
                + "{\"name\":\"lookup\",\"args\":{\"q\":\"fever\"}}}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}]}")));

        ModelResponse r = harness.call(flash.withParam("tools", List.of(Map.of("functionDeclarations", List.of()))));

        assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(r.rawFinishReason()).contains("STOP");
        assertThat(ProviderHarness.body(onlyRequest()).has("tools")).isTrue();
    }

    @Test
    void aBlockedPromptIsAContentFilterWithTheBlockReason() {
        answer("prompt-blocked.json");

        ModelResponse r = harness.call(flash);

        assertThat(r.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(r.rawFinishReason()).contains("SAFETY");
        assertThat(r.text()).isEmpty();
        assertThat(r.usage().inputTokens()).isEqualTo(OptionalLong.of(17));
        assertThat(r.modelVersion()).contains("gemini-2.5-flash");
    }

    @Test
    void unicodeAndEmojiSurviveTheRoundTripExactly() {
        answer("unicode.json");

        ModelResponse r = harness.call(flash);

        String expected = fixture("gemini/unicode.expected.txt");
        assertThat(r.text()).isEqualTo(expected);
        assertThat(r.text().codePointCount(0, r.text().length())).isEqualTo(164);
        assertThat(r.text()).hasSize(173);
        assertThat(r.text().getBytes(StandardCharsets.UTF_8)).hasSize(246);
    }

    @Test
    void aOneMegabyteAnswerIsReadWhole() {
        String big = "x".repeat(1024 * 1024);
        api.stubFor(post(GENERATE).willReturn(okJson(fixture("gemini/success.json")
                .replace("\"" + SUCCESS_TEXT + "\"", "\"" + big + "\""))));

        assertThat(harness.call(flash).text()).isEqualTo(big);
    }

    @Test
    void retriesARateLimitAfterTheDelayGoogleGivesInRetryInfo() {
        api.stubFor(post(GENERATE).inScenario("rl").whenScenarioStateIs(STARTED)
                .willReturn(ProviderHarness.withHeaders(error(429, "error-429.json"), "gemini/error-429.headers.txt"))
                .willSetStateTo("ok"));
        api.stubFor(post(GENERATE).inScenario("rl").whenScenarioStateIs("ok")
                .willReturn(okJson(fixture("gemini/success.json"))));

        Result r = harness.run(flash, RetryPolicy.defaults()).results().get(0);

        assertThat(r.succeeded()).isTrue();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(harness.delays()).containsExactly(Duration.ofSeconds(37));
    }

    @Test
    void aRateLimitKeepsGooglesMessageAndItsRetryDelay() {
        api.stubFor(post(GENERATE).willReturn(error(429, "error-429.json")));

        CallException e = harness.failure(flash);

        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(37));
        assertThat(e.getMessage()).contains("HTTP 429 from gemini", "RESOURCE_EXHAUSTED");
    }

    @Test
    void anExhaustedDailyQuotaIsNotRetried() {
        api.stubFor(post(GENERATE).willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody(fixture("gemini/error-429.json").replace("GenerateRequestsPerMinutePerProjectPerModel",
                        "GenerateRequestsPerDayPerProjectPerModel"))));

        Result r = harness.run(flash, RetryPolicy.defaults()).results().get(0);

        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.QUOTA_EXCEEDED);
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedThenSucceed() {
        for (int status : List.of(500, 503)) {
            api.resetAll();
            api.stubFor(post(GENERATE).inScenario("s").whenScenarioStateIs(STARTED)
                    .willReturn(error(status, "error-" + status + ".json")).willSetStateTo("ok"));
            api.stubFor(post(GENERATE).inScenario("s").whenScenarioStateIs("ok")
                    .willReturn(okJson(fixture("gemini/success.json"))));

            Result r = harness.run(flash, RetryPolicy.defaults()).results().get(0);

            assertThat(r.succeeded()).as("after HTTP " + status).isTrue();
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(r.output()).isEqualTo(SUCCESS_TEXT);
        }
    }

    @Test
    void badRequestIsNotRetriedAndKeepsGooglesMessage() {
        api.stubFor(post(GENERATE).willReturn(error(400, "error-400.json")));

        Result r = harness.run(flash, RetryPolicy.defaults()).results().get(0);

        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(r.error().get().httpStatus()).isEqualTo(OptionalInt.of(400));
        assertThat(r.error().get().message()).contains("INVALID_ARGUMENT",
                "Budget 0 is invalid. This model only works in thinking mode.");
        api.verify(1, postRequestedFor(urlEqualTo(GENERATE)));
    }

    @Test
    void anUnknownModelIsABadRequestThatIsNotRetried() {
        api.stubFor(post(GENERATE).willReturn(error(404, "error-404.json")));

        Result r = harness.run(flash, RetryPolicy.defaults()).results().get(0);

        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(r.error().get().message()).contains("NOT_FOUND", "Call ListModels");
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void anInvalidKeyIsAnAuthErrorNamingTheVariableButNeverTheKey() {
        api.stubFor(post(GENERATE).willReturn(error(400, "error-400-key.json")));

        Result r = harness.run(flash, RetryPolicy.defaults()).results().get(0);

        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(r.error().get().message()).contains("API key not valid", "GEMINI_API_KEY").doesNotContain(FAKE_KEY);
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void forbiddenIsAnAuthErrorThatIsNotRetried() {
        api.stubFor(post(GENERATE).willReturn(error(403, "error-403.json")));

        Result r = harness.run(flash, RetryPolicy.defaults()).results().get(0);

        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(r.error().get().message()).contains("PERMISSION_DENIED", "GEMINI_API_KEY").doesNotContain(FAKE_KEY);
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void googleApiKeyIsUsedWhenGeminiApiKeyIsUnsetAndGeminiApiKeyWinsWhenBothAre() {
        answer("success.json");
        try (ProviderHarness google = new ProviderHarness(new GeminiProviderFactory(), Map.of("GOOGLE_API_KEY", FAKE_KEY))) {
            google.call(flash);
        }
        assertThat(onlyRequest().getHeader("x-goog-api-key")).isEqualTo(FAKE_KEY);

        api.resetRequests();
        try (ProviderHarness both = new ProviderHarness(new GeminiProviderFactory(),
                Map.of("GOOGLE_API_KEY", "other-key", "GEMINI_API_KEY", FAKE_KEY))) {
            both.call(flash);
        }
        assertThat(onlyRequest().getHeader("x-goog-api-key")).isEqualTo(FAKE_KEY);
    }

    @Test
    void theVariableNamedInApiKeyEnvWins() {
        answer("success.json");
        try (ProviderHarness other = new ProviderHarness(new GeminiProviderFactory(),
                Map.of("GEMINI_API_KEY", "wrong", "TEAM_KEY", FAKE_KEY))) {
            other.call(flash.withApiKeyEnv("TEAM_KEY"));
        }
        assertThat(onlyRequest().getHeader("x-goog-api-key")).isEqualTo(FAKE_KEY);
    }

    @Test
    void aMissingKeyFailsBeforeAnythingIsSent() {
        try (ProviderHarness noKey = new ProviderHarness(new GeminiProviderFactory(), Map.of())) {
            CallException e = noKey.failure(flash);

            assertThat(e.kind()).isEqualTo(ErrorKind.AUTH);
            assertThat(e.getMessage()).contains("GEMINI_API_KEY", "GOOGLE_API_KEY", "api_key_env");
        }
        api.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void onlySystemMessagesAreRefusedBeforeAnythingIsSent() {
        CallException e = harness.failure(flash, Message.system("Be brief."));

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("user or assistant message");
        api.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aTruncatedBodyIsAMalformedResponseQuotingItsStart() {
        api.stubFor(post(GENERATE).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(fixture("gemini/truncated.json"))));

        CallException e = harness.failure(flash);

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("gemini", "not valid JSON", "{ \"candidates\": [");
    }

    @Test
    void aBodyWithoutCandidatesOrPromptFeedbackIsAMalformedResponse() {
        api.stubFor(post(GENERATE).willReturn(okJson("{\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"r-1\"}")));

        CallException e = harness.failure(flash);

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("no candidates", "r-1");
    }

    @Test
    void aCandidateWithoutPartsIsAnEmptyAnswer() {
        for (String content : List.of("{\"role\":\"model\"}", "{\"parts\":[]}")) {
            api.resetAll();
            api.stubFor(post(GENERATE).willReturn(okJson("{\"candidates\":[{\"content\":" + content
                    + ",\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":5,\"totalTokenCount\":5}}")));

            ModelResponse r = harness.call(flash);

            assertThat(r.text()).isEmpty();
            assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(r.usage()).isEqualTo(usage(5, 0, 0, 0, 5));
        }
    }

    @Test
    void aStreamedAnswerHasTheSameTextAndUsageAsTheWholeOneAndATimeToFirstToken() {
        api.stubFor(post(urlEqualTo(STREAM)).willReturn(sse(fixture("gemini/stream.sse")).withChunkedDribbleDelay(8, 400)));
        assertThat(fixture("gemini/stream.sse")).contains("\r\n\r\n");

        ModelResponse streamed = harness.call(flash.withStream(true));
        LoggedRequest request = onlyRequest();
        api.resetAll();
        answer("success.json");
        ModelResponse whole = harness.call(flash);

        assertThat(request.getUrl()).isEqualTo(STREAM).doesNotContain(FAKE_KEY);
        assertThat(request.getHeader("x-goog-api-key")).isEqualTo(FAKE_KEY);
        assertThat(request.getHeader("Accept")).isEqualTo("text/event-stream");
        assertThat(ProviderHarness.body(request).has("stream")).isFalse();
        assertThat(streamed.text()).isEqualTo(SUCCESS_TEXT).isEqualTo(whole.text());
        assertThat(streamed.usage()).isEqualTo(whole.usage()).isEqualTo(usage(11, 62 + 687, 687, 0, 760));
        assertThat(streamed.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(streamed.rawFinishReason()).contains("STOP");
        assertThat(streamed.modelVersion()).contains("gemini-2.5-flash");
        assertThat(streamed.timeToFirstToken()).isPresent();
        assertThat(streamed.timeToFirstToken().get()).isPositive();
    }

    @Test
    void aStreamedThinkingAnswerLeavesTheThoughtsOutAndMatchesItsWholeTwin() {
        api.stubFor(post(urlEqualTo(STREAM)).willReturn(sse(fixture("gemini/stream-thinking.sse"))));
        ModelConfig thinking = flash.withParam("include_thoughts", true);

        ModelResponse streamed = harness.call(thinking.withStream(true));
        api.resetAll();
        answer("thinking.json");
        ModelResponse whole = harness.call(thinking);

        assertThat(streamed.text()).isEqualTo(whole.text()).doesNotContain("Listing the First Ten Primes");
        assertThat(streamed.usage()).isEqualTo(whole.usage()).isEqualTo(usage(13, 45 + 894, 894, 0, 952));
        assertThat(streamed.finishReason()).isEqualTo(whole.finishReason());
        assertThat(streamed.timeToFirstToken()).isPresent();
    }

    @Test
    void aThoughtCountsAsTheFirstTokenWithoutBeingOutput() {
        GeminiStream stream = new GeminiStream();
        String[] lines = fixture("gemini/stream-thinking.sse").split("\r\n", -1);

        stream.onLine(lines[0]);
        stream.onLine(lines[1]);

        assertThat(stream.receivedToken()).isTrue();
        for (int i = 2; i < lines.length; i++) {
            stream.onLine(lines[i]);
        }
        assertThat(stream.complete().text()).startsWith("The first 10 prime numbers");
    }

    @Test
    void anErrorMidStreamFailsWithTheKindItsCodeMapsTo() {
        api.stubFor(post(urlEqualTo(STREAM)).willReturn(sse(fixture("gemini/stream-error-midway.sse"))));

        CallException raw = harness.failure(flash.withStream(true));

        assertThat(raw.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(raw.httpStatus()).isEqualTo(OptionalInt.of(503));
        assertThat(raw.getMessage()).contains("UNAVAILABLE", "The model is overloaded");

        api.resetAll();
        String first = fixture("gemini/stream.sse").split("\r\n\r\n")[0];
        api.stubFor(post(urlEqualTo(STREAM)).willReturn(sse(first + "\r\n\r\n"
                + "data: {\"error\": {\"code\": 429,\"message\": \"Resource has been exhausted.\",\"status\": \"RESOURCE_EXHAUSTED\"}}\r\n\r\n")));

        CallException event = harness.failure(flash.withStream(true));

        assertThat(event.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(event.getMessage()).contains("RESOURCE_EXHAUSTED", "Resource has been exhausted");
    }

    @Test
    void aStreamThatEndsBeforeAFinishReasonIsMalformed() {
        String[] events = fixture("gemini/stream.sse").split("\r\n\r\n");
        api.stubFor(post(urlEqualTo(STREAM)).willReturn(sse(events[0] + "\r\n\r\n" + events[1] + "\r\n\r\n")));

        CallException e = harness.failure(flash.withStream(true));

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("the stream ended before a finish reason");
    }

    @Test
    void aStreamedBlockedPromptIsAContentFilterWithTheBlockReason() {
        api.stubFor(post(urlEqualTo(STREAM)).willReturn(sse("data: {\"promptFeedback\": {\"blockReason\": "
                + "\"PROHIBITED_CONTENT\"},\"usageMetadata\": {\"promptTokenCount\": 17,\"totalTokenCount\": 17},"
                + "\"modelVersion\": \"gemini-2.5-flash\"}\r\n\r\n")));

        ModelResponse r = harness.call(flash.withStream(true));

        assertThat(r.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(r.rawFinishReason()).contains("PROHIBITED_CONTENT");
        assertThat(r.text()).isEmpty();
        assertThat(r.usage()).isEqualTo(usage(17, 0, 0, 0, 17));
    }

    @Test
    void aStreamedRequestThatFailsMapsItsStatusLikeAWholeOne() {
        api.stubFor(post(urlEqualTo(STREAM)).willReturn(error(429, "error-429.json")));

        CallException e = harness.failure(flash.withStream(true));

        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(37));
        assertThat(e.getMessage()).contains("RESOURCE_EXHAUSTED");
    }

    @Test
    void listsTheModelsAcrossPagesWithTheKeyInTheHeader() {
        api.stubFor(get(urlPathEqualTo("/v1beta/models")).withQueryParam("pageToken", absent())
                .withHeader("x-goog-api-key", equalTo(FAKE_KEY)).willReturn(okJson(fixture("gemini/models.json"))));
        api.stubFor(get(urlPathEqualTo("/v1beta/models"))
                .withQueryParam("pageToken", equalTo("Chttb2RlbHMvZ2VtaW5pLWVtYmVkZGluZy0wMDE="))
                .withHeader("x-goog-api-key", equalTo(FAKE_KEY))
                .willReturn(okJson("{\"models\": [{\"name\": \"models/gemini-3-flash-preview\", \"displayName\": "
                        + "\"Gemini 3 Flash Preview\", \"inputTokenLimit\": 1048576, \"outputTokenLimit\": 65536}]}")));

        List<ModelInfo> models = harness.listModels(flash);

        assertThat(models).extracting(ModelInfo::id).containsExactly("gemini-2.5-flash", "gemini-2.5-pro",
                "gemini-2.5-flash-lite", "gemini-embedding-001", "gemini-3-flash-preview");
        ModelInfo first = models.get(0);
        assertThat(first.displayName()).contains("Gemini 2.5 Flash");
        assertThat(first.details()).containsEntry("version", "001").containsEntry("input_token_limit", "1048576")
                .containsEntry("output_token_limit", "65536").containsEntry("thinking", "true")
                .containsEntry("supported_generation_methods",
                        "generateContent,countTokens,createCachedContent,batchGenerateContent")
                .containsKey("description");
        assertThat(models.get(4).details()).doesNotContainKey("thinking");
        List<LoggedRequest> requests = api.findAll(getRequestedFor(anyUrl()));
        assertThat(requests).hasSize(2);
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.getUrl()).doesNotContain(FAKE_KEY).doesNotContain("key=");
            assertThat(r.containsHeader("Authorization")).isFalse();
        });
    }

    @Test
    void listingFollowsAtMostTenPages() {
        api.stubFor(get(urlPathEqualTo("/v1beta/models")).willReturn(okJson(
                "{\"models\": [{\"name\": \"models/gemini-2.5-flash\"}], \"nextPageToken\": \"again\"}")));

        List<ModelInfo> models = harness.listModels(flash);

        assertThat(models).hasSize(10);
        api.verify(10, getRequestedFor(urlPathEqualTo("/v1beta/models")));
    }

    @Test
    void refusesAtBuildWhatGeminiCannotTake() {
        GeminiProviderFactory f = new GeminiProviderFactory();
        Path dir = Path.of(".");
        ModelConfig pro = ModelConfig.of("gemini", "gemini-2.5-pro");
        ModelConfig lite = ModelConfig.of("gemini", "gemini-2.5-flash-lite");
        ModelConfig flash25 = ModelConfig.of("gemini", "gemini-2.5-flash");

        assertThatThrownBy(() -> f.validate(flash25.withVerbosity("low"), dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model 'gemini:gemini-2.5-flash'").hasMessageContaining("verbosity");
        assertThatThrownBy(() -> f.validate(flash25.withStop("a", "b", "c", "d", "e", "f"), dir))
                .hasMessageContaining("at most 5 stop sequences");
        assertThatThrownBy(() -> f.validate(pro.withParam("thinking_budget", 0), dir))
                .hasMessageContaining("model 'gemini:gemini-2.5-pro'").hasMessageContaining("thinking_budget")
                .hasMessageContaining("cannot turn thinking off");
        assertThatThrownBy(() -> f.validate(pro.withParam("thinking_budget", 32769), dir)).hasMessageContaining("thinking_budget");
        assertThatThrownBy(() -> f.validate(pro.withParam("thinking_budget", 127), dir)).hasMessageContaining("thinking_budget");
        assertThatThrownBy(() -> f.validate(flash25.withParam("thinking_budget", 24577), dir))
                .hasMessageContaining("thinking_budget");
        assertThatThrownBy(() -> f.validate(flash25.withParam("thinking_budget", -2), dir)).hasMessageContaining("thinking_budget");
        assertThatThrownBy(() -> f.validate(lite.withParam("thinking_budget", 100), dir))
                .hasMessageContaining("512 to 24576");
        assertThatThrownBy(() -> f.validate(flash25.withParam("thinking_budget", "lots"), dir))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> f.validate(flash25.withParam("include_thoughts", "yes"), dir))
                .hasMessageContaining("include_thoughts");
        assertThatThrownBy(() -> f.validate(flash25.withReasoningEffort("high"), dir))
                .hasMessageContaining("reasoning_effort").hasMessageContaining("thinking_budget");
        assertThatThrownBy(() -> f.validate(ModelConfig.of("gemini", "gemini-2.0-flash").withReasoningEffort("low"), dir))
                .hasMessageContaining("reasoning_effort");
        assertThatThrownBy(() -> f.validate(ModelConfig.of("gemini", "gemini-3-pro-preview").withReasoningEffort("low")
                .withParam("thinking_budget", 1024), dir)).hasMessageContaining("not both");
        assertThatThrownBy(() -> f.validate(flash25.withBaseUrl("ftp://example.com"), dir)).hasMessageContaining("base_url");

        f.validate(pro.withParam("thinking_budget", 128), dir);
        f.validate(pro.withParam("thinking_budget", 32768), dir);
        f.validate(pro.withParam("thinking_budget", -1), dir);
        f.validate(flash25.withParam("thinking_budget", 0).withParam("include_thoughts", true), dir);
        f.validate(flash25.withParam("thinking_budget", 24576), dir);
        f.validate(ModelConfig.of("gemini", "models/gemini-2.5-flash").withParam("thinking_budget", 0), dir);
        f.validate(lite.withParam("thinking_budget", 0), dir);
        f.validate(lite.withParam("thinking_budget", 512), dir);
        f.validate(lite.withParam("thinking_budget", -1), dir);
        f.validate(ModelConfig.of("gemini", "gemini-exp-1206").withParam("thinking_budget", 99999), dir);
        f.validate(ModelConfig.of("gemini", "gemini-3-flash-preview").withReasoningEffort("minimal"), dir);
        f.validate(flash25.withTemperature(0.0).withTopK(40).withStop("a", "b", "c", "d", "e").withPresencePenalty(0.1)
                .withFrequencyPenalty(0.1).withSeed(1), dir);
        assertThat(f.name()).isEqualTo("gemini");
        assertThat(f.aliases()).containsExactly("google");
    }
}
