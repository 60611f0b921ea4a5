package dev.bench4j.core.internal.run;

import dev.bench4j.core.Budget;
import dev.bench4j.core.CellGrid;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PriceTable;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Provenance;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.RunListener;
import dev.bench4j.core.Subset;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ResponseCache;
import dev.bench4j.core.spi.ResultSink;
import dev.bench4j.core.spi.RunStore;
import dev.bench4j.core.spi.Scorer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * Everything a run of a validated plan needs, made once by {@code BenchmarkPlan.Builder.build()}:
 * what to run (prompts × models × trials × repetitions, scored by the scorers), how hard to push
 * ({@link Limits}), where results go ({@link Outputs}) and the services calls use ({@link Services}).
 *
 * @param name the plan's name
 * @param prompts the prompts
 * @param models the model configs
 * @param trials the trials
 * @param repetitions repetitions per cell
 * @param scorers the scorers
 * @param limits concurrency, retries, timeouts and deadlines
 * @param outputs listeners, sinks and whether results are kept in memory
 * @param services cache, prices, files, timers, clock, environment and provider factories
 * @param control the subset of the plan that runs (the prompts, models and trials above are the
 *     selected ones) and the budget
 * @param provenance where the run comes from (description, tags, files, git, command line)
 */
public record RunSettings(String name, List<Prompt> prompts, List<ModelConfig> models, List<Trial> trials,
        int repetitions, List<Scorer> scorers, Limits limits, Outputs outputs, Services services, Control control,
        Provenance provenance) {

    /** Copies the lists. */
    public RunSettings {
        prompts = List.copyOf(prompts);
        models = List.copyOf(models);
        trials = List.copyOf(trials);
        scorers = List.copyOf(scorers);
    }

    /**
     * Settings of a run of a whole plan without a budget or provenance.
     *
     * @param name the plan's name
     * @param prompts the prompts
     * @param models the model configs
     * @param trials the trials
     * @param repetitions repetitions per cell
     * @param scorers the scorers
     * @param limits concurrency, retries, timeouts and deadlines
     * @param outputs listeners, sinks and whether results are kept in memory
     * @param services cache, prices, files, timers, clock, environment and provider factories
     */
    public RunSettings(String name, List<Prompt> prompts, List<ModelConfig> models, List<Trial> trials,
            int repetitions, List<Scorer> scorers, Limits limits, Outputs outputs, Services services) {
        this(name, prompts, models, trials, repetitions, scorers, limits, outputs, services,
                new Control(Subset.all(), prompts, models, trials, Budget.none()), Provenance.none());
    }

    /**
     * Which part of a plan runs and what it may spend.
     *
     * @param subset the selectors applied to the plan
     * @param planPrompts the whole plan's prompts
     * @param planModels the whole plan's model configs
     * @param planTrials the whole plan's trials
     * @param budget the spending caps
     */
    public record Control(Subset subset, List<Prompt> planPrompts, List<ModelConfig> planModels,
            List<Trial> planTrials, Budget budget) {

        /** Copies the lists. */
        public Control {
            planPrompts = List.copyOf(planPrompts);
            planModels = List.copyOf(planModels);
            planTrials = List.copyOf(planTrials);
        }
    }

    /**
     * How hard a run pushes and how long it waits.
     *
     * @param concurrency cells in flight at most
     * @param providerConcurrency calls in flight at most per provider name
     * @param retry the retry policy of every call
     * @param attemptTimeout the longest one attempt may take (unless the endpoint sets its own)
     * @param cellDeadline the longest a cell may take, retries included
     * @param runDeadline the longest the run may take, if limited
     * @param adaptiveConcurrency whether each endpoint of a provider that sheds load lowers its
     *     concurrency on overload replies (429, 529) and raises it again after successes
     */
    public record Limits(int concurrency, Map<String, Integer> providerConcurrency, RetryPolicy retry,
            Duration attemptTimeout, Duration cellDeadline, Optional<Duration> runDeadline, boolean adaptiveConcurrency) {

        /**
         * Creates limits with adaptive concurrency on.
         *
         * @param concurrency cells in flight at most
         * @param providerConcurrency calls in flight at most per provider name
         * @param retry the retry policy of every call
         * @param attemptTimeout the longest one attempt may take
         * @param cellDeadline the longest a cell may take, retries included
         * @param runDeadline the longest the run may take, if limited
         */
        public Limits(int concurrency, Map<String, Integer> providerConcurrency, RetryPolicy retry,
                Duration attemptTimeout, Duration cellDeadline, Optional<Duration> runDeadline) {
            this(concurrency, providerConcurrency, retry, attemptTimeout, cellDeadline, runDeadline, true);
        }

        /** Copies the map. */
        public Limits {
            providerConcurrency = Map.copyOf(providerConcurrency);
        }
    }

    /**
     * Where a run's results and events go.
     *
     * @param listeners the listeners
     * @param sinks the sinks set on the plan, without its store
     * @param store the plan's store, a sink too
     * @param retainResults whether the finished {@code Run} holds every result
     * @param checkpointEvery how often sinks receive the summary so far while results arrive
     */
    public record Outputs(List<RunListener> listeners, List<ResultSink> sinks, Optional<RunStore> store,
            boolean retainResults, Duration checkpointEvery) {

        /** Copies the lists. */
        public Outputs {
            listeners = List.copyOf(listeners);
            sinks = List.copyOf(sinks);
        }

        /**
         * Returns every sink a run opens: the plan's sinks, then its store.
         *
         * @return the sinks
         */
        public List<ResultSink> allSinks() {
            List<ResultSink> all = new ArrayList<>(sinks);
            store.ifPresent(all::add);
            return all;
        }
    }

    /**
     * The services a run's calls use.
     *
     * @param cache the response cache, if any
     * @param priceTable prices of models whose config and provider name none
     * @param baseDirectory the folder relative paths (recordings, caches) resolve against
     * @param scheduler the timer executor to use, if the caller supplies one
     * @param clock the clock of run ids and timestamps
     * @param environment reads environment variables (API keys)
     * @param providers the factories registered on the plan explicitly
     * @param factories the factory serving each model config (and judge), by model id
     */
    public record Services(Optional<ResponseCache> cache, PriceTable priceTable, Path baseDirectory,
            Optional<ScheduledExecutorService> scheduler, Clock clock, Function<String, Optional<String>> environment,
            List<ModelProviderFactory> providers, Map<String, ModelProviderFactory> factories) {

        /** Copies the collections. */
        public Services {
            providers = List.copyOf(providers);
            factories = Map.copyOf(factories);
        }
    }

    /**
     * Returns the run's cells in run order.
     *
     * @return the grid
     */
    public CellGrid grid() {
        return new CellGrid(prompts.size(), models.size(), trials.size(), repetitions);
    }
}
