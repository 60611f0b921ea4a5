package dev.bench4j.providers.openai.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.bench4j.providers.testing.ProviderHarness.FAKE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.internal.http.Json;
import dev.bench4j.providers.openai.OpenAiCompatibleProviderFactory;
import dev.bench4j.providers.openai.OpenAiProviderFactory;
import dev.bench4j.providers.openai.XaiProviderFactory;
import dev.bench4j.providers.testing.ProviderHarness;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-provider cases of the issue, for each of the three Chat Completions flavors (openai, xai, openai-compatible). */
class ChatCompletionsFlavorsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String CHAT = "/v1/chat/completions";

    /** A vLLM model name made up for these tests; vLLM reports the served model name back unchanged. */
    private static final String VLLM_MODEL = "acme-health/notes-qwen3-8b-awq";

    private static final Pattern MODEL_FIELD = Pattern.compile("(\"model\"\\s*:\\s*\")[^\"]*(\")");

    private static final String UNICODE = "Diagnósticos: diabetes tipo 2 e hipertensão arterial. 日本語: 糖尿病と高血圧。"
            + "中文：糖尿病和高血压。 \uD83D\uDC69\u200D\u2695\uFE0F Consulte a médica regularmente \uD83E\uDE7A\uD83D\uDE00";

    /** One way a server says the key is wrong: its status, its body and a piece of its message. */
    record KeyRejection(int status, String body, String says) {
    }

    /**
     * What a flavor's tests need: how to reach it, what it answers (its own fixtures where they
     * exist, else OpenAI's with the served model and, for xAI, the token accounting changed) and
     * what bench4j must make of it.
     */
    record Flavored(String name, Supplier<ModelProviderFactory> factory, String model, String servedModel,
            Optional<String> apiKeyEnv, String keyVariable, String keyHint, String maxTokensField, String otherMaxTokensField,
            Usage successUsage, Usage reasoningUsage, String badRequestBody, String badRequestSays,
            List<KeyRejection> keyRejections, String modelsBody, String listedModel) {

        ProviderHarness harness() {
            return new ProviderHarness(factory.get(), Map.of(keyVariable, FAKE_KEY));
        }

        ModelConfig config() {
            ModelConfig c = ModelConfig.of(name, model).withBaseUrl(api.baseUrl() + "/v1");
            return apiKeyEnv.map(c::withApiKeyEnv).orElse(c);
        }

        /** The flavor's own fixture when there is one, else OpenAI's as this flavor would send it. */
        String fixture(String file) {
            if (!name.equals("openai") && ProviderHarness.class.getResource("/fixtures/" + name + "/" + file) != null) {
                return ProviderHarness.fixture(name + "/" + file);
            }
            String body = ProviderHarness.fixture("openai/" + file);
            if (name.equals("openai")) {
                return body;
            }
            body = MODEL_FIELD.matcher(body).replaceAll(m -> m.group(1) + Matcher.quoteReplacement(servedModel) + m.group(2));
            return name.equals("xai") && file.endsWith(".json") ? xaiAccounting(body) : body;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * xAI leaves reasoning tokens out of {@code completion_tokens} (total = prompt + completion +
     * reasoning), so an OpenAI body borrowed for xai has them moved out; a body that is not JSON
     * stays as it is.
     */
    private static String xaiAccounting(String body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return body;
        }
        JsonNode usage = root.path("usage");
        long reasoning = usage.path("completion_tokens_details").path("reasoning_tokens").asLong(0);
        if (reasoning == 0) {
            return body;
        }
        ((ObjectNode) usage).put("completion_tokens", usage.path("completion_tokens").asLong() - reasoning);
        return root.toString();
    }

    static final Flavored OPENAI = new Flavored("openai", OpenAiProviderFactory::new, "gpt-4o-mini",
            "gpt-4o-mini-2024-07-18", Optional.empty(), "OPENAI_API_KEY", "OPENAI_API_KEY",
            "max_completion_tokens", "max_tokens",
            Usage.of(54, 3).withTotalTokens(57).withCachedInputTokens(0).withReasoningTokens(0),
            Usage.of(1536, 330).withTotalTokens(1866).withCachedInputTokens(1280).withReasoningTokens(320),
            ProviderHarness.fixture("openai/error-400.json"), "Unsupported parameter: 'temperature' is not supported",
            List.of(new KeyRejection(401, ProviderHarness.fixture("openai/error-401.json"), "Incorrect API key provided")),
            ProviderHarness.fixture("openai/models.json"), "gpt-4o-mini");

    static final Flavored XAI = new Flavored("xai", XaiProviderFactory::new, "grok-4", "grok-4-0709",
            Optional.empty(), "XAI_API_KEY", "XAI_API_KEY or GROK_API_KEY", "max_completion_tokens", "max_tokens",
            // xAI: 5 completion tokens plus 198 reasoning tokens reported beside them
            Usage.of(716, 5 + 198).withTotalTokens(919).withCachedInputTokens(688).withReasoningTokens(198),
            Usage.of(41, 5 + 212).withTotalTokens(258).withCachedInputTokens(2).withReasoningTokens(212),
            // the body xAI sends for a parameter a model does not take (uni-api#105, lobehub#8381)
            "{\"code\":\"Client specified an invalid argument\",\"error\":\"Argument not supported on this model: "
                    + "presencePenalty\"}",
            "Argument not supported on this model: presencePenalty",
            List.of(new KeyRejection(401, ProviderHarness.fixture("xai/error-401.json"), "No authorization header was provided"),
                    new KeyRejection(400, ProviderHarness.fixture("xai/error-400-invalid-key.json"),
                            "Incorrect API key provided")),
            ProviderHarness.fixture("xai/models.json"), "grok-4-0709");

    static final Flavored COMPATIBLE = new Flavored("openai-compatible", OpenAiCompatibleProviderFactory::new, VLLM_MODEL,
            VLLM_MODEL, Optional.of("VLLM_API_KEY"), "VLLM_API_KEY", "VLLM_API_KEY", "max_tokens", "max_completion_tokens",
            Usage.of(54, 3).withTotalTokens(57).withCachedInputTokens(0).withReasoningTokens(0),
            Usage.of(1536, 330).withTotalTokens(1866).withCachedInputTokens(1280).withReasoningTokens(320),
            // vLLM 0.16 and later, a prompt plus max_tokens over the context length
            "{\"error\":{\"message\":\"You passed 25 input tokens and requested 1000 output tokens. However, the model's "
                    + "context length is only 1024 tokens, resulting in a maximum input length of 24 tokens. Please reduce "
                    + "the length of the input prompt. (parameter=input_tokens, value=25)\",\"type\":\"BadRequestError\","
                    + "\"param\":\"input_tokens\",\"code\":400}}",
            "the model's context length is only 1024 tokens",
            // vLLM started with --api-key answers a wrong or missing key so
            List.of(new KeyRejection(401, "{\"error\":\"Unauthorized\"}", "Unauthorized")),
            "{\"object\":\"list\",\"data\":[{\"id\":\"" + VLLM_MODEL + "\",\"object\":\"model\",\"created\":1755612900,"
                    + "\"owned_by\":\"vllm\",\"root\":\"Qwen/Qwen3-8B-AWQ\",\"parent\":null,\"max_model_len\":32768}]}",
            VLLM_MODEL);

    static Stream<Flavored> flavors() {
        return Stream.of(OPENAI, XAI, COMPATIBLE);
    }

    private ProviderHarness harness;

    private ProviderHarness start(Flavored f) {
        harness = f.harness();
        return harness;
    }

    @AfterEach
    void tearDown() {
        if (harness != null) {
            harness.close();
        }
    }

    private static void answer(String body) {
        api.stubFor(post(CHAT).willReturn(okJson(body)));
    }

    private static ResponseDefinitionBuilder error(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream; charset=utf-8").withBody(body);
    }

    /** The first call gets {@code first}, every later one {@code then}. */
    private static void failOnceThen(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        api.stubFor(post(CHAT).inScenario("once").whenScenarioStateIs(STARTED).willReturn(first).willSetStateTo("ok"));
        api.stubFor(post(CHAT).inScenario("once").whenScenarioStateIs("ok").willReturn(then));
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> all = api.findAll(postRequestedFor(urlEqualTo(CHAT)));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static JsonNode json(LoggedRequest r) {
        try {
            return Json.MAPPER.readTree(r.getBodyAsString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Asserts the key is in exactly one header, as {@code Authorization: Bearer <key>}, and nowhere else. */
    private static void assertKeyOnlyInItsHeader(LoggedRequest request) {
        assertThat(request.getHeaders().getHeader("Authorization").values()).containsExactly("Bearer " + FAKE_KEY);
        assertThat(request.getHeaders().all().stream().filter(h -> h.values().stream().anyMatch(v -> v.contains(FAKE_KEY))))
                .as("headers carrying the key").hasSize(1);
        assertThat(request.getUrl()).doesNotContain(FAKE_KEY);
        assertThat(request.getBodyAsString()).doesNotContain(FAKE_KEY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavors")
    void aSuccessfulAnswerHasItsTextFinishReasonUsageAndModelVersion(Flavored f) {
        start(f);
        answer(f.fixture("success.json"));

        ModelResponse r = harness.call(f.config());

        assertThat(r.text()).isEqualTo("diabetes, hypertension");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.rawFinishReason()).contains("stop");
        assertThat(r.usage()).isEqualTo(f.successUsage());
        assertThat(r.modelVersion()).contains(f.servedModel());
        assertThat(r.timeToFirstToken()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavors")
    void reasoningTokensAreReportedAndCountAsOutputTokens(Flavored f) {
        start(f);
        String body = f.fixture("reasoning.json");
        answer(body);

        ModelResponse r = harness.call(f.config());

        assertThat(r.usage()).isEqualTo(f.reasoningUsage());
        JsonNode usage = json(body).get("usage");
        assertThat(r.usage().outputTokens()).as("every token that is not input, however the flavor splits it")
                .isEqualTo(OptionalLong.of(usage.get("total_tokens").asLong() - usage.get("prompt_tokens").asLong()));
        assertThat(r.text()).isEqualTo(json(body).at("/choices/0/message/content").asText());
        assertThat(r.modelVersion()).contains(json(body).get("model").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavors")
    void truncatedByTheTokenLimitKeepsThePartialTextWithFinishReasonLength(Flavored f) {
        start(f);
        answer(f.fixture("length.json"));

        ModelResponse r = harness.call(f.config().withMaxOutputTokens(16));

        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.rawFinishReason()).contains("length");
        assertThat(r.text()).isEqualTo("The patient presents with several chronic conditions, including type 2 diabetes mellitus and");
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(16));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavors")
    void anEmptyAnswerCutByTheTokenLimitIsEmptyOutputWithAHint(Flavored f) {
        start(f);
        answer(f.fixture("length-empty.json"));

        Result r = harness.run(f.config().withMaxOutputTokens(256), RetryPolicy.defaults()).results().get(0);

        assertThat(r.error()).get().extracting(e -> e.kind()).isEqualTo(ErrorKind.EMPTY_OUTPUT);
        assertThat(r.error().get().message()).contains("max_output_tokens", "(256)");
        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.usage().reasoningTokens()).isEqualTo(OptionalLong.of(256));
        assertThat(r.usage().outputTokens()).as("the whole budget went to reasoning").isEqualTo(OptionalLong.of(256));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavors")
    void aContentFilterAndARefusalAreContentFilter(Flavored f) {
        start(f);
        answer(f.fixture("content-filter.json"));
        ModelResponse filtered = harness.call(f.config());
        assertThat(filtered.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(filtered.rawFinishReason()).contains("content_filter");
        assertThat(filtered.text()).isEmpty();

        api.resetAll();
        answer(f.fixture("refusal.json"));
        ModelResponse refused = harness.call(f.config());
        assertThat(refused.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(refused.rawFinishReason()).contains("stop");
        assertThat(refused.text()).isEqualTo("I'm sorry, I can't assist with that request.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavors")
    void aRateLimitIsRetriedAfterTheTimeItsRetryAfterStates(Flavored f) {
        start(f);
        failOnceThen(error(429, f.fixture("error-429.json")).withHeader("Retry-After", "2"),
                okJson(f.fixture("success.json")));

        Result r = harness.run(f.config(), RetryPolicy.defaults()).results().get(0);

        assertThat(r.succeeded()).isTrue();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.output()).isEqualTo("diabetes, hypertension");
        assertThat(harness.delays()).containsExactly(Duration.ofSeconds(2));
        api.verify(2, postRequestedFor(urlEqualTo(CHAT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavors")
    void serverErrorsAreRetriedThenSucceed(Flavored f) {
        start(f);
        for (int status : List.of(500, 503)) {
            api.resetAll();
            failOnceThen(error(status, f.fixture("error-" + status + ".json")), okJson(f.fixture("success.json")));

            Result r = harness.run(f.config(), RetryPolicy.defaults()).results().get(0);

            assertThat(r.succeeded()).as("after HTTP " + status).isTrue();
            assertThat(r.attempts()).as("after HTTP " + status).isEqualTo(2);
            assertThat(r.output()).isEqualTo("diabetes, hypertension");
            api.verify(2, postRequestedFor(urlEqualTo(CHAT)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavors")
    void aBadRequestIsNotRetriedAndKeepsTheServersMessage(Flavored f) {
        start(f);
        api.stubFor(post(CHAT).willReturn(error(400, f.badRequestBody())));

        Result r = harness.run(f.config(), RetryPolicy.defaults()).results().get(0);

        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(r.error().get().httpStatus()).isEqualTo(OptionalInt.of(400));
        assertThat(r.error().get().message()).contains("HTTP 400 from " + f.name(), f.badRequestSays());
        api.verify(1, postRequestedFor(urlEqualTo(CHAT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavors")
    void aRejectedKeyIsAnAuthErrorNamingItsVariableNeverTheKeyAndIsNotRetried(Flavored f) {
        start(f);
        for (KeyRejection rejection : f.keyRejections()) {
            api.resetAll();
            api.stubFor(post(CHAT).willReturn(error(rejection.status(), rejection.body())));

            Result r = harness.run(f.config(), RetryPolicy.defaults()).results().get(0);

            assertThat(r.error().get().kind()).as("HTTP " + rejection.status()).isEqualTo(ErrorKind.AUTH);
            assertThat(r.error().get().httpStatus()).isEqualTo(OptionalInt.of(rejection.status()));
            assertThat(r.error().get().message()).contains(rejection.says(), f.keyHint()).doesNotContain(FAKE_KEY);
            assertThat(r.toString()).doesNotContain(FAKE_KEY);
            assertThat(r.attempts()).isEqualTo(1);
            api.verify(1, postRequestedFor(urlEqualTo(CHAT)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavors")
    void aTruncatedBodyIsAMalformedResponseQuotingItsStart(Flavored f) {
        start(f);
        api.stubFor(post(CHAT).willReturn(error(200, f.fixture("truncated.json"))));

        CallException e = harness.failure(f.config());

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains(f.name() + " sent a response bench4j cannot read", "not valid JSON",
                "it began: { \"id\": \"chatcmpl-C8AibNyyurlGFb0EkjKWREhbiGjlv\"", "\"content\": \"diabetes, hyp");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavors")
    void unicodeAndEmojiSurviveTheRoundTripExactly(Flavored f) {
        start(f);
        answer(f.fixture("unicode.json"));

        assertThat(harness.call(f.config()).text()).isEqualTo(UNICODE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavors")
    void aOneMegabyteAnswerIsReadWhole(Flavored f) {
        start(f);
        StringBuilder big = new StringBuilder(1024 * 1024 + 64);
        for (int i = 0; big.length() < 1024 * 1024; i++) {
            big.append("line ").append(i).append(": diabetes, hypertension é 糖尿病 \uD83E\uDE7A\\n");
        }
        String body = f.fixture("success.json").replace("\"diabetes, hypertension\"", "\"" + big + "\"");
        assertThat(body.length()).isGreaterThan(1024 * 1024);
        answer(body);

        String expected = json(body).at("/choices/0/message/content").asText();
        assertThat(harness.call(f.config()).text()).isEqualTo(expected).startsWith("line 0: diabetes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavors")
    void aStreamedAnswerHasATimeToFirstTokenAndTheTextAndUsageOfTheWholeOne(Flavored f) {
        start(f);
        api.stubFor(post(CHAT).willReturn(sse(f.fixture("stream.sse")).withChunkedDribbleDelay(8, 400)));

        ModelResponse streamed = harness.call(f.config().withStream(true));

        LoggedRequest request = onlyRequest();
        JsonNode body = json(request);
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("stream_options")).isEqualTo(Json.MAPPER.createObjectNode().put("include_usage", true));
        assertThat(request.getHeader("Accept")).isEqualTo("text/event-stream");
        assertKeyOnlyInItsHeader(request);
        assertThat(streamed.timeToFirstToken()).isPresent();
        assertThat(streamed.timeToFirstToken().get()).isPositive();

        api.resetAll();
        answer(f.fixture("success.json"));
        ModelResponse whole = harness.call(f.config());

        assertThat(json(onlyRequest()).has("stream")).isFalse();
        assertThat(json(onlyRequest()).has("stream_options")).isFalse();
        assertThat(streamed.text()).isEqualTo(whole.text()).isEqualTo("diabetes, hypertension");
        assertThat(streamed.usage()).isEqualTo(whole.usage()).isEqualTo(f.successUsage());
        assertThat(streamed.finishReason()).isEqualTo(whole.finishReason());
        assertThat(streamed.rawFinishReason()).isEqualTo(whole.rawFinishReason());
        assertThat(streamed.modelVersion()).isEqualTo(whole.modelVersion()).contains(f.servedModel());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavors")
    void sendsEachParameterUnderItsWireNameAndTheKeyOnlyInOneAuthorizationHeader(Flavored f) {
        start(f);
        answer(f.fixture("success.json"));
        ModelConfig config = f.config().withTemperature(0.2).withTopP(0.9).withMaxOutputTokens(256).withSeed(7)
                .withParam("response_format", Map.of("type", "json_object"));

        harness.call(config, Message.system("Be brief."), Message.user("Conditions in: fever"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo(CHAT);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertKeyOnlyInItsHeader(request);
        JsonNode body = json(request);
        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("model", "messages", "temperature", "top_p",
                f.maxTokensField(), "seed", "response_format");
        assertThat(body.get("model").asText()).isEqualTo(f.model());
        assertThat(body.get("messages").toString()).isEqualTo(
                "[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Conditions in: fever\"}]");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.get(f.maxTokensField()).asInt()).isEqualTo(256);
        assertThat(body.has(f.otherMaxTokensField())).isFalse();
        assertThat(body.get("seed").asLong()).isEqualTo(7);
        assertThat(body.get("response_format").toString()).isEqualTo("{\"type\":\"json_object\"}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavors")
    void listsTheModelsOfTheEndpointWithTheKeyOnlyInItsHeader(Flavored f) {
        start(f);
        api.stubFor(get("/v1/models").willReturn(okJson(f.modelsBody())));

        List<ModelInfo> models = harness.listModels(f.config());

        assertThat(models).extracting(ModelInfo::id).contains(f.listedModel());
        List<LoggedRequest> requests = api.findAll(getRequestedFor(urlEqualTo("/v1/models")));
        assertThat(requests).hasSize(1);
        assertKeyOnlyInItsHeader(requests.get(0));
    }

    /** {@code stream.sse} as the flavor sends it, cut right after the chunk that finishes the choice. */
    private static String cutAfterTheFinishChunk(Flavored f) {
        String stream = f.fixture("stream.sse");
        int finish = stream.indexOf("\"finish_reason\":\"stop\"");
        return stream.substring(0, stream.indexOf("\n\n", finish) + 2);
    }

    private static String cutBeforeDone(Flavored f) {
        String stream = f.fixture("stream.sse");
        return stream.substring(0, stream.indexOf("data: [DONE]"));
    }

    @Test
    void aCompatibleStreamMayEndWithoutDoneButAnOpenAiStreamMayNot() {
        try (ProviderHarness compatible = COMPATIBLE.harness(); ProviderHarness openai = OPENAI.harness()) {
            api.stubFor(post(CHAT).willReturn(sse(cutAfterTheFinishChunk(COMPATIBLE))));
            ModelResponse noUsage = compatible.call(COMPATIBLE.config().withStream(true));
            assertThat(noUsage.text()).isEqualTo("diabetes, hypertension");
            assertThat(noUsage.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(noUsage.usage()).as("a server that ignores include_usage").isEqualTo(Usage.unknown());
            assertThat(noUsage.modelVersion()).contains(VLLM_MODEL);

            api.resetAll();
            api.stubFor(post(CHAT).willReturn(sse(cutBeforeDone(COMPATIBLE))));
            assertThat(compatible.call(COMPATIBLE.config().withStream(true)).usage()).isEqualTo(COMPATIBLE.successUsage());

            for (String cut : List.of(cutAfterTheFinishChunk(OPENAI), cutBeforeDone(OPENAI))) {
                api.resetAll();
                api.stubFor(post(CHAT).willReturn(sse(cut)));
                CallException e = openai.failure(OPENAI.config().withStream(true));
                assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
                assertThat(e.getMessage()).contains("[DONE]");
            }
        }
    }

    /**
     * A vLLM stream from a reasoning model: the role chunk, reasoning deltas under {@code field}
     * ({@code reasoning} since vLLM 0.10, {@code reasoning_content} before and in DeepSeek's API),
     * then content deltas (none when {@code content} is empty), the finish chunk and the usage chunk.
     */
    private static String vllmReasoningStream(String field, List<String> content, String finish) {
        StringBuilder s = new StringBuilder();
        s.append(vllmChunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        s.append(vllmChunk("{\"" + field + "\":\"The note says T2DM on metformin\"}", null));
        s.append(vllmChunk("{\"" + field + "\":\" and BP 152/94 on lisinopril: two chronic conditions.\"}", null));
        for (String piece : content) {
            s.append(vllmChunk("{\"content\":\"" + piece + "\"}", null));
        }
        s.append(vllmChunk("{}", finish));
        s.append("data: {\"id\":\"chatcmpl-9f3c2a7d1e4b4c0a8d6e5f4a3b2c1d0e\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1755612900,\"model\":\"" + VLLM_MODEL + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":31,"
                + "\"total_tokens\":58,\"completion_tokens\":27,\"prompt_tokens_details\":null}}\n\n");
        return s.append("data: [DONE]\n\n").toString();
    }

    private static String vllmChunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-9f3c2a7d1e4b4c0a8d6e5f4a3b2c1d0e\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1755612900,\"model\":\"" + VLLM_MODEL + "\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"logprobs\":null,\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"")
                + (finish == null ? "" : ",\"stop_reason\":null") + "}]}\n\n";
    }

    @ParameterizedTest(name = "delta.{0}")
    @ValueSource(strings = {"reasoning", "reasoning_content"})
    void reasoningDeltasOfACompatibleServerCountForTheTimeToFirstTokenButAreNotOutput(String field) {
        try (ProviderHarness compatible = COMPATIBLE.harness()) {
            api.stubFor(post(CHAT).willReturn(sse(vllmReasoningStream(field, List.of("diabetes", ", hypertension"), "stop"))
                    .withChunkedDribbleDelay(6, 300)));

            ModelResponse r = compatible.call(COMPATIBLE.config().withStream(true));

            assertThat(r.timeToFirstToken()).isPresent();
            assertThat(r.text()).isEqualTo("diabetes, hypertension");
            assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(r.usage()).isEqualTo(Usage.of(31, 27).withTotalTokens(58));

            api.resetAll();
            api.stubFor(post(CHAT).willReturn(sse(vllmReasoningStream(field, List.of(), "length"))));

            ModelResponse thinkingOnly = compatible.call(COMPATIBLE.config().withStream(true));

            assertThat(thinkingOnly.timeToFirstToken()).as("reasoning alone starts the clock").isPresent();
            assertThat(thinkingOnly.text()).isEmpty();
            assertThat(thinkingOnly.finishReason()).isEqualTo(FinishReason.LENGTH);
        }
    }
}
