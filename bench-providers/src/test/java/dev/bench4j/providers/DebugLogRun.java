package dev.bench4j.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.bench4j.providers.testing.ProviderHarness.FAKE_KEY;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelCatalog;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Run;
import dev.bench4j.core.Trial;
import dev.bench4j.providers.testing.ProviderHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The program {@link DebugLogLeakTest} runs in a JVM of its own with every logger at TRACE: each HTTP
 * provider calls a WireMock server that answers a 429, then a 500, then success (two retries), and
 * a second config whose server answers 401 quoting the key; streamed and whole; then the model list.
 * It prints one {@code RESULTS} line per provider on standard output; the test reads everything the
 * program printed.
 */
public final class DebugLogRun {

    private DebugLogRun() {
    }

    /**
     * Runs the calls.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        try {
            String[][] providers = {
                {"openai", "/v1", "openai/success.json", "/v1/chat/completions"},
                {"xai", "/v1", "xai/success.json", "/v1/chat/completions"},
                {"openai-compatible", "/v1", "openai/success.json", "/v1/chat/completions"},
                {"anthropic", "/v1", "anthropic/success.json", "/v1/messages"},
                {"gemini", "/v1beta", "gemini/success.json", "/v1beta/models/m:generateContent"},
                {"ollama", "", "ollama/success.json", "/api/chat"},
            };
            for (String[] p : providers) {
                run(server, p[0], p[1], ProviderHarness.fixture(p[2]), p[3]);
            }
        } finally {
            server.stop();
        }
        System.exit(0);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Set-Cookie", "session=" + FAKE_KEY).withBody(body);
    }

    private static void run(WireMockServer server, String provider, String prefix, String success, String path) {
        server.resetAll();
        String echo = "{\"error\":{\"message\":\"Incorrect API key provided: " + FAKE_KEY + " or "
                + SecretLeakTest.dashesEscaped(FAKE_KEY) + "\",\"type\":\"invalid_request_error\"}}";
        server.stubFor(any(urlMatching("/bad/.*")).willReturn(json(401, echo)));
        server.stubFor(any(urlMatching(path + ".*")).inScenario("s").whenScenarioStateIs("Started")
                .willReturn(json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\"}}")
                        .withHeader("retry-after", "0"))
                .willSetStateTo("server"));
        server.stubFor(any(urlMatching(path + ".*")).inScenario("s").whenScenarioStateIs("server")
                .willReturn(json(500, "{\"error\":{\"message\":\"internal\",\"type\":\"api_error\"}}")).willSetStateTo("ok"));
        server.stubFor(any(urlMatching(path + ".*")).inScenario("s").whenScenarioStateIs("ok").willReturn(json(200, success)));

        ModelConfig good = ModelConfig.of(provider, "m").withId("good").withBaseUrl(server.baseUrl() + prefix)
                .withApiKeyEnv("PLANTED_KEY").withMaxOutputTokens(64);
        ModelConfig bad = good.withId("bad").withBaseUrl(server.baseUrl() + "/bad" + prefix);
        Run run = BenchmarkPlan.named("debug-" + provider).prompt(Prompt.named("p").user("Q {{x}}"))
                .models(List.of(good, bad))
                .trials(List.of(Trial.of("t1", Map.of("x", "1")), Trial.of("t2", Map.of("x", "2"))))
                .environment(name -> Optional.of(FAKE_KEY))
                .retry(RetryPolicy.defaults().withMaxAttempts(3).withInitialBackoff(Duration.ofMillis(1))
                        .withMaxBackoff(Duration.ofMillis(5)))
                .concurrency(1).noCache().build().run();
        long ok = run.results().stream().filter(Result::succeeded).count();
        long retried = run.results().stream().filter(r -> r.attempts() > 1).count();
        String listed;
        try {
            listed = "models=" + ModelCatalog.create(name -> Optional.of(FAKE_KEY)).list(bad).size();
        } catch (RuntimeException e) {
            listed = "list failed";
        }
        System.out.println("RESULTS " + provider + " ok=" + ok + " failed=" + (run.results().size() - ok)
                + " retried=" + retried + " " + listed);
    }
}
