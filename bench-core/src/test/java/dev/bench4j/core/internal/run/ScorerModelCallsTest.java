package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanSnapshot;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunHandle;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ResponseCache;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.testing.HeldCalls;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.core.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A scorer that asks a model (an LLM judge) sends its calls through the run's pipeline: cached,
 * retried, priced, cancelled with the run; their cost is kept apart from the candidates'.
 */
class ScorerModelCallsTest {

    private static final Price JUDGE_PRICE = Price.perMillionTokens(2.0, 8.0);
    private static final Price CANDIDATE_PRICE = Price.perMillionTokens(1.0, 1.0);

    private final VirtualScheduler scheduler = new VirtualScheduler();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** A scorer named {@code name} that declares one judge and scores with the function. */
    private static Scorer judging(String name, ModelConfig judge, Function<ScoreRequest, CompletionStage<Score>> score) {
        return scorer(name, List.of(judge), score);
    }

    /** A scorer named {@code name} that declares the models and scores with the function. */
    private static Scorer scorer(String name, List<ModelConfig> models, Function<ScoreRequest, CompletionStage<Score>> score) {
        return new Scorer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<ModelConfig> models() {
                return models;
            }

            @Override
            public CompletionStage<Score> score(ScoreRequest request) {
                return score.apply(request);
            }
        };
    }

    /** Asks the judge "PREFIX: OUTPUT". */
    private static CompletionStage<Result> ask(ScoreRequest request, ModelConfig judge, String prefix) {
        return request.caller().call(judge, List.of(Message.user(prefix + ": " + request.output())));
    }

    /** Asks the judge "grade: OUTPUT" and reads its answer as the score, recording the call. */
    private static Scorer grader(ModelConfig judge) {
        return judging("grade", judge, request -> ask(request, judge, "grade")
                .thenApply(r -> r.succeeded() ? Score.of(Double.parseDouble(r.output())).withCall(r)
                        : Score.error("judge failed: " + r.error().get().message()).withCall(r)));
    }

    /** Asks the judge "grade: OUTPUT" and reads its answer as the score. */
    private static ScriptedProvider judgeAnswering(String verdict) {
        return ScriptedProvider.named("judge", r -> CompletableFuture.completedFuture(
                ModelResponse.of(verdict, FinishReason.STOP, Usage.of(100, 3))));
    }

    private static ModelConfig judgeConfig() {
        return ModelConfig.of("judge", "j1").withPrice(JUDGE_PRICE);
    }

    private static BenchmarkPlan.Builder plan(ScriptedProvider candidates, ScriptedProvider judge, int trials) {
        return BenchmarkPlan.named("judged").provider(candidates).provider(judge)
                .prompt(Prompt.named("p").user("Q {{x}}"))
                .model(ModelConfig.of(candidates.name(), "m").withPrice(CANDIDATE_PRICE))
                .trials(Plans.trials(trials))
                .scorer(grader(judgeConfig()));
    }

    @Test
    void judgeCallsArePricedAndTheirCostIsKeptApartFromTheCandidates() {
        ScriptedProvider candidates = ScriptedProvider.echoing("cand");
        ScriptedProvider judge = judgeAnswering("0.75");

        Run run = plan(candidates, judge, 4).build().run();

        double judgeCost = JUDGE_PRICE.cost(Usage.of(100, 3)).getAsDouble();
        double candidateCost = CANDIDATE_PRICE.cost(Usage.of(10, 5)).getAsDouble();
        assertThat(judge.calls()).isEqualTo(4);
        assertThat(judge.requests()).extracting(r -> r.messages().get(0).content())
                .containsExactlyInAnyOrder("grade: Q 0", "grade: Q 1", "grade: Q 2", "grade: Q 3");
        assertThat(run.results()).allSatisfy(r -> {
            assertThat(r.score("grade")).hasValue(0.75);
            assertThat(r.costUsd().getAsDouble()).isCloseTo(candidateCost, within(1e-15));
            Score.Call call = r.scores().get("grade").calls().get(0);
            assertThat(call.model()).isEqualTo("judge:j1");
            assertThat(call.usage()).isEqualTo(Usage.of(100, 3));
            assertThat(call.costUsd().getAsDouble()).isCloseTo(judgeCost, within(1e-15));
            assertThat(call.cached()).isFalse();
            assertThat(call.attempts()).isEqualTo(1);
            assertThat(call.error()).isEmpty();
        });
        Summary.Group overall = run.summary().overall();
        assertThat(overall.cost().knownUsd()).isCloseTo(4 * candidateCost, within(1e-12));
        assertThat(overall.tokens().input()).hasValue(40);
        Summary.ScorerCalls calls = overall.scorerCalls();
        assertThat(calls.calls()).isEqualTo(4);
        assertThat(calls.inputTokens()).hasValue(400);
        assertThat(calls.outputTokens()).hasValue(12);
        assertThat(calls.cost().totalUsd().getAsDouble()).isCloseTo(4 * judgeCost, within(1e-12));
        assertThat(calls.cost().spentUsd()).isCloseTo(4 * judgeCost, within(1e-12));
        assertThat(run.summary().byModel().get("cand:m").scorerCalls().calls()).isEqualTo(4);
    }

    @Test
    void aSecondRunServesTheJudgeFromTheResponseCache() {
        ScriptedProvider judge = judgeAnswering("1");
        BenchmarkPlan.Builder builder = plan(ScriptedProvider.echoing("cand"), judge, 3);
        builder.build().run();

        Run again = builder.build().run();

        assertThat(judge.calls()).isEqualTo(3);
        assertThat(again.results()).allSatisfy(r -> {
            Score.Call call = r.scores().get("grade").calls().get(0);
            assertThat(call.cached()).isTrue();
            assertThat(call.attempts()).isZero();
            assertThat(r.score("grade")).hasValue(1.0);
        });
        Summary.ScorerCalls calls = again.summary().overall().scorerCalls();
        assertThat(calls.cached()).isEqualTo(3);
        assertThat(calls.cost().spentUsd()).isZero();
        assertThat(calls.cost().knownUsd()).isPositive();
    }

    @Test
    void aRateLimitedJudgeCallIsRetriedAfterItsRetryAfter() {
        ScriptedProvider judge = ScriptedProvider.named("judge", r -> r.attempt() == 1
                ? CompletableFuture.failedFuture(CallException.forHttpStatus(429, "slow down",
                        Optional.of(Duration.ofMillis(700))))
                : CompletableFuture.completedFuture(ScriptedProvider.answer("0.5")));

        Run run = plan(ScriptedProvider.echoing("cand"), judge, 1).scheduler(scheduler).build().run();

        Score score = run.results().get(0).scores().get("grade");
        assertThat(score.value()).hasValue(0.5);
        assertThat(score.calls().get(0).attempts()).isEqualTo(2);
        assertThat(scheduler.delays()).contains(Duration.ofMillis(700));
        assertThat(run.results().get(0).attempts()).isEqualTo(1);
    }

    @Test
    void aFailedJudgeCallIsAScoringErrorAndTheRunCompletes() {
        ScriptedProvider judge = ScriptedProvider.named("judge", r -> CompletableFuture.failedFuture(
                CallException.forHttpStatus(400, "model not found", Optional.empty())));

        Run run = plan(ScriptedProvider.echoing("cand"), judge, 3).build().run();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.results()).allSatisfy(r -> {
            assertThat(r.succeeded()).isTrue();
            Score s = r.scores().get("grade");
            assertThat(s.error()).contains("judge failed: model not found");
            assertThat(s.calls().get(0).error().get().kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        });
        assertThat(judge.calls()).isEqualTo(3);
        assertThat(run.summary().overall().scorerCalls().failed()).isEqualTo(3);
        assertThat(run.summary().overall().scores().get("grade").errors()).isEqualTo(3);
    }

    @Test
    void aConfigNoScorerDeclaredIsRefusedWithAFailedResult() {
        ModelConfig undeclared = ModelConfig.of("judge", "other");
        Scorer sneaky = scorer("sneaky", List.of(), request -> request.caller().call(undeclared, List.of(Message.user("hi")))
                .thenApply(r -> Score.error(r.error().get().kind().wireName() + ": " + r.error().get().message())));
        ScriptedProvider judge = judgeAnswering("1");

        Run run = plan(ScriptedProvider.echoing("cand"), judge, 1).scorer(sneaky).build().run();

        assertThat(run.results().get(0).scores().get("sneaky").error()).contains("internal: model 'judge:other' is not one a "
                + "scorer of this plan declared in Scorer.models(), so the run cannot call it");
    }

    @Test
    void theJudgeIsValidatedWithThePlanAndProblemsNameTheScorer() {
        ScriptedProvider candidates = ScriptedProvider.echoing("cand");
        BenchmarkPlan.Builder unknownProvider = Plans.over(candidates, 1).scorer(grader(ModelConfig.of("nope", "j")));
        BenchmarkPlan.Builder clash = Plans.over(candidates, 1)
                .scorer(grader(ModelConfig.of("cand", "m").withTemperature(0.3)));

        assertThatThrownBy(unknownProvider::build).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("No provider 'nope' for model 'nope:j' of scorer 'grade'");
        assertThatThrownBy(clash::build).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("Scorer 'grade' calls model 'cand:m', but the plan has a different config of that id");
        Scorer nullModels = new Scorer() {
            @Override
            public String name() {
                return "careless";
            }

            @Override
            public List<ModelConfig> models() {
                return null;
            }

            @Override
            public CompletionStage<Score> score(ScoreRequest request) {
                return CompletableFuture.completedFuture(Score.of(1));
            }
        };
        assertThatThrownBy(() -> Plans.over(candidates, 1).scorer(nullModels).build()).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("Scorer 'careless' returned null from models(); return the configs it calls, or List.of() for none");
    }

    @Test
    void aJudgeThatIsAlsoACandidateSharesItsConfig() {
        ScriptedProvider both = ScriptedProvider.named("both", r -> CompletableFuture.completedFuture(
                ScriptedProvider.answer(r.messages().get(0).content().startsWith("grade:") ? "0.25" : "answer")));
        ModelConfig m = ModelConfig.of("both", "m");

        Run run = Plans.over(both, 2).scorer(grader(m)).build().run();

        assertThat(run.results()).allSatisfy(r -> assertThat(r.score("grade")).hasValue(0.25));
        // two candidate calls; both outputs are "answer", so the two identical judge requests share one call
        assertThat(both.calls()).isEqualTo(3);
        assertThat(run.results()).extracting(r -> r.scores().get("grade").calls().get(0).cached())
                .containsExactlyInAnyOrder(true, false);
    }

    @Test
    void cancellingTheRunCancelsJudgeCallsInFlightAndDropsTheirCellsForAResume() {
        HeldCalls held = new HeldCalls();
        ScriptedProvider judge = ScriptedProvider.named("judge", held::hold);
        ResumeTest.MemoryStore store = new ResumeTest.MemoryStore();
        RunHandle handle = plan(ScriptedProvider.echoing("cand"), judge, 1).store(store).build().start();
        HeldCalls.Held call = held.next();

        handle.cancel();
        Run run = handle.await();

        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(call.future()).isCancelled();
        assertThat(run.results()).as("a cell whose judge was cancelled is not kept half-scored").isEmpty();
        assertThat(store.results.get(run.id())).isEmpty();

        Run resumed = plan(ScriptedProvider.echoing("cand"), judgeAnswering("1"), 1).store(store).build()
                .resume(run.id());
        assertThat(resumed.results()).singleElement().satisfies(r -> assertThat(r.score("grade")).hasValue(1.0));
    }

    @Test
    void cancellingTheRunDoesNotWaitForAJudgeBackingOffAfterA429() {
        ScriptedProvider judge = ScriptedProvider.named("judge", r -> CompletableFuture.failedFuture(
                CallException.forHttpStatus(429, "slow down", Optional.of(Duration.ofMinutes(5)))));
        RunHandle handle = plan(ScriptedProvider.echoing("cand"), judge, 1).build().start();
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (judge.calls() < 1 && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
        }
        assertThat(judge.calls()).as("the judge was called and is now backing off").isEqualTo(1);

        handle.cancel();

        Run run = handle.await(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("cancel waited for the backoff"));
        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.results()).isEmpty();
    }

    @Test
    void theRunDeadlineStopsJudgesWaitingForTheirRateLimit() {
        ScriptedProvider judge = judgeAnswering("1");
        ModelConfig slowJudge = judgeConfig().withRequestsPerMinute(1);
        Run run = BenchmarkPlan.named("judged").provider(ScriptedProvider.echoing("cand")).provider(judge)
                .prompt(Prompt.named("p").user("Q {{x}}"))
                .model(ModelConfig.of("cand", "m")).trials(Plans.trials(3))
                .scorer(grader(slowJudge)).runDeadline(Duration.ofMillis(1500))
                .build().start().await(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("the deadline waited"));

        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(judge.calls()).isEqualTo(1);
        assertThat(run.results()).hasSize(1).allSatisfy(r -> assertThat(r.score("grade")).hasValue(1.0));
    }

    /** Calls its judge but records nothing in the score itself. */
    @Test
    void theRunRecordsJudgeCallsAScorerForgotSoTheirCostIsNeverHidden() {
        Run run = plan(ScriptedProvider.echoing("cand"), judgeAnswering("0.5"), 2).scorer(judging("forgetful", judgeConfig(),
                request -> ask(request, judgeConfig(), "grade").thenApply(r -> Score.of(Double.parseDouble(r.output())))))
                .build().run();

        assertThat(run.results()).allSatisfy(r -> assertThat(r.scores().get("forgetful").calls()).singleElement()
                .satisfies(c -> assertThat(c.model()).isEqualTo("judge:j1")));
        // the grader's call and the forgetful scorer's identical one (served from the cache) both count
        assertThat(run.summary().overall().scorerCalls().calls()).isEqualTo(4);
        assertThat(run.summary().overall().scorerCalls().cached()).isEqualTo(2);
    }

    @Test
    void aJudgeIsAskedOnceForTheSameReviewInEveryRepetition() {
        ScriptedProvider judge = judgeAnswering("1");

        Run run = plan(ScriptedProvider.echoing("cand"), judge, 2).repetitions(3).build().run();

        assertThat(run.results()).hasSize(6);
        assertThat(judge.calls()).isEqualTo(2);
        assertThat(run.summary().overall().scorerCalls().cached()).isEqualTo(4);
    }

    @Test
    void aCallWithoutMessagesIsAFailedResultNotABrokenRun() {
        Scorer empty = judging("empty", judgeConfig(), request -> request.caller().call(judgeConfig(), List.of())
                .thenApply(r -> Score.error(r.error().get().message())));

        Run run = plan(ScriptedProvider.echoing("cand"), judgeAnswering("1"), 1).scorer(empty).build().run();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.results().get(0).scores().get("empty").error())
                .contains("a call to 'judge:j1' needs at least one message and no null ones, but got 0 message(s)");
    }

    @Test
    void aScoreRequestMadeOutsideARunRendersThePromptAndRefusesModelCalls() {
        var trial = Trial.of("t", Map.of("x", "7"));
        var prompt = Prompt.named("p").system("be brief").user("Q {{x}}");
        Result result = Result.success(new CellId("p", "a:b", "t", 0), "out",
                FinishReason.STOP, Result.Timing.of(Instant.EPOCH, Duration.ZERO));

        ScoreRequest request = new ScoreRequest(result, trial, prompt, ModelConfig.of("a", "b"));

        assertThat(request.messages()).containsExactly(Message.system("be brief"), Message.user("Q 7"));
        assertThatThrownBy(() -> request.caller().call(judgeConfig(), List.of(Message.user("x"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot call 'judge:j1': it was made outside a run");
    }

    @Test
    void theRunRecordsItsJudgesAndAChangedJudgeIsADifferenceForResume() {
        ScriptedProvider judge = judgeAnswering("1");
        Run run = plan(ScriptedProvider.echoing("cand"), judge, 1).build().run();
        var stored = run.info().plan();
        var changed = new PlanSnapshot(stored.name(), stored.prompts(), stored.models(),
                stored.trialCount(), stored.trialsFingerprint(), stored.repetitions(), stored.concurrency(),
                stored.scorers(), List.of(judgeConfig().withTemperature(0.7)), stored.scorerSettings());
        var other = new PlanSnapshot(stored.name(), stored.prompts(), stored.models(),
                stored.trialCount(), stored.trialsFingerprint(), stored.repetitions(), stored.concurrency(),
                stored.scorers(), List.of(ModelConfig.of("judge", "j2")), stored.scorerSettings());

        assertThat(stored.scorerModels()).containsExactly(judgeConfig());
        assertThat(ResumeCheck.differences(stored, stored)).isEmpty();
        assertThat(ResumeCheck.differences(stored, changed)).containsExactly("judge 'judge:j1' changed its parameters");
        assertThat(ResumeCheck.differences(stored, other))
                .containsExactly("its scorers' models (judges) were [judge:j1] and are now [judge:j2]");
    }

    @Test
    void scorerSettingsAreKeptWithTheRunAndSettingsThatAreNotJsonAreRefused() {
        Scorer rubric = new Scorer() {
            @Override
            public String name() {
                return "rubric";
            }

            @Override
            public Map<String, Object> settings() {
                return Map.of("criteria", "brief", "scale", List.of(1, 5));
            }

            @Override
            public CompletionStage<Score> score(ScoreRequest request) {
                return CompletableFuture.completedFuture(Score.of(1));
            }
        };
        Scorer odd = new Scorer() {
            @Override
            public String name() {
                return "odd";
            }

            @Override
            public Map<String, Object> settings() {
                return Map.of("clock", new Object());
            }

            @Override
            public CompletionStage<Score> score(ScoreRequest request) {
                return CompletableFuture.completedFuture(Score.of(1));
            }
        };
        ScriptedProvider candidates = ScriptedProvider.echoing("cand");

        Run run = Plans.over(candidates, 1).scorer(rubric).build().run();

        assertThat(run.info().plan().scorerSettings()).containsOnlyKeys("rubric");
        assertThat(run.info().plan().scorerSettings().get("rubric")).containsEntry("criteria", "brief");
        var changed = new PlanSnapshot(run.info().plan().name(), run.info().plan().prompts(),
                run.info().plan().models(), 1, run.info().plan().trialsFingerprint(), 1, run.info().plan().concurrency(),
                run.info().plan().scorers(), List.of(), Map.of("rubric", Map.of("criteria", "long",
                        "scale", List.of(1L, 5L))));
        assertThat(ResumeCheck.differences(run.info().plan(), changed)).containsExactly("scorer 'rubric' changed its criteria");
        assertThatThrownBy(() -> Plans.over(candidates, 1).scorer(odd).build()).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("Scorer 'odd' has settings that cannot be kept with the run");
    }

    /** Asks its judge with a rubric, so that changing the rubric changes the judge's request. */
    @Test
    void changingTheRubricReAsksOnlyTheJudgeWhileTheCandidatesComeFromTheCache() {
        ScriptedProvider candidates = ScriptedProvider.echoing("cand");
        ScriptedProvider judge = judgeAnswering("1");
        ResponseCache cache = ResponseCache.inMemory(100);
        Function<String, BenchmarkPlan> plan = criteria -> BenchmarkPlan.named("iterate")
                .provider(candidates).provider(judge).prompt(Prompt.named("p").user("Q {{x}}"))
                .model(ModelConfig.of("cand", "m")).trials(Plans.trials(5)).cache(cache)
                .scorer(judging("rubric", judgeConfig(), request -> ask(request, judgeConfig(), criteria)
                        .thenApply(r -> Score.of(Double.parseDouble(r.output())).withCall(r)))).build();
        plan.apply("strict").run();

        Run second = plan.apply("lenient").run();

        assertThat(candidates.calls()).as("the candidates were answered from the response cache").isEqualTo(5);
        assertThat(judge.calls()).as("the judge was asked again with the new rubric").isEqualTo(10);
        assertThat(second.results()).allSatisfy(r -> assertThat(r.cached()).isTrue());
    }

    @Test
    void settingsAreComparedWhateverTheKeyOrderAndNumberTypeAndOldRunsWithoutSettingsStillResume() {
        Run run = Plans.over(ScriptedProvider.echoing("cand"), 1).build().run();
        var base = run.info().plan();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "user");
        message.put("content", "{{output}}");
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("content", "{{output}}");
        reversed.put("role", "user");
        Function<Map<String, Map<String, Object>>, PlanSnapshot> with =
                settings -> new PlanSnapshot(base.name(), base.prompts(), base.models(), base.trialCount(),
                        base.trialsFingerprint(), base.repetitions(), base.concurrency(), List.of("judge"), List.of(), settings);
        var stored = with.apply(Map.of("judge", Map.of("scale", List.of(1, 5),
                "template", List.of(reversed))));
        var now = with.apply(Map.of("judge", Map.of("template", List.of(message),
                "scale", List.of(1L, 5L))));

        assertThat(ResumeCheck.differences(stored, now)).isEmpty();
        assertThat(ResumeCheck.differences(with.apply(Map.of()), now)).as("a run stored before settings").isEmpty();
        var judgeOnly = new PlanSnapshot(base.name(), base.prompts(), base.models(), base.trialCount(),
                base.trialsFingerprint(), base.repetitions(), base.concurrency(), List.of("judge", "set_f1"), List.of(),
                Map.of("judge", Map.of("scale", List.of(1, 5))));
        var both = new PlanSnapshot(base.name(), base.prompts(), base.models(), base.trialCount(),
                base.trialsFingerprint(), base.repetitions(), base.concurrency(), List.of("judge", "set_f1"), List.of(),
                Map.of("judge", Map.of("scale", List.of(1, 5)), "set_f1", Map.of("trim", true)));
        assertThat(ResumeCheck.differences(judgeOnly, both)).as("a scorer that reported no settings then").isEmpty();
        assertThat(ResumeCheck.differences(both, judgeOnly)).containsExactly("scorer 'set_f1' changed its trim");
    }

    /** Calls its judge twice but records only the first call. */
    @Test
    void callsAScorerLeftOutAreRecordedBesideThoseItRecorded() {
        Run run = plan(ScriptedProvider.echoing("cand"), judgeAnswering("1"), 2).scorer(judging("half", judgeConfig(),
                request -> ask(request, judgeConfig(), "first").thenCompose(first -> ask(request, judgeConfig(), "second")
                        .thenApply(second -> Score.of(1).withCall(first)))))
                .build().run();

        assertThat(run.results()).allSatisfy(r -> assertThat(r.scores().get("half").calls()).hasSize(2));
        assertThat(run.summary().overall().scorerCalls().calls()).isEqualTo(2 + 4);
    }
}
