package dev.bench4j.core.testing;

import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A provider script that answers nothing until the test says so: every call's future waits in a
 * queue for the test to complete it, so tests control exactly what is in flight.
 */
public final class HeldCalls {

    /** A call waiting for its answer. */
    public record Held(ModelRequest request, CompletableFuture<ModelResponse> future) {
        /** Answers with the request's last message. */
        public void answer() {
            future.complete(ScriptedProvider.answer(request.messages().get(request.messages().size() - 1).content()));
        }
    }

    private final LinkedBlockingQueue<Held> queue = new LinkedBlockingQueue<>();

    /**
     * The script to give {@link ScriptedProvider#named}.
     *
     * @param request the call
     * @return a future the test completes
     */
    public CompletableFuture<ModelResponse> hold(ModelRequest request) {
        CompletableFuture<ModelResponse> f = new CompletableFuture<>();
        queue.add(new Held(request, f));
        return f;
    }

    /**
     * Takes the next held call, waiting up to 10 seconds for one to arrive.
     *
     * @return the call
     * @throws AssertionError if none arrives
     */
    public Held next() {
        try {
            Held h = queue.poll(10, TimeUnit.SECONDS);
            if (h == null) {
                throw new AssertionError("no call arrived within 10 s");
            }
            return h;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return calls waiting right now */
    public int waiting() {
        return queue.size();
    }
}
