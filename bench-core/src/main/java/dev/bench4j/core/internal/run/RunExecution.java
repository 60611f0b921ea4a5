package dev.bench4j.core.internal.run;

import dev.bench4j.core.BenchException;
import dev.bench4j.core.CellGrid;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Progress;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.ResumeOptions;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunHandle;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.RunWarning;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.core.internal.pipeline.CallPipeline;
import dev.bench4j.core.internal.pipeline.CellCall;
import dev.bench4j.core.internal.pipeline.Durations;
import dev.bench4j.core.internal.pipeline.Failures;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.RunStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One run of a plan: dispatches its cells and owns its lifecycle (start, stop, end). Its state lives
 * on one thread of its own (the run thread): cells are dispatched there, results come back there, are
 * scored ({@link CellResults}, with judge calls by {@link JudgeCalls}), counted ({@link RunTally}) and
 * handed to sinks ({@link RunSinks}) and listeners there, so no lock guards it. Provider callbacks hop
 * onto the run thread; nothing the run does blocks a provider's (e.g. an HTTP client's) thread.
 *
 * <p>Cells run in {@link CellGrid} order; they are never materialized, so memory does not grow with
 * the plan's size.
 */
public final class RunExecution implements RunHandle {

    /** The MDC key holding the run id on bench4j's threads. */
    static final String MDC_RUN_ID = Run.MDC_RUN_ID;

    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);

    private final RunSettings settings;
    private final CellGrid grid;
    private final long total;
    private final RunInfo info;
    private final Optional<RunStore.StoredRun> resumed;
    private final ResumeOptions resumeOptions;
    private final ExecutorService runThread;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final ListenerDispatcher listeners;
    private final RunSinks sinks;
    private final RunLog log;
    private final RunTally tally;
    private RunHealth health;   // replaced when a resume counts the stored results a second time
    private final PromptRenderer renderer;
    private final CellResults results;
    private final JudgeCalls judgeCalls;
    private final RunProviders providers;
    private final CellEvents cellEvents;
    private final LongAdder retries = new LongAdder();
    private final CompletableFuture<Run> future = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();

    // run-thread state; volatile where progress() reads it from other threads
    private final Map<Long, CellTask> inFlight = new HashMap<>();
    private volatile long inFlightCount;
    private long next;
    private ResumedCells restored;
    private volatile CallPipeline pipeline;   // volatile: progress() reads its concurrency
    private ScheduledFuture<?> runDeadlineTimer;
    private boolean stopping;
    private boolean draining;   // stopping without cancelling the cells in flight (a budget cap was reached)
    private RunStatus stopStatus = RunStatus.COMPLETED;
    private Optional<String> stopReason = Optional.empty();
    private boolean finished;

    /** A cell whose call has not come back yet. */
    private record CellTask(long index, CellGrid.Position at, CellCall call, Instant startedAt,
            CompletableFuture<ModelResponse> response) {
        void cancel() {
            call.cancel();
            response.cancel(false);
        }
    }

    private RunExecution(RunSettings settings, Optional<RunStore.StoredRun> resumed, ResumeOptions resumeOptions) {
        this.settings = settings;
        this.grid = settings.grid();
        this.total = grid.size();
        this.results = new CellResults(settings);
        this.info = RunInfos.of(settings, results.judges(), resumed);
        this.resumed = resumed;
        this.resumeOptions = resumeOptions;
        this.runThread = newRunThread(info.id());
        this.ownsScheduler = settings.services().scheduler().isEmpty();
        this.scheduler = settings.services().scheduler().orElseGet(() -> newScheduler(info.id()));
        this.listeners = new ListenerDispatcher(settings.outputs().listeners(), info.id());
        this.sinks = new RunSinks(settings.outputs().allSinks(), settings.outputs().checkpointEvery(), info.id());
        this.log = new RunLog(sinks, settings.services().clock());
        this.tally = new RunTally(settings);
        this.health = RunHealth.of(settings);
        this.renderer = new PromptRenderer(settings.prompts());
        this.judgeCalls = new JudgeCalls(results, runThread, settings, retries);
        this.providers = new RunProviders(settings, info.id());
        this.cellEvents = new CellEvents(listeners, retries);
    }

    private static ExecutorService newRunThread(String id) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(withRunId(id, r), "bench4j-run-" + id);
            t.setDaemon(true);
            return t;
        });
    }

    /** A thread body that carries the run id in the MDC for everything it logs. */
    static Runnable withRunId(String id, Runnable body) {
        return () -> {
            MDC.put(MDC_RUN_ID, id);
            body.run();
        };
    }

    private static ScheduledExecutorService newScheduler(String id) {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(withRunId(id, r), "bench4j-timers-" + id);
            t.setDaemon(true);
            return t;
        });
        s.setRemoveOnCancelPolicy(true);
        return s;
    }

    /**
     * Starts a run of a validated plan.
     *
     * @param settings the plan's settings
     * @param resumed a stored run to continue, whose finished cells are not called again
     * @return the run's handle
     * @throws InvalidPlanException if the plan differs from the resumed run's
     */
    public static RunHandle start(RunSettings settings, Optional<RunStore.StoredRun> resumed) {
        return start(settings, resumed, ResumeOptions.plain());
    }

    /**
     * Starts a run of a validated plan, or continues a stored run calling its failed cells again
     * when the options say so.
     *
     * @param settings the plan's settings
     * @param resumed a stored run to continue, whose finished cells are not called again
     * @param options whether the resumed run's failed cells are called again
     * @return the run's handle
     * @throws InvalidPlanException if the plan differs from the resumed run's
     */
    public static RunHandle start(RunSettings settings, Optional<RunStore.StoredRun> resumed, ResumeOptions options) {
        RunExecution run = new RunExecution(settings, resumed, options);
        run.runThread.execute(() -> run.guarded(run::begin));
        return run;
    }

    // ---- run thread ----------------------------------------------------------------------------

    private void begin() {
        listeners.emit(l -> l.onRunStarted(info));
        Optional<String> refused = sinks.open(info, settings.trials());
        log.info("Run {} of plan '{}' started: {} prompts x {} models x {} trials x {} repetitions = {} cells, concurrency {}",
                info.id(), settings.name(), grid.prompts(), grid.models(), grid.trials(), grid.repetitions(), total,
                settings.limits().concurrency());
        if (refused.isPresent()) {
            stop(RunStatus.FAILED, refused.get());
            return;
        }
        if (resumed.isPresent() && !restoreStored(resumed.get())) {
            return;
        }
        try {
            pipeline = new CallPipeline(providers.open(results.judges(), scheduler));
            judgeCalls.start(pipeline);
        } catch (RuntimeException e) {
            log.error("Run " + info.id() + " could not set up its providers", e);
            stop(RunStatus.FAILED, "could not set up the providers: " + e.getMessage());
            return;
        }
        warnUnpriced();
        settings.limits().runDeadline().ifPresent(d -> runDeadlineTimer = scheduler.schedule(
                () -> runThread.execute(() -> guarded(() -> stop(RunStatus.CANCELLED,
                        "run deadline of " + Durations.format(d) + " passed"))),
                d.toNanos(), TimeUnit.NANOSECONDS));
        drain();
    }

    /** Logs once that a cost cap cannot count the calls of models whose price is unknown. */
    private void warnUnpriced() {
        if (settings.control().budget().maxCostUsd().isPresent()) {
            List<String> unpriced = results.unpriced();
            if (!unpriced.isEmpty()) {
                log.warn("Run {}: the cost cap ({}) cannot be enforced for {}: no price is known, so their calls "
                        + "count as $0 toward it (set a price in the model config or the price table)", info.id(),
                        settings.control().budget(), String.join(", ", unpriced));
            }
        }
    }

    /**
     * Counts the results a store kept before the run was interrupted, so their cells are not called
     * again (unless failed cells are retried); each cell's newest stored result is the one counted.
     */
    private boolean restoreStored(RunStore.StoredRun stored) {
        try {
            restored = new ResumedCells(settings, resumeOptions);
            stored.results().forEach(r -> {
                tally.spendStored(r);
                restored.scan(r, this::countStored);
            });
            if (restored.needsSecondPass()) {
                tally.clear();
                health = RunHealth.of(settings);
                stored.results().forEach(r -> restored.newest(r, this::countStored));
                restored.countNewest(this::countStored);
            }
        } catch (RuntimeException e) {
            log.error("Run " + info.id() + " could not read its stored results", e);
            stop(RunStatus.FAILED, "could not read the stored results to resume: " + e.getMessage());
            maybeFinish();
            return false;
        }
        tally.addRetried(restored.retriedBefore());
        log.info("Run {} resumed: {} of {} cells already done{}", info.id(), tally.done(), total,
                resumeOptions.retry() ? "; " + restored.retrying() + " failed cells to call again (" + resumeOptions + ")"
                        : "");
        return true;
    }

    private void countStored(Result r, CellGrid.Position at) {
        tally.countStored(r, at.prompt(), at.model());
        health.add(r, at);
    }

    /**
     * Runs a task on the run thread so that a bug (an exception nobody expected) fails the run with
     * a reason instead of leaving it, and whoever waits for it, hanging.
     */
    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.error("Run {}: internal error; failing the run", info.id(), e);
            if (!finished) {
                stopping = true;
                stopStatus = RunStatus.FAILED;
                stopReason = Optional.of("internal error: " + e);
                inFlight.values().forEach(CellTask::cancel);
                judgeCalls.stop(stopReason.get());
                inFlightCount = 0;   // the run cannot be trusted any more: do not wait for cells in flight
                try {
                    maybeFinish();
                } catch (RuntimeException | Error again) {
                    e.addSuppressed(again);
                }
            }
            if (!future.isDone()) {
                future.completeExceptionally(e);
                runThread.shutdown();
            }
        }
    }

    private void drain() {
        int concurrency = settings.limits().concurrency();
        while (!stopping && inFlightCount < concurrency && next < total) {
            long index = next;
            if (restored != null && restored.isDone(index)) {
                next++;
                continue;
            }
            String over = tally.overBudget(inFlightCount);
            if (over != null) {
                stopDispatching(RunStatus.BUDGET_EXCEEDED, over);
                break;
            }
            next++;
            startCell(index);
        }
        maybeFinish();
    }

    private void startCell(long index) {
        CellGrid.Position at = grid.position(index);
        ModelConfig model = settings.models().get(at.model());
        Trial trial = settings.trials().get(at.trial());
        CellId cell = new CellId(settings.prompts().get(at.prompt()).name(), model.id(), trial.id(), at.repetition());
        Instant startedAt = settings.services().clock().instant();
        inFlightCount++;
        if (listeners.active()) {
            listeners.emit(l -> l.onCellStarted(cell));
        }
        List<Message> messages;
        try {
            messages = renderer.render(at.prompt(), trial);
        } catch (RuntimeException e) {
            finishCell(at, Result.failure(cell, ResultError.of(ErrorKind.INTERNAL, e.getMessage()),
                    Result.Timing.of(startedAt, Duration.ZERO), 0));
            return;
        }
        CellCall call = new CellCall(new ModelRequest(cell, model, messages, 1), settings.limits().cellDeadline(), cellEvents);
        CellTask task = new CellTask(index, at, call, startedAt, pipeline.call(call));
        inFlight.put(index, task);
        task.response().whenCompleteAsync((response, error) -> guarded(() -> onCallDone(task, response, error)), runThread);
    }

    private void onCallDone(CellTask task, ModelResponse response, Throwable error) {
        if (finished) {
            return;   // the run failed on an internal error and is over
        }
        inFlight.remove(task.index());
        if (error != null && Failures.isCancellation(error) && task.call().cancelled()) {
            dropCell();
            return;
        }
        Result result = results.toResult(task.call(), task.startedAt(), response, error);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Cell {} {} in {} ms after {} attempt(s){}", result.cell(),
                    result.succeeded() ? "ok" : "failed (" + result.error().get().kind().wireName() + ")",
                    result.latency().toMillis(), result.attempts(), result.cached() ? " from cache" : "");
        }
        if (!result.succeeded() || !results.scores()) {
            finishCell(task.at(), result);
            return;
        }
        CellGrid.Position at = task.at();
        CellResults.Scoring scoring = results.score(result, task.call(), settings.trials().get(at.trial()),
                settings.prompts().get(at.prompt()), judgeCalls);
        if (scoring.result().isDone()) {
            finishScored(at, scoring);
        } else {
            scoring.result().whenCompleteAsync((r, e) -> guarded(() -> finishScored(at, scoring)), runThread);
        }
    }

    /**
     * Finishes a scored cell, unless a judge call of it was cancelled because the run stopped: then
     * the cell is dropped like a cancelled call, so that a resume scores it again.
     */
    private void finishScored(CellGrid.Position at, CellResults.Scoring scoring) {
        if (finished) {
            return;   // the run failed on an internal error and is over
        }
        if (scoring.cancelled()) {
            dropCell();
        } else {
            finishCell(at, scoring.result().join());
        }
    }

    /** Forgets a cell the run stopped before it finished: it has no result, and a resume runs it again. */
    private void dropCell() {
        inFlightCount--;
        maybeFinish();
    }

    private void finishCell(CellGrid.Position at, Result result) {
        inFlightCount--;
        if (restored != null && resumeOptions.retry()) {
            long index = grid.index(at);
            if (restored.isRetry(index) && restored.markRetried(index)) {
                tally.addRetried(1);
            }
        }
        tally.count(result, at.prompt(), at.model());
        if (!result.succeeded()) {
            result.error().ifPresent(e -> log.detail("Cell {} failed: {}: {}", result.cell(), e.kind().wireName(),
                    e.message()));
        }
        health.add(result, at);
        sinks.accept(result, this::summarySoFar).ifPresent(reason -> stop(RunStatus.FAILED, reason));
        if (listeners.active()) {
            listeners.emit(l -> l.onCellFinished(result));
        }
        drain();
    }

    private Summary summarySoFar() {
        return withConcurrency(tally.summary(Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    /** Adds how adaptive concurrency changed the endpoints' limits so far. */
    private Summary withConcurrency(Summary summary) {
        CallPipeline p = pipeline;
        return p == null ? summary : summary.withConcurrency(p.concurrencyHistory());
    }

    /**
     * Dispatches no more cells but lets the cells in flight finish: the run ends with this status
     * once they have. A later {@link #stop} (a cancel, a deadline) still cancels them.
     */
    private void stopDispatching(RunStatus status, String reason) {
        if (stopping || finished) {
            return;
        }
        stopping = true;
        draining = true;
        stopStatus = status;
        stopReason = Optional.of(reason);
        log.info("Run {} dispatches no more cells ({} in flight finish): {}", info.id(), inFlightCount, reason);
        maybeFinish();
    }

    private void stop(RunStatus status, String reason) {
        if ((stopping && !draining) || finished) {
            return;
        }
        draining = false;
        stopping = true;
        stopStatus = status;
        stopReason = Optional.of(reason);
        log.info("Run {} stopping: {}", info.id(), reason);
        for (CellTask cell : List.copyOf(inFlight.values())) {
            cell.cancel();
        }
        judgeCalls.stop(reason);
        maybeFinish();
    }

    private void maybeFinish() {
        if (finished || inFlightCount > 0 || !(stopping || next >= total)) {
            return;
        }
        finished = true;
        judgeCalls.stop(stopReason.orElse("stopped"));
        if (runDeadlineTimer != null) {
            runDeadlineTimer.cancel(false);
        }
        if (restored != null) {
            restored.countNotRetried(this::countStored);   // a stopped retry keeps the failures it did not call again
        }
        RunStatus status = stopping ? stopStatus : RunStatus.COMPLETED;
        Optional<String> reason = stopping ? stopReason : Optional.empty();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        List<RunWarning> warnings = health.warnings();
        warnings.forEach(w -> log.info("Run {} warning {}: {}", info.id(), w.code(), w.message()));
        Progress counts = progress();
        log.info("Run {} {} in {}: {} cells, {} succeeded, {} failed, {} cached", info.id(), status.wireName(),
                Durations.format(elapsed), counts.done(), counts.succeeded(), counts.failed(), counts.cached());
        Run run = sinks.finish(new Run(info, status, reason, settings.services().clock().instant(), tally.results(),
                withConcurrency(tally.summary(elapsed)), warnings));
        listeners.emit(l -> l.onRunFinished(run));
        listeners.close();
        providers.close();
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        runThread.shutdown();
        future.complete(run);
    }

    // ---- RunHandle (any thread) ----------------------------------------------------------------

    @Override
    public String id() {
        return info.id();
    }

    @Override
    public Progress progress() {
        Duration elapsed = Duration.between(info.startedAt(), settings.services().clock().instant());
        Progress p = tally.progress(total, retries.sum(), inFlightCount, elapsed.isNegative() ? Duration.ZERO : elapsed,
                future.isDone());
        CallPipeline calls = pipeline;
        Map<String, Integer> lowered = calls == null || future.isDone() ? Map.of() : calls.loweredConcurrency();
        return lowered.isEmpty() ? p : p.withLoweredConcurrency(lowered);
    }

    @Override
    public void cancel() {
        cancel("cancelled");
    }

    @Override
    public void cancel(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (!future.isDone()) {
            try {
                runThread.execute(() -> guarded(() -> stop(RunStatus.CANCELLED, reason)));
            } catch (RejectedExecutionException e) {
                // the run has just finished
            }
        }
    }

    @Override
    public boolean isDone() {
        return future.isDone();
    }

    @Override
    public Run await() {
        return waitFor(future::get).orElseThrow();
    }

    @Override
    public Optional<Run> await(Duration timeout) {
        return waitFor(() -> future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** How {@link #waitFor} reads the future. */
    private interface FutureRead {
        Run get() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private Optional<Run> waitFor(FutureRead read) {
        try {
            return Optional.of(read.get());
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while waiting for run " + info.id(), e);
        } catch (ExecutionException e) {
            throw new BenchException("run " + info.id() + " broke: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public CompletableFuture<Run> future() {
        return future.copy();
    }

    @Override
    public String toString() {
        return "RunHandle[" + info.id() + " " + (future.isDone() ? "done" : "running") + "]";
    }
}
