package dev.bench4j.core.internal.run;

import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.Score;
import dev.bench4j.core.internal.pipeline.CallEvents;
import dev.bench4j.core.internal.pipeline.CallPipeline;
import dev.bench4j.core.internal.pipeline.CellCall;
import dev.bench4j.core.internal.pipeline.Durations;
import dev.bench4j.core.internal.pipeline.Failures;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelCaller;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scorers' model calls (LLM judges) of one run: a small runner beside the cells' own. A call
 * starts on the run thread, where the pipeline's state lives, goes through the same pipeline as the
 * cells (cache, rate limits, concurrency, retries), and its result is built on the run thread. Once
 * the run stops, new judge calls are refused and those in flight are cancelled.
 */
final class JudgeCalls {

    private static final Logger LOG = LoggerFactory.getLogger(JudgeCalls.class);

    private final CellResults results;
    private final Executor runThread;
    private final Duration cellDeadline;
    private final Clock clock;
    private final CallEvents events;
    private final Map<CellCall, CompletableFuture<ModelResponse>> inFlight = new ConcurrentHashMap<>();
    // run thread only
    private CallPipeline pipeline;
    private Optional<String> stopReason = Optional.empty();

    /**
     * Prepares the judge calls of a run.
     *
     * @param results builds each call's result and knows the declared judges
     * @param runThread the run's thread
     * @param settings the run's settings (cell deadline, clock)
     * @param retries counts the judge calls' retries with the run's
     */
    JudgeCalls(CellResults results, Executor runThread, RunSettings settings, LongAdder retries) {
        this.results = results;
        this.runThread = runThread;
        this.cellDeadline = settings.limits().cellDeadline();
        this.clock = settings.services().clock();
        this.events = new RetryCounter(retries);
    }

    /**
     * Starts taking calls through the run's pipeline. Run thread only.
     *
     * @param callPipeline the pipeline
     */
    void start(CallPipeline callPipeline) {
        this.pipeline = callPipeline;
    }

    /**
     * Refuses new calls and cancels those in flight. Run thread only.
     *
     * @param reason why the run stops
     */
    void stop(String reason) {
        if (stopReason.isEmpty()) {
            stopReason = Optional.of(reason);
        }
        inFlight.forEach((call, response) -> {
            call.cancel();
            response.cancel(false);
        });
    }

    /**
     * Returns a caller for one scorer of one cell.
     *
     * @param scored the cell being scored
     * @return the caller to hand to the scorer
     */
    Caller callerFor(CellId scored) {
        return new Caller(scored);
    }

    /**
     * Sends one scorer's calls for one cell through the run's pipeline. The returned stage always
     * completes, with a failed {@link Result} when the call could not be made. The calls it made are
     * kept, so the run records them in the score even if the scorer did not.
     */
    final class Caller implements ModelCaller {
        private final CellId scored;
        /** The calls made, in order; made on the first call, as most scorers call no model. */
        private List<Result> made;
        /** Set when a call was cancelled or refused because the run is stopping. */
        private volatile boolean cancelled;

        private Caller(CellId scored) {
            this.scored = scored;
        }

        @Override
        public CompletionStage<Result> call(ModelConfig config, List<Message> messages) {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(messages, "messages");
            // repetition 0: a judge is asked once per distinct review prompt, whichever repetition it grades
            CellId cell = new CellId(scored.prompt(), config.id(), scored.trial(), 0);
            Instant startedAt = clock.instant();
            CompletableFuture<Result> out = new CompletableFuture<>();
            Optional<ModelConfig> known = results.judge(config.id());
            List<Message> copy = messages.stream().anyMatch(Objects::isNull) ? List.of() : List.copyOf(messages);
            if (known.isEmpty() || !known.get().equals(config)) {
                finish(out, refused(cell, startedAt, "model '" + config.id() + "' is not one a scorer of this plan "
                        + "declared in Scorer.models(), so the run cannot call it"));
            } else if (copy.isEmpty()) {
                finish(out, refused(cell, startedAt, "a call to '" + config.id() + "' needs at least one message and no "
                        + "null ones, but got " + messages.size() + " message(s)"));
            } else {
                try {
                    runThread.execute(() -> startCall(this, new ModelRequest(cell, config, copy, 1, Optional.of(scored)),
                            startedAt, out));
                } catch (RejectedExecutionException e) {
                    cancelled = true;
                    finish(out, cancelledCall(cell, startedAt, 0, "the run is over"));
                }
            }
            return out;
        }

