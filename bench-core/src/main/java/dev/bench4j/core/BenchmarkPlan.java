package dev.bench4j.core;

import dev.bench4j.core.internal.ChecksScorer;
import dev.bench4j.core.internal.PlanValidator;
import dev.bench4j.core.internal.ProviderRegistry;
import dev.bench4j.core.internal.run.PromptRenderer;
import dev.bench4j.core.internal.run.RunExecution;
import dev.bench4j.core.internal.run.RunSettings;
import dev.bench4j.core.internal.run.Subsets;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ResponseCache;
import dev.bench4j.core.spi.ResultSink;
import dev.bench4j.core.spi.RunStore;
import dev.bench4j.core.spi.Scorer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A benchmark: every prompt × every model config × every trial, repeated, scored. Describe it with
 * the fluent {@link Builder}, then {@link #run()} it (blocking) or {@link #start()} it.
 *
 * <pre>{@code
 * Run run = BenchmarkPlan.named("triage")
 *     .prompt(Prompt.named("v1").system("You are a triage nurse.").user("Classify: {{text}}"))
 *     .model(ModelConfig.of("echo", "echo-1"))
 *     .trials(List.of(Trial.of("t1", Map.of("text", "chest pain"))))
 *     .repetitions(3)
 *     .concurrency(16)
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>A plan is immutable and can run any number of times; each run is a new {@link Run}. Its
 * response cache outlives its runs, so a second run of the same plan is served from the cache.
 * Every call goes through the same pipeline: response cache → rate limiter → retry → concurrency
 * limits (taken per attempt) → per-attempt timeout → provider.
 */
public final class BenchmarkPlan {

    private final RunSettings settings;

    private BenchmarkPlan(RunSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts describing a plan.
     *
     * @param name the plan's name, kept with every run
     * @return a builder
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /**
     * Runs the plan and waits for it to end.
     *
     * @return the run: completed, or failed / cancelled with a reason
     * @throws BenchException if the waiting thread is interrupted (the run is cancelled)
     */
    public Run run() {
        RunHandle handle = start();
        try {
            return handle.await();
        } catch (BenchException e) {
            handle.cancel();
            throw e;
        }
    }

    /**
     * Starts the plan and returns at once.
     *
     * @return a handle to watch, cancel or wait for the run
     */
    public RunHandle start() {
        return RunExecution.start(settings, Optional.empty());
    }

    /**
     * Continues a run kept in this plan's store, blocking until it ends: cells whose results the
     * store already holds are not called again, the others run as usual and are appended, and the
     * summary covers them all. The plan must be the one the run was started with (same prompts,
     * models and their settings, trials and repetitions); concurrency, timeouts and the like may
     * differ.
     *
     * @param runId the id of the run to continue
     * @return the finished run, with the run's original id
     * @throws IllegalStateException if the plan has no store
     * @throws InvalidPlanException if the store has no such run, or the plan differs from the run's
     *     (the message says what differs)
     * @throws BenchException if the run fails or the waiting thread is interrupted
     */
    public Run resume(String runId) {
        RunHandle handle = startResume(runId);
        try {
            return handle.await();
        } catch (BenchException e) {
            handle.cancel();
            throw e;
        }
    }

    /**
     * Continues a run kept in this plan's store in the background; see {@link #resume(String)}.
     *
     * @param runId the id of the run to continue
     * @return the run's handle
     * @throws IllegalStateException if the plan has no store
     * @throws InvalidPlanException if the store has no such run, or the plan differs from the run's
     */
    public RunHandle startResume(String runId) {
        return startResume(runId, ResumeOptions.plain());
    }

    /**
     * Continues a run kept in this plan's store, blocking until it ends, as {@link #resume(String)}
     * does; with {@link ResumeOptions#retryFailed()} the cells whose newest stored result failed
     * (of the listed error kinds, if any) are called again, their new results are appended to the
     * store and supersede the old ones in the summary, and {@link Summary#retriedCells()} counts them.
     *
     * <p>A run of a {@link Subset} is resumed with its subset: a plan without one gets the stored
     * run's subset re-applied, a plan with a different one is refused.
     *
     * @param runId the id of the run to continue
     * @param options whether and which failed cells are called again
     * @return the finished run, with the run's original id
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalStateException if the plan has no store
     * @throws InvalidPlanException if the store has no such run, the plan differs from the run's, or
     *     its subset differs from the run's
     * @throws BenchException if the run fails or the waiting thread is interrupted
     */
    public Run resume(String runId, ResumeOptions options) {
        RunHandle handle = startResume(runId, options);
        try {
            return handle.await();
        } catch (BenchException e) {
            handle.cancel();
            throw e;
        }
    }

    /**
     * Continues a run kept in this plan's store in the background; see {@link #resume(String, ResumeOptions)}.
     *
     * @param runId the id of the run to continue
     * @param options whether and which failed cells are called again
     * @return the run's handle
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalStateException if the plan has no store
     * @throws InvalidPlanException if the store has no such run, the plan differs from the run's, or
     *     its subset differs from the run's
     */
    public RunHandle startResume(String runId, ResumeOptions options) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(options, "options");
        RunStore s = store().orElseThrow(() -> new IllegalStateException(
                "plan '" + name() + "' has no store to resume run '" + runId + "' from; set one with store(...)"));
        RunStore.StoredRun stored = s.resumable(runId).orElseThrow(() -> new InvalidPlanException(
                List.of("the store has no run '" + runId + "' to resume")));
        Subset ran = stored.info().plan().subset().map(PlanSnapshot.SubsetOf::selectors).orElse(Subset.all());
        RunSettings resuming = settings;
        Subset mine = settings.control().subset();
        if (!mine.equals(ran)) {
            if (!mine.isAll()) {
                throw new InvalidPlanException("run '" + runId + "' ran " + (ran.isAll() ? "the whole plan" : "the subset "
                        + ran) + " and cannot be resumed with the subset " + mine + "; resume it without a subset ("
                        + (ran.isAll() ? "it runs the whole plan" : "its subset is applied again") + ")");
            }
            resuming = toBuilder().subset(ran).build().settings;
        }
        return RunExecution.start(resuming, Optional.of(stored), options);
    }

    /**
     * Returns the part of the plan a run of it runs; {@link Subset#all()} unless the builder selected one.
     *
     * @return the subset
     */
    public Subset subset() {
        return settings.control().subset();
    }

    /**
     * Returns the spending caps of a run of this plan.
     *
     * @return the budget; {@link Budget#none()} by default
     */
    public Budget budget() {
        return settings.control().budget();
    }

    /**
     * Returns the store this plan keeps its runs in.
     *
     * @return the store, or empty when runs are not stored
     */
    public Optional<RunStore> store() {
        return settings.outputs().store();
    }

    /**
     * Returns a builder holding this plan's settings, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return Builder.from(settings);
    }

    /**
     * Returns the plan's name.
     *
     * @return the name
     */
    public String name() {
        return settings.name();
    }

    /**
     * Returns the prompts, in order.
     *
     * @return the prompts
     */
    public List<Prompt> prompts() {
        return settings.prompts();
    }

    /**
     * Returns the model configs, in order.
     *
     * @return the configs
     */
    public List<ModelConfig> models() {
        return settings.models();
    }

    /**
     * Returns the trials, in order.
     *
     * @return the trials
     */
    public List<Trial> trials() {
        return settings.trials();
    }

    /**
     * Returns how many times each (prompt, model, trial) is run.
     *
     * @return at least 1
     */
    public int repetitions() {
        return settings.repetitions();
    }

    /**
     * Returns the scorers applied to each successful result.
     *
     * @return the scorers
     */
    public List<Scorer> scorers() {
        return settings.scorers();
    }

    /**
     * Returns how many cells a run of this plan keeps in flight at most.
     *
     * @return the plan-wide concurrency
     */
    public int concurrency() {
        return settings.limits().concurrency();
    }

    /** The run's settings, for tests of this package. */
    RunSettings settings() {
        return settings;
    }

    /**
     * Returns the number of cells: prompts × models × trials × repetitions.
     *
     * @return the cell count
     */
    public long cellCount() {
        return settings.grid().size();
    }

    /**
     * Renders every cell's request, in the order a run dispatches them, without calling anything:
     * for a dry run, for counting tokens, or for writing a batch file that another system runs
     * (see {@code OpenAiBatch} in bench-providers).
     *
     * @param action receives each request (attempt 1)
     * @throws NullPointerException if {@code action} is {@code null}
     */
    public void forEachRequest(Consumer<ModelRequest> action) {
        Objects.requireNonNull(action, "action");
        CellGrid grid = settings.grid();
        PromptRenderer renderer = new PromptRenderer(settings.prompts());
        List<Message> messages = List.of();
        int rendered = -1;
        for (long index = 0; index < grid.size(); index++) {
            CellGrid.Position at = grid.position(index);
            Trial t = settings.trials().get(at.trial());
            int key = at.prompt() + at.trial() * settings.prompts().size();
            if (key != rendered) {   // the model varies fastest: one rendering serves every model
                messages = renderer.render(at.prompt(), t);
                rendered = key;
            }
            ModelConfig m = settings.models().get(at.model());
            action.accept(new ModelRequest(new CellId(settings.prompts().get(at.prompt()).name(), m.id(), t.id(),
                    at.repetition()), m, messages, 1));
        }
    }

    /**
     * Estimates what a run of this plan would send and cost, without calling anything: the cells,
     * the judges' calls, and per model config and judge the calls, input tokens (counted exactly
     * where an installed {@link dev.bench4j.core.spi.TokenCounterFactory} knows the model's tokenizer,
     * e.g. OpenAI's with bench-providers, estimated from the UTF-8 length elsewhere), the output cap
     * and a cost range from this plan's prices. See {@link PlanEstimate} for what the range assumes.
     *
     * @return the estimate
     */
    public PlanEstimate estimate() {
        return dev.bench4j.core.internal.estimate.PlanEstimator.estimate(this, settings,
                dev.bench4j.core.internal.estimate.PlanEstimator.discover());
    }

    /**
     * Describes the plan, e.g. {@code BenchmarkPlan[triage: 2 prompts × 3 models × 50 trials × 3 repetitions = 900 cells]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "BenchmarkPlan[" + name() + ": " + prompts().size() + " prompts × " + models().size() + " models × "
                + trials().size() + " trials × " + repetitions() + " repetitions = " + cellCount() + " cells]";
    }

    /**
     * Collects a plan's settings; every setter checks its argument at once, {@link #build()} checks
     * the whole.
     */
    public static final class Builder {
        private String name;
        private List<Prompt> prompts = new ArrayList<>();
        private List<ModelConfig> models = new ArrayList<>();
        private List<Trial> trials = new ArrayList<>();
        private int repetitions = 1;
        private int concurrency = 8;
        private Map<String, Integer> providerConcurrency = new LinkedHashMap<>();
        private boolean adaptiveConcurrency = true;
        private List<Scorer> scorers = new ArrayList<>();
        private List<RunListener> listeners = new ArrayList<>();
        private List<ResultSink> sinks = new ArrayList<>();
        private Optional<RunStore> store = Optional.empty();
        private boolean retainResults = true;
        private Duration checkpointEvery = Duration.ofSeconds(5);
        private RetryPolicy retry = RetryPolicy.defaults();
        private Duration attemptTimeout = Duration.ofMinutes(5);
        private Duration cellDeadline = Duration.ofMinutes(30);
        private Optional<Duration> runDeadline = Optional.empty();
        private Optional<ResponseCache> cache;
        private boolean cacheSet;
        private List<ModelProviderFactory> providers = new ArrayList<>();
        private PriceTable priceTable;
        private Path baseDirectory = Path.of("").toAbsolutePath();
        private Optional<ScheduledExecutorService> scheduler = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private Function<String, Optional<String>> environment = name -> Optional.ofNullable(System.getenv(name));
        private Provenance provenance = Provenance.none();
        private Subset subset = Subset.all();
        private Budget budget = Budget.none();

        private Builder(String name) {
            this.name = notBlank(name, "name");
        }

        private static String notBlank(String value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }

        private static Builder from(RunSettings settings) {
            Builder b = new Builder(settings.name());
            RunSettings.Control control = settings.control();
            b.prompts = new ArrayList<>(control.planPrompts());
            b.models = new ArrayList<>(control.planModels());
            b.trials = new ArrayList<>(control.planTrials());
            b.subset = control.subset();
            b.budget = control.budget();
            b.repetitions = settings.repetitions();
            b.scorers = new ArrayList<>(settings.scorers());
            RunSettings.Limits limits = settings.limits();
            b.concurrency = limits.concurrency();
            b.providerConcurrency = new LinkedHashMap<>(limits.providerConcurrency());
            b.adaptiveConcurrency = limits.adaptiveConcurrency();
            b.retry = limits.retry();
            b.attemptTimeout = limits.attemptTimeout();
            b.cellDeadline = limits.cellDeadline();
            b.runDeadline = limits.runDeadline();
            RunSettings.Outputs outputs = settings.outputs();
            b.listeners = new ArrayList<>(outputs.listeners());
            b.sinks = new ArrayList<>(outputs.sinks());
            b.store = outputs.store();
            b.retainResults = outputs.retainResults();
            b.checkpointEvery = outputs.checkpointEvery();
            RunSettings.Services services = settings.services();
            b.cache = services.cache();
            b.cacheSet = true;
            b.providers = new ArrayList<>(services.providers());
            b.priceTable = services.priceTable();
            b.baseDirectory = services.baseDirectory();
            b.scheduler = services.scheduler();
            b.clock = services.clock();
            b.environment = services.environment();
            b.provenance = settings.provenance();
            return b;
        }

        /**
         * Renames the plan.
         *
         * @param newName the name
         * @return this builder
         * @throws NullPointerException if {@code newName} is {@code null}
         * @throws IllegalArgumentException if {@code newName} is blank
         */
        public Builder name(String newName) {
            this.name = notBlank(newName, "name");
            return this;
        }

        /**
         * Adds a prompt.
         *
         * @param prompt the prompt
         * @return this builder
         * @throws NullPointerException if {@code prompt} is {@code null}
         */
        public Builder prompt(Prompt prompt) {
            prompts.add(Objects.requireNonNull(prompt, "prompt"));
            return this;
        }

        /**
         * Adds prompts.
         *
         * @param more the prompts
         * @return this builder
         * @throws NullPointerException if {@code more} or an element is {@code null}
         */
        public Builder prompts(Collection<Prompt> more) {
            Objects.requireNonNull(more, "prompts").forEach(this::prompt);
            return this;
        }

        /**
         * Adds a model config.
         *
         * @param model the config
         * @return this builder
         * @throws NullPointerException if {@code model} is {@code null}
         */
        public Builder model(ModelConfig model) {
            models.add(Objects.requireNonNull(model, "model"));
            return this;
        }

        /**
         * Adds model configs.
         *
         * @param more the configs
         * @return this builder
         * @throws NullPointerException if {@code more} or an element is {@code null}
         */
        public Builder models(Collection<ModelConfig> more) {
            Objects.requireNonNull(more, "models").forEach(this::model);
            return this;
        }

        /**
         * Adds a trial.
         *
         * @param trial the trial
         * @return this builder
         * @throws NullPointerException if {@code trial} is {@code null}
         */
        public Builder trial(Trial trial) {
            trials.add(Objects.requireNonNull(trial, "trial"));
            return this;
        }

        /**
         * Adds trials, e.g. from {@link Trials#fromJsonl(Path)}.
         *
         * @param more the trials
         * @return this builder
         * @throws NullPointerException if {@code more} or an element is {@code null}
         */
        public Builder trials(Collection<Trial> more) {
            Objects.requireNonNull(more, "trials").forEach(this::trial);
            return this;
        }

        /**
         * Sets how many times each (prompt, model, trial) is run; default 1.
         *
         * @param count at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder repetitions(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("repetitions must be >= 1 but was " + count);
            }
            this.repetitions = count;
            return this;
        }

        /**
         * Sets the most cells in flight at once, across all models; default 8.
         *
         * @param limit at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder concurrency(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("concurrency must be >= 1 but was " + limit);
            }
            this.concurrency = limit;
            return this;
        }

        /**
         * Limits the calls in flight at once to one provider, across all its models.
         *
         * @param provider the provider's name
         * @param limit at least 1
         * @return this builder
         * @throws NullPointerException if {@code provider} is {@code null}
         * @throws IllegalArgumentException if {@code provider} is blank or {@code limit} below 1
         */
        public Builder providerConcurrency(String provider, int limit) {
            notBlank(provider, "provider");
            if (limit < 1) {
                throw new IllegalArgumentException("concurrency for provider '" + provider + "' must be >= 1 but was " + limit);
            }
            providerConcurrency.put(provider, limit);
            return this;
        }

        /**
         * Sets whether each endpoint adapts its concurrency to overload; default true. When on, the
         * calls in flight to one endpoint (a provider and base URL, candidates and judges together)
         * are limited to the lowest of the run's concurrency, the provider's and the endpoint's
         * {@code max_concurrency}; a burst of overload replies (HTTP 429, 529, 503, Anthropic's
         * {@code overloaded_error}) halves that limit, down to 1, and it grows by one after as many
         * successful calls as the limit, back up to where it started. Retries go through the lowered
         * limit. Local providers that never shed load (echo, replay: see
         * {@code ModelProviderFactory.shedsLoad()}) are never limited this way. The changes are kept in
         * {@link Summary#concurrency()}.
         *
         * @param adaptive false to keep every limit where it is configured
         * @return this builder
         */
        public Builder adaptiveConcurrency(boolean adaptive) {
            this.adaptiveConcurrency = adaptive;
            return this;
        }

        /**
         * Adds a scorer applied to every successful result.
         *
         * @param scorer the scorer; its name must be unique in the plan
         * @return this builder
         * @throws NullPointerException if {@code scorer} is {@code null}
         */
        public Builder scorer(Scorer scorer) {
            scorers.add(Objects.requireNonNull(scorer, "scorer"));
            return this;
        }

        /**
         * Adds a listener for live events.
         *
         * @param listener the listener
         * @return this builder
         * @throws NullPointerException if {@code listener} is {@code null}
         */
        public Builder listener(RunListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds a sink that each run opens when it starts and that receives every result as its cell
         * finishes, the summary so far at checkpoints, and the end (e.g. a run store). For a sink that
         * only needs the results: {@code sink(ResultSink.of(r -> ...))}.
         *
         * @param sink the sink
         * @return this builder
         * @throws NullPointerException if {@code sink} is {@code null}
         */
        public Builder sink(ResultSink sink) {
            sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /**
         * Keeps every run of this plan in a store as it happens (the store receives each result as its
         * cell finishes, like a sink), so that an interrupted run can be resumed with
         * {@link BenchmarkPlan#resume(String)}. Replaces a store set before.
         *
         * @param runStore the store, e.g. {@code JsonRunStore.at(Path.of("runs"))}
         * @return this builder
         * @throws NullPointerException if {@code runStore} is {@code null}
         */
        public Builder store(RunStore runStore) {
            this.store = Optional.of(Objects.requireNonNull(runStore, "runStore"));
            return this;
        }

        /**
         * Sets whether runs keep every result in memory for {@link Run#results()}; default true.
         * With false, results go only to the sinks, and a run's memory does not grow with its cells.
         *
         * @param retain whether to keep results in memory
         * @return this builder
         */
        public Builder retainResults(boolean retain) {
            this.retainResults = retain;
            return this;
        }

        /**
         * Sets how often the run's sinks receive the summary so far ({@code RunSink.checkpoint})
         * while results arrive; a store rewrites its run file then, so a long run's progress shows
         * in {@code bench list} and the viewer. Default 5 seconds.
         *
         * @param interval the shortest time between checkpoints; {@link Duration#ZERO} checkpoints after every result
         * @return this builder
         * @throws NullPointerException if {@code interval} is {@code null}
         * @throws IllegalArgumentException if {@code interval} is negative
         */
        public Builder checkpointEvery(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("checkpointEvery must be >= 0 but was " + interval);
            }
            this.checkpointEvery = interval;
            return this;
        }

        /**
         * Sets the retry policy; default {@link RetryPolicy#defaults()}.
         *
         * @param policy the policy
         * @return this builder
         * @throws NullPointerException if {@code policy} is {@code null}
         */
        public Builder retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the per-attempt timeout for model configs that set none; default 5 minutes.
         *
         * @param timeout more than zero
         * @return this builder
         * @throws NullPointerException if {@code timeout} is {@code null}
         * @throws IllegalArgumentException if zero or negative
         */
        public Builder attemptTimeout(Duration timeout) {
            this.attemptTimeout = positive(timeout, "attemptTimeout");
            return this;
        }

        /**
         * Sets the longest a cell may take, retries and waits included; default 30 minutes. A cell
         * past its deadline gets a {@link ErrorKind#DEADLINE_EXCEEDED} result.
         *
         * @param deadline more than zero
         * @return this builder
         * @throws NullPointerException if {@code deadline} is {@code null}
         * @throws IllegalArgumentException if zero or negative
         */
        public Builder cellDeadline(Duration deadline) {
            this.cellDeadline = positive(deadline, "cellDeadline");
            return this;
        }

        /**
         * Sets the longest a run may take; when it passes the run is cancelled (finished results
         * are kept). Default: none.
         *
         * @param deadline more than zero
         * @return this builder
         * @throws NullPointerException if {@code deadline} is {@code null}
         * @throws IllegalArgumentException if zero or negative
         */
        public Builder runDeadline(Duration deadline) {
            this.runDeadline = Optional.of(positive(deadline, "runDeadline"));
            return this;
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be > 0 but was " + d);
            }
            return d;
        }

        /**
         * Sets the response cache. By default the first {@code build()} makes an in-memory cache of
         * 10,000 responses, shared by every plan built from this builder and their {@code toBuilder()}
         * variants.
         *
         * @param responseCache the cache, e.g. {@link ResponseCache#inMemory(long)} shared by several plans
         * @return this builder
         * @throws NullPointerException if {@code responseCache} is {@code null}
         */
        public Builder cache(ResponseCache responseCache) {
            this.cache = Optional.of(Objects.requireNonNull(responseCache, "responseCache"));
            this.cacheSet = true;
            return this;
        }

        /**
         * Turns the response cache off: every cell calls its provider.
         *
         * @return this builder
         */
        public Builder noCache() {
            this.cache = Optional.empty();
            this.cacheSet = true;
            return this;
        }

        /**
         * Registers a provider factory explicitly, in addition to those found with
         * {@link java.util.ServiceLoader} (for tests, Spring wiring and shaded jars); it wins over
         * a discovered one of the same name.
         *
         * @param factory the factory
         * @return this builder
         * @throws NullPointerException if {@code factory} is {@code null}
         */
        public Builder provider(ModelProviderFactory factory) {
            providers.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /**
         * Sets the price table used where a model config sets no price; default {@link PriceTable#bundled()}.
         *
         * @param table the table
         * @return this builder
         * @throws NullPointerException if {@code table} is {@code null}
         */
        public Builder prices(PriceTable table) {
            this.priceTable = Objects.requireNonNull(table, "table");
            return this;
        }

        /**
         * Sets the folder relative file paths resolve against; default the working directory.
         *
         * @param folder the folder
         * @return this builder
         * @throws NullPointerException if {@code folder} is {@code null}
         */
        public Builder baseDirectory(Path folder) {
            this.baseDirectory = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
            return this;
        }

        /**
         * Sets the scheduler for timeouts, backoffs and rate-limit waits; default a one-thread
         * scheduler per run. A scheduler given here is not shut down by bench4j.
         *
         * @param executor the scheduler
         * @return this builder
         * @throws NullPointerException if {@code executor} is {@code null}
         */
        public Builder scheduler(ScheduledExecutorService executor) {
            this.scheduler = Optional.of(Objects.requireNonNull(executor, "executor"));
            return this;
        }

        /**
         * Sets the clock for run ids, timestamps, elapsed time and ETA; default UTC system clock.
         *
         * @param newClock the clock
         * @return this builder
         * @throws NullPointerException if {@code newClock} is {@code null}
         */
        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "newClock");
            return this;
        }

        /**
         * Sets where providers look up environment variables (API keys) at call time; default
         * {@link System#getenv(String)}. Tests and Spring apps pass their own lookup.
         *
         * @param lookup maps a variable's name to its value
         * @return this builder
         * @throws NullPointerException if {@code lookup} is {@code null}
         */
        public Builder environment(Function<String, Optional<String>> lookup) {
            this.environment = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /**
         * Describes what the run is for; kept in the run file ({@code provenance.description}) and shown
         * by the viewer. A blank text clears it.
         *
         * @param text the description
         * @return this builder
         * @throws NullPointerException if {@code text} is {@code null}
         */
        public Builder description(String text) {
            provenance = provenance.withDescription(text);
            return this;
        }

        /**
         * Adds labels to find the run by later ({@code bench list} shows them), e.g. {@code nightly}.
         *
         * @param labels the tags; a tag given twice is kept once
         * @return this builder
         * @throws NullPointerException if a tag is {@code null}
         * @throws IllegalArgumentException if a tag is blank or has a control character
         */
        public Builder tags(String... labels) {
            provenance = provenance.withTags(List.of(labels));
            return this;
        }

        /**
         * Sets where the run comes from (files, git state, command line, description and tags), as
         * {@link PlanFile#provenance()} reads it; replaces the description and tags set so far. The
         * runner fills the host and user when they are absent.
         *
         * @param origin the provenance
         * @return this builder
         * @throws NullPointerException if {@code origin} is {@code null}
         */
        public Builder provenance(Provenance origin) {
            provenance = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /**
         * Runs only the prompts with these names: exact names or globs ({@code *} any characters,
         * {@code ?} one), added to those selected before. See {@link Subset}.
         *
         * @param selectors prompt names or globs
         * @return this builder
         * @throws NullPointerException if {@code selectors} or an element is {@code null}
         * @throws IllegalArgumentException if a selector is blank
         */
        public Builder onlyPrompts(String... selectors) {
            subset = subset.withPrompts(List.of(Objects.requireNonNull(selectors, "selectors")));
            return this;
        }

        /**
         * Runs only the model configs with these ids: exact ids or globs, added to those selected before.
         *
         * @param selectors model config ids or globs
         * @return this builder
         * @throws NullPointerException if {@code selectors} or an element is {@code null}
         * @throws IllegalArgumentException if a selector is blank
         */
        public Builder onlyModels(String... selectors) {
            subset = subset.withModels(List.of(Objects.requireNonNull(selectors, "selectors")));
            return this;
        }

        /**
         * Runs only the trials with these ids: exact ids or globs, added to those selected before.
         *
         * @param selectors trial ids or globs
         * @return this builder
         * @throws NullPointerException if {@code selectors} or an element is {@code null}
         * @throws IllegalArgumentException if a selector is blank
         */
        public Builder onlyTrials(String... selectors) {
            subset = subset.withTrials(List.of(Objects.requireNonNull(selectors, "selectors")));
            return this;
        }

        /**
         * Runs only the first {@code n} (selected) trials, in plan order; replaces a sample set before.
         *
         * @param n at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is below 1
         */
        public Builder firstTrials(int n) {
            subset = subset.withFirstTrials(n);
            return this;
        }

        /**
         * Runs a seeded random sample of {@code n} (selected) trials, the same on every machine (see
         * {@link Subset} for the algorithm); replaces a first-N set before.
         *
         * @param n at least 1
         * @param seed the seed
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is below 1
         */
        public Builder sampleTrials(int n, long seed) {
            subset = subset.withSample(n, seed);
            return this;
        }

        /**
         * Sets the whole subset a run runs, replacing selectors set before; {@link Subset#all()} runs
         * the whole plan again.
         *
         * @param part the subset
         * @return this builder
         * @throws NullPointerException if {@code part} is {@code null}
         */
        public Builder subset(Subset part) {
            this.subset = Objects.requireNonNull(part, "part");
            return this;
        }

        /**
         * Sets the run's spending caps; default {@link Budget#none()}.
         *
         * @param caps the caps, e.g. {@code Budget.maxCostUsd(20)}
         * @return this builder
         * @throws NullPointerException if {@code caps} is {@code null}
         */
        public Builder budget(Budget caps) {
            this.budget = Objects.requireNonNull(caps, "caps");
            return this;
        }

        /**
         * Checks the whole plan and freezes it. Nothing is called.
         *
         * @return the plan
         * @throws InvalidPlanException listing every problem: no prompts, models or trials; a prompt
         *     without messages; duplicate prompt names, model ids, trial ids or scorer names; a template
         *     variable a trial lacks (naming prompt, trial and variable); a provider no installed factory
         *     serves (listing those that are); a parameter a provider cannot take; a subset selector that
         *     matches nothing (naming it and what exists)
         */
        public BenchmarkPlan build() {
            if (!cacheSet) {
                cache = Optional.of(ResponseCache.inMemory(10_000));   // later builds from this builder share it
                cacheSet = true;
            }
            List<Prompt> ps = List.copyOf(prompts);
            List<ModelConfig> ms = List.copyOf(models);
            List<Trial> ts = List.copyOf(trials);
            List<Scorer> ss = ChecksScorer.withChecks(name, scorers, ts, baseDirectory);
            Map<String, Integer> perProvider = Map.copyOf(providerConcurrency);
            ProviderRegistry registry = ProviderRegistry.discover(List.copyOf(providers));
            PlanValidator.checkCells(name, ps.size(), ms.size(), ts.size(), repetitions);
            Map<String, ModelProviderFactory> factories = PlanValidator.validate(name, ps, ms, ts, ss, perProvider,
                    registry, baseDirectory);
            Subsets.Selected selected = Subsets.apply(name, subset, ps, ms, ts);
            return new BenchmarkPlan(new RunSettings(name, selected.prompts(), selected.models(), selected.trials(),
                    repetitions, ss,
                    new RunSettings.Limits(concurrency, perProvider, retry, attemptTimeout, cellDeadline, runDeadline,
                            adaptiveConcurrency),
                    new RunSettings.Outputs(listeners, sinks, store, retainResults, checkpointEvery),
                    new RunSettings.Services(cache, priceTable == null ? PriceTable.bundled() : priceTable, baseDirectory,
                            scheduler, clock, environment, providers, factories),
                    new RunSettings.Control(subset, ps, ms, ts, budget), provenance));
        }
    }
}
