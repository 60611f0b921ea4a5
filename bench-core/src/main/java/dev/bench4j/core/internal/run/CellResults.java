package dev.bench4j.core.internal.run;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.internal.pipeline.CellCall;
import dev.bench4j.core.internal.pipeline.Failures;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Turns a finished call into a {@link Result} (latency, cost, the empty-output check) and scores it
 * with the plan's scorers. Knows every model the run may call, the plan's models and the judges the
 * scorers declared, with their prices.
 */
final class CellResults {

    private final List<Scorer> scorers;
    private final Map<String, ModelConfig> judges = new LinkedHashMap<>();
    private final Map<String, Optional<Price>> prices = new LinkedHashMap<>();
    private final Map<String, Optional<Price>> judgePrices = new LinkedHashMap<>();

    /**
     * Looks up the price of every model and judge of a run.
     *
     * @param settings the run's settings
     */
    CellResults(RunSettings settings) {
        this.scorers = settings.scorers();
        for (Scorer s : scorers) {
            for (ModelConfig j : s.models()) {
                judges.putIfAbsent(j.id(), j);
            }
        }
        for (ModelConfig m : settings.models()) {
            prices.put(m.id(), priceOf(m, settings));
        }
        judges.values().forEach(j -> judgePrices.put(j.id(), priceOf(j, settings)));
    }

    private static Optional<Price> priceOf(ModelConfig c, RunSettings settings) {
        ModelProviderFactory factory = settings.services().factories().get(c.id());
        return c.price().or(() -> factory.price(c))
                .or(() -> settings.services().priceTable().lookup(factory.name(), c.model()));
    }

    /**
     * Returns the ids of the models and judges whose price is unknown, so their calls have no cost.
     *
     * @return the ids, models first, in plan order
     */
    List<String> unpriced() {
        List<String> ids = new ArrayList<>();
        prices.forEach((id, price) -> {
            if (price.isEmpty()) {
                ids.add(id);
            }
        });
        judgePrices.forEach((id, price) -> {
            if (price.isEmpty()) {
                ids.add(id + " (judge)");
            }
        });
        return ids;
    }

    /**
     * Returns the model configs the scorers declared, once per id, in declaration order.
     *
     * @return the judges
     */
    List<ModelConfig> judges() {
        return List.copyOf(judges.values());
    }

    /**
     * Returns the judge a scorer declared with this id.
     *
     * @param id the model config id
     * @return the judge, or empty if no scorer declared one with that id
     */
    Optional<ModelConfig> judge(String id) {
        return Optional.ofNullable(judges.get(id));
    }

    /**
     * Builds the result of a call: its answer with usage, cost and timing, or its error.
     *
     * @param call the call
     * @param startedAt when its cell started
     * @param response the answer, when the call succeeded
     * @param error why it failed, or {@code null}
     * @return the result, not yet scored
     */
    Result toResult(CellCall call, Instant startedAt, ModelResponse response, Throwable error) {
        long latencyNanos = call.cacheHit() || call.lastAttemptNanos() < 0 ? call.elapsedNanos() : call.lastAttemptNanos();
        ModelConfig model = call.request().config();
        if (error != null) {
            CallException e = Failures.isCancellation(error)
                    ? new CallException(ErrorKind.INTERNAL, "the call was cancelled by its provider")
                    : Failures.toCallException(error, model.provider());
            return Result.failure(call.cell(), new ResultError(e.kind(), e.getMessage(), e.httpStatus()),
                    Result.Timing.of(startedAt, Duration.ofNanos(latencyNanos)), call.attempts());
        }
        Map<String, Optional<Price>> priced = call.request().grades().isPresent() ? judgePrices : prices;
        OptionalDouble cost = priced.getOrDefault(model.id(), Optional.empty())
                .map(pr -> pr.cost(response.usage())).orElse(OptionalDouble.empty());
        boolean hit = call.cacheHit();
        return Result.builder(call.cell(), new Result.Timing(startedAt, Duration.ofNanos(latencyNanos),
                        hit ? Optional.empty() : response.timeToFirstToken()))
                .output(response.text())
                .finishReason(response.finishReason(), response.rawFinishReason())
                .usage(response.usage())
                .costUsd(cost)
                .calls(hit, hit ? 0 : call.attempts())
                .modelVersion(response.modelVersion())
                .error(emptyOutput(model, response))
                .metrics(hit ? Map.of() : response.metrics())
                .build();
    }

