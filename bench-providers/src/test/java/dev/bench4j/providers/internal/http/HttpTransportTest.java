package dev.bench4j.providers.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
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

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Result;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Secret;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.openai.OpenAiProviderFactory;
import dev.bench4j.providers.testing.ProviderHarness;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HttpTransport against WireMock: cancelling, transport failures, streamed lines and time to first token, error replies. */
class HttpTransportTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /**
     * Longer than the 10 s the tests wait for the next call: with a pool of one connection, a
     * cancelled exchange that kept its connection would make the next call time out.
     */
    private static final int NEVER_IN_TIME_MS = 30_000;
    private static final String SSE = "text/event-stream";

    private HttpTransport transport;

    @BeforeEach
    void setUp() {
        transport = HttpTransport.create(1);
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    private static URI uri(String path) {
        return URI.create(api.baseUrl() + path);
    }

    private static HttpCall getCall(String path) {
        return HttpCall.get(uri(path), List.of());
    }

    private static HttpCall postCall(String path) {
        return HttpCall.post(uri(path), "{\"q\":1}".getBytes(StandardCharsets.UTF_8), List.of());
    }

    /** Records the lines it is given; a line starting with {@code data: {} is a token. */
    private static class Recorder implements StreamHandler {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final AtomicBoolean completed = new AtomicBoolean();
        private volatile boolean token;

        @Override
        public void onLine(String line) {
            lines.add(line);
            token |= line.startsWith("data: {");
        }

        @Override
        public boolean receivedToken() {
            return token;
        }

        @Override
        public ModelResponse complete() {
            completed.set(true);
            return ModelResponse.of(String.join("|", lines), FinishReason.STOP, Usage.unknown());
        }
    }

    private static final Function<HttpReply, CallException> NO_ERROR_EXPECTED = reply -> {
        throw new AssertionError("unexpected error reply " + reply.status() + ": " + reply.text());
    };

    private CompletableFuture<?> sendOrStream(String how, HttpCall call) {
        return how.equals("send") ? transport.send(call) : transport.stream(call, new Recorder(), NO_ERROR_EXPECTED);
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static CallException failureOf(CompletableFuture<?> f) throws Exception {
        try {
            Object value = f.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure but got " + value);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(CallException.class);
            return (CallException) e.getCause();
        }
    }

    /** Waits (at most 10 s) until WireMock has received a request, so a test can act while it is being answered. */
    private static void awaitReceived(RequestPatternBuilder request) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (api.findAll(request).isEmpty()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("WireMock never received " + request.build());
            }
            Thread.sleep(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"send", "stream"})
    void cancellingACallBeforeItsAnswerCompletesItAsCancelledAtOnce(String how) throws Exception {
        api.stubFor(post("/slow").willReturn(okJson("{}").withFixedDelay(NEVER_IN_TIME_MS)));

        CompletableFuture<?> slow = sendOrStream(how, postCall("/slow"));
        assertThat(slow.cancel(true)).isTrue();

        assertThat(slow).isCancelled();
        assertThatThrownBy(slow::join).isInstanceOf(CancellationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"send", "stream"})
    void cancellingACallRightAwayLeavesItsConnectionToTheNextCall(String how) throws Exception {
        api.stubFor(post("/slow").willReturn(okJson("{}").withFixedDelay(NEVER_IN_TIME_MS)));
        api.stubFor(post("/fast").willReturn(aResponse().withStatus(200).withBody("fast\n")));

        CompletableFuture<?> slow = sendOrStream(how, postCall("/slow"));
        slow.cancel(true);

        assertThat(slow).isCancelled();
        assertThat(await(sendOrStream(how, postCall("/fast")))).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"send", "stream"})
    void cancellingACallTheServerIsStillAnsweringAbortsItAndFreesTheConnection(String how) throws Exception {
        api.stubFor(post("/slow").willReturn(okJson("{}").withFixedDelay(NEVER_IN_TIME_MS)));
        api.stubFor(post("/fast").willReturn(aResponse().withStatus(200).withBody("fast\n")));

        CompletableFuture<?> slow = sendOrStream(how, postCall("/slow"));
        awaitReceived(postRequestedFor(urlEqualTo("/slow")));
        slow.cancel(true);

        assertThat(slow).isCancelled();
        assertThat(await(sendOrStream(how, postCall("/fast")))).isNotNull();
        assertThat(await(sendOrStream(how, postCall("/fast")))).as("and the one after").isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"send", "stream"})
    void aRefusedConnectionIsANetworkErrorNamingHostAndPort(String how) throws Exception {
        HttpCall call = HttpCall.get(URI.create("http://127.0.0.1:9/v1/models"), List.of());

        CallException e = failureOf(sendOrStream(how, call));

        assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK);
        assertThat(e.retryable()).isTrue();
        assertThat(e.httpStatus()).isEmpty();
        assertThat(e.getMessage()).contains("could not connect to http://127.0.0.1:9");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "RANDOM_DATA_THEN_CLOSE", "MALFORMED_RESPONSE_CHUNK",
        "EMPTY_RESPONSE"})
    void aBodyCutByTheServerIsANetworkErrorWhenSent(Fault fault) throws Exception {
        api.stubFor(post("/cut").willReturn(aResponse().withFault(fault)));

        CallException e = failureOf(transport.send(postCall("/cut")));

        assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK);
        assertThat(e.getMessage()).contains(api.baseUrl());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "RANDOM_DATA_THEN_CLOSE", "MALFORMED_RESPONSE_CHUNK",
        "EMPTY_RESPONSE"})
    void aBodyCutByTheServerIsANetworkErrorWhenStreamed(Fault fault) throws Exception {
        api.stubFor(post("/cut").willReturn(aResponse().withFault(fault)));
        Recorder handler = new Recorder();

        CallException e = failureOf(transport.stream(postCall("/cut"), handler, NO_ERROR_EXPECTED));

        assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK);
        assertThat(e.getMessage()).contains(api.baseUrl());
        assertThat(handler.completed).as("an unfinished body is never completed").isFalse();
    }

    @Test
    void aDribbledStreamIsDeliveredLineByLineWithATimeToFirstToken() throws Exception {
        String body = ": opening comment\r\n"
                + "data: {\"t\":\"h\u00E9llo \uD83E\uDE7A\"}\r\n\r\n"
                + "data: {\"t\":\"\u20AC\"}\n\n"
                + "data: [DONE]\r\r";
        api.stubFor(post("/stream").willReturn(aResponse().withStatus(200).withHeader("Content-Type", SSE)
                .withBody(body).withChunkedDribbleDelay(body.length(), 500)));
        Recorder handler = new Recorder();

        ModelResponse r = await(transport.stream(postCall("/stream"), handler, NO_ERROR_EXPECTED));

        assertThat(handler.lines).containsExactly(": opening comment", "data: {\"t\":\"h\u00E9llo \uD83E\uDE7A\"}", "",
                "data: {\"t\":\"\u20AC\"}", "", "data: [DONE]", "");
        assertThat(handler.completed).isTrue();
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.timeToFirstToken()).hasValueSatisfying(ttft -> assertThat(ttft).isPositive());
    }

    @Test
    void aLastLineWithoutTerminatorIsStillDelivered() throws Exception {
        api.stubFor(post("/stream").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-ndjson")
                .withBody("{\"a\":1}\n{\"done\":true}").withChunkedDribbleDelay(3, 100)));
        Recorder handler = new Recorder();

        await(transport.stream(postCall("/stream"), handler, NO_ERROR_EXPECTED));

        assertThat(handler.lines).containsExactly("{\"a\":1}", "{\"done\":true}");
    }

    @Test
    void aStreamWithoutATokenHasNoTimeToFirstToken() throws Exception {
        api.stubFor(post("/stream").willReturn(aResponse().withStatus(200).withHeader("Content-Type", SSE)
                .withBody(": only a comment\n\n")));

        ModelResponse r = await(transport.stream(postCall("/stream"), new Recorder(), NO_ERROR_EXPECTED));

        assertThat(r.timeToFirstToken()).isEmpty();
    }

    @Test
    void anErrorStatusOnAStreamIsBufferedAndPassedToTheErrorMapper() throws Exception {
        String body = "{\"error\":{\"message\":\"The model `gpt-9` does not exist\",\"type\":\"invalid_request_error\"}}";
        api.stubFor(post("/stream").willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", "req_123").withBody(body).withChunkedDribbleDelay(5, 100)));
        Recorder handler = new Recorder();
        AtomicReference<HttpReply> seen = new AtomicReference<>();
        CallException mapped = new CallException(ErrorKind.BAD_REQUEST, "mapped");

        CallException e = failureOf(transport.stream(postCall("/stream"), handler, reply -> {
            seen.set(reply);
            return mapped;
        }));

        assertThat(e).isSameAs(mapped);
        assertThat(seen.get().status()).isEqualTo(404);
        assertThat(seen.get().text()).isEqualTo(body);
        assertThat(seen.get().header("x-request-id")).contains("req_123");
        assertThat(handler.lines).as("an error body is not fed to the handler").isEmpty();
        assertThat(handler.completed).isFalse();
    }

    @Test
    void aHugeErrorBodyOnAStreamIsKeptUpTo64KiB() throws Exception {
        api.stubFor(post("/stream").willReturn(aResponse().withStatus(500).withBody("e".repeat(200 * 1024))));
        AtomicReference<HttpReply> seen = new AtomicReference<>();

        failureOf(transport.stream(postCall("/stream"), new Recorder(), reply -> {
            seen.set(reply);
            return new CallException(ErrorKind.SERVER, "mapped");
        }));

        assertThat(seen.get().body()).hasSize(64 * 1024);
    }

    @Test
    void aCallExceptionFromTheHandlerFailsTheStreamAsItIs() throws Exception {
        api.stubFor(post("/stream").willReturn(aResponse().withStatus(200).withHeader("Content-Type", SSE)
                .withBody("data: {\"ok\":1}\n\ndata: {\"error\":\"overloaded\"}\n\ndata: {\"never\":1}\n\n")));
        CallException thrown = new CallException(ErrorKind.RATE_LIMITED, "overloaded in the stream");
        Recorder handler = new Recorder() {
            @Override
            public void onLine(String line) {
                super.onLine(line);
                if (line.contains("error")) {
                    throw thrown;
                }
            }
        };

        CallException e = failureOf(transport.stream(postCall("/stream"), handler, NO_ERROR_EXPECTED));

        assertThat(e).isSameAs(thrown);
        assertThat(handler.lines).doesNotContain("data: {\"never\":1}");
        assertThat(handler.completed).isFalse();
    }

    @Test
    void aCallExceptionFromCompleteFailsTheStreamAsItIs() throws Exception {
        api.stubFor(post("/stream").willReturn(aResponse().withStatus(200).withHeader("Content-Type", SSE)
                .withBody("data: {\"partial\":1}\n\n")));
        CallException thrown = new CallException(ErrorKind.MALFORMED_RESPONSE, "ended early");
        Recorder handler = new Recorder() {
            @Override
            public ModelResponse complete() {
                throw thrown;
            }
        };

        assertThat(failureOf(transport.stream(postCall("/stream"), handler, NO_ERROR_EXPECTED))).isSameAs(thrown);
    }

    @Test
    void sendBuffersAnyStatusWithLowerCaseHeaderNamesKeepingTheFirstValue() throws Exception {
        api.stubFor(get("/models").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")
                .withHeader("X-Multi", "first", "second").withBody("busy")));

        HttpReply reply = await(transport.send(getCall("/models")));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.ok()).isFalse();
        assertThat(reply.text()).isEqualTo("busy");
        assertThat(reply.headers()).containsEntry("retry-after", "7").containsEntry("x-multi", "first");
    }

    @Test
    void replyHeadersAreLookedUpInAnyCaseAndTheMapKeepsLowerCaseNames() throws Exception {
        api.stubFor(get("/models").willReturn(aResponse().withStatus(429).withHeader("X-Request-Id", "req_9")
                .withHeader("Retry-After-Ms", "250").withHeader("X-Multi", "first", "second").withBody("slow down")));

        HttpReply reply = await(transport.send(getCall("/models")));

        assertThat(reply.header("x-request-id")).contains("req_9");
        assertThat(reply.header("X-REQUEST-ID")).contains("req_9");
        assertThat(reply.header("Retry-After-Ms")).contains("250");
        assertThat(reply.header("x-multi")).contains("first");
        assertThat(reply.header("retry-after")).isEmpty();
        assertThat(reply.headers().get("x-request-id")).isEqualTo("req_9");
        assertThat(reply.headers().get("X-Request-Id")).as("the map's keys are lower-case").isNull();
        assertThat(reply.headers().containsKey("retry-after-ms")).isTrue();
        assertThat(reply.headers().keySet()).allSatisfy(k -> assertThat(k).isLowerCase())
                .contains("x-request-id", "retry-after-ms", "x-multi");
        assertThat(reply).isEqualTo(new HttpReply(429, reply.headers(), reply.body()));
        assertThat(Map.copyOf(reply.headers())).isEqualTo(reply.headers());
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 4095, 4096, 4097, 100_000, 5 * 1024 * 1024 + 3})
    void bodiesOfAnySizeAreReadWholeWithOrWithoutAContentLength(int size) throws Exception {
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        api.stubFor(get("/sized").willReturn(aResponse().withStatus(200).withHeader("Content-Length", Integer.toString(size))
                .withBody(body)));
        api.stubFor(get("/chunked").willReturn(aResponse().withStatus(200).withBody(body)
                .withChunkedDribbleDelay(Math.min(7, size), 50)));

        HttpReply sized = await(transport.send(getCall("/sized")));
        HttpReply chunked = await(transport.send(getCall("/chunked")));

        assertThat(sized.header("content-length")).contains(Integer.toString(size));
        assertThat(sized.body()).isEqualTo(body);
        assertThat(chunked.header("content-length")).as("sent in chunks").isEmpty();
        assertThat(chunked.body()).isEqualTo(body);
    }

    @Test
    void eachCallGoesToTheHostOfItsOwnUri() throws Exception {
        api.stubFor(get("/who").willReturn(aResponse().withStatus(200).withBody("here")));
        int port = api.getPort();
        HttpCall byName = HttpCall.get(URI.create("http://localhost:" + port + "/who"), List.of());
        HttpCall byAddress = HttpCall.get(URI.create("http://127.0.0.1:" + port + "/who"), List.of());

        for (HttpCall call : List.of(byName, byAddress, byName, byAddress)) {
            assertThat(await(transport.send(call)).text()).isEqualTo("here");
        }
        failureOf(transport.send(HttpCall.get(URI.create("http://127.0.0.1:9/who"), List.of())));

        List<String> hosts = api.findAll(anyRequestedFor(urlEqualTo("/who"))).stream().map(r -> r.getHeader("Host")).toList();
        assertThat(hosts).containsExactly("localhost:" + port, "127.0.0.1:" + port, "localhost:" + port, "127.0.0.1:" + port);
    }

    @Test
    void anEmptyBodyIsAnEmptyArray() throws Exception {
        api.stubFor(get("/empty").willReturn(aResponse().withStatus(204)));

        HttpReply reply = await(transport.send(getCall("/empty")));

        assertThat(reply.ok()).isTrue();
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void theKeyIsSentOnlyInItsHeaderWithItsPrefixAndTheBodyAsJson() throws Exception {
        api.stubFor(post("/chat").willReturn(okJson("{}")));
        HttpCall call = HttpCall.post(uri("/chat"), "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8),
                List.of(new HttpCall.Header("anthropic-version", "2023-06-01")))
                .withKey("x-api-key", "", Optional.of(Secret.of(FAKE_KEY)));

        await(transport.send(call));

        LoggedRequest request = api.findAll(postRequestedFor(urlEqualTo("/chat"))).get(0);
        assertThat(request.getHeader("x-api-key")).isEqualTo(FAKE_KEY);
        assertThat(request.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getBodyAsString()).isEqualTo("{\"model\":\"m\"}");
        assertThat(call.toString()).isEqualTo("POST " + api.baseUrl() + "/chat").doesNotContain(FAKE_KEY);
    }

    @Test
    void withoutAKeyNoKeyHeaderIsSent() throws Exception {
        api.stubFor(get("/models").willReturn(okJson("{}")));

        await(transport.send(getCall("/models").withKey("Authorization", "Bearer ", Optional.empty())));

        api.verify(1, anyRequestedFor(urlEqualTo("/models")).withHeader("Authorization", absent()));
    }

    @Test
    void anAttemptTimeoutInThePipelineFailsTheCellAsTimeoutWithoutAnotherAttempt() {
        api.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("openai/success.json")).withFixedDelay(5000)));
        ModelConfig config = ModelConfig.of("openai", "gpt-4o-mini").withBaseUrl(api.baseUrl() + "/v1").withTimeout(Duration.ofMillis(200));

        Run run;
        try (ProviderHarness harness = new ProviderHarness(new OpenAiProviderFactory(), Map.of("OPENAI_API_KEY", FAKE_KEY))) {
            // the harness's virtual scheduler skips waits under 2 minutes: the 200 ms timeout fires at once
            run = harness.run(config, RetryPolicy.none());
        }

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.results()).hasSize(1);
        Result r = run.results().get(0);
        assertThat(r.error()).get().extracting(e -> e.kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(r.attempts()).isEqualTo(1);
        // the abort may come before the request leaves or after WireMock got it, never a second request
        assertThat(api.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).hasSizeLessThanOrEqualTo(1);
    }
}
