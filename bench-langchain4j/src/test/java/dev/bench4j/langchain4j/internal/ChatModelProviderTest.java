package dev.bench4j.langchain4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.util.List;
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

    /** A ChatModel that answers each request with a function of it. */
    private static ChatModel model(Function<ChatRequest, ChatResponse> answer) {
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return answer.apply(request);
            }
        };
    }

    private CompletableFuture<ModelResponse> send(ChatModel model) {
        provider = new ChatModelProviderFactory("fake", model)
                .create(new ProviderContext(n -> Optional.empty(), scheduler, Path.of("."), 2));
        ModelConfig config = ModelConfig.of("fake", "m");
        return provider.call(new ModelRequest(new CellId("p", config.id(), "t", 0), config,
                List.of(Message.user("hi")), 1)).toCompletableFuture();
    }

    private ModelResponse answer(ChatResponse response) throws Exception {
        return send(model(r -> response)).get(10, TimeUnit.SECONDS);
    }

    private CallException failure(RuntimeException thrown) throws Exception {
        try {
            send(model(r -> {
                throw thrown;
            })).get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return (CallException) e.getCause();
        }
    }

    @Test
    void aResponseWithoutTokenUsageHasUnknownUsageAndNoFinishReasonIsOther() throws Exception {
        ModelResponse r = answer(ChatResponse.builder().aiMessage(AiMessage.from("ok")).build());

        assertThat(r.usage()).isEqualTo(Usage.unknown());
        assertThat(r.finishReason()).isEqualTo(FinishReason.OTHER);
        assertThat(r.rawFinishReason()).isEmpty();
        assertThat(r.modelVersion()).isEmpty();
    }

    @Test
    void aMissingOutputCountStaysUnknownAndSoDoesTheTotal() throws Exception {
        ModelResponse r = answer(ChatResponse.builder().aiMessage(AiMessage.from("ok"))
                .tokenUsage(new TokenUsage(12, null)).build());

        assertThat(r.usage().inputTokens()).isEqualTo(OptionalLong.of(12));
        assertThat(r.usage().outputTokens()).isEmpty();
        assertThat(r.usage().totalTokens()).isEmpty();
    }

    @Test
    void aReportedTotalIsKeptAsReported() throws Exception {
        ModelResponse r = answer(ChatResponse.builder().aiMessage(AiMessage.from("ok"))
                .tokenUsage(new TokenUsage(10, 5, 20)).build());

        assertThat(r.usage().totalTokens()).isEqualTo(OptionalLong.of(20));
    }

    @Test
    void finishReasonsMapToBench4jsWithTheRawNameKept() throws Exception {
        for (var pair : List.of(
                List.of(dev.langchain4j.model.output.FinishReason.STOP, FinishReason.STOP),
                List.of(dev.langchain4j.model.output.FinishReason.LENGTH, FinishReason.LENGTH),
                List.of(dev.langchain4j.model.output.FinishReason.TOOL_EXECUTION, FinishReason.TOOL_CALLS),
                List.of(dev.langchain4j.model.output.FinishReason.CONTENT_FILTER, FinishReason.CONTENT_FILTER),
                List.of(dev.langchain4j.model.output.FinishReason.OTHER, FinishReason.OTHER))) {
            var raw = (dev.langchain4j.model.output.FinishReason) pair.get(0);
            ModelResponse r = answer(ChatResponse.builder().aiMessage(AiMessage.from("x")).finishReason(raw).build());
            assertThat(r.finishReason()).isEqualTo(pair.get(1));
            assertThat(r.rawFinishReason()).contains(raw.name());
            provider.close();
        }
    }

    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of(new RateLimitException("slow down"), ErrorKind.RATE_LIMITED, OptionalInt.empty()),
                Arguments.of(new RateLimitException("429", new HttpException(429, "{\"error\":{\"code\":\"insufficient_quota\"}}")),
                        ErrorKind.QUOTA_EXCEEDED, OptionalInt.of(429)),
                Arguments.of(new TimeoutException("took too long"), ErrorKind.TIMEOUT, OptionalInt.empty()),
                Arguments.of(new LangChain4jException(new HttpTimeoutException("request timed out")),
                        ErrorKind.TIMEOUT, OptionalInt.empty()),
                Arguments.of(new InternalServerException("boom"), ErrorKind.SERVER, OptionalInt.empty()),
                Arguments.of(new InternalServerException(new HttpException(503, "overloaded")), ErrorKind.SERVER,
                        OptionalInt.of(503)),
                Arguments.of(new AuthenticationException("bad key"), ErrorKind.AUTH, OptionalInt.empty()),
                Arguments.of(new InvalidRequestException("bad"), ErrorKind.BAD_REQUEST, OptionalInt.empty()),
                Arguments.of(new InvalidRequestException(new HttpException(402, "pay")), ErrorKind.QUOTA_EXCEEDED,
                        OptionalInt.of(402)),
                Arguments.of(new ModelNotFoundException("no such model"), ErrorKind.BAD_REQUEST, OptionalInt.empty()),
                Arguments.of(new UnsupportedFeatureException("topK is not supported"), ErrorKind.BAD_REQUEST,
                        OptionalInt.empty()),
                Arguments.of(new UnresolvedModelServerException("unknown host"), ErrorKind.NETWORK, OptionalInt.empty()),
                Arguments.of(new LangChain4jException(new ConnectException("refused")), ErrorKind.NETWORK,
                        OptionalInt.empty()),
                Arguments.of(new HttpException(418, "teapot"), ErrorKind.BAD_REQUEST, OptionalInt.of(418)),
                Arguments.of(new IllegalStateException("surprise"), ErrorKind.INTERNAL, OptionalInt.empty()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("exceptions")
    void langChain4jExceptionsMapToErrorKindsWithTheirStatus(RuntimeException thrown, ErrorKind kind,
            OptionalInt status) throws Exception {
        CallException e = failure(thrown);

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.getCause()).isSameAs(thrown);
        assertThat(e.getMessage()).startsWith("LangChain4j " + thrown.getClass().getSimpleName() + ": ");
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
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        call.cancel(true);

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void afterCloseACallFailsAsInternalWithoutCallingTheModel() throws Exception {
        int[] calls = {0};
        send(model(r -> {
            calls[0]++;
            return ChatResponse.builder().aiMessage(AiMessage.from("x")).build();
        })).get(10, TimeUnit.SECONDS);
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
