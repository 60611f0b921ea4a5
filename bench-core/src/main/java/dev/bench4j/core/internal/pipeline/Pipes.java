package dev.bench4j.core.internal.pipeline;

import java.util.concurrent.CompletableFuture;

/** Small helpers for passing one future's outcome to another. */
final class Pipes {

    private Pipes() {
    }

    /**
     * Completes {@code to} as {@code from} completes.
     *
     * @param from the source
     * @param to the target
     * @param <T> the value type
     */
    static <T> void relay(CompletableFuture<T> from, CompletableFuture<T> to) {
        from.whenComplete((value, error) -> {
            if (error == null) {
                to.complete(value);
            } else {
                to.completeExceptionally(Failures.unwrap(error));
            }
        });
    }
}
