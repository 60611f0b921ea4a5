package dev.bench4j.core.spi;

import java.util.concurrent.CompletionStage;

/**
 * Calls one provider's API: translates a request into the wire format and the answer back.
 *
 * <p>{@link #call} must not block the calling thread and must not retry, cache, rate-limit or
 * sleep. It completes with a {@link ModelResponse}, or exceptionally with a {@link CallException}
 * whose kind says whether a retry can help. Cancelling the returned future should abort the call
 * in flight. A provider is created per run and closed when the run ends.
 */
public interface ModelProvider extends AutoCloseable {

    /**
     * Makes one call.
     *
     * @param request the config, rendered messages, cell and attempt number
     * @return the answer, or a future failed with a {@link CallException}
     */
    CompletionStage<ModelResponse> call(ModelRequest request);

    /**
     * Releases what the provider holds (connection pools, files); the default does nothing.
     */
    @Override
    default void close() {
    }
}
