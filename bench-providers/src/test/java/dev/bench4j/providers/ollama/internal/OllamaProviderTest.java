package dev.bench4j.providers.ollama.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.bench4j.providers.testing.ProviderHarness.FAKE_KEY;
import static dev.bench4j.providers.testing.ProviderHarness.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.ModelInfo;
import dev.bench4j.core.Price;
import dev.bench4j.core.Result;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.internal.http.HttpCall;
import dev.bench4j.providers.internal.http.Json;
import dev.bench4j.providers.ollama.OllamaProviderFactory;
import dev.bench4j.providers.testing.ProviderHarness;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ollama provider against WireMock with bodies as Ollama sends them (fixtures/ollama). */
class OllamaProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private ProviderHarness harness;
    private ModelConfig llama;

    @BeforeEach
    void setUp() {
        // a key in the environment that the config does not name must never be sent
        harness = new ProviderHarness(new OllamaProviderFactory(), Map.of("OLLAMA_API_KEY", FAKE_KEY));
        llama = ModelConfig.of("ollama", "llama3.2").withBaseUrl(api.baseUrl());
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private static ResponseDefinitionBuilder ollamaJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    private void answer(String fixture) {
        api.stubFor(post("/api/chat").willReturn(ollamaJson(fixture("ollama/" + fixture))));
    }

    private void fail(int status, String fixture) {
        api.stubFor(post("/api/chat").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(fixture("ollama/" + fixture))));
    }

    private void stream(String fixture) {
        api.stubFor(post("/api/chat").willReturn(ProviderHarness.withHeaders(aResponse().withStatus(200),
                "ollama/stream.headers.txt").withBody(fixture("ollama/" + fixture))));
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode lastLine(String ndjsonFixture) {
        String[] lines = fixture("ollama/" + ndjsonFixture).strip().split("\n");
        return json(lines[lines.length - 1]);
    }

    private LoggedRequest onlyRequest() {
        return ProviderHarness.onlyPost(api, urlEqualTo("/api/chat"));
    }

    /** The metrics exactly as the provider must compute them from Ollama's nanosecond figures. */
    private static Map<String, Double> metricsOf(JsonNode last) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("total_duration_ms", last.get("total_duration").asLong() / 1e6);
        m.put("load_duration_ms", last.get("load_duration").asLong() / 1e6);
        m.put("prompt_eval_duration_ms", last.get("prompt_eval_duration").asLong() / 1e6);
        m.put("eval_duration_ms", last.get("eval_duration").asLong() / 1e6);
        m.put("eval_tokens_per_second", last.get("eval_count").asLong() / (last.get("eval_duration").asLong() / 1e9));
        return m;
    }

    @Test
    void mapsASuccessfulAnswerWithUsageFinishReasonModelVersionAndMillisecondMetrics() {
        answer("success.json");

        ModelResponse r = harness.call(llama);

        assertThat(r.text()).isEqualTo("diabetes, hypertension");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.rawFinishReason()).contains("stop");
        assertThat(r.modelVersion()).contains("llama3.2");
        assertThat(r.usage().inputTokens()).isEqualTo(OptionalLong.of(52));
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(5));
        assertThat(r.usage().totalTokens()).isEqualTo(OptionalLong.of(57));
        assertThat(r.usage().reasoningTokens()).isEmpty();
        assertThat(r.usage().cachedInputTokens()).isEmpty();
        assertThat(r.metrics()).containsExactly(
                Map.entry("total_duration_ms", 123.047917),
                Map.entry("load_duration_ms", 31.588293),
                Map.entry("prompt_eval_duration_ms", 41.220125),
                Map.entry("eval_duration_ms", 37.915708),
                Map.entry("eval_tokens_per_second", 5 / 0.037915708));
        assertThat(r.metrics().get("eval_tokens_per_second")).isCloseTo(131.87147, within(1e-5));
        assertThat(r.timeToFirstToken()).isEmpty();
    }

    @Test
    void sendsStreamFalseExplicitlyAndEveryParameterUnderItsOllamaNameInOptions() {
        answer("success.json");
        ModelConfig config = llama.withTemperature(0.2).withTopP(0.9).withTopK(40).withMaxOutputTokens(256).withSeed(7).withStop("END", "###")
                .withFrequencyPenalty(0.5).withPresencePenalty(-0.5)
                .withParam("num_ctx", 8192).withParam("repeat_penalty", 1.1).withParam("use_mmap", false)
                .withParam("think", false).withParam("format", Map.of("type", "object")).withParam("keep_alive", "5m");

        harness.call(config, Message.system("Be brief."), Message.user("Conditions in: fever"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/api/chat");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.containsHeader("Authorization")).isFalse();
        assertThat(request.getBodyAsString()).doesNotContain(FAKE_KEY);
        JsonNode body = json(request.getBodyAsString());
        assertThat(body.fieldNames()).toIterable()
                .containsExactly("model", "messages", "stream", "think", "format", "keep_alive", "options");
        assertThat(body.get("model").asText()).isEqualTo("llama3.2");
        assertThat(body.get("messages").toString()).isEqualTo(
                "[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Conditions in: fever\"}]");
        assertThat(body.get("stream").isBoolean()).isTrue();
        assertThat(body.get("stream").booleanValue()).isFalse();
        assertThat(body.get("think").isBoolean()).isTrue();
        assertThat(body.get("think").booleanValue()).isFalse();
        assertThat(body.get("format").toString()).isEqualTo("{\"type\":\"object\"}");
        assertThat(body.get("keep_alive").asText()).isEqualTo("5m");
        JsonNode options = body.get("options");
        assertThat(options.fieldNames()).toIterable().containsExactly("temperature", "top_p", "top_k", "num_predict",
                "seed", "stop", "frequency_penalty", "presence_penalty", "num_ctx", "repeat_penalty", "use_mmap");
        assertThat(options.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(options.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(options.get("top_k").asInt()).isEqualTo(40);
        assertThat(options.get("num_predict").asInt()).isEqualTo(256);
        assertThat(options.get("seed").asLong()).isEqualTo(7);
        assertThat(options.get("stop").toString()).isEqualTo("[\"END\",\"###\"]");
        assertThat(options.get("frequency_penalty").asDouble()).isEqualTo(0.5);
        assertThat(options.get("presence_penalty").asDouble()).isEqualTo(-0.5);
        assertThat(options.get("num_ctx").asInt()).isEqualTo(8192);
        assertThat(options.get("repeat_penalty").asDouble()).isEqualTo(1.1);
        assertThat(options.get("use_mmap").booleanValue()).isFalse();
    }

    @Test
    void sendsOnlyModelMessagesAndStreamWhenTheConfigSetsNothing() {
        answer("success.json");

        harness.call(llama);

        JsonNode body = json(onlyRequest().getBodyAsString());
        assertThat(body.fieldNames()).toIterable().containsExactly("model", "messages", "stream");
        assertThat(body.get("stream").booleanValue()).isFalse();
    }

    @Test
    void theKeyNamedInApiKeyEnvIsSentAsABearerToken() {
        answer("success.json");
        try (ProviderHarness proxied = new ProviderHarness(new OllamaProviderFactory(), Map.of("OLLAMA_PROXY_KEY", FAKE_KEY))) {
            proxied.call(llama.withApiKeyEnv("OLLAMA_PROXY_KEY"));
        }

        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + FAKE_KEY);
        assertThat(request.getBodyAsString()).doesNotContain(FAKE_KEY);
        assertThat(request.getUrl()).doesNotContain(FAKE_KEY);
    }

    @Test
    void withoutABaseUrlTheRequestGoesToTheLocalServer() {
        ModelConfig local = ModelConfig.of("ollama", "llama3.2");
        ModelRequest request = new ModelRequest(new CellId("p", local.id(), "t1", 0), local, List.of(Message.user("hi")), 1);

        HttpCall call = new OllamaChatApi().request(request, Optional.empty());

        assertThat(call.uri().toString()).isEqualTo("http://localhost:11434/api/chat");
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.keyHeader()).isEmpty();
        assertThat(new OllamaChatApi().listModels(local, Optional.empty()).get().uri().toString())
                .isEqualTo("http://localhost:11434/api/tags");
    }

    @Test
    void thinkingIsNotPartOfTheOutputAndItsTokensCountAsOutput() {
        answer("thinking.json");

        ModelResponse r = harness.call(ModelConfig.of("ollama", "qwen3:8b").withBaseUrl(api.baseUrl()).withParam("think", true));

        assertThat(json(onlyRequest().getBodyAsString()).get("think").booleanValue()).isTrue();
        assertThat(r.text()).isEqualTo("Hypertension");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.usage().inputTokens()).isEqualTo(OptionalLong.of(31));
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(78));
        assertThat(r.usage().totalTokens()).isEqualTo(OptionalLong.of(109));
        assertThat(r.usage().reasoningTokens()).isEmpty();
        assertThat(r.modelVersion()).contains("qwen3:8b");
    }

    @Test
    void truncatedByTheTokenLimitKeepsThePartialTextWithFinishReasonLength() {
        answer("length.json");

        ModelResponse r = harness.call(llama.withMaxOutputTokens(8));

        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.rawFinishReason()).contains("length");
        assertThat(r.text()).isEqualTo("Hypertension is common in older adults because");
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(8));
    }

    @Test
    void aThinkingModelThatSpentItsWholeBudgetThinkingBecomesEmptyOutputWithAHint() {
        answer("length-empty.json");

        Result r = harness.run(ModelConfig.of("ollama", "qwen3:8b").withBaseUrl(api.baseUrl()).withMaxOutputTokens(48)
                .withParam("think", true), RetryPolicy.none()).results().get(0);

        assertThat(r.error()).get().extracting(e -> e.kind()).isEqualTo(ErrorKind.EMPTY_OUTPUT);
        assertThat(r.error().get().message()).contains("(48)", "max_output_tokens");
        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(48));
        assertThat(r.output()).isEmpty();
    }

    @Test
    void otherDoneReasonsAndAMissingOneAreOtherWithTheRawValueKept() {
        String success = fixture("ollama/success.json");
        api.stubFor(post("/api/chat").willReturn(ollamaJson(success.replace("\"done_reason\":\"stop\"", "\"done_reason\":\"load\""))));
        ModelResponse load = harness.call(llama);
        assertThat(load.finishReason()).isEqualTo(FinishReason.OTHER);
        assertThat(load.rawFinishReason()).contains("load");

        api.resetAll();
        api.stubFor(post("/api/chat").willReturn(ollamaJson(success.replace("\"done_reason\":\"stop\",", ""))));
        ModelResponse missing = harness.call(llama);
        assertThat(missing.finishReason()).isEqualTo(FinishReason.OTHER);
        assertThat(missing.rawFinishReason()).isEmpty();
        assertThat(missing.text()).isEqualTo("diabetes, hypertension");
    }

    @Test
    void unicodeEmojiAndGoEscapesSurviveTheRoundTrip() {
        answer("unicode.json");

        ModelResponse r = harness.call(llama);

        assertThat(r.text()).isEqualTo("Café, naïve, Zürich — 糖尿病と高血圧 (とうにょうびょう・こうけつあつ)。"
                + "BP target <130/80 mmHg \uD83D\uDC69\u200D\u2695\uFE0F\uD83E\uDE7A \u2714");
    }

    @Test
    void aOneMegabyteAnswerIsReadWhole() {
        String big = "x".repeat(1024 * 1024);
        api.stubFor(post("/api/chat").willReturn(ollamaJson(fixture("ollama/success.json")
                .replace("\"diabetes, hypertension\"", "\"" + big + "\""))));

        assertThat(harness.call(llama).text()).isEqualTo(big);
    }

    @Test
    void serverBusyAndRunnerCrashesAreRetriedThenSucceed() {
        for (String status : List.of("503", "500")) {
            api.resetAll();
            api.stubFor(post("/api/chat").inScenario("s").whenScenarioStateIs(STARTED)
                    .willReturn(aResponse().withStatus(Integer.parseInt(status))
                            .withHeader("Content-Type", "application/json; charset=utf-8")
                            .withBody(fixture("ollama/error-" + status + ".json")))
                    .willSetStateTo("ok"));
            api.stubFor(post("/api/chat").inScenario("s").whenScenarioStateIs("ok")
                    .willReturn(ollamaJson(fixture("ollama/success.json"))));

            Result r = harness.run(llama, RetryPolicy.defaults()).results().get(0);

            assertThat(r.succeeded()).as("after HTTP " + status).isTrue();
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(r.output()).isEqualTo("diabetes, hypertension");
            assertThat(r.costUsd()).hasValue(0.0);
            assertThat(r.metrics()).containsEntry("eval_duration_ms", 37.915708);
            api.verify(2, postRequestedFor(urlEqualTo("/api/chat")));
        }
    }

    @Test
    void serverBusyIsAServerErrorKeepingOllamasMessage() {
        fail(503, "error-503.json");

        CallException e = harness.failure(llama);

        assertThat(e.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(e.retryable()).isTrue();
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(503));
        assertThat(e.getMessage()).contains("HTTP 503 from ollama", "server busy, please try again");
    }

    @Test
    void aModelThatIsNotInstalledIsNotRetriedAndSaysHowToPullIt() {
        fail(404, "error-404.json");
        ModelConfig missing = ModelConfig.of("ollama", "llama9").withBaseUrl(api.baseUrl());

        Result r = harness.run(missing, RetryPolicy.defaults()).results().get(0);

        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(r.error().get().httpStatus()).isEqualTo(OptionalInt.of(404));
        assertThat(r.error().get().message()).contains("model 'llama9' not found", "run: ollama pull llama9");
        api.verify(1, postRequestedFor(urlEqualTo("/api/chat")));

        api.resetAll();
        fail(404, "error-404-pull.json");
        CallException older = harness.failure(missing);
        assertThat(older.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(older.getMessage()).contains("model \"llama9\" not found, try pulling it first", "run: ollama pull llama9");
    }

    @Test
    void aNotFoundPageIsNotMistakenForAMissingModel() {
        api.stubFor(post("/api/chat").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/plain").withBody("404 page not found")));

        CallException e = harness.failure(llama);

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("404 page not found").doesNotContain("ollama pull");
    }

    @Test
    void badRequestIsNotRetriedAndKeepsOllamasMessage() {
        fail(400, "error-400.json");

        Result r = harness.run(llama.withParam("think", true), RetryPolicy.defaults()).results().get(0);

        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(r.error().get().httpStatus()).isEqualTo(OptionalInt.of(400));
        assertThat(r.error().get().message()).contains("\"llama3.2\" does not support thinking")
                .doesNotContain("ollama pull");
        api.verify(1, postRequestedFor(urlEqualTo("/api/chat")));
    }

    @Test
    void anOptionOfTheWrongTypeIsABadRequestThoughOllamaSends500AndIsNotRetried() {
        fail(500, "error-500-option-type.json");

        Result r = harness.run(llama.withTemperature(0.2), RetryPolicy.defaults()).results().get(0);

        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(r.error().get().httpStatus()).isEqualTo(OptionalInt.of(500));
        assertThat(r.error().get().message()).contains("HTTP 500 from ollama", "option \"temperature\" must be of type float32");
        api.verify(1, postRequestedFor(urlEqualTo("/api/chat")));
    }

    @Test
    void aCloudUsageLimitIsExhaustedQuotaAndNotRetried() {
        fail(429, "error-429.json");

        Result r = harness.run(llama, RetryPolicy.defaults()).results().get(0);

        // an hourly (or session, or weekly) plan limit outlasts any retry budget: see PROVIDERS.md
        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.QUOTA_EXCEEDED);
        assertThat(r.error().get().message()).contains("hourly usage limit");
        assertThat(r.attempts()).isEqualTo(1);
        api.verify(1, postRequestedFor(urlEqualTo("/api/chat")));
    }

    @Test
    void aTruncatedBodyIsAMalformedResponseQuotingItsStart() {
        answer("truncated.json");

        CallException e = harness.failure(llama);

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("ollama", "not valid JSON", "{\"model\":\"llama3.2\"", "diabetes, hyper");
    }

    @Test
    void aBodyWithoutMessageOrNotDoneIsAMalformedResponse() {
        api.stubFor(post("/api/chat").willReturn(ollamaJson("{\"model\":\"llama3.2\",\"done\":true}")));
        CallException noMessage = harness.failure(llama);
        assertThat(noMessage.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(noMessage.getMessage()).contains("missing 'message'", "llama3.2");

        api.resetAll();
        api.stubFor(post("/api/chat").willReturn(ollamaJson(fixture("ollama/success.json")
                .replace("\"done\":true", "\"done\":false"))));
        CallException notDone = harness.failure(llama);
        assertThat(notDone.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(notDone.getMessage()).contains("'done' is not true");
    }

    @Test
    void aConnectionThatCannotBeMadeIsANetworkError() {
        CallException e = harness.failure(ModelConfig.of("ollama", "llama3.2").withBaseUrl("http://127.0.0.1:9"));

        assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK);
        assertThat(e.getMessage()).contains("127.0.0.1:9");
    }

    @Test
    void aStreamedAnswerHasTheSameTextAndUsageMetricsFromTheDoneLineAndATimeToFirstToken() {
        api.stubFor(post("/api/chat").willReturn(ProviderHarness.withHeaders(aResponse().withStatus(200),
                "ollama/stream.headers.txt").withBody(fixture("ollama/stream.ndjson")).withChunkedDribbleDelay(8, 400)));

        ModelResponse streamed = harness.call(llama.withStream(true));
        api.resetAll();
        answer("success.json");
        ModelResponse whole = harness.call(llama);

        List<LoggedRequest> requests = api.findAll(postRequestedFor(urlEqualTo("/api/chat")));
        assertThat(requests).hasSize(1);
        assertThat(streamed.text()).isEqualTo("diabetes, hypertension").isEqualTo(whole.text());
        assertThat(streamed.usage()).isEqualTo(whole.usage()).isEqualTo(Usage.of(52, 5).withTotalTokens(57));
        assertThat(streamed.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(streamed.rawFinishReason()).contains("stop");
        assertThat(streamed.modelVersion()).isEqualTo(whole.modelVersion());
        assertThat(streamed.metrics()).containsExactlyEntriesOf(metricsOf(lastLine("stream.ndjson")));
        assertThat(whole.metrics()).containsExactlyEntriesOf(metricsOf(json(fixture("ollama/success.json"))));
        assertThat(streamed.timeToFirstToken()).isPresent();
        assertThat(streamed.timeToFirstToken().get()).isPositive();
    }

    @Test
    void aStreamedRequestSaysStreamTrueAndAcceptsNdjson() {
        stream("stream.ndjson");

        harness.call(llama.withStream(true).withMaxOutputTokens(64));

        LoggedRequest request = onlyRequest();
        JsonNode body = json(request.getBodyAsString());
        assertThat(body.get("stream").booleanValue()).isTrue();
        assertThat(body.get("options").get("num_predict").asInt()).isEqualTo(64);
        assertThat(request.getHeader("Accept")).isEqualTo("application/x-ndjson");
    }

    @Test
    void aStreamedThinkingAnswerMatchesItsWholeTwinAndThinkingStartsTheClock() {
        stream("stream-thinking.ndjson");
        ModelConfig qwen = ModelConfig.of("ollama", "qwen3:8b").withBaseUrl(api.baseUrl()).withParam("think", true);

        ModelResponse streamed = harness.call(qwen.withStream(true));
        api.resetAll();
        answer("thinking.json");
        ModelResponse whole = harness.call(qwen);

        assertThat(streamed.text()).isEqualTo("Hypertension").isEqualTo(whole.text());
        assertThat(streamed.usage()).isEqualTo(whole.usage());
        assertThat(streamed.finishReason()).isEqualTo(whole.finishReason());
        assertThat(streamed.modelVersion()).contains("qwen3:8b");
        assertThat(streamed.metrics()).containsExactlyEntriesOf(metricsOf(lastLine("stream-thinking.ndjson")));
        assertThat(streamed.timeToFirstToken()).isPresent();
    }

    @Test
    void thinkingDeltasCountAsTheFirstTokenButNotAsOutput() {
        OllamaStream s = new OllamaStream();
        s.onLine("");
        assertThat(s.receivedToken()).isFalse();
        s.onLine("{\"model\":\"qwen3:8b\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":false}");
        assertThat(s.receivedToken()).isFalse();
        s.onLine("{\"model\":\"qwen3:8b\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Okay\"},\"done\":false}");
        assertThat(s.receivedToken()).isTrue();
        s.onLine("   ");
        s.onLine("{\"model\":\"qwen3:8b\",\"message\":{\"role\":\"assistant\",\"content\":\"Hy\"},\"done\":false}");
        s.onLine("{\"model\":\"qwen3:8b\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
                + "\"done_reason\":\"stop\",\"prompt_eval_count\":3,\"eval_count\":2}");

        ModelResponse r = s.complete();

        assertThat(r.text()).isEqualTo("Hy");
        assertThat(r.usage()).isEqualTo(Usage.of(3, 2).withTotalTokens(5));
        assertThat(r.metrics()).isEmpty();
    }

    @Test
    void anErrorLineMidStreamIsARetryableServerErrorWithOllamasMessage() {
        stream("stream-error.ndjson");

        CallException e = harness.failure(llama.withStream(true));

        assertThat(e.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("an error was encountered while running the model: unexpected EOF");
    }

    @Test
    void aStreamedRequestThatFailsMapsItsStatusLikeAWholeOne() {
        fail(404, "error-404.json");

        CallException e = harness.failure(ModelConfig.of("ollama", "llama9").withBaseUrl(api.baseUrl()).withStream(true));

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(404));
        assertThat(e.getMessage()).contains("model 'llama9' not found", "run: ollama pull llama9");

        api.resetAll();
        fail(503, "error-503.json");
        CallException busy = harness.failure(llama.withStream(true));
        assertThat(busy.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(busy.getMessage()).contains("server busy");
    }

    @Test
    void aStreamThatEndsBeforeTheDoneLineIsMalformed() {
        String full = fixture("ollama/stream.ndjson");
        String cut = full.substring(0, full.lastIndexOf("\n", full.indexOf("\"done\":true")) + 1);
        assertThat(cut).contains("hypertension").doesNotContain("\"done\":true");
        api.stubFor(post("/api/chat").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-ndjson").withBody(cut)));

        CallException e = harness.failure(llama.withStream(true));

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("the stream ended before done", "llama3.2");
    }

    @Test
    void listsTheInstalledModelsWithTheirDetails() {
        api.stubFor(get("/api/tags").willReturn(ollamaJson(fixture("ollama/tags.json"))));

        List<ModelInfo> models = harness.listModels(llama);

        assertThat(models).extracting(ModelInfo::id)
                .containsExactly("qwen3:8b", "gpt-oss:20b", "llama3.2:latest", "nomic-embed-text:latest");
        ModelInfo qwen = models.get(0);
        assertThat(qwen.created()).contains(Instant.parse("2025-10-02T14:48:19.531907443Z"));
        assertThat(qwen.details()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "size", "5225388164",
                "digest", "500a1f067a9f782620b40bee6f7b0c89e17ae61f686b92c24933e4ca4b2b8b41",
                "format", "gguf",
                "family", "qwen3",
                "parameter_size", "8.2B",
                "quantization_level", "Q4_K_M"));
        assertThat(models.get(1).details()).containsEntry("quantization_level", "MXFP4");
        assertThat(api.findAll(getRequestedFor(urlEqualTo("/api/tags"))).get(0).containsHeader("Authorization")).isFalse();
    }

    @Test
    void refusesAtBuildExtrasOllamaWouldIgnoreAndParametersItHasNot() {
        OllamaProviderFactory f = new OllamaProviderFactory();
        Path dir = Path.of(".");
        ModelConfig m = ModelConfig.of("ollama", "llama3.2");

        assertThatThrownBy(() -> f.validate(m.withParam("num_ctxx", 8192), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("llama3.2")
                .hasMessageContaining("'num_ctxx' is not an Ollama option")
                .hasMessageContaining("nearest valid names: num_ctx,");
        assertThatThrownBy(() -> f.validate(m.withParam("max_tokens", 64), dir))
                .hasMessageContaining("nearest valid names: max_output_tokens");
        assertThatThrownBy(() -> f.validate(m.withMaxOutputTokens(256).withParam("num_predict", 128), dir))
                .hasMessageContaining("'num_predict' duplicates max_output_tokens");
        assertThatThrownBy(() -> f.validate(m.withParam("num_predict", 128), dir))
                .hasMessageContaining("set max_output_tokens instead");
        assertThatThrownBy(() -> f.validate(m.withTemperature(0.0).withParam("temperature", 0.5), dir))
                .hasMessageContaining("'temperature' duplicates temperature");
        assertThatThrownBy(() -> f.validate(m.withVerbosity("low"), dir))
                .hasMessageContaining("verbosity");
        assertThatThrownBy(() -> f.validate(m.withReasoningEffort("high"), dir))
                .hasMessageContaining("reasoning_effort")
                .hasMessageContaining("think=true")
                .hasMessageContaining("gpt-oss");
        assertThatThrownBy(() -> f.validate(m.withParam("mirostat", 2), dir))
                .hasMessageContaining("'mirostat' was removed from Ollama");
        assertThatThrownBy(() -> f.validate(m.withParam("num_ctx", "8k"), dir))
                .hasMessageContaining("'num_ctx' must be a whole number");
        assertThatThrownBy(() -> f.validate(m.withParam("think", "max"), dir))
                .hasMessageContaining("'think' must be true, false, or \"low\"");
        assertThatThrownBy(() -> f.validate(m.withParam("stream", true), dir))
                .hasMessageContaining("stream setting");
        assertThatThrownBy(() -> f.validate(m.withBaseUrl("ftp://example.com"), dir))
                .hasMessageContaining("base_url");
        assertThatThrownBy(() -> f.validate(m.withBaseUrl("http://localhost:11434/v1"), dir))
                .hasMessageContaining("/v1")
                .hasMessageContaining("openai-compatible");
    }

    @Test
    void acceptsAtBuildEveryCommonParameterOllamaTakesAndItsKnownOptionsAndFields() {
        OllamaProviderFactory f = new OllamaProviderFactory();
        Path dir = Path.of(".");

        f.validate(ModelConfig.of("ollama", "llama3.2").withTemperature(0.0).withTopP(0.9).withTopK(40).withMaxOutputTokens(256).withSeed(42)
                .withStop("\n\n").withFrequencyPenalty(0.1).withPresencePenalty(0.1), dir);
        f.validate(ModelConfig.of("ollama", "gpt-oss:20b").withBaseUrl("https://ollama.example.com/proxy/")
                .withParam("num_ctx", 8192).withParam("num_keep", 4).withParam("repeat_penalty", 1.1).withParam("repeat_last_n", 64)
                .withParam("min_p", 0.05).withParam("typical_p", 1).withParam("num_batch", 512).withParam("num_gpu", 99)
                .withParam("main_gpu", 0).withParam("num_thread", 8).withParam("use_mmap", true).withParam("draft_num_predict", 4)
                .withParam("think", "low").withParam("format", "json").withParam("keep_alive", 300)
                .withParam("tools", List.of(Map.of("type", "function"))), dir);
        f.validate(ModelConfig.of("ollama", "qwen3:8b").withParam("think", false).withParam("keep_alive", "0")
                .withParam("format", Map.of("type", "object")), dir);
    }

    @Test
    void anInvalidExtraThatSkippedValidationFailsTheCallBeforeAnythingIsSent() {
        assertThatThrownBy(() -> harness.failure(llama.withParam("num_ctxx", 8192))).as("a plan refuses it")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("num_ctxx");

        CallException e = harness.failureSkippingValidation(llama.withParam("num_ctxx", 8192));

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("num_ctxx");
        api.verify(0, postRequestedFor(urlEqualTo("/api/chat")));
    }

    @Test
    void localModelsAreFreeAndTheFactoryIsFoundByName() {
        assertThat(new OllamaProviderFactory().price(ModelConfig.of("ollama", "llama3.2"))).contains(Price.FREE);
        assertThat(new OllamaProviderFactory().price(ModelConfig.of("ollama", "llama3.2").withBaseUrl("http://192.168.1.9:11434")))
                .contains(Price.FREE);
        assertThat(new OllamaProviderFactory().price(ModelConfig.of("ollama", "gpt-oss:120b-cloud")
                .withBaseUrl("https://ollama.com"))).as("Ollama's cloud is not free").isEmpty();
        assertThat(ServiceLoader.load(ModelProviderFactory.class).stream()
                .map(p -> p.get().name())).contains("ollama");
    }
}
