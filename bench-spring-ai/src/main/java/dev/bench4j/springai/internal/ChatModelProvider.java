package dev.bench4j.springai.internal;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;

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
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench4j-spring-ai-" + name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletionStage<ModelResponse> call(ModelRequest request) {
        Prompt prompt;
        try {
            prompt = RequestMapping.toPrompt(request, model);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new CallException(ErrorKind.BAD_REQUEST,
                    "Spring AI refused the request: " + e.getMessage()));
        }
        CompletableFuture<ModelResponse> out = new CompletableFuture<>();
        Future<?> task;
        try {
            task = executor.submit(() -> answer(prompt, out));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new CallException(ErrorKind.INTERNAL,
                    "the Spring AI provider was closed before the call"));
        }
        out.whenComplete((r, e) -> {
            if (out.isCancelled()) {
                task.cancel(true);
            }
        });
        return out;
    }

    private void answer(Prompt prompt, CompletableFuture<ModelResponse> out) {
        try {
            out.complete(ResponseMapping.toModelResponse(model.call(prompt)));
        } catch (CallException e) {
            out.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
            out.completeExceptionally(ErrorMapping.toCallException(e));
            if (e instanceof VirtualMachineError fatal) {
                throw fatal; // the call failed, and the JVM must still hear of it
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
