package dev.bench4j.core.internal.pipeline;

import dev.bench4j.core.spi.ModelResponse;
import java.util.concurrent.CompletableFuture;

/** Calls the rest of the pipeline for one cell. Never throws: failures complete the future. */
@FunctionalInterface
public interface CallHandler {

    /**
     * Handles a call.
     *
     * @param call the cell's call
     * @return the response, or a future failed with a {@code CallException} or a cancellation
     */
    CompletableFuture<ModelResponse> handle(CellCall call);
}
