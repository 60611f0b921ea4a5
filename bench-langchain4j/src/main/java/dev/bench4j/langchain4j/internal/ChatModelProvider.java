package dev.bench4j.langchain4j.internal;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls a blocking ChatModel on threads of its own (as many as the run's concurrency), so that
 * {@link #call} never blocks the caller; cancelling the returned future interrupts the call's
 * thread, and {@link #close} stops the threads.
 */
final class ChatModelProvider implements ModelProvider {

    private final ChatModel model;
    private final ExecutorService executor;

    ChatModelProvider(ChatModel model, int threads, String name) {
        this.model = model;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "bench4j-lc4j-" + name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public CompletionStage<ModelResponse> call(ModelRequest request) {
        ChatRequest chatRequest;
        try {
            chatRequest = RequestMapping.toChatRequest(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new CallException(ErrorKind.BAD_REQUEST,
                    "LangChain4j refused the request: " + e.getMessage()));
        }
        CompletableFuture<ModelResponse> out = new CompletableFuture<>();
        Future<?> task;
        try {
            task = executor.submit(() -> {
                try {
                    out.complete(ResponseMapping.toModelResponse(model.chat(chatRequest)));
                } catch (RuntimeException | Error e) {
                    out.completeExceptionally(ErrorMapping.toCallException(e));
                    if (e instanceof VirtualMachineError fatal) {
                        throw fatal; // the call failed, and the JVM must still hear of it
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new CallException(ErrorKind.INTERNAL,
                    "the LangChain4j provider was closed before the call"));
        }
        out.whenComplete((r, e) -> {
            if (out.isCancelled()) {
                task.cancel(true);
            }
        });
        return out;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
