package dev.bench4j.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.bench4j.providers.testing.ProviderHarness.FAKE_KEY;
import static dev.bench4j.providers.testing.ProviderHarness.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Trial;
import dev.bench4j.providers.testing.ProviderHarness;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The openai-compatible provider: base URL required, key optional, everything passed through. */
class OpenAiCompatibleProviderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final OpenAiCompatibleProviderFactory factory = new OpenAiCompatibleProviderFactory();

    private LoggedRequest onlyRequest() {
        return api.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).get(0);
    }

    @Test
    void sendsMaxTokensAndTopKAndNoAuthorizationWithoutAKey() {
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("openai/success.json"))));
        try (ProviderHarness h = new ProviderHarness(factory, Map.of("OPENAI_API_KEY", FAKE_KEY))) {
            h.call(ModelConfig.of("openai-compatible", "Qwen/Qwen3-8B").withBaseUrl(api.baseUrl() + "/v1")
                    .withMaxOutputTokens(128).withTopK(20).withParam("min_p", 0.05));
        }

        LoggedRequest r = onlyRequest();
        assertThat(r.containsHeader("Authorization")).as("the OpenAI key is not sent to other servers").isFalse();
        assertThat(r.getBodyAsString()).contains("\"max_tokens\":128", "\"top_k\":20", "\"min_p\":0.05")
                .doesNotContain("max_completion_tokens");
    }

    @Test
    void sendsTheKeyFromTheVariableTheConfigNames() {
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("openai/success.json"))));
        try (ProviderHarness h = new ProviderHarness(factory, Map.of("GROQ_API_KEY", FAKE_KEY))) {
            h.call(ModelConfig.of("openai-compatible", "llama-3.1-8b-instant").withBaseUrl(api.baseUrl() + "/v1")
                    .withApiKeyEnv("GROQ_API_KEY"));
        }

        assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer " + FAKE_KEY);
    }

    @Test
    void aPlanWithoutBaseUrlIsRefusedAtBuild() {
        assertThatThrownBy(() -> BenchmarkPlan.named("x").prompt(Prompt.named("p").user("hi"))
                .model(ModelConfig.of("openai-compatible", "m")).trial(Trial.of("t1", Map.of())).build())
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("needs a base_url for provider 'openai-compatible'");
    }

    @Test
    void aLocalServerIsFreeAndARemoteOneHasNoKnownPrice() {
        assertThat(factory.price(ModelConfig.of("openai-compatible", "m").withBaseUrl("http://localhost:8000/v1")))
                .contains(Price.FREE);
        assertThat(factory.price(ModelConfig.of("openai-compatible", "m").withBaseUrl("http://127.0.0.1:8080/v1")))
                .contains(Price.FREE);
        assertThat(factory.price(ModelConfig.of("openai-compatible", "m").withBaseUrl("http://192.168.1.20:8000/v1")))
                .contains(Price.FREE);
        assertThat(factory.price(ModelConfig.of("openai-compatible", "m").withBaseUrl("https://openrouter.ai/api/v1")))
                .isEqualTo(Optional.empty());
    }

    @Test
    void listsTheModelsAServerServes() {
        api.stubFor(get("/v1/models").willReturn(okJson(
                "{\"object\":\"list\",\"data\":[{\"id\":\"Qwen/Qwen3-8B\",\"object\":\"model\",\"created\":1755600000,"
                        + "\"owned_by\":\"vllm\",\"root\":\"Qwen/Qwen3-8B\",\"parent\":null,\"max_model_len\":32768}]}")));
        try (ProviderHarness h = new ProviderHarness(factory, Map.of())) {
            assertThat(h.listModels(ModelConfig.of("openai-compatible", "any").withBaseUrl(api.baseUrl() + "/v1")))
                    .singleElement().satisfies(m -> {
                        assertThat(m.id()).isEqualTo("Qwen/Qwen3-8B");
                        assertThat(m.details()).containsEntry("owned_by", "vllm");
                    });
        }
    }

    @Test
    void passesEveryParameterThrough() {
        factory.validate(ModelConfig.of("openai-compatible", "m").withBaseUrl("http://localhost:8000/v1").withTopK(5)
                .withTemperature(1.5).withReasoningEffort("high").withVerbosity("low"), Path.of("."));
    }
}
