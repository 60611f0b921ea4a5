package dev.bench4j.core.internal.pipeline;

import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The end of the pipeline: makes one attempt with the provider, measures its latency, and turns a
 * provider that throws or answers {@code null} into a failed attempt instead of a crash.
 */
final class ProviderStage implements CallHandler {

    private final String providerName;
    private final ModelProvider provider;

    ProviderStage(String providerName, ModelProvider provider) {
        this.providerName = providerName;
        this.provider = provider;
    }

    @Override
    public CompletableFuture<ModelResponse> handle(CellCall call) {
        if (call.cancelled()) {
            return CellCall.cancelledFuture();
        }
        int attempt = call.nextAttempt();
        long start = System.nanoTime();
        CompletableFuture<ModelResponse> f;
        try {
            CompletionStage<ModelResponse> stage = provider.call(attempt == 1 ? call.request() : call.request().withAttempt(attempt));
            f = stage == null
                    ? CompletableFuture.failedFuture(new IllegalStateException("call(...) returned null"))
                    : stage.toCompletableFuture();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        call.attemptStarted(f);
        CompletableFuture<ModelResponse> provided = f;
        CompletableFuture<ModelResponse> out = f.handle((response, error) -> {
            call.attemptFinished(System.nanoTime() - start);
            if (error != null) {
                throw Failures.isCancellation(error)
                        ? new CancellationException("attempt cancelled")
                        : new CompletionException(Failures.toCallException(error, providerName));
            }
            if (response == null) {
                throw new CompletionException(Failures.toCallException(
                        new IllegalStateException("the provider completed with null"), providerName));
            }
            return response;
        });
        out.whenComplete((r, e) -> {
            if (out.isCancelled()) {
                provided.cancel(true);   // a timed-out or cancelled attempt aborts the provider's call
            }
        });
        return out;
    }
}
