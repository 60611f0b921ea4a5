package dev.bench4j.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.ModelInfo;
import dev.bench4j.core.Result;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.testing.ProviderHarness;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The xai provider: OpenAI's format with xAI's token accounting, error bodies and parameter rules. */
class XaiProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private ProviderHarness harness;
    private ModelConfig grok;

    @BeforeEach
    void setUp() {
        harness = new ProviderHarness(new XaiProviderFactory(), Map.of("XAI_API_KEY", FAKE_KEY));
        grok = ModelConfig.of("xai", "grok-4").withBaseUrl(api.baseUrl() + "/v1");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void reasoningTokensThatXaiCountsOutsideCompletionTokensAreAddedToOutput() {
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("xai/success.json"))));

        ModelResponse r = harness.call(grok);

        assertThat(r.text()).isEqualTo("diabetes, hypertension");
        assertThat(r.modelVersion()).contains("grok-4-0709");
        assertThat(r.usage().inputTokens()).isEqualTo(OptionalLong.of(716));
        assertThat(r.usage().cachedInputTokens()).isEqualTo(OptionalLong.of(688));
        assertThat(r.usage().reasoningTokens()).isEqualTo(OptionalLong.of(198));
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(5 + 198));
        assertThat(r.usage().totalTokens()).isEqualTo(OptionalLong.of(919));
    }

    @Test
    void grok3MiniTakesReasoningEffortAndItsThinkingIsNotOutput() {
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("xai/reasoning.json"))));

        ModelResponse r = harness.call(ModelConfig.of("xai", "grok-3-mini").withBaseUrl(api.baseUrl() + "/v1")
                .withReasoningEffort("high").withMaxOutputTokens(1000));

        assertThat(r.text()).isEqualTo("diabetes, hypertension");
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(5 + 212));
        String body = api.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).get(0).getBodyAsString();
        assertThat(body).contains("\"reasoning_effort\":\"high\"", "\"max_completion_tokens\":1000");
    }

    @Test
    void theStreamedAnswerEqualsTheWholeOne() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(fixture("xai/stream.sse"))));
        ModelResponse streamed = harness.call(grok.withStream(true));
        api.resetAll();
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("xai/success.json"))));
        ModelResponse whole = harness.call(grok);

        assertThat(streamed.text()).isEqualTo(whole.text());
        assertThat(streamed.usage()).isEqualTo(whole.usage());
        assertThat(streamed.timeToFirstToken()).isPresent();
    }

    @Test
    void aWrongKeyAnsweredWith400IsAnAuthErrorNamingTheVariables() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(fixture("xai/error-400-invalid-key.json"))));

        Result r = harness.run(grok, RetryPolicy.defaults()).results().get(0);

        assertThat(r.error().get().kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(r.error().get().message()).contains("Incorrect API key provided", "XAI_API_KEY or GROK_API_KEY");
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void aTokenRateLimitIsRateLimitedAndExhaustedCreditsAreQuotaExceeded() {
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(fixture("xai/error-429.json"))));
        CallException limited = harness.failure(grok);
        assertThat(limited.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.getMessage()).contains("Too many tokens");

        api.resetAll();
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(fixture("xai/error-429-credits.json"))));
        CallException broke = harness.failure(grok);
        assertThat(broke.kind()).isEqualTo(ErrorKind.QUOTA_EXCEEDED);
        assertThat(broke.retryable()).isFalse();
    }

    @Test
    void aRateLimitIsRetriedThenSucceedsButExhaustedCreditsAreNotRetried() {
        api.stubFor(post("/v1/chat/completions").inScenario("rl").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody(fixture("xai/error-429.json")))
                .willSetStateTo("ok"));
        api.stubFor(post("/v1/chat/completions").inScenario("rl").whenScenarioStateIs("ok")
                .willReturn(okJson(fixture("xai/success.json"))));

        Result retried = harness.run(grok, RetryPolicy.defaults()).results().get(0);

        assertThat(retried.succeeded()).isTrue();
        assertThat(retried.attempts()).isEqualTo(2);
        assertThat(retried.output()).isEqualTo("diabetes, hypertension");
        assertThat(harness.delays()).as("one backoff: xAI sends no Retry-After").hasSize(1);
        api.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));

        api.resetAll();
        api.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(fixture("xai/error-429-credits.json"))));

        Result broke = harness.run(grok, RetryPolicy.defaults()).results().get(0);

        assertThat(broke.error().get().kind()).isEqualTo(ErrorKind.QUOTA_EXCEEDED);
        assertThat(broke.error().get().message()).contains("used all available credits");
        assertThat(broke.attempts()).isEqualTo(1);
        api.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void theGrokAliasAndGrokApiKeyWork() {
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("xai/success.json"))));
        XaiProviderFactory f = new XaiProviderFactory();
        assertThat(f.aliases()).containsExactly("grok");

        try (ProviderHarness h = new ProviderHarness(f, Map.of("GROK_API_KEY", FAKE_KEY))) {
            h.call(grok);
        }
        assertThat(api.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer " + FAKE_KEY);
    }

    @Test
    void aConfigNamingTheGrokAliasIsPricedFromXaisTable() {
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("xai/success.json"))));

        Result r = harness.run(ModelConfig.of("grok", "grok-4").withBaseUrl(api.baseUrl() + "/v1"), RetryPolicy.none())
                .results().get(0);

        assertThat(r.succeeded()).isTrue();
        assertThat(r.costUsd()).isPresent();
    }

    @Test
    void listsModels() {
        api.stubFor(get("/v1/models").willReturn(okJson(fixture("xai/models.json"))));

        assertThat(harness.listModels(grok)).extracting(ModelInfo::id).isNotEmpty().allMatch(id -> id.startsWith("grok"));
    }

    @Test
    void refusesWhatReasoningGrokModelsReject() {
        XaiProviderFactory f = new XaiProviderFactory();
        Path dir = Path.of(".");

        assertThatThrownBy(() -> f.validate(ModelConfig.of("xai", "grok-4").withPresencePenalty(0.5), dir))
                .hasMessageContaining("presence_penalty");
        assertThatThrownBy(() -> f.validate(ModelConfig.of("xai", "grok-4").withStop("END"), dir))
                .hasMessageContaining("stop");
        assertThatThrownBy(() -> f.validate(ModelConfig.of("xai", "grok-4").withReasoningEffort("high"), dir))
                .hasMessageContaining("only grok-3-mini");
        assertThatThrownBy(() -> f.validate(ModelConfig.of("xai", "grok-3").withTopK(5), dir))
                .hasMessageContaining("top_k");
        f.validate(ModelConfig.of("xai", "grok-3").withPresencePenalty(0.5).withStop("END").withTemperature(0.3), dir);
        f.validate(ModelConfig.of("xai", "grok-3-mini").withReasoningEffort("low"), dir);
        assertThatThrownBy(() -> f.validate(ModelConfig.of("xai", "grok-3-mini").withReasoningEffort("medium"), dir))
                .hasMessageContaining("reasoning_effort must be low or high but was 'medium'");
    }
}
