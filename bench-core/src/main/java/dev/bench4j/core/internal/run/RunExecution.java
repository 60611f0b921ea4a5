package dev.bench4j.core.internal.run;

import dev.bench4j.core.BenchException;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Environment;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanSnapshot;
import dev.bench4j.core.Price;
import dev.bench4j.core.Progress;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunHandle;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.internal.Template;
import dev.bench4j.core.internal.pipeline.CallEvents;
import dev.bench4j.core.internal.pipeline.CallPipeline;
import dev.bench4j.core.internal.pipeline.CellCall;
import dev.bench4j.core.internal.pipeline.Durations;
import dev.bench4j.core.internal.pipeline.Failures;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelCaller;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ProviderContext;
import dev.bench4j.core.spi.ResultSink;
import dev.bench4j.core.spi.RunStore;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
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
 * One run of a plan. Its state lives on one thread of its own (the run thread): cells are
 * dispatched there, results come back there, are scored, counted, summarized and handed to sinks
 * and listeners there, so no lock guards it. Provider callbacks hop onto the run thread; nothing
 * the run does blocks a provider's (e.g. an HTTP client's) thread.
 *
 * <p>Cells are numbered so that the model varies fastest, then the prompt, the trial and the
 * repetition; they are never materialized, so memory does not grow with the plan's size.
 */
public final class RunExecution implements RunHandle, CallEvents {

