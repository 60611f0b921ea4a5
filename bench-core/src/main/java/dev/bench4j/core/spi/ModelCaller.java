package dev.bench4j.core.spi;

import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Result;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Lets a {@link Scorer} call a model (an LLM judge) through the run's own call pipeline: the
 * response cache, the endpoint's rate limiter and concurrency limit, retries with backoff and the
 * attempt timeout apply, each call has a deadline as long as the plan's cell deadline, and the
 * call is priced like a candidate's. A judge is asked once per distinct request: the same review
 * of the same output in another repetition is answered from the response cache. When the run
 * stops, calls in flight are cancelled and their cells dropped, so a resume scores them again.
 *
 * <p>A scorer may only call the configs it declares in {@link Scorer#models()}; the run opens their
 * providers before the first cell. The call never fails its stage: a failed call completes with a
 * {@link Result} that has an {@link Result#error() error}, so a scorer turns it into a
 * {@link dev.bench4j.core.Score#error scoring error}. The result's cell is the scored cell's
 * prompt and trial with the judge's config id as its model (and repetition 0). Record each call in
 * the score with {@link dev.bench4j.core.Score#withCall}; the run records them for a scorer that
 * does not, so a judge's cost is never hidden.
 *
 * <p>Never wait for the returned stage inside {@link Scorer#score} (it runs on the run's thread, which
 * the call needs): return a stage chained on it.
 *
 * <pre>{@code
 * request.caller().call(judge, List.of(Message.user("Rate 1-5: " + request.output())))
 *     .thenApply(verdict -> (verdict.succeeded() ? parse(verdict) : Score.error("judge failed")).withCall(verdict));
 * }</pre>
 */
public interface ModelCaller {

    /**
     * Sends messages to a model config through the run's pipeline.
     *
     * @param config the config to call; one a scorer of the run declared in {@link Scorer#models()}
     * @param messages the messages to send
     * @return the call's result (its {@code scores} empty); never a failed stage
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalStateException if this caller cannot call models (see {@link #none()})
     */
    CompletionStage<Result> call(ModelConfig config, List<Message> messages);

    /**
     * Returns a caller that refuses every call, for score requests made outside a run (in a unit
     * test of a scorer that calls no model).
     *
     * @return the caller
     */
    static ModelCaller none() {
        return new ModelCaller() {
            @Override
            public CompletionStage<Result> call(ModelConfig config, List<Message> messages) {
                throw new IllegalStateException("this score request has no model caller, so it cannot call '"
                        + config.id() + "': it was made outside a run; pass a ModelCaller to new ScoreRequest(...)");
            }

            @Override
            public String toString() {
                return "ModelCaller.none()";
            }
        };
    }
}
