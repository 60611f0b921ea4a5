package dev.bench4j.core.internal.pipeline;

import dev.bench4j.core.spi.ModelResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Holds a call until it has a permit of every concurrency limit that applies (its provider's, its
 * endpoint's), taken in a fixed order, and gives them back when the call ends.
 */
final class ConcurrencyStage implements CallStage {

    private final List<AsyncSemaphore> limits;

    ConcurrencyStage(List<AsyncSemaphore> limits) {
        this.limits = List.copyOf(limits);
    }

    @Override
    public CompletableFuture<ModelResponse> apply(CellCall call, CallHandler next) {
        return acquire(0).thenCompose(held -> {
            if (call.cancelled()) {
                releaseAll();
                return CellCall.cancelledFuture();
            }
            CompletableFuture<ModelResponse> f;
            try {
                f = next.handle(call);
            } catch (RuntimeException e) {
                releaseAll();
                throw e;
            }
            return f.whenComplete((r, e) -> releaseAll());
        });
    }

    private CompletableFuture<Void> acquire(int index) {
        CompletableFuture<Void> f = limits.get(index).acquire();
        return index + 1 == limits.size() ? f : f.thenCompose(v -> acquire(index + 1));
    }

    private void releaseAll() {
        for (int i = limits.size() - 1; i >= 0; i--) {
            limits.get(i).release();
        }
    }
}
