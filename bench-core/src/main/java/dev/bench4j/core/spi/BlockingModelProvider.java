package dev.bench4j.core.spi;

import dev.bench4j.core.ErrorKind;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link ModelProvider} over a blocking client (a framework's chat model, a vendor SDK): each call
 * runs on a thread of the provider's own pool, as many threads as given (the run's concurrency), so
 * {@link #call} never blocks the runner. Cancelling the returned stage (an attempt timed out, the run
 * was stopped) interrupts the call's thread; {@link #close} stops the threads.
 *
 * <p>A call that throws a {@link CallException} fails with it; any other exception or error is
 * turned into one by the given mapping (so retries and rate limits work), and a
 * {@link VirtualMachineError} is rethrown on its thread after the call has failed.
 */
public final class BlockingModelProvider implements ModelProvider {

    /** One blocking call of the client. */
    @FunctionalInterface
    public interface BlockingCall {

        /**
         * Calls the model and waits for its answer.
         *
         * @param request the request
         * @return the answer
         * @throws CallException for a failure the caller has already classified; any other
         *     exception goes through the provider's error mapping
         */
        ModelResponse call(ModelRequest request);
    }

    private final String name;
    private final BlockingCall call;
    private final Function<Throwable, CallException> errors;
    private final ExecutorService executor;

    private BlockingModelProvider(String name, int threads, BlockingCall call, Function<Throwable, CallException> errors) {
        this.name = name;
        this.call = call;
        this.errors = errors;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Creates a provider with its own pool of daemon threads named {@code name-1}, {@code name-2}, ...
     *
     * @param name names the threads and the provider in messages, e.g. {@code bench4j-lc4j-azure}
     * @param threads how many calls may run at once, usually {@link ProviderContext#concurrency()}
     * @param call the blocking call
     * @param errors turns what the client throws into a {@link CallException}
     * @return the provider
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank or {@code threads} is below 1
     */
    public static BlockingModelProvider of(String name, int threads, BlockingCall call,
            Function<Throwable, CallException> errors) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
        }
        return new BlockingModelProvider(name, threads, Objects.requireNonNull(call, "call"),
                Objects.requireNonNull(errors, "errors"));
    }

    @Override
    public CompletionStage<ModelResponse> call(ModelRequest request) {
        CompletableFuture<ModelResponse> out = new CompletableFuture<>();
        Future<?> task;
        try {
            task = executor.submit(() -> answer(request, out));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new CallException(ErrorKind.INTERNAL,
                    "the provider " + name + " was closed before the call"));
        }
        out.whenComplete((r, e) -> {
            if (out.isCancelled()) {
                task.cancel(true);
            }
        });
        return out;
    }

    private void answer(ModelRequest request, CompletableFuture<ModelResponse> out) {
        try {
            out.complete(call.call(request));
        } catch (CallException e) {
            out.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
            out.completeExceptionally(errors.apply(e));
            if (e instanceof VirtualMachineError fatal) {
                throw fatal; // the call failed, and the JVM must still hear of it
            }
        }
    }

    /** Stops the threads, interrupting calls still running; a later call fails as {@code internal}. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    /**
     * Returns the provider's name.
     *
     * @return e.g. {@code BlockingModelProvider[bench4j-lc4j-azure]}
     */
    @Override
    public String toString() {
        return "BlockingModelProvider[" + name + "]";
    }
}