    private static Optional<ResultError> emptyOutput(ModelConfig model, ModelResponse response) {
        if (response.finishReason() != FinishReason.LENGTH || !response.text().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(ResultError.of(ErrorKind.EMPTY_OUTPUT, "the model reached its output token limit"
                + model.parameters().maxOutputTokens().stream().mapToObj(n -> " (" + n + ")").findFirst().orElse("")
                + " before writing any answer; a reasoning model may have spent it all thinking: raise max_output_tokens"));
    }

    /**
     * Returns whether the plan has scorers.
     *
     * @return true if results are scored
     */
    boolean scores() {
        return !scorers.isEmpty();
    }

    /**
     * Scores a successful result with every scorer that applies to its trial; a scorer that throws or
     * returns null gives an error score. Judge calls go through {@code judgeCalls}.
     *
     * @param result the result
     * @param call the call that produced it (its request's model and rendered messages)
     * @param trial the cell's trial
     * @param prompt the cell's prompt
     * @param judgeCalls makes the scorers' model calls
     * @return the scoring in progress
     */
    Scoring score(Result result, CellCall call, Trial trial, Prompt prompt, JudgeCalls judgeCalls) {
        List<JudgeCalls.Caller> callers = new ArrayList<>(scorers.size());
        List<CompletableFuture<Map<String, Score>>> futures = new ArrayList<>(scorers.size());
        for (Scorer s : scorers) {
            if (!s.appliesTo(trial)) {
                continue;
            }
            JudgeCalls.Caller caller = judgeCalls.callerFor(result.cell());
            callers.add(caller);
            ScoreRequest request = new ScoreRequest(result, trial, prompt, call.request().config(),
                    call.request().messages(), caller);
            futures.add(scoreWith(s, request).handle((scores, e) -> named(s, caller, e, scores)));
        }
        CompletableFuture<Result> scored = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, Score> scores = new LinkedHashMap<>();
            for (CompletableFuture<Map<String, Score>> f : futures) {
                scores.putAll(f.join());
            }
            return result.withScores(scores);
        });
        return new Scoring(scored, callers);
    }

    /**
     * One scorer's scores by name: its own, with every call its caller made, then its parts without
     * calls; a failure or a missing score is an error under each name it leaves without a score.
     */
    private static Map<String, Score> named(Scorer s, JudgeCalls.Caller caller, Throwable e, Map<String, Score> given) {
        Map<String, Score> scores = given == null ? Map.of() : given;
        Score own = e != null ? Score.error("scorer '" + s.name() + "' failed: " + Failures.unwrap(e))
                : scores.get(s.name()) == null ? Score.error("scorer '" + s.name() + "' returned null")
                : scores.get(s.name());
        Map<String, Score> out = new LinkedHashMap<>();
        out.put(s.name(), caller.recordCalls(own));
        for (String part : s.parts()) {
            Score p = scores.get(part);
            out.put(part, e != null ? Score.error("scorer '" + s.name() + "' failed: " + Failures.unwrap(e))
                    : p == null ? Score.error("scorer '" + s.name() + "' gave no score '" + part + "'")
                    : new Score(p.value(), p.reason(), p.details(), p.error()));
        }
        return out;
    }

    private static CompletableFuture<Map<String, Score>> scoreWith(Scorer scorer, ScoreRequest request) {
        try {
            CompletionStage<Map<String, Score>> stage;
            if (scorer.parts().isEmpty()) {
                CompletionStage<Score> one = scorer.score(request);
                stage = one == null ? null : one.thenApply(s -> s == null ? Map.of() : Map.of(scorer.name(), s));
            } else {
                stage = scorer.scoreParts(request);
            }
            return stage == null ? CompletableFuture.completedFuture(Map.of()) : stage.toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A cell being scored.
     *
     * @param result completes with the scored result
     * @param callers the judge callers its scorers were given
     */
    record Scoring(CompletableFuture<Result> result, List<JudgeCalls.Caller> callers) {

        /**
         * Returns whether a judge call of this cell was cancelled because the run stopped; the cell
         * is then dropped like a cancelled call, so a resume scores it again.
         *
         * @return true if cancelled
         */
        boolean cancelled() {
            return callers.stream().anyMatch(JudgeCalls.Caller::cancelled);
        }
    }
}
