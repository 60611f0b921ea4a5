package dev.bench4j.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.bench4j.providers.testing.ProviderHarness.FAKE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelCatalog;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Run;
import dev.bench4j.core.Secret;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.ModelProviderFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plants a recognizable fake key, makes every HTTP provider of this module fail in every way that
 * could echo it (an error body quoting it, an error inside a stream quoting it, an unreadable body
 * containing it, a refused connection), whole and streamed, also with the key straddling the
 * 300-character cut of messages, and searches every output (results, errors, the run and its plan snapshot, logs, the model
 * list's exception) for it. The key may appear only in the one request header its API requires.
 */
class SecretLeakTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static Stream<ModelProviderFactory> providers() {
        List<ModelProviderFactory> all = new ArrayList<>();
        ServiceLoader.load(ModelProviderFactory.class).forEach(f -> {
            if (f.getClass().getName().startsWith("dev.bench4j.providers.")) {
                all.add(f);
            }
        });
        assertThat(all).extracting(ModelProviderFactory::name)
                .containsExactlyInAnyOrder("openai", "xai", "openai-compatible", "ollama", "gemini", "anthropic");
        return all.stream();
    }

    private static final String ECHOING_ERROR = "{\"error\":{\"message\":\"Incorrect API key provided: " + FAKE_KEY
            + "\",\"type\":\"invalid_request_error\"}}";

    /** Where the key starts in each text that is cut to 300 characters, so that it straddles the cut. */
    private static final int STRADDLE_AT = 280;

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void theKeyAppearsInNoResultErrorLogOrSnapshotAndOnlyInItsHeader(ModelProviderFactory factory) {
        assertTheKeyDoesNotLeak(factory, false, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aStreamedCallLeaksTheKeyNowhereEitherNotEvenFromAnErrorInsideTheStream(ModelProviderFactory factory) {
        assertTheKeyDoesNotLeak(factory, true, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aKeyStraddlingThe300CharacterCutOfAMessageIsScrubbedBeforeTheCut(ModelProviderFactory factory) {
        assertTheKeyDoesNotLeak(factory, false, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aKeyStraddlingThe300CharacterCutOfAStreamedMessageIsScrubbedBeforeTheCut(ModelProviderFactory factory) {
        assertTheKeyDoesNotLeak(factory, true, true);
    }

    /** The key with every character JSON-escaped as {@code \\uXXXX}, as some servers write it back. */
    static String jsonEscaped(String key) {
        StringBuilder b = new StringBuilder();
        for (char c : key.toCharArray()) {
            b.append(String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }

    /** The key with its dashes JSON-escaped ({@code sk\\u002dtest...}), the form Jackson-less servers echo. */
    static String dashesEscaped(String key) {
        return key.replace("-", "\\u002d");
    }

    /** The key URL-encoded, its letters too, in upper-case hex for dashes and lower-case for letters. */
    static String urlEncoded(String key) {
        StringBuilder b = new StringBuilder();
        for (char c : key.toCharArray()) {
            b.append(c == '-' ? "%2D" : Character.isLetter(c) ? String.format("%%%02x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aKeyEchoedJsonEscapedOrUrlEncodedInAnUnreadableOrErrorBodyIsScrubbedToo(ModelProviderFactory factory) {
        api.resetAll();
        api.stubFor(any(anyUrl()).inScenario("e").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"oops\": \"" + dashesEscaped(FAKE_KEY) + "\", \"all\": \"" + jsonEscaped(FAKE_KEY)))
                .willSetStateTo("url"));
        api.stubFor(any(anyUrl()).inScenario("e").whenScenarioStateIs("url")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/html")
                        .withBody("<html>bad request: /v1/x?key=" + urlEncoded(FAKE_KEY) + "&k2=" + urlEncoded(FAKE_KEY).toLowerCase()
                                + " or " + dashesEscaped(FAKE_KEY) + "</html>")));
        ModelConfig config = ModelConfig.of(factory.name(), "m").withBaseUrl(api.baseUrl()).withApiKeyEnv("PLANTED_KEY")
                .withMaxOutputTokens(64);

        Run run = BenchmarkPlan.named("escaped").prompt(Prompt.named("p").user("Q {{x}}")).model(config)
                .trials(List.of(Trial.of("t1", Map.of("x", "1")), Trial.of("t2", Map.of("x", "2"))))
                .environment(name -> name.equals("PLANTED_KEY") ? Optional.of(FAKE_KEY) : Optional.empty())
                .retry(RetryPolicy.none()).concurrency(1).noCache().build().run();

        StringBuilder errors = new StringBuilder();
        for (Result r : run.results()) {
            errors.append(r.error().map(e -> e.message()).orElse("")).append('\n');
        }
        assertThat(run.results()).hasSize(2).allMatch(r -> !r.succeeded());
        assertThat(errors.toString()).contains("***").doesNotContain(FAKE_KEY).doesNotContain(dashesEscaped(FAKE_KEY))
                .doesNotContain(jsonEscaped(FAKE_KEY)).doesNotContainIgnoringCase(urlEncoded(FAKE_KEY))
                .doesNotContain("PLANTED").doesNotContain("0123456789abcdef");
    }

    private static String pad(boolean straddle, String before) {
        return straddle ? before + "x".repeat(STRADDLE_AT - before.length()) : before;
    }

    /**
     * Runs two trials of three models against answers that echo the key: a 401 quoting it, (streamed only) a 200
     * whose stream reports an error quoting it, a 200 with an unreadable body holding it, then 500s quoting it;
     * the third model's connection is refused. With {@code straddle}, each quoted text puts the key across
     * character 300, where messages are cut.
     */
    private static void assertTheKeyDoesNotLeak(ModelProviderFactory factory, boolean streamed, boolean straddle) {
        String authError = straddle
                ? "{\"error\":{\"message\":\"" + pad(true, "invalid_request_error: Incorrect API key provided: ")
                        .substring("invalid_request_error: ".length()) + FAKE_KEY + "\",\"type\":\"invalid_request_error\"}}"
                : ECHOING_ERROR;
        String streamError = "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\""
                + pad(straddle, "api_error: Incorrect API key provided: ").substring("api_error: ".length()) + FAKE_KEY + "\"}}";
        String badBody = pad(straddle, "{\"oops\": \"") + FAKE_KEY + "\", ";
        String serverError = pad(straddle, "internal error for key ") + FAKE_KEY;

        api.resetAll();
        api.stubFor(any(anyUrl()).inScenario("s").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(authError))
                .willSetStateTo(streamed ? "stream-error" : "bad-body"));
        // one body for every stream format: Ollama reads the first line as NDJSON, Gemini reads the text outside
        // events as a JSON error, the SSE readers skip that line and read the data: event
        api.stubFor(any(anyUrl()).inScenario("s").whenScenarioStateIs("stream-error")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(streamError + "\n" + "data: " + streamError + "\n\n"))
                .willSetStateTo("bad-body"));
        api.stubFor(any(anyUrl()).inScenario("s").whenScenarioStateIs("bad-body")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(badBody)).willSetStateTo("server"));
        api.stubFor(any(anyUrl()).inScenario("s").whenScenarioStateIs("server")
                .willReturn(aResponse().withStatus(500).withBody(serverError)));
        ModelConfig viaEnv = ModelConfig.of(factory.name(), "m").withId("env").withBaseUrl(api.baseUrl())
                .withApiKeyEnv("PLANTED_KEY").withMaxOutputTokens(64).withStream(streamed);
        ModelConfig explicit = ModelConfig.of(factory.name(), "m").withId("explicit").withBaseUrl(api.baseUrl())
                .withApiKey(Secret.of(FAKE_KEY)).withMaxOutputTokens(64).withStream(streamed);
        ModelConfig refused = ModelConfig.of(factory.name(), "m").withId("refused").withBaseUrl("http://127.0.0.1:9")
                .withApiKeyEnv("PLANTED_KEY").withMaxOutputTokens(64).withStream(streamed);

        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream err = System.err;
        Run run;
        String listError;
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            run = BenchmarkPlan.named("leak").prompt(Prompt.named("p").user("Q {{x}}"))
                    .models(List.of(viaEnv, explicit, refused))
                    .trials(List.of(Trial.of("t1", Map.of("x", "1")), Trial.of("t2", Map.of("x", "2"))))
                    .environment(name -> name.equals("PLANTED_KEY") ? Optional.of(FAKE_KEY) : Optional.empty())
                    .retry(RetryPolicy.none()).concurrency(1).noCache()
                    .build().run();
            try {
                ModelCatalog.create(name -> Optional.of(FAKE_KEY)).list(viaEnv);
                listError = "";
            } catch (RuntimeException e) {
                listError = e + " " + e.getCause();
            }
        } finally {
            System.setErr(err);
        }

        StringBuilder everything = new StringBuilder(run.toString()).append(run.info()).append(run.summary())
                .append(listError).append(logs.toString(StandardCharsets.UTF_8))
                .append(viaEnv).append(explicit);
        for (Result r : run.results()) {
            everything.append(r).append(r.error().map(e -> e.message()).orElse(""));
        }
        assertThat(run.results()).hasSize(6).allMatch(r -> !r.succeeded());
        assertThat(everything.toString()).doesNotContain(FAKE_KEY).doesNotContain(FAKE_KEY.substring(8));
        // a key cut before it was scrubbed leaves a piece of it
        for (int i = 0; i + 12 <= FAKE_KEY.length(); i++) {
            assertThat(everything.toString()).as("a 12-character piece of the key").doesNotContain(FAKE_KEY.substring(i, i + 12));
        }

        List<LoggedRequest> requests = api.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).as("one request per cell of the two models that connect").hasSizeGreaterThanOrEqualTo(4);
        for (LoggedRequest request : requests) {
            assertThat(request.getUrl()).doesNotContain(FAKE_KEY);
            assertThat(request.getBodyAsString()).doesNotContain(FAKE_KEY);
            long carrying = request.getHeaders().all().stream().map(HttpHeader::firstValue)
                    .filter(v -> v.contains(FAKE_KEY)).count();
            assertThat(carrying).as("headers carrying the key in " + request.getUrl()).isEqualTo(1);
        }
    }
}
