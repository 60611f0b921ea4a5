package dev.bench4j.springai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.PriceTable;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Run;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ProviderContext;
import dev.bench4j.core.testing.VirtualScheduler;
import dev.bench4j.providers.openai.OpenAiProviderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.retry.RetryUtils;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.ResponseErrorHandler;
import org.springframework.web.client.RestClient;

/**
 * A real Spring AI {@code OpenAiChatModel} (its RetryTemplate set to one attempt) pointed at
 * WireMock answering with bodies as OpenAI sends them (copied from bench-providers' fixtures/openai),
 * wrapped by {@link SpringAiModels#provider}.
 */
class SpringAiModelsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String KEY = "sk-test-spring-ai";
    private static final ModelConfig SAI = ModelConfig.of("sai-openai", "gpt-4o-mini");

    private final VirtualScheduler scheduler = new VirtualScheduler(Duration.ofMinutes(2));
    private ModelProvider provider;

    @AfterEach
    void tearDown() {
        if (provider != null) {
            provider.close();
        }
        scheduler.shutdownNow();
    }

    /** Spring AI's OpenAI model as an application builds it, with Spring AI's default error handler. */
    private OpenAiChatModel chatModel() {
        return chatModel(RetryUtils.DEFAULT_RESPONSE_ERROR_HANDLER, Duration.ofSeconds(20));
    }

    private OpenAiChatModel chatModel(ResponseErrorHandler errorHandler, Duration readTimeout) {
        // HTTP/1.1: the JDK client's h2c upgrade and WireMock's Jetty do not get along
        JdkClientHttpRequestFactory http = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        http.setReadTimeout(readTimeout);
        OpenAiApi openAiApi = OpenAiApi.builder().baseUrl(api.baseUrl()).apiKey(KEY)
                .restClientBuilder(RestClient.builder().requestFactory(http))
                .responseErrorHandler(errorHandler).build();
        return OpenAiChatModel.builder().openAiApi(openAiApi)
                .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o-mini").build())
                .retryTemplate(RetryTemplate.builder().maxAttempts(1).build())
                .build();
    }

    private ModelProviderFactory factory() {
        return SpringAiModels.provider("sai-openai", chatModel());
    }

    static String fixture(String name) {
        try (InputStream in = SpringAiModelsTest.class.getResourceAsStream("/fixtures/openai/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(String fixture) {
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture(fixture))));
    }

    private static ResponseDefinitionBuilder error(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(fixture(fixture));
    }

    private ModelResponse call(ModelProviderFactory f, ModelConfig config, Message... messages) {
        f.validate(config, Path.of("."));
        provider = f.create(new ProviderContext(n -> Optional.empty(), scheduler, Path.of("."), 2));
        List<Message> list = messages.length == 0 ? List.of(Message.user("Which conditions?")) : List.of(messages);
        CompletableFuture<ModelResponse> f2 = provider.call(new ModelRequest(new CellId("p", config.id(), "t1", 0),
                config, list, 1)).toCompletableFuture();
        try {
            return f2.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private CallException failure(ModelProviderFactory f) {
        try {
            ModelResponse r = call(f, SAI);
            throw new AssertionError("expected a failure but got " + r);
        } catch (CallException e) {
            return e;
        }
    }

    private Run run(RetryPolicy retry, ModelProviderFactory... factories) {
        BenchmarkPlan.Builder b = BenchmarkPlan.named("spring-ai-test")
                .prompt(Prompt.named("p").user("Which conditions?"))
                .trial(Trial.of("t1", Map.of()))
                .scheduler(scheduler).retry(retry).noCache();
        for (ModelProviderFactory f : factories) {
            b.provider(f);
        }
        return b.model(SAI).build().run();
    }

    @Test
    void mapsASuccessfulAnswerWithTextUsageFinishReasonAndModelVersion() {
        answer("success.json");

        ModelResponse r = call(factory(), SAI);

        assertThat(r.text()).isEqualTo("diabetes, hypertension");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.rawFinishReason()).contains("STOP");
        assertThat(r.usage()).isEqualTo(Usage.of(54, 3));
        assertThat(r.modelVersion()).contains("gpt-4o-mini-2024-07-18");
    }

    @Test
    void sendsTheMessagesInOrderAndEveryParameterItCanCarry() throws IOException {
        answer("success.json");

        call(factory(), SAI.withTemperature(0.25).withTopP(0.5).withMaxOutputTokens(64).withStop("###", "END")
                .withFrequencyPenalty(0.5).withPresencePenalty(-0.5),
                Message.system("Be brief."), Message.user("Hi"), Message.assistant("Hello"), Message.user("List them"));

        JsonNode body = new ObjectMapper().readTree(
                api.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).get(0).getBodyAsString());
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.get("messages").toString()).isEqualTo("[{\"content\":\"Be brief.\",\"role\":\"system\"},"
                + "{\"content\":\"Hi\",\"role\":\"user\"},{\"content\":\"Hello\",\"role\":\"assistant\"},"
                + "{\"content\":\"List them\",\"role\":\"user\"}]");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.25);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.5);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.get("stop").toString()).isEqualTo("[\"###\",\"END\"]");
        assertThat(body.get("frequency_penalty").asDouble()).isEqualTo(0.5);
        assertThat(body.get("presence_penalty").asDouble()).isEqualTo(-0.5);
        assertThat(body.get("stream").asBoolean()).isFalse();
    }

    @Test
    void aLengthFinishIsLengthWithItsUsage() {
        answer("length.json");

        ModelResponse r = call(factory(), SAI.withMaxOutputTokens(16));

        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.rawFinishReason()).contains("LENGTH");
        assertThat(r.usage()).isEqualTo(Usage.of(54, 16));
    }

    @Test
    void a429ThroughSpringAisDefaultHandlerIsRateLimitedWithItsStatusButNoRetryAfter() {
        api.stubFor(post("/v1/chat/completions").willReturn(error(429, "error-429.json").withHeader("retry-after", "7")));

        CallException e = failure(factory());

        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(429));
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.getMessage()).startsWith("Spring AI NonTransientAiException: 429 - ")
                .contains("Rate limit reached for gpt-4o-mini");
    }

    @Test
    void a429WithoutSpringAisHandlerKeepsItsRetryAfterAndTheRunWaitsThatLong() {
        api.stubFor(post("/v1/chat/completions").inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(error(429, "error-429.json").withHeader("retry-after", "7"))
                .willSetStateTo("open"));
        api.stubFor(post("/v1/chat/completions").inScenario("limit").whenScenarioStateIs("open")
                .willReturn(okJson(fixture("success.json"))));
        ModelProviderFactory plainSpring = SpringAiModels.provider("sai-openai",
                chatModel(new DefaultResponseErrorHandler(), Duration.ofSeconds(20)));

        Result r = run(RetryPolicy.defaults(), plainSpring).results().get(0);

        assertThat(r.succeeded()).isTrue();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(scheduler.delays()).contains(Duration.ofSeconds(7));
        api.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void a429IsRetriedByTheRunAndTheSecondAttemptSucceeds() {
        api.stubFor(post("/v1/chat/completions").inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(error(429, "error-429.json").withHeader("retry-after", "1"))
                .willSetStateTo("open"));
        api.stubFor(post("/v1/chat/completions").inScenario("limit").whenScenarioStateIs("open")
                .willReturn(okJson(fixture("success.json"))));

        Result r = run(RetryPolicy.defaults(), factory()).results().get(0);

        assertThat(r.succeeded()).isTrue();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.output()).isEqualTo("diabetes, hypertension");
        api.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void a429ForAUsedUpQuotaIsQuotaExceededAndIsNotRetried() {
        api.stubFor(post("/v1/chat/completions").willReturn(error(429, "error-429-quota.json")));

        Result r = run(RetryPolicy.defaults(), factory()).results().get(0);

        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.QUOTA_EXCEEDED);
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void a500IsAServerErrorThatIsRetried() {
        api.stubFor(post("/v1/chat/completions").willReturn(error(500, "error-500.json")));

        CallException e = failure(factory());
        assertThat(e.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(500));

        Result r = run(RetryPolicy.defaults().withMaxAttempts(3), factory()).results().get(0);
        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(r.attempts()).isEqualTo(3);
        api.verify(4, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void a401IsAuthAndIsNotRetried() {
        api.stubFor(post("/v1/chat/completions").willReturn(error(401, "error-401.json")));

        Result r = run(RetryPolicy.defaults(), factory()).results().get(0);

        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(r.error().get().httpStatus()).isEqualTo(OptionalInt.of(401));
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNotJsonOrIsCutOffIsAMalformedResponse() {
        for (String body : List.of("{\"id\": \"chatcmpl-1\", \"choices\": [", fixture("truncated.json"))) {
            api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(body)));

            CallException e = failure(factory());

            assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
            assertThat(e.retryable()).isFalse();
            provider.close();
        }
    }

    @Test
    void aReadTimeoutOfTheChatModelsOwnHttpClientIsATimeoutThatIsRetried() {
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("success.json")).withFixedDelay(3_000)));
        ModelProviderFactory impatient = SpringAiModels.provider("sai-openai",
                chatModel(RetryUtils.DEFAULT_RESPONSE_ERROR_HANDLER, Duration.ofMillis(200)));

        CallException e = failure(impatient);

        assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void runsInAPlanBesideTheNativeOpenAiProviderWithTheSameSummaryFields() {
        answer("success.json");
        Price mini = PriceTable.bundled().lookup("openai", "gpt-4o-mini").orElseThrow();
        BenchmarkPlan plan = BenchmarkPlan.named("side-by-side")
                .provider(new OpenAiProviderFactory()).provider(factory())
                .prompt(Prompt.named("p").user("Which conditions?"))
                .trial(Trial.of("t1", Map.of())).trial(Trial.of("t2", Map.of()))
                .model(ModelConfig.of("openai", "gpt-4o-mini").withBaseUrl(api.baseUrl() + "/v1"))
                .model(SAI.withPrice(mini))
                .environment(n -> n.equals("OPENAI_API_KEY") ? Optional.of(KEY) : Optional.empty())
                .scheduler(scheduler).noCache().build();

        Summary summary = plan.run().summary();

        Summary.Group nativeOne = summary.byModel().get("openai:gpt-4o-mini");
        Summary.Group wrapped = summary.byModel().get("sai-openai:gpt-4o-mini");
        for (Summary.Group g : List.of(nativeOne, wrapped)) {
            assertThat(g.succeeded()).isEqualTo(2);
            assertThat(g.tokens().input()).isEqualTo(OptionalLong.of(108));
            assertThat(g.tokens().output()).isEqualTo(OptionalLong.of(6));
            assertThat(g.tokens().total()).isEqualTo(OptionalLong.of(114));
            assertThat(g.cost().totalUsd()).isPresent();
            assertThat(g.latency()).isPresent();
            assertThat(g.latency().get().n()).isEqualTo(2);
        }
        assertThat(wrapped.cost().totalUsd().getAsDouble()).isEqualTo(nativeOne.cost().totalUsd().getAsDouble());
        api.verify(4, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void buildRefusesEveryParameterTheChatOptionsCannotCarryNamingThem() {
        ModelConfig config = SAI.withSeed(7).withReasoningEffort("low").withParam("logprobs", true).withStream(true)
                .withBaseUrl("http://localhost:1");

        assertThatThrownBy(() -> factory().validate(config, Path.of(".")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model 'sai-openai:gpt-4o-mini' (Spring AI provider 'sai-openai'): Spring AI's ChatOptions"
                        + " cannot carry seed, reasoning_effort, params.logprobs, stream, base_url; set them on the"
                        + " ChatModel's own options when you build it, or leave them out (the ChatModel's endpoint,"
                        + " key and streaming are its own)");
        assertThatThrownBy(() -> BenchmarkPlan.named("x").provider(factory())
                .prompt(Prompt.named("p").user("hi")).model(SAI.withSeed(7)).build())
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("cannot carry seed;");
    }

    @Test
    void buildRefusesAModelNameOtherThanTheChatModelsOwn() {
        assertThatThrownBy(() -> factory().validate(ModelConfig.of("sai-openai", "gpt-4o"), Path.of(".")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model 'sai-openai:gpt-4o' (Spring AI provider 'sai-openai'): model must be the"
                        + " ChatModel's own 'gpt-4o-mini' but was 'gpt-4o'; use ModelConfig.of(\"sai-openai\","
                        + " \"gpt-4o-mini\") or wrap another ChatModel");
    }

    @Test
    void refusesANullOrUnusableName() {
        OpenAiChatModel m = chatModel();
        assertThatThrownBy(() -> SpringAiModels.provider(null, m)).isInstanceOf(NullPointerException.class)
                .hasMessage("name");
        assertThatThrownBy(() -> SpringAiModels.provider("sai", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("model");
        assertThatThrownBy(() -> SpringAiModels.provider("sai azure", m))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must be non-blank without whitespace or ':' but was 'sai azure'");
        assertThat(SpringAiModels.provider("sai", m).name()).isEqualTo("sai");
    }

    @Test
    void anAttemptThatOutlastsItsTimeoutEndsAsATimeout() {
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("success.json")).withFixedDelay(5_000)));
        ScheduledExecutorService real = Executors.newSingleThreadScheduledExecutor();
        try {
            Run run = BenchmarkPlan.named("timeout").provider(factory())
                    .prompt(Prompt.named("p").user("Which conditions?"))
                    .trial(Trial.of("t1", Map.of()))
                    .model(SAI.withTimeout(Duration.ofMillis(300)))
                    .scheduler(real).retry(RetryPolicy.none()).noCache().build().run();

            Result r = run.results().get(0);
            assertThat(r.error().get().kind()).isEqualTo(ErrorKind.TIMEOUT);
        } finally {
            real.shutdownNow();
        }
    }
}
