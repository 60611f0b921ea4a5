package dev.bench4j.springai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ProviderContext;
import dev.bench4j.core.testing.VirtualScheduler;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/** The provider with a ChatModel test double: usage, finish reasons, the exception table, threads. */
class ChatModelProviderTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private ModelProvider provider;

    @AfterEach
    void tearDown() {
        if (provider != null) {
            provider.close();
        }
        scheduler.shutdownNow();
    }

    /** A ChatModel that answers each prompt with a function of it. */
    private static ChatModel model(Function<Prompt, ChatResponse> answer) {
        return new ChatModel() {
            @Override
            public ChatResponse call(Prompt prompt) {
                return answer.apply(prompt);
            }
        };
    }

    private static ChatResponse response(String text, String finishReason,
            org.springframework.ai.chat.metadata.Usage usage, String model) {
        Generation g = new Generation(new AssistantMessage(text),
                ChatGenerationMetadata.builder().finishReason(finishReason).build());
        return new ChatResponse(List.of(g), ChatResponseMetadata.builder().usage(usage).model(model).build());
    }

    private CompletableFuture<ModelResponse> send(ChatModel model, ModelConfig config, Message... messages) {
        provider = new ChatModelProviderFactory("fake", model)
                .create(new ProviderContext(n -> Optional.empty(), scheduler, Path.of("."), 2));
        List<Message> list = messages.length == 0 ? List.of(Message.user("hi")) : List.of(messages);
        return provider.call(new ModelRequest(new CellId("p", config.id(), "t", 0), config, list, 1))
                .toCompletableFuture();
    }

    private ModelResponse answer(ChatResponse response) throws Exception {
        return send(model(r -> response), ModelConfig.of("fake", "m")).get(10, TimeUnit.SECONDS);
    }

    private CallException failure(ChatModel model) throws Exception {
        try {
            send(model, ModelConfig.of("fake", "m")).get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return (CallException) e.getCause();
        }
    }

    private CallException failure(RuntimeException thrown) throws Exception {
        return failure(model(r -> {
            throw thrown;
        }));
    }

    @Test
    void sendsEachRoleAsItsMessageTypeAndOnlyTheParametersThatAreSet() throws Exception {
        Prompt[] seen = new Prompt[1];
        ChatModel capture = model(p -> {
            seen[0] = p;
            return response("ok", "STOP", new EmptyUsage(), "");
        });
        send(capture, ModelConfig.of("fake", "m").withTopK(40).withMaxOutputTokens(99).withStop("END"),
                Message.system("s"), Message.user("u"), Message.assistant("a")).get(10, TimeUnit.SECONDS);

        assertThat(seen[0].getInstructions()).extracting(org.springframework.ai.chat.messages.Message::getMessageType)
                .containsExactly(MessageType.SYSTEM, MessageType.USER, MessageType.ASSISTANT);
        assertThat(seen[0].getInstructions()).extracting(org.springframework.ai.chat.messages.Message::getText)
                .containsExactly("s", "u", "a");
        ChatOptions o = seen[0].getOptions();
        assertThat(o.getTopK()).isEqualTo(40);
        assertThat(o.getMaxTokens()).isEqualTo(99);
        assertThat(o.getStopSequences()).containsExactly("END");
        assertThat(o.getTemperature()).isNull();
        assertThat(o.getTopP()).isNull();
        assertThat(o.getFrequencyPenalty()).isNull();
        assertThat(o.getPresencePenalty()).isNull();
        assertThat(o.getModel()).as("the ChatModel's own model applies").isNull();
    }

    /** Options as a Spring AI 2 model has them: {@code mutate()} gives a builder of the model's own type. */
    public static final class OwnOptions implements ChatOptions {
        private final ChatOptions own = ChatOptions.builder().model("own-model").temperature(0.9).topP(0.8).build();

        public ChatOptions.Builder mutate() {
            return ChatOptions.builder().model(own.getModel()).temperature(own.getTemperature()).topP(own.getTopP());
        }

        @Override
        public String getModel() {
            return own.getModel();
        }

        @Override
        public Double getFrequencyPenalty() {
            return null;
        }

        @Override
        public Integer getMaxTokens() {
            return null;
        }

        @Override
        public Double getPresencePenalty() {
            return null;
        }

        @Override
        public List<String> getStopSequences() {
            return null;
        }

        @Override
        public Double getTemperature() {
            return own.getTemperature();
        }

        @Override
        public Integer getTopK() {
            return null;
        }

        @Override
        public Double getTopP() {
            return own.getTopP();
        }

        @SuppressWarnings("unchecked")
        public <T extends ChatOptions> T copy() {
            return (T) this;
        }
    }

    @Test
    void aModelWhoseOptionsMutateGetsItsOwnOptionsWithTheSetParametersOverTheDefaults() throws Exception {
        Prompt[] seen = new Prompt[1];
        ChatModel springAi2 = new ChatModel() {
            @Override
            public ChatResponse call(Prompt prompt) {
                seen[0] = prompt;
                return response("ok", "STOP", new EmptyUsage(), "");
            }

            @Override
            public ChatOptions getDefaultOptions() {
                return new OwnOptions();
            }
        };

        send(springAi2, ModelConfig.of("fake", "own-model").withTemperature(0.3)).get(10, TimeUnit.SECONDS);

        ChatOptions o = seen[0].getOptions();
        assertThat(o.getModel()).isEqualTo("own-model");
        assertThat(o.getTemperature()).isEqualTo(0.3);
        assertThat(o.getTopP()).isEqualTo(0.8);
    }

    @Test
    void emptyUsageIsUnknownAndSoAreAnEmptyFinishReasonAndModel() throws Exception {
        ModelResponse r = answer(response("ok", "", new EmptyUsage(), ""));

        assertThat(r.usage()).isEqualTo(Usage.unknown());
        assertThat(r.finishReason()).isEqualTo(FinishReason.OTHER);
        assertThat(r.rawFinishReason()).isEmpty();
        assertThat(r.modelVersion()).isEmpty();
    }

    @Test
    void aZeroInputCountIsUnknownAndSoIsTheTotal() throws Exception {
        ModelResponse r = answer(response("ok", "STOP", new DefaultUsage(null, 5), "m"));

        assertThat(r.usage().inputTokens()).isEmpty();
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(5));
        assertThat(r.usage().totalTokens()).isEmpty();
    }

    @Test
    void aReportedTotalIsKeptAsReported() throws Exception {
        ModelResponse r = answer(response("ok", "STOP", new DefaultUsage(10, 5, 20), "m"));

        assertThat(r.usage().inputTokens()).isEqualTo(OptionalLong.of(10));
        assertThat(r.usage().outputTokens()).isEqualTo(OptionalLong.of(5));
        assertThat(r.usage().totalTokens()).isEqualTo(OptionalLong.of(20));
    }

    @Test
    void aUsageWhoseCountsAreNullIsUnknown() throws Exception {
        org.springframework.ai.chat.metadata.Usage nulls = new org.springframework.ai.chat.metadata.Usage() {
            @Override
            public Integer getPromptTokens() {
                return null;
            }

            @Override
            public Integer getCompletionTokens() {
                return null;
            }

            @Override
            public Object getNativeUsage() {
                return Map.of();
            }
        };

        assertThat(answer(response("ok", "STOP", nulls, "m")).usage()).isEqualTo(Usage.unknown());
    }

    @Test
    void aResponseWithoutAGenerationIsAMalformedResponse() throws Exception {
        CallException e = failure(model(p -> new ChatResponse(List.of())));

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).isEqualTo("the Spring AI ChatModel answered without a generation");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("finishReasons")
    void finishReasonsOfEachModelFamilyMapToBench4jsWithTheRawWordKept(String raw, FinishReason expected)
            throws Exception {
        ModelResponse r = answer(response("x", raw, new DefaultUsage(3, 1), "m"));

        assertThat(r.finishReason()).isEqualTo(expected);
        assertThat(r.rawFinishReason()).contains(raw);
    }

    static Stream<Arguments> finishReasons() {
        return Stream.of(
                Arguments.of("STOP", FinishReason.STOP), // OpenAI (enum name), Gemini
                Arguments.of("end_turn", FinishReason.STOP), // Anthropic, Bedrock Converse
                Arguments.of("stop", FinishReason.STOP), // Mistral, Ollama
                Arguments.of("LENGTH", FinishReason.LENGTH),
                Arguments.of("max_tokens", FinishReason.LENGTH),
                Arguments.of("MAX_TOKENS", FinishReason.LENGTH),
                Arguments.of("TOOL_CALLS", FinishReason.TOOL_CALLS),
                Arguments.of("tool_use", FinishReason.TOOL_CALLS),
                Arguments.of("CONTENT_FILTER", FinishReason.CONTENT_FILTER),
                Arguments.of("SAFETY", FinishReason.CONTENT_FILTER),
                Arguments.of("guardrail_intervened", FinishReason.CONTENT_FILTER),
                Arguments.of("pause_turn", FinishReason.OTHER));
    }

    private static HttpHeaders headers(String name, String value) {
        HttpHeaders h = new HttpHeaders();
        h.add(name, value);
        return h;
    }

    private static final byte[] QUOTA = "{\"error\":{\"code\":\"insufficient_quota\"}}".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of(new NonTransientAiException("429 - {\"error\":{\"code\":\"rate_limit_exceeded\"}}"),
                        ErrorKind.RATE_LIMITED, OptionalInt.of(429), Optional.empty()),
                Arguments.of(new NonTransientAiException("HTTP 429 - {\"error\":{\"code\":\"insufficient_quota\"}}"),
                        ErrorKind.QUOTA_EXCEEDED, OptionalInt.of(429), Optional.empty()),
                Arguments.of(new NonTransientAiException("HTTP 401 - {\"error\":{\"code\":\"invalid_api_key\"}}"),
                        ErrorKind.AUTH, OptionalInt.of(401), Optional.empty()),
                Arguments.of(new NonTransientAiException("404 - model not found"), ErrorKind.BAD_REQUEST,
                        OptionalInt.of(404), Optional.empty()),
                Arguments.of(new TransientAiException("503 - overloaded"), ErrorKind.SERVER, OptionalInt.of(503),
                        Optional.empty()),
                Arguments.of(new TransientAiException("HTTP 429 - slow down"), ErrorKind.RATE_LIMITED,
                        OptionalInt.of(429), Optional.empty()),
                Arguments.of(new TransientAiException("the service is busy"), ErrorKind.SERVER, OptionalInt.empty(),
                        Optional.empty()),
                Arguments.of(new NonTransientAiException("unsupported option"), ErrorKind.BAD_REQUEST,
                        OptionalInt.empty(), Optional.empty()),
                Arguments.of(HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
                        headers("Retry-After", "7"), new byte[0], StandardCharsets.UTF_8), ErrorKind.RATE_LIMITED,
                        OptionalInt.of(429), Optional.of(Duration.ofSeconds(7))),
                Arguments.of(HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
                        headers("retry-after-ms", "1500"), QUOTA, StandardCharsets.UTF_8), ErrorKind.QUOTA_EXCEEDED,
                        OptionalInt.of(429), Optional.of(Duration.ofMillis(1500))),
                Arguments.of(HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable",
                        headers("Retry-After", "soon"), new byte[0], StandardCharsets.UTF_8), ErrorKind.SERVER,
                        OptionalInt.of(503), Optional.empty()),
                Arguments.of(HttpClientErrorException.create(HttpStatus.FORBIDDEN, "Forbidden", new HttpHeaders(),
                        new byte[0], StandardCharsets.UTF_8), ErrorKind.AUTH, OptionalInt.of(403), Optional.empty()),
                Arguments.of(new ResourceAccessException("I/O error", new SocketTimeoutException("Read timed out")),
                        ErrorKind.TIMEOUT, OptionalInt.empty(), Optional.empty()),
                Arguments.of(new ResourceAccessException("I/O error", new ConnectException("Connection refused")),
                        ErrorKind.NETWORK, OptionalInt.empty(), Optional.empty()),
                Arguments.of(new RestClientException("Error while extracting response",
                        new HttpMessageNotReadableException("JSON parse error", new IllegalStateException("not JSON"),
                                new HttpInputMessage() {
                                    @Override
                                    public InputStream getBody() {
                                        return InputStream.nullInputStream();
                                    }

                                    @Override
                                    public HttpHeaders getHeaders() {
                                        return new HttpHeaders();
                                    }
                                })),
                        ErrorKind.MALFORMED_RESPONSE, OptionalInt.empty(), Optional.empty()),
                Arguments.of(new IllegalStateException("bad", new JsonParseException(null, "Unexpected end-of-input")),
                        ErrorKind.MALFORMED_RESPONSE, OptionalInt.empty(), Optional.empty()),
                Arguments.of(new SdkRateLimitException(), ErrorKind.RATE_LIMITED, OptionalInt.of(429), Optional.empty()),
                Arguments.of(new IllegalStateException("wrapped", new SdkServiceException(503)), ErrorKind.SERVER,
                        OptionalInt.of(503), Optional.empty()),
                Arguments.of(new SdkServiceException(200), ErrorKind.INTERNAL, OptionalInt.empty(), Optional.empty()),
                Arguments.of(new IllegalStateException("surprise"), ErrorKind.INTERNAL, OptionalInt.empty(),
                        Optional.empty()));
    }

    /** As the OpenAI and Anthropic Java SDKs (Spring AI 2's OpenAI and Anthropic models) throw. */
    public static final class SdkRateLimitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SdkRateLimitException() {
            super("429: Rate limit reached for gpt-4o-mini");
        }

        public int statusCode() {
            return 429;
        }
    }

    /** An SDK exception whose status is behind a getter returning an Integer. */
    public static final class SdkServiceException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        SdkServiceException(int status) {
            super("Service returned HTTP status " + status);
            this.status = status;
        }

        public Integer getStatusCode() {
            return status;
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("exceptions")
    void springAiAndSpringWebExceptionsMapToErrorKindsWithTheirStatusAndRetryAfter(RuntimeException thrown,
            ErrorKind kind, OptionalInt status, Optional<Duration> retryAfter) throws Exception {
        CallException e = failure(thrown);

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.retryAfter()).isEqualTo(retryAfter);
        assertThat(e.getCause()).isSameAs(thrown);
        assertThat(e.getMessage()).startsWith("Spring AI " + thrown.getClass().getSimpleName() + ": ");
    }

    @Test
    void aRetryAfterDateIsTheWaitUntilThen() throws Exception {
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(60));

        CallException e = failure(HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable",
                headers("Retry-After", inAMinute), new byte[0], StandardCharsets.UTF_8));

        assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d)
                .isGreaterThan(Duration.ofSeconds(30)).isLessThanOrEqualTo(Duration.ofSeconds(60)));
    }

    @Test
    void cancellingTheCallInterruptsTheBlockedChatModelThread() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CompletableFuture<ModelResponse> call = send(model(r -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            throw new IllegalStateException("interrupted");
        }), ModelConfig.of("fake", "m"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        call.cancel(true);

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void afterCloseACallFailsAsInternalWithoutCallingTheModel() throws Exception {
        int[] calls = {0};
        send(model(r -> {
            calls[0]++;
            return response("x", "STOP", new EmptyUsage(), "");
        }), ModelConfig.of("fake", "m")).get(10, TimeUnit.SECONDS);
        provider.close();
        ModelConfig config = ModelConfig.of("fake", "m");

        CompletableFuture<ModelResponse> late = provider.call(new ModelRequest(new CellId("p", config.id(), "t", 0),
                config, List.of(Message.user("hi")), 1)).toCompletableFuture();

        assertThat(late).isCompletedExceptionally();
        assertThat(calls[0]).isEqualTo(1);
        try {
            late.get();
        } catch (ExecutionException e) {
            assertThat(((CallException) e.getCause()).kind()).isEqualTo(ErrorKind.INTERNAL);
        }
    }

    @Test
    void aModelWithoutItsOwnModelNameTakesAnyModelName() {
        ChatModelProviderFactory f = new ChatModelProviderFactory("fake", model(r -> null));

        f.validate(ModelConfig.of("fake", "whatever-label"), Path.of("."));
    }
}
