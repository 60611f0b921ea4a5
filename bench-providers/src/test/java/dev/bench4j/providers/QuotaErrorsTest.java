package dev.bench4j.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.bench4j.providers.testing.ProviderHarness.FAKE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Result;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.providers.anthropic.AnthropicProviderFactory;
import dev.bench4j.providers.gemini.GeminiProviderFactory;
import dev.bench4j.providers.ollama.OllamaProviderFactory;
import dev.bench4j.providers.openai.OpenAiCompatibleProviderFactory;
import dev.bench4j.providers.openai.OpenAiProviderFactory;
import dev.bench4j.providers.openai.XaiProviderFactory;
import dev.bench4j.providers.testing.ProviderHarness;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every provider's documented spending-limit, quota, billing and credit errors fail the cell at once
 * as {@code quota_exceeded}: one request reaches the server although the retry policy would allow
 * several, and look-alike rate limits (a per-minute quota) are still retried. Bodies follow each
 * provider's documentation (cited per case) and recorded answers.
 */
class QuotaErrorsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** A Gemini 429 RESOURCE_EXHAUSTED whose QuotaFailure names {@code quotaId} with {@code quotaValue}. */
    private static String gemini(String quotaId, String quotaValue) {
        return "{\n  \"error\": {\n    \"code\": 429,\n    \"message\": \"You exceeded your current quota, please check your plan "
                + "and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/"
                + "rate-limits. \\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier"
                + "_requests, limit: " + quotaValue + ", model: gemini-2.5-flash\\nPlease retry in 37.286935313s.\",\n"
                + "    \"status\": \"RESOURCE_EXHAUSTED\",\n    \"details\": [\n"
                + "      {\"@type\": \"type.googleapis.com/google.rpc.Help\", \"links\": [{\"description\": \"Learn more about "
                + "Gemini API quotas\", \"url\": \"https://ai.google.dev/gemini-api/docs/rate-limits\"}]},\n"
                + "      {\"@type\": \"type.googleapis.com/google.rpc.QuotaFailure\", \"violations\": [{\"quotaMetric\": "
                + "\"generativelanguage.googleapis.com/generate_content_free_tier_requests\", \"quotaId\": \"" + quotaId
                + "\", \"quotaDimensions\": {\"location\": \"global\", \"model\": \"gemini-2.5-flash\"}, \"quotaValue\": \""
                + quotaValue + "\"}]},\n"
                + "      {\"@type\": \"type.googleapis.com/google.rpc.RetryInfo\", \"retryDelay\": \"37s\"}\n    ]\n  }\n}\n";
    }

    private static String openAi(String code) {
        return "{\n    \"error\": {\n        \"message\": \"You exceeded your current quota, please check your plan and billing "
                + "details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/"
                + "error-codes/api-errors.\",\n        \"type\": \"insufficient_quota\",\n        \"param\": null,\n"
                + "        \"code\": \"" + code + "\"\n    }\n}\n";
    }

    static Stream<Arguments> quotaErrors() {
        return Stream.of(
                // https://platform.openai.com/docs/guides/error-codes: 429 "You exceeded your current quota", type insufficient_quota; error.code names the cause
                Arguments.of("openai insufficient_quota", "openai", 429, openAi("insufficient_quota")),
                Arguments.of("openai credit_balance_exhausted", "openai", 429, openAi("credit_balance_exhausted")),
                Arguments.of("openai organization_spend_limit_exceeded", "openai", 429, openAi("organization_spend_limit_exceeded")),
                Arguments.of("openai project_spend_limit_exceeded", "openai", 429, openAi("project_spend_limit_exceeded")),
                // https://platform.openai.com/docs/guides/error-codes (older accounts): a hard billing limit and an inactive billing account
                Arguments.of("openai billing_hard_limit_reached", "openai", 429, "{\"error\":{\"message\":\"You exceeded "
                        + "your current quota, please check your plan and billing details.\",\"type\":\"insufficient_quota\","
                        + "\"param\":null,\"code\":\"billing_hard_limit_reached\"}}"),
                Arguments.of("openai billing_not_active", "openai", 429, "{\"error\":{\"message\":\"Your account is not "
                        + "active, please check your billing details on our website.\",\"type\":\"billing_not_active\","
                        + "\"param\":null,\"code\":\"billing_not_active\"}}"),
                // an OpenAI-compatible gateway (OpenRouter, Together) answers used-up credits with 402 Payment Required
                Arguments.of("openai-compatible 402", "openai-compatible", 402, "{\"error\":{\"message\":\"Insufficient "
                        + "credits. Add more using https://openrouter.ai/settings/credits\",\"code\":402}}"),
                // https://docs.x.ai/docs/key-information/debugging with the recorded body of fixtures/xai/error-429-credits.json
                Arguments.of("xai credits or spending limit", "xai", 429, ProviderHarness.fixture("xai/error-429-credits.json")),
                // https://docs.claude.com/en/api/errors: 402 billing_error
                Arguments.of("anthropic 402 billing_error", "anthropic", 402, "{\"type\":\"error\",\"error\":{\"type\":"
                        + "\"billing_error\",\"message\":\"There is an issue with your account's billing.\"},"
                        + "\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}"),
                // https://docs.claude.com/en/api/errors: a monthly spend limit, 429 rate_limit_error with details.error_code, no retry-after
                Arguments.of("anthropic 429 enforced_spend_limit_reached", "anthropic", 429, "{\"type\":\"error\",\"error\":"
                        + "{\"type\":\"rate_limit_error\",\"message\":\"You have reached your organization's monthly spend "
                        + "limit. Your limit resets on 2027-01-01.\",\"details\":{\"error_code\":\"enforced_spend_limit_"
                        + "reached\"}},\"request_id\":\"req_011CW8fF3d6x1oK7Jg9TqYbz\"}"),
                // https://docs.claude.com/en/api/errors: 400 invalid_request_error for a credit balance too low
                Arguments.of("anthropic 400 credit balance too low", "anthropic", 400, "{\"type\":\"error\",\"error\":"
                        + "{\"type\":\"invalid_request_error\",\"message\":\"Your credit balance is too low to access the "
                        + "Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.\"},"
                        + "\"request_id\":\"req_011CLw1ZQXV3RbFTrtEMf6Tq\"}"),
                // https://docs.claude.com/en/api/errors: 400 invalid_request_error for an organization or workspace spend limit
                Arguments.of("anthropic 400 API usage limits", "anthropic", 400, "{\"type\":\"error\",\"error\":{\"type\":"
                        + "\"invalid_request_error\",\"message\":\"You have reached your specified API usage limits. You "
                        + "will regain access on 2027-01-01 at 00:00 UTC.\"},\"request_id\":\"req_011CLw1ZQXV3RbFTrtEMf6Tq\"}"),
                Arguments.of("anthropic 400 workspace usage limits", "anthropic", 400, "{\"type\":\"error\",\"error\":{\"type\":"
                        + "\"invalid_request_error\",\"message\":\"You have reached your specified workspace API usage "
                        + "limits. You will regain access on 2027-01-01 at 00:00 UTC.\"}}"),
                // https://ai.google.dev/gemini-api/docs/troubleshooting (429 RESOURCE_EXHAUSTED) and https://ai.google.dev/gemini-api/docs/rate-limits: requests per day
                Arguments.of("gemini per-day quota", "gemini", 429, gemini("GenerateRequestsPerDayPerProjectPerModel-FreeTier", "250")),
                // the free tier has no quota for this model (limit: 0): no wait can help
                Arguments.of("gemini zero quota", "gemini", 429, gemini("GenerateRequestsPerMinutePerProjectPerModel-FreeTier", "0")),
                // Ollama cloud answers its plan's usage limits with 429 and a plain error string
                Arguments.of("ollama cloud weekly usage limit", "ollama", 429, "{\"error\":\"you (ada) have reached your weekly "
                        + "usage limit, upgrade for higher limits: https://ollama.com/upgrade\"}"),
                Arguments.of("ollama cloud session usage limit", "ollama", 429, "{\"error\":\"you (ada) have reached your "
                        + "session usage limit, please wait or upgrade to continue\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotaErrors")
    void aUsedUpQuotaOrSpendingLimitFailsAtOnceAsQuotaExceeded(String name, String provider, int status, String body) {
        api.resetAll();
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));

        Result r = run(provider, RetryPolicy.defaults().withMaxAttempts(4));

        assertThat(r.error()).as(name).isPresent();
        assertThat(r.error().get().kind()).as(name).isEqualTo(ErrorKind.QUOTA_EXCEEDED);
        assertThat(r.error().get().httpStatus()).isEqualTo(OptionalInt.of(status));
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).as("requests sent").hasSize(1);
    }

    static Stream<Arguments> rateLimits() {
        return Stream.of(
                // https://ai.google.dev/gemini-api/docs/troubleshooting: a per-minute quota is a rate limit, although its message says "exceeded your current quota"
                Arguments.of("gemini per-minute quota", "gemini",
                        gemini("GenerateRequestsPerMinutePerProjectPerModel-FreeTier", "10")),
                // https://docs.claude.com/en/api/errors: the ordinary 429 rate_limit_error
                Arguments.of("anthropic rate_limit_error", "anthropic", ProviderHarness.fixture("anthropic/error-429.json")),
                // https://platform.openai.com/docs/guides/error-codes: 429 "Rate limit reached for requests"
                Arguments.of("openai rate_limit_exceeded", "openai", ProviderHarness.fixture("openai/error-429.json")),
                Arguments.of("xai rate limit", "xai", ProviderHarness.fixture("xai/error-429.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rateLimits")
    void anOrdinaryRateLimitIsStillRetried(String name, String provider, String body) {
        api.resetAll();
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(body)));

        Result r = run(provider, RetryPolicy.defaults().withMaxAttempts(3));

        assertThat(r.error().get().kind()).as(name).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).as("requests sent").hasSize(3);
    }

    private static Result run(String provider, RetryPolicy retry) {
        ModelProviderFactory factory;
        String base;
        switch (provider) {
            case "openai" -> { factory = new OpenAiProviderFactory(); base = api.baseUrl() + "/v1"; }
            case "openai-compatible" -> { factory = new OpenAiCompatibleProviderFactory(); base = api.baseUrl() + "/v1"; }
            case "xai" -> { factory = new XaiProviderFactory(); base = api.baseUrl() + "/v1"; }
            case "anthropic" -> { factory = new AnthropicProviderFactory(); base = api.baseUrl() + "/v1"; }
            case "gemini" -> { factory = new GeminiProviderFactory(); base = api.baseUrl() + "/v1beta"; }
            case "ollama" -> { factory = new OllamaProviderFactory(); base = api.baseUrl(); }
            default -> throw new IllegalArgumentException(provider);
        }
        ModelConfig config = ModelConfig.of(provider, "m").withBaseUrl(base).withApiKeyEnv("PLANTED_KEY").withMaxOutputTokens(64);
        try (ProviderHarness harness = new ProviderHarness(factory, Map.of("PLANTED_KEY", FAKE_KEY))) {
            return harness.run(config, retry).results().get(0);
        }
    }
}
