package dev.bench4j.core.internal.pipeline;

import dev.bench4j.core.spi.ModelResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One stage of the pipeline: does its part, then hands the call to the next stage. */
@FunctionalInterface
public interface CallStage {

    /**
     * Applies the stage.
     *
     * @param call the cell's call
     * @param next the rest of the pipeline
     * @return the response, or a future failed with a {@code CallException} or a cancellation
     */
    CompletableFuture<ModelResponse> apply(CellCall call, CallHandler next);

    /**
     * Chains stages in order in front of a terminal handler.
     *
     * @param stages the stages, first to last
     * @param terminal the handler after the last stage
     * @return the handler that enters the first stage
     */
    static CallHandler chain(List<CallStage> stages, CallHandler terminal) {
        CallHandler handler = terminal;
        for (int i = stages.size() - 1; i >= 0; i--) {
            CallStage stage = stages.get(i);
            CallHandler next = handler;
            handler = call -> stage.apply(call, next);
        }
        return handler;
    }
}
