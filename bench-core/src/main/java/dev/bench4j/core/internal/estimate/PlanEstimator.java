package dev.bench4j.core.internal.estimate;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanEstimate;
import dev.bench4j.core.PlanEstimate.InputTokens;
import dev.bench4j.core.PlanEstimate.ModelEstimate;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Trial;
import dev.bench4j.core.internal.run.RunSettings;
import dev.bench4j.core.spi.ModelCaller;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.TokenCounter;
import dev.bench4j.core.spi.TokenCounterFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works out a plan's {@link PlanEstimate}: renders every cell's request (as
 * {@link BenchmarkPlan#forEachRequest} does), counts its tokens with the model's counter, and finds
 * the judges' calls by scoring each cell, with an empty answer, against a caller that records the
 * calls instead of making them. Only the first repetition is counted and scored: every repetition
 * sends the same messages, so the counts are multiplied by the repetitions. Nothing is called,
 * opened or stored.
 */
public final class PlanEstimator {

    private static final Logger LOG = LoggerFactory.getLogger(PlanEstimator.class);
    private static final Result.Timing NO_TIME = Result.Timing.of(Instant.EPOCH, Duration.ZERO);

    private final RunSettings settings;
    private final List<TokenCounterFactory> counterFactories;

    private PlanEstimator(RunSettings settings, List<TokenCounterFactory> counterFactories) {
        this.settings = settings;
        this.counterFactories = counterFactories;
    }

    /**
     * Finds the installed {@link TokenCounterFactory}s: the context class loader's, then bench4j's
     * own; a broken registration is logged and skipped.
     *
     * @return the factories, in discovery order
     */
    public static List<TokenCounterFactory> discover() {
        List<ClassLoader> loaders = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        if (PlanEstimator.class.getClassLoader() != context) {
            loaders.add(PlanEstimator.class.getClassLoader());
        }
        Map<Class<?>, TokenCounterFactory> found = new LinkedHashMap<>();
        for (ClassLoader loader : loaders) {
            Iterator<TokenCounterFactory> it = ServiceLoader.load(TokenCounterFactory.class, loader).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    TokenCounterFactory f = it.next();
                    found.putIfAbsent(f.getClass(), f);
                } catch (ServiceConfigurationError e) {
                    LOG.warn("Skipping a broken token counter registration: {}", e.getMessage());
                }
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * Estimates a plan.
     *
     * @param plan the plan, whose requests are rendered
     * @param settings the plan's settings (providers, prices, scorers)
     * @param counterFactories the token counter factories to ask, in order
     * @return the estimate
     * @throws NullPointerException if an argument is {@code null}
     */
    public static PlanEstimate estimate(BenchmarkPlan plan, RunSettings settings,
            List<TokenCounterFactory> counterFactories) {
        Objects.requireNonNull(plan, "plan");
        return new PlanEstimator(Objects.requireNonNull(settings, "settings"),
                List.copyOf(counterFactories)).run(plan);
    }

    private PlanEstimate run(BenchmarkPlan plan) {
        Map<String, Tally> candidates = new LinkedHashMap<>();
        for (ModelConfig m : settings.models()) {
            candidates.put(m.id(), new Tally(m, counterOf(m)));
        }
        Map<String, Tally> judges = new LinkedHashMap<>();
        List<Scorer> calling = new ArrayList<>();
        for (Scorer s : settings.scorers()) {
            if (!s.models().isEmpty()) {
                calling.add(s);
            }
            for (ModelConfig j : s.models()) {
                judges.computeIfAbsent(j.id(), id -> new Tally(j, counterOf(j)));
            }
        }
        Map<String, Prompt> prompts = new LinkedHashMap<>();
        settings.prompts().forEach(p -> prompts.put(p.name(), p));
        Map<String, Trial> trials = new LinkedHashMap<>();
        settings.trials().forEach(t -> trials.put(t.id(), t));
        long[] judgeCalls = {0};
        plan.forEachRequest(request -> {
            if (request.cell().repetition() > 0) {
                return;   // a repetition sends the first one's messages again: counted by multiplying below
            }
            Tally candidate = candidates.get(request.config().id());
            candidate.add(request.messages(), OptionalLong.of(0));
            if (!calling.isEmpty()) {
                judgeCalls[0] += judge(request, prompts.get(request.cell().prompt()),
                        trials.get(request.cell().trial()), calling, judges);
            }
        });
        int repetitions = settings.repetitions();
        return new PlanEstimate(plan.cellCount(), judgeCalls[0] * repetitions,
                candidates.values().stream().map(t -> t.line(repetitions)).toList(),
                judges.values().stream().map(t -> t.line(repetitions)).toList());
    }

    /** Scores the cell with an empty answer against a recording caller; returns the calls recorded. */
    private static long judge(ModelRequest request, Prompt prompt, Trial trial, List<Scorer> scorers,
            Map<String, Tally> judges) {
        ModelConfig graded = request.config();
        OptionalLong answerCap = graded.parameters().maxOutputTokens().isPresent()
                ? OptionalLong.of(graded.parameters().maxOutputTokens().getAsInt()) : OptionalLong.empty();
        long[] calls = {0};
        ModelCaller recorder = new ModelCaller() {
            @Override
            public CompletionStage<Result> call(ModelConfig config, List<Message> messages) {
                Tally judge = judges.get(config.id());
                if (judge != null) {
                    judge.add(messages, answerCap);
                    calls[0]++;
                }
                return CompletableFuture.completedFuture(Result.success(
                        new CellId(request.cell().prompt(), config.id(), request.cell().trial(), 0), "",
                        FinishReason.STOP, NO_TIME));
            }
        };
        Result empty = Result.success(request.cell(), "", FinishReason.STOP, NO_TIME);
        ScoreRequest score = new ScoreRequest(empty, trial, prompt, graded, request.messages(), recorder);
        for (Scorer s : scorers) {
            try {
                s.score(score);
            } catch (RuntimeException e) {
                LOG.debug("Scorer '{}' failed on an empty answer in a dry run: {}", s.name(), e.toString());
            }
        }
        return calls[0];
    }

    private TokenCounter counterOf(ModelConfig config) {
        String provider = providerName(config);
        for (TokenCounterFactory f : counterFactories) {
            try {
                Optional<TokenCounter> c = f.counterFor(provider, config);
                if (c.isPresent()) {
                    return c.get();
                }
            } catch (RuntimeException e) {
                LOG.warn("Token counter factory {} failed for model '{}': {}", f.getClass().getName(), config.id(),
                        e.toString());
            }
        }
        return Utf8TokenEstimate.INSTANCE;
    }

    private String providerName(ModelConfig config) {
        ModelProviderFactory f = settings.services().factories().get(config.id());
        return f == null ? config.provider() : f.name();
    }

    private Optional<Price> priceOf(ModelConfig c) {
        ModelProviderFactory factory = settings.services().factories().get(c.id());
        if (factory == null) {
            return c.price().or(() -> settings.services().priceTable().lookup(c.provider(), c.model()));
        }
        return c.price().or(() -> factory.price(c))
                .or(() -> settings.services().priceTable().lookup(factory.name(), c.model()));
    }

    /** Counts one model's calls and tokens. */
    private final class Tally {
        private final ModelConfig config;
        private final TokenCounter counter;
        private long calls;
        private long tokens;
        private long answers;
        private boolean answersKnown = true;
        private List<Message> last = List.of();
        private long lastCount;

        Tally(ModelConfig config, TokenCounter counter) {
            this.config = config;
            this.counter = counter;
        }

        /** Adds a call; {@code answer} is the most the graded answer can add to a judge's input. */
        void add(List<Message> messages, OptionalLong answer) {
            if (messages != last) {   // forEachRequest hands every model of a cell the same rendering
                lastCount = counter.count(messages);
                last = messages;
            }
            calls++;
            tokens += lastCount;
            if (answer.isPresent()) {
                answers += answer.getAsLong();
            } else {
                answersKnown = false;
            }
        }

        /** The line for the whole plan, the first repetition's counts times the repetitions. */
        ModelEstimate line(int repetitions) {
            InputTokens input = new InputTokens(tokens * repetitions,
                    answersKnown ? OptionalLong.of((tokens + answers) * repetitions) : OptionalLong.empty(),
                    counter.exact(), counter.name());
            return new ModelEstimate(config.id(), providerName(config), config.model(), calls * repetitions, input,
                    config.parameters().maxOutputTokens(), priceOf(config));
        }
    }
}
