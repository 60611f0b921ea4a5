package dev.bench4j.langchain4j;

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
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bench4j.core.BenchmarkPlan;
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
import dev.bench4j.core.CellId;
import dev.bench4j.core.testing.VirtualScheduler;
import dev.bench4j.providers.openai.OpenAiProviderFactory;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

/**
 * A real LangChain4j {@code OpenAiChatModel} (its own retries off) pointed at WireMock answering with
 * bodies as OpenAI sends them (copied from bench-providers' fixtures/openai), wrapped by
 * {@link LangChain4jModels#provider}.
 */
class LangChain4jModelsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String KEY = "sk-test-lc4j";
    private final VirtualScheduler scheduler = new VirtualScheduler(Duration.ofMinutes(2));
    private ModelProvider provider;

    @AfterEach
    void tearDown() {
        if (provider != null) {
            provider.close();
        }
        scheduler.shutdownNow();
    }

    private OpenAiChatModel chatModel() {
        return OpenAiChatModel.builder().baseUrl(api.baseUrl() + "/v1").apiKey(KEY).modelName("gpt-4o-mini")
                .maxRetries(0).timeout(Duration.ofSeconds(20)).build();
    }

    private ModelProviderFactory factory() {
        return LangChain4jModels.provider("lc4j-openai", chatModel());
    }

    private static final ModelConfig LC4J = ModelConfig.of("lc4j-openai", "gpt-4o-mini");

    static String fixture(String name) {
        try (InputStream in = LangChain4jModelsTest.class.getResourceAsStream("/fixtures/openai/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(String fixture) {
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture(fixture))));
    }

    private ModelResponse call(ModelConfig config, Message... messages) {
        ModelProviderFactory f = factory();
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

    private CallException failure(ModelConfig config) {
        try {
            ModelResponse r = call(config);
            throw new AssertionError("expected a failure but got " + r);
        } catch (CallException e) {
            return e;
        }
    }

    private Run run(RetryPolicy retry, ModelProviderFactory... factories) {
        BenchmarkPlan.Builder b = BenchmarkPlan.named("lc4j-test")
                .prompt(Prompt.named("p").user("Which conditions?"))
                .trial(Trial.of("t1", Map.of()))
                .environment(n -> n.equals("OPENAI_API_KEY") ? Optional.of(KEY) : Optional.empty())
                .scheduler(scheduler).retry(retry).noCache();
        for (ModelProviderFactory f : factories) {
            b.provider(f);
        }
        return b.model(LC4J).build().run();
    }

    @Test
    void mapsASuccessfulAnswerWithTextUsageFinishReasonAndModelVersion() {
        answer("success.json");

        ModelResponse r = call(LC4J);

        assertThat(r.text()).isEqualTo("diabetes, hypertension");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.rawFinishReason()).contains("STOP");
        assertThat(r.usage()).isEqualTo(Usage.of(54, 3));
        assertThat(r.modelVersion()).contains("gpt-4o-mini-2024-07-18");
    }

    @Test
    void sendsTheMessagesInOrderAndEveryParameterItCanCarry() throws IOException {
        answer("success.json");

        call(LC4J.withTemperature(0.25).withTopP(0.5).withMaxOutputTokens(64).withStop("###", "END")
                .withFrequencyPenalty(0.5).withPresencePenalty(-0.5),
                Message.system("Be brief."), Message.user("Hi"), Message.assistant("Hello"), Message.user("List them"));

        JsonNode body = new ObjectMapper().readTree(
                api.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).get(0).getBodyAsString());
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.get("messages").toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello\"},"
                + "{\"role\":\"user\",\"content\":\"List them\"}]");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.25);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.5);
        assertThat(body.has("max_tokens") ? body.get("max_tokens").asInt() : body.get("max_completion_tokens").asInt())
                .isEqualTo(64);
        assertThat(body.get("stop").toString()).isEqualTo("[\"###\",\"END\"]");
        assertThat(body.get("frequency_penalty").asDouble()).isEqualTo(0.5);
        assertThat(body.get("presence_penalty").asDouble()).isEqualTo(-0.5);
    }

    @Test
    void aLengthFinishIsLengthWithItsUsage() {
        answer("length.json");

        ModelResponse r = call(LC4J.withMaxOutputTokens(16));

        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.rawFinishReason()).contains("LENGTH");
        assertThat(r.usage()).isEqualTo(Usage.of(54, 16));
    }

    @Test
    void a429IsRateLimitedWithItsStatusButNoRetryAfterBecauseLangChain4jDropsTheHeaders() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("retry-after", "1")
                .withBody(fixture("error-429.json"))));

        CallException e = failure(LC4J);

        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(429));
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.getMessage()).contains("Rate limit reached for gpt-4o-mini");
    }

    @Test
    void a429IsRetriedByTheRunAndTheSecondAttemptSucceeds() {
        api.stubFor(post("/v1/chat/completions").inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("retry-after", "1").withBody(fixture("error-429.json")))
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
    void a500IsAServerErrorThatIsRetried() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody(fixture("error-500.json"))));

        CallException e = failure(LC4J);
        assertThat(e.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(500));

        Result r = run(RetryPolicy.defaults().withMaxAttempts(3), factory()).results().get(0);
        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(r.attempts()).isEqualTo(3);
    }

    @Test
    void a401IsAuthAndIsNotRetried() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(fixture("error-401.json"))));

        Result r = run(RetryPolicy.defaults(), factory()).results().get(0);

        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNotJsonIsAMalformedResponse() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"chatcmpl-1\", \"choices\": [")));

        CallException e = failure(LC4J);

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.retryable()).isFalse();
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
                .model(LC4J.withPrice(mini))
                .environment(n -> n.equals("OPENAI_API_KEY") ? Optional.of(KEY) : Optional.empty())
                .scheduler(scheduler).noCache().build();

        Summary summary = plan.run().summary();

        Summary.Group nativeOne = summary.byModel().get("openai:gpt-4o-mini");
        Summary.Group wrapped = summary.byModel().get("lc4j-openai:gpt-4o-mini");
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
    void buildRefusesEveryParameterTheChatRequestCannotCarryNamingThem() {
        ModelConfig config = LC4J.withSeed(7).withReasoningEffort("low").withParam("logprobs", true).withStream(true)
                .withBaseUrl("http://localhost:1");

        assertThatThrownBy(() -> factory().validate(config, Path.of(".")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model 'lc4j-openai:gpt-4o-mini' (LangChain4j provider 'lc4j-openai'): LangChain4j's "
                        + "ChatRequestParameters cannot carry seed, reasoning_effort, params.logprobs, stream, base_url;"
                        + " set them on the ChatModel when you build it, or leave them out (the ChatModel's endpoint,"
                        + " key and streaming are its own)");
        assertThatThrownBy(() -> BenchmarkPlan.named("x").provider(factory())
                .prompt(Prompt.named("p").user("hi")).model(LC4J.withSeed(7)).build())
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("cannot carry seed;");
    }

    @Test
    void buildRefusesAModelNameOtherThanTheChatModelsOwn() {
        assertThatThrownBy(() -> factory().validate(ModelConfig.of("lc4j-openai", "gpt-4o"), Path.of(".")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model 'lc4j-openai:gpt-4o' (LangChain4j provider 'lc4j-openai'): model must be the"
                        + " ChatModel's own 'gpt-4o-mini' but was 'gpt-4o'; use ModelConfig.of(\"lc4j-openai\","
                        + " \"gpt-4o-mini\") or wrap another ChatModel");
    }

    @Test
    void refusesANullOrUnusableName() {
        OpenAiChatModel m = chatModel();
        assertThatThrownBy(() -> LangChain4jModels.provider(null, m)).isInstanceOf(NullPointerException.class)
                .hasMessage("name");
        assertThatThrownBy(() -> LangChain4jModels.provider("lc4j", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("model");
        assertThatThrownBy(() -> LangChain4jModels.provider("lc4j azure", m))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must be non-blank without whitespace or ':' but was 'lc4j azure'");
        assertThat(LangChain4jModels.provider("lc4j", m).name()).isEqualTo("lc4j");
    }

    @Test
    void anAttemptThatOutlastsItsTimeoutEndsAsATimeout() {
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("success.json")).withFixedDelay(5_000)));
        ScheduledExecutorService real = Executors.newSingleThreadScheduledExecutor();
        try {
            Run run = BenchmarkPlan.named("timeout").provider(factory())
                    .prompt(Prompt.named("p").user("Which conditions?"))
                    .trial(Trial.of("t1", Map.of()))
                    .model(LC4J.withTimeout(Duration.ofMillis(300)))
                    .scheduler(real).retry(RetryPolicy.none()).noCache().build().run();

            Result r = run.results().get(0);
            assertThat(r.error().get().kind()).isEqualTo(ErrorKind.TIMEOUT);
        } finally {
            real.shutdownNow();
        }
    }
}