    /** The MDC key holding the run id on bench4j's threads. */
    public static final String MDC_RUN_ID = "bench4j.run_id";

    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);

    private final BenchmarkPlan plan;
    private final Map<String, ModelProviderFactory> factories;
    private final List<Prompt> prompts;
    private final List<ModelConfig> models;
    private final List<Trial> trials;
    private final List<Scorer> scorers;
    private final List<ResultSink> sinks;
    private final Template[][] templates;
    private final List<Optional<Price>> prices;
    private final Map<String, ModelConfig> judges = new LinkedHashMap<>();
    private final Map<String, Optional<Price>> judgePrices = new HashMap<>();
    private final Map<CellCall, CompletableFuture<ModelResponse>> judgeCalls = new ConcurrentHashMap<>();
    private final RunInfo info;
    private final long total;
    private final ExecutorService runThread;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final ListenerDispatcher listeners;
    private final SummaryAccumulator summary;
    private final List<Result> results;
    private final CompletableFuture<Run> future = new CompletableFuture<>();
    private final Map<Long, InFlight> inFlight = new HashMap<>();
    private final LongAdder retries = new LongAdder();
    private final long startNanos;

    // run-thread state; volatile where progress() reads it from other threads
    private CallPipeline pipeline;
    private List<ModelProvider> openProviders = List.of();
    private ScheduledFuture<?> runDeadlineTimer;
    private long next;
    private volatile long done;
    private final Optional<RunStore.StoredRun> resumed;
    private BitSet restored;
    private Map<String, Integer> promptIndex;
    private Map<String, Integer> modelIndex;
    private Map<String, Integer> trialIndex;
    private volatile long succeeded;
    private volatile long failed;
    private volatile long cached;
    private volatile long inFlightCount;
    private volatile long inputTokens;
    private volatile long outputTokens;
    private volatile double spentUsd;
    private boolean stopping;
    private RunStatus stopStatus = RunStatus.COMPLETED;
    private Optional<String> stopReason = Optional.empty();
    private boolean finished;

    /** A cell whose call has not come back yet. */
    private record InFlight(CellCall call, CompletableFuture<ModelResponse> response) {
        void cancel() {
            call.cancel();
            response.cancel(false);
        }
    }

    private RunExecution(BenchmarkPlan plan, Map<String, ModelProviderFactory> factories,
            Optional<RunStore.StoredRun> resumed) {
        this.plan = plan;
        this.factories = factories;
        this.prompts = plan.prompts();
        this.models = plan.models();
        this.trials = plan.trials();
        this.scorers = plan.scorers();
        this.sinks = plan.sinks();
        this.templates = new Template[prompts.size()][];
        for (int p = 0; p < prompts.size(); p++) {
            List<Message> ms = prompts.get(p).messages();
            templates[p] = new Template[ms.size()];
            for (int k = 0; k < ms.size(); k++) {
                templates[p][k] = Template.parse(ms.get(k).content());
            }
        }
        this.prices = models.stream().map(this::priceOf).toList();
        for (Scorer s : scorers) {
            for (ModelConfig j : s.models()) {
                if (judges.putIfAbsent(j.id(), j) == null) {
                    judgePrices.put(j.id(), priceOf(j));
                }
            }
        }
        PlanSnapshot snapshot = new PlanSnapshot(plan.name(), prompts, models, trials.size(),
                TrialFingerprint.of(trials), plan.repetitions(), plan.concurrency(),
                scorers.stream().map(Scorer::name).toList(), List.copyOf(judges.values()), scorerSettings(scorers));
        this.resumed = resumed;
        if (resumed.isPresent()) {
            List<String> differences = ResumeCheck.differences(resumed.get().info().plan(), snapshot);
            if (!differences.isEmpty()) {
                throw new InvalidPlanException(differences.stream()
                        .map(d -> "run '" + resumed.get().info().id() + "' cannot be resumed with this plan: " + d).toList());
            }
        }
        String id = resumed.map(r -> r.info().id()).orElseGet(() -> RunIds.next(plan.clock()));
        Instant startedAt = resumed.map(r -> r.info().startedAt()).orElseGet(() -> plan.clock().instant());
        Environment environment = Environment.current();
        this.info = new RunInfo(id, plan.name(), startedAt, snapshot, environment);
        this.startNanos = System.nanoTime();
        this.total = plan.cellCount();
        this.runThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "bench4j-run-" + id);
            t.setDaemon(true);
            return t;
        });
        this.ownsScheduler = plan.scheduler().isEmpty();
        this.scheduler = plan.scheduler().orElseGet(() -> {
            ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "bench4j-timers-" + id);
                t.setDaemon(true);
                return t;
            });
            s.setRemoveOnCancelPolicy(true);
            return s;
        });
        this.listeners = new ListenerDispatcher(plan.listeners(), id);
        this.summary = new SummaryAccumulator(prompts, models, scorers.stream().map(Scorer::name).toList());
        this.results = plan.retainResults() ? new ArrayList<>() : null;
    }

    private static Map<String, Map<String, Object>> scorerSettings(List<Scorer> scorers) {
        Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
        for (Scorer s : scorers) {
            Map<String, Object> values = s.settings();
            if (!values.isEmpty()) {
                settings.put(s.name(), values);
            }
        }
        return settings;
    }

    private Optional<Price> priceOf(ModelConfig c) {
        return c.price().or(() -> factories.get(c.id()).price(c))
                .or(() -> plan.priceTable().lookup(factories.get(c.id()).name(), c.model()));
    }

    /**
     * Starts a run of a validated plan.
     *
     * @param plan the plan
     * @param factories the factory of each model config, by id
     * @param resumed a stored run to continue, whose finished cells are not called again
     * @return the run's handle
     * @throws InvalidPlanException if the plan differs from the resumed run's
     */
    public static RunHandle start(BenchmarkPlan plan, Map<String, ModelProviderFactory> factories,
            Optional<RunStore.StoredRun> resumed) {
        RunExecution run = new RunExecution(plan, factories, resumed);
        run.runThread.execute(() -> run.guarded(run::begin));
        return run;
    }

    // ---- run thread ----------------------------------------------------------------------------

    private void begin() {
        MDC.put(MDC_RUN_ID, info.id());
        LOG.info("Run {} of plan '{}' started: {} prompts x {} models x {} trials x {} repetitions = {} cells, concurrency {}",
                info.id(), plan.name(), prompts.size(), models.size(), trials.size(), plan.repetitions(), total,
                plan.concurrency());
        listeners.emit(l -> l.onRunStarted(info));
        for (ResultSink sink : sinks) {
            try {
                sink.runStarted(info);
                sink.acceptTrials(info, trials);
            } catch (RuntimeException e) {
                LOG.error("Run {}: result sink {} could not start", info.id(), sink.getClass().getName(), e);
                stop(RunStatus.FAILED, "result sink " + describe(sink) + " could not start: " + e.getMessage());
                return;
            }
        }
        if (resumed.isPresent()) {
            try {
                resumed.get().results().forEach(this::restore);
            } catch (RuntimeException e) {
                LOG.error("Run {} could not read its stored results", info.id(), e);
                stop(RunStatus.FAILED, "could not read the stored results to resume: " + e.getMessage());
                maybeFinish();
                return;
            }
            LOG.info("Run {} resumed: {} of {} cells already done", info.id(), done, total);
        }
        try {
            List<ModelConfig> callable = new ArrayList<>(models);
            Set<String> candidates = new java.util.HashSet<>(models.stream().map(ModelConfig::id).toList());
            judges.values().stream().filter(j -> !candidates.contains(j.id())).forEach(callable::add);
            pipeline = new CallPipeline(new CallPipeline.Settings(callable, openProviders(callable), factories,
                    plan.responseCache(), plan.retryPolicy(), plan.attemptTimeout(), plan.providerConcurrency(), scheduler));
        } catch (RuntimeException e) {
            LOG.error("Run {} could not set up its providers", info.id(), e);
            stop(RunStatus.FAILED, "could not set up the providers: " + e.getMessage());
            return;
        }
        plan.runDeadline().ifPresent(d -> runDeadlineTimer = scheduler.schedule(
                () -> runThread.execute(() -> guarded(() -> stop(RunStatus.CANCELLED,
                        "run deadline of " + Durations.format(d) + " passed"))),
                d.toNanos(), TimeUnit.NANOSECONDS));
        drain();
    }

    /** Names an object's class for messages: its simple name, or its full name when anonymous. */
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
                inFlight.values().forEach(InFlight::cancel);
                cancelJudgeCalls();
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

    private static String describe(Object o) {
        String simple = o.getClass().getSimpleName();
        return simple.isEmpty() ? o.getClass().getName() : simple;
    }

    private Map<String, ModelProvider> openProviders(List<ModelConfig> callable) {
        ProviderContext context = new ProviderContext(plan.environment(), scheduler, plan.baseDirectory(), plan.concurrency());
        Map<ModelProviderFactory, ModelProvider> byFactory = new LinkedHashMap<>();
        Map<String, ModelProvider> byModel = new HashMap<>();
        for (ModelConfig m : callable) {
            ModelProviderFactory f = factories.get(m.id());
            byModel.put(m.id(), byFactory.computeIfAbsent(f, x -> x.create(context)));
        }
        openProviders = List.copyOf(byFactory.values());
        return byModel;
    }

    private void drain() {
        while (!stopping && inFlightCount < plan.concurrency() && next < total) {
            long index = next++;
            if (restored == null || !restored.get(Math.toIntExact(index))) {
                startCell(index);
            }
        }
        maybeFinish();
    }

    /** Counts a result the store kept before the run was interrupted, so its cell is not called again. */
    private void restore(Result r) {
        if (restored == null) {
            if (total > Integer.MAX_VALUE) {
                throw new IllegalStateException("a run of " + total + " cells is too large to resume");
            }
            restored = new BitSet((int) total);
            promptIndex = indexOf(prompts.stream().map(Prompt::name).toList());
            modelIndex = indexOf(models.stream().map(ModelConfig::id).toList());
            trialIndex = indexOf(trials.stream().map(Trial::id).toList());
        }
        CellId c = r.cell();
        Integer p = promptIndex.get(c.prompt());
        Integer m = modelIndex.get(c.model());
        Integer t = trialIndex.get(c.trial());
        if (p == null || m == null || t == null || c.repetition() >= plan.repetitions()) {
            throw new IllegalStateException("a stored result is for cell " + c + ", which this plan does not have");
        }
        long index = (((long) c.repetition() * trials.size() + t) * prompts.size() + p) * models.size() + m;
        if (restored.get((int) index)) {
            return;   // kept twice (a crash between append and checkpoint): count it once
        }
        restored.set((int) index);
        count(r, p, m);
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), i);
        }
        return map;
    }

    private void startCell(long index) {
        int m = (int) (index % models.size());
        long rest = index / models.size();
        int p = (int) (rest % prompts.size());
        rest /= prompts.size();
        int t = (int) (rest % trials.size());
        int rep = (int) (rest / trials.size());
        ModelConfig model = models.get(m);
        Trial trial = trials.get(t);
        CellId cell = new CellId(prompts.get(p).name(), model.id(), trial.id(), rep);
        Instant startedAt = plan.clock().instant();
        inFlightCount++;
        if (listeners.active()) {
            listeners.emit(l -> l.onCellStarted(cell));
        }
        List<Message> messages;
        try {
            messages = render(p, trial);
        } catch (RuntimeException e) {
            finishCell(index, p, m, Result.failure(cell, ResultError.of(ErrorKind.INTERNAL, e.getMessage()),
                    Result.Timing.of(startedAt, Duration.ZERO), 0));
            return;
        }
        CellCall call = new CellCall(new ModelRequest(cell, model, messages, 1), plan.cellDeadline(), this);
        CompletableFuture<ModelResponse> f = pipeline.call(call);
        inFlight.put(index, new InFlight(call, f));
        f.whenCompleteAsync((response, error) -> guarded(() -> onCallDone(index, p, m, t, call, startedAt, response, error)),
                runThread);
    }

    private List<Message> render(int p, Trial trial) {
        Prompt prompt = prompts.get(p);
        List<Message> source = prompt.messages();
        List<Message> out = new ArrayList<>(source.size());
        for (int k = 0; k < source.size(); k++) {
            Template tpl = templates[p][k];
            String content = tpl.isConstant() ? tpl.source() : tpl.render(trial.vars(), v -> new IllegalStateException(
                    "Prompt '" + prompt.name() + "' uses variable '" + v + "' but trial '" + trial.id() + "' has no such variable"));
            out.add(new Message(source.get(k).role(), content));
        }
        return out;
    }

    private void onCallDone(long index, int p, int m, int t, CellCall call, Instant startedAt, ModelResponse response,
            Throwable error) {
        if (finished) {
            return;   // the run failed on an internal error and is over
        }
        inFlight.remove(index);
        if (error != null && Failures.isCancellation(error) && call.cancelled()) {
            inFlightCount--;
            maybeFinish();
            return;
        }
        Result result = toResult(call, models.get(m), prices.get(m), startedAt, response, error);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Cell {} {} in {} ms after {} attempt(s){}", result.cell(),
                    result.succeeded() ? "ok" : "failed (" + result.error().get().kind().wireName() + ")",
                    result.latency().toMillis(), result.attempts(), result.cached() ? " from cache" : "");
        }
        if (!result.succeeded() || scorers.isEmpty()) {
            finishCell(index, p, m, result);
            return;
        }
        List<JudgeCaller> callers = new ArrayList<>(scorers.size());
        CompletableFuture<Result> scored = score(result, trials.get(t), p, models.get(m), call.request().messages(), callers);
        if (scored.isDone()) {
            finishScored(index, p, m, scored.join(), callers);
        } else {
            scored.whenCompleteAsync((r, e) -> guarded(() -> finishScored(index, p, m, r, callers)), runThread);
        }
    }

    /**
     * Finishes a scored cell, unless a judge call of it was cancelled because the run stopped: then
     * the cell is dropped like a cancelled call, so that a resume scores it again.
     */
    private void finishScored(long index, int p, int m, Result result, List<JudgeCaller> callers) {
        if (finished) {
            return;   // the run failed on an internal error and is over
        }
        for (JudgeCaller c : callers) {
            if (c.cancelled) {
                inFlightCount--;
                maybeFinish();
                return;
            }
        }
        finishCell(index, p, m, result);
    }

    private static Result toResult(CellCall call, ModelConfig model, Optional<Price> price, Instant startedAt,
            ModelResponse response, Throwable error) {
        long latencyNanos = call.cacheHit() || call.lastAttemptNanos() < 0 ? call.elapsedNanos() : call.lastAttemptNanos();
        if (error != null) {
            CallException e = Failures.isCancellation(error)
                    ? new CallException(ErrorKind.INTERNAL, "the call was cancelled by its provider")
                    : Failures.toCallException(error, model.provider());
            return Result.failure(call.cell(), new ResultError(e.kind(), e.getMessage(), e.httpStatus()),
                    Result.Timing.of(startedAt, Duration.ofNanos(latencyNanos)), call.attempts());
        }
        OptionalDouble cost = price.map(pr -> pr.cost(response.usage())).orElse(OptionalDouble.empty());
        Optional<ResultError> problem = Optional.empty();
        FinishReason finish = response.finishReason();
        if (finish == FinishReason.LENGTH && response.text().isBlank()) {
            problem = Optional.of(ResultError.of(ErrorKind.EMPTY_OUTPUT, "the model reached its output token limit"
                    + model.parameters().maxOutputTokens().stream().mapToObj(n -> " (" + n + ")").findFirst().orElse("")
                    + " before writing any answer; a reasoning model may have spent it all thinking: raise max_output_tokens"));
        }
        boolean hit = call.cacheHit();
        return new Result(call.cell(), response.text(), finish, response.rawFinishReason(), response.usage(),
                new Result.Timing(startedAt, Duration.ofNanos(latencyNanos), hit ? Optional.empty() : response.timeToFirstToken()),
                cost, hit, hit ? 0 : call.attempts(), response.modelVersion(), problem, Map.of(),
                hit ? Map.of() : response.metrics());
    }

    private CompletableFuture<Result> score(Result result, Trial trial, int p, ModelConfig model, List<Message> messages,
            List<JudgeCaller> callers) {
        List<CompletableFuture<Score>> futures = new ArrayList<>(scorers.size());
        for (Scorer s : scorers) {
            JudgeCaller caller = new JudgeCaller(result.cell());
            callers.add(caller);
            ScoreRequest request = new ScoreRequest(result, trial, prompts.get(p), model, messages, caller);
            CompletableFuture<Score> f;
            try {
                CompletionStage<Score> stage = s.score(request);
                f = stage == null ? CompletableFuture.completedFuture(Score.error("scorer returned null"))
                        : stage.toCompletableFuture();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            futures.add(f.handle((score, e) -> caller.recordCalls(e != null ? Score.error("scorer '" + s.name() + "' failed: "
                    + Failures.unwrap(e)) : score == null ? Score.error("scorer '" + s.name() + "' returned null") : score)));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, Score> scores = new LinkedHashMap<>();
            for (int i = 0; i < scorers.size(); i++) {
                scores.put(scorers.get(i).name(), futures.get(i).join());
            }
            return result.withScores(scores);
        });
    }

    private void finishCell(long index, int p, int m, Result result) {
        inFlightCount--;
        count(result, p, m);
        for (ResultSink sink : sinks) {
            try {
                sink.accept(result);
            } catch (RuntimeException e) {
                LOG.error("Run {}: result sink {} failed; stopping the run", info.id(), sink.getClass().getName(), e);
                stop(RunStatus.FAILED, "result sink " + describe(sink) + " could not keep a result: "
                        + e.getMessage());
                break;
            }
        }
        if (listeners.active()) {
            listeners.emit(l -> l.onCellFinished(result));
        }
        drain();
    }

    /** Adds a finished cell to the counters, the summary and the kept results. */
    private void count(Result result, int p, int m) {
        if (result.succeeded()) {
            succeeded++;
        } else {
            failed++;
        }
        if (result.cached()) {
            cached++;
        }
        inputTokens += result.usage().inputTokens().orElse(0);
        outputTokens += result.usage().outputTokens().orElse(0);
        if (!result.cached() && result.costUsd().isPresent()) {
            spentUsd += result.costUsd().getAsDouble();
        }
        done++;   // last: progress() reads done first, so it never sees a cell counted without its tokens
        summary.add(result, p, m);
        if (results != null) {
            results.add(result);
        }
    }

    private void stop(RunStatus status, String reason) {
        if (stopping || finished) {
            return;
        }
        stopping = true;
        stopStatus = status;
        stopReason = Optional.of(reason);
        LOG.info("Run {} stopping: {}", info.id(), reason);
        for (InFlight cell : List.copyOf(inFlight.values())) {
            cell.cancel();
        }
        cancelJudgeCalls();
        maybeFinish();
    }

    private void maybeFinish() {
        if (finished || inFlightCount > 0 || !(stopping || next >= total)) {
            return;
        }
        finished = true;
        if (runDeadlineTimer != null) {
            runDeadlineTimer.cancel(false);
        }
        RunStatus status = stopping ? stopStatus : RunStatus.COMPLETED;
        Optional<String> reason = stopping ? stopReason : Optional.empty();
        Instant end = plan.clock().instant();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Run run = new Run(info, status, reason, end, results == null ? List.of() : results, summary.build(elapsed));
        for (ResultSink sink : sinks) {
            try {
                sink.runFinished(run);
            } catch (RuntimeException e) {
                LOG.error("Run {}: result sink {} could not finish", info.id(), sink.getClass().getName(), e);
                run = new Run(info, RunStatus.FAILED, Optional.of("result sink " + describe(sink)
                        + " could not finish: " + e.getMessage()), end, run.results(), run.summary());
            }
        }
        Run finalRun = run;
        listeners.emit(l -> l.onRunFinished(finalRun));
        listeners.close();
        for (ModelProvider provider : openProviders) {
            try {
                provider.close();
            } catch (Exception e) {
                LOG.warn("Run {}: closing provider {} failed: {}", info.id(), provider.getClass().getName(), e.toString());
            }
        }
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        LOG.info("Run {} {} in {}: {} cells, {} succeeded, {} failed, {} cached", info.id(), status.wireName(),
                Durations.format(elapsed), done, succeeded, failed, cached);
        MDC.remove(MDC_RUN_ID);
        runThread.shutdown();
        future.complete(finalRun);
    }

    /**
     * Sends one scorer's calls for one cell through the run's pipeline. A call starts on the run
     * thread (where the pipeline's state lives) and its result is built there; the returned stage
     * always completes, with a failed {@link Result} when the call could not be made. The calls it
     * made are kept, so the run records them in the score even if the scorer did not.
     */
    private final class JudgeCaller implements ModelCaller {
        private final CellId scored;
        /** The calls made, in order; made on the first call, as most scorers call no model. */
        private List<Result> made;
        /** Set when a call was cancelled or refused because the run is stopping. */
        volatile boolean cancelled;

        JudgeCaller(CellId scored) {
            this.scored = scored;
        }

        @Override
        public CompletionStage<Result> call(ModelConfig config, List<Message> messages) {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(messages, "messages");
            // repetition 0: a judge is asked once per distinct review prompt, whichever repetition it grades
            CellId cell = new CellId(scored.prompt(), config.id(), scored.trial(), 0);
            Instant startedAt = plan.clock().instant();
            CompletableFuture<Result> out = new CompletableFuture<>();
            ModelConfig known = judges.get(config.id());
            List<Message> copy = messages.stream().anyMatch(Objects::isNull) ? List.of() : List.copyOf(messages);
            if (known == null || !known.equals(config)) {
                finish(out, refused(cell, startedAt, "model '" + config.id() + "' is not one a scorer of this plan "
                        + "declared in Scorer.models(), so the run cannot call it"));
            } else if (copy.isEmpty()) {
                finish(out, refused(cell, startedAt, "a call to '" + config.id() + "' needs at least one message and no "
                        + "null ones, but got " + messages.size() + " message(s)"));
            } else {
                try {
                    runThread.execute(() -> startJudgeCall(this, cell, config, copy, startedAt, out));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    cancelled = true;
                    finish(out, cancelled(cell, startedAt, 0, "the run is over"));
                }
            }
            return out;
        }

        /** Keeps a call's result, then hands it to the scorer: kept first, so {@link #recordCalls} sees it. */
        void finish(CompletableFuture<Result> out, Result result) {
            synchronized (this) {
                if (made == null) {
                    made = new ArrayList<>(1);
                }
                made.add(result);
            }
            out.complete(result);
        }

        /** Adds the calls this caller made that the score does not record itself. */
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

    private void startJudgeCall(JudgeCaller caller, CellId cell, ModelConfig config, List<Message> messages,
            Instant startedAt, CompletableFuture<Result> out) {
        try {
            if (stopping || finished) {
                caller.cancelled = true;
                caller.finish(out, cancelled(cell, startedAt, 0, "the run is stopping: " + stopReason.orElse("stopped")));
                return;
            }
            CellCall call = new CellCall(new ModelRequest(cell, config, messages, 1, Optional.of(caller.scored)),
                    plan.cellDeadline(), judgeEvents);
            CompletableFuture<ModelResponse> response = pipeline.call(call);
            judgeCalls.put(call, response);
            response.whenCompleteAsync((r, error) -> {
                try {
                    judgeCalls.remove(call);
                    if (error != null && Failures.isCancellation(error) && call.cancelled()) {
                        caller.cancelled = true;
                        caller.finish(out, cancelled(cell, startedAt, call.attempts(), "the run stopped: "
                                + stopReason.orElse("stopped")));
                    } else {
                        caller.finish(out, toResult(call, config, judgePrices.get(config.id()), startedAt, r, error));
                    }
                } catch (RuntimeException | Error e) {
                    caller.finish(out, refused(cell, startedAt, "the judge's answer could not be handled: " + e));
                }
            }, runThread);
        } catch (RuntimeException | Error e) {
            LOG.error("Run {}: a judge call could not start", info.id(), e);
            caller.finish(out, refused(cell, startedAt, "the call could not start: " + e));
        }
    }

    private void cancelJudgeCalls() {
        judgeCalls.forEach((call, response) -> {
            call.cancel();
            response.cancel(false);
        });
    }

    private static Result refused(CellId cell, Instant startedAt, String why) {
        return Result.failure(cell, ResultError.of(ErrorKind.INTERNAL, why), Result.Timing.of(startedAt, Duration.ZERO), 0);
    }

    private static Result cancelled(CellId cell, Instant startedAt, int attempts, String why) {
        return Result.failure(cell, ResultError.of(ErrorKind.INTERNAL, "judge call cancelled: " + why),
                Result.Timing.of(startedAt, Duration.ZERO), attempts);
    }

    /** Judge calls count their retries with the run's but send no cell events to listeners. */
    private final CallEvents judgeEvents = new CallEvents() {
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
    };

    // ---- pipeline events (any thread) ----------------------------------------------------------

    @Override
    public void cacheHit(CellCall call) {
        listeners.emit(l -> l.onCacheHit(call.cell()));
    }

    @Override
    public void cacheMiss(CellCall call) {
        listeners.emit(l -> l.onCacheMiss(call.cell()));
    }

    @Override
    public void retry(CellCall call, int failedAttempt, CallException error, Duration delay) {
        retries.increment();
        if (LOG.isDebugEnabled()) {
            LOG.debug("Cell {} attempt {} failed ({}), retrying in {}", call.cell(), failedAttempt, error.getMessage(),
                    Durations.format(delay));
        }
        if (listeners.active()) {
            ResultError e = new ResultError(error.kind(), error.getMessage(), error.httpStatus());
            listeners.emit(l -> l.onRetry(call.cell(), failedAttempt, e, delay));
        }
    }

    // ---- RunHandle (any thread) ----------------------------------------------------------------

    @Override
    public String id() {
        return info.id();
    }

    @Override
    public Progress progress() {
        long d = done;
        Duration elapsed = Duration.between(info.startedAt(), plan.clock().instant());
        if (elapsed.isNegative()) {
            elapsed = Duration.ZERO;
        }
        Optional<Duration> eta = d == 0 || d >= total || future.isDone() ? Optional.empty()
                : Optional.of(Duration.ofNanos((long) (elapsed.toNanos() * ((double) (total - d) / d))));
        return new Progress(total, d, succeeded, failed, cached, retries.sum(), inFlightCount, inputTokens, outputTokens,
                spentUsd, elapsed, eta);
    }

    @Override
    public void cancel() {
        if (!future.isDone()) {
            try {
                runThread.execute(() -> guarded(() -> stop(RunStatus.CANCELLED, "cancelled")));
            } catch (java.util.concurrent.RejectedExecutionException e) {
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