        /**
         * Returns whether a call was cancelled or refused because the run stopped.
         *
         * @return true if so
         */
        boolean cancelled() {
            return cancelled;
        }

        /** Keeps a call's result, then hands it to the scorer: kept first, so {@link #recordCalls} sees it. */
        private void finish(CompletableFuture<Result> out, Result result) {
            synchronized (this) {
                if (made == null) {
                    made = new ArrayList<>(1);
                }
                made.add(result);
            }
            out.complete(result);
        }

        /**
         * Adds the calls this caller made that the score does not record itself.
         *
         * @param score the scorer's score
         * @return the score with every call made
         */
        Score recordCalls(Score score) {
            List<Result> calls;
            synchronized (this) {
                if (made == null) {
                    return score;
                }
                calls = List.copyOf(made);
            }
            List<Score.Call> recorded = new ArrayList<>(score.calls());
            Score with = score;
            for (Result r : calls) {
                if (!recorded.remove(Score.Call.of(r))) {
                    with = with.withCall(r);
                }
            }
            return with;
        }
    }

    private void startCall(Caller caller, ModelRequest request, Instant startedAt, CompletableFuture<Result> out) {
        CellId cell = request.cell();
        try {
            if (stopReason.isPresent() || pipeline == null) {
                caller.cancelled = true;
                caller.finish(out, cancelledCall(cell, startedAt, 0, "the run is stopping: " + stopReason.orElse("stopped")));
                return;
            }
            CellCall call = new CellCall(request, cellDeadline, events);
            CompletableFuture<ModelResponse> response = pipeline.call(call);
            inFlight.put(call, response);
            Pending pending = new Pending(caller, call, startedAt, out);
            response.whenCompleteAsync((r, error) -> finishCall(pending, r, error), runThread);
        } catch (RuntimeException | Error e) {
            LOG.error("A judge call for {} could not start", cell, e);
            caller.finish(out, refused(cell, startedAt, "the call could not start: " + e));
        }
    }

    /** A judge call in flight: who asked, the call, when it started and where its result goes. */
    private record Pending(Caller caller, CellCall call, Instant startedAt, CompletableFuture<Result> out) {
    }

    private void finishCall(Pending pending, ModelResponse response, Throwable error) {
        Caller caller = pending.caller();
        CellCall call = pending.call();
        Instant startedAt = pending.startedAt();
        CompletableFuture<Result> out = pending.out();
        try {
            inFlight.remove(call);
            if (error != null && Failures.isCancellation(error) && call.cancelled()) {
                caller.cancelled = true;
                caller.finish(out, cancelledCall(call.cell(), startedAt, call.attempts(), "the run stopped: "
                        + stopReason.orElse("stopped")));
            } else {
                caller.finish(out, results.toResult(call, startedAt, response, error));
            }
        } catch (RuntimeException | Error e) {
            caller.finish(out, refused(call.cell(), startedAt, "the judge's answer could not be handled: " + e));
        }
    }

    private static Result refused(CellId cell, Instant startedAt, String why) {
        return Result.failure(cell, ResultError.of(ErrorKind.INTERNAL, why), Result.Timing.of(startedAt, Duration.ZERO), 0);
    }

    private static Result cancelledCall(CellId cell, Instant startedAt, int attempts, String why) {
        return Result.failure(cell, ResultError.of(ErrorKind.INTERNAL, "judge call cancelled: " + why),
                Result.Timing.of(startedAt, Duration.ZERO), attempts);
    }

    /** Judge calls count their retries with the run's but send no cell events to listeners. */
    private record RetryCounter(LongAdder retries) implements CallEvents {
        @Override
        public void cacheHit(CellCall call) {
            // a judge's cache hit shows in its Score.Call
        }

        @Override
        public void cacheMiss(CellCall call) {
            // nothing to report
        }

        @Override
        public void retry(CellCall call, int failedAttempt, CallException error, Duration delay) {
            retries.increment();
            LOG.debug("Judge call {} attempt {} failed ({}), retrying in {}", call.cell(), failedAttempt,
                    error.getMessage(), Durations.format(delay));
        }
    }
}
