package dev.bench4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.ModelCaller;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import dev.bench4j.scoring.testing.FixedCaller;
import dev.bench4j.core.testing.ScriptedProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A rubric judge scores named criteria in one call; each criterion is its own score, the mean is the scorer's. */
class LlmJudgeRubricTest {

    private static final ModelConfig JUDGE = ModelConfig.of("openai", "gpt-4.1-mini").withTemperature(0);
    private static final Map<String, String> RUBRIC = rubric("accuracy", "Every fact agrees with the source.",
            "style", "Plain, short sentences.");
    private static final Prompt CANDIDATE = Prompt.named("summarize").user("Summarize: {{text}}");
    private static final Trial TRIAL = Trial.of("t1", Map.of("text", "The trial enrolled 120 adults."))
            .withExpected("120 adults were enrolled.");

    private static Map<String, String> rubric(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static Result verdict(String text) {
        return Result.success(new CellId("summarize", JUDGE.id(), "t1", 0), text, FinishReason.STOP,
                Result.Timing.of(Instant.EPOCH, Duration.ofMillis(700))).withUsage(Usage.of(420, 38))
                .withCostUsd(OptionalDouble.of(0.00023));
    }

    private static ScoreRequest request(ModelCaller caller) {
        Result candidate = Result.success(new CellId("summarize", "echo:e", "t1", 0), "About 120 adults took part.",
                FinishReason.STOP, Result.Timing.of(Instant.EPOCH, Duration.ofMillis(10)));
        return new ScoreRequest(candidate, TRIAL, CANDIDATE, ModelConfig.of("echo", "e"), CANDIDATE.render(TRIAL.vars()),
                caller);
    }

    private static Map<String, Score> grade(LlmJudge judge, String verdictText) {
        return judge.scoreParts(request(new FixedCaller(verdict(verdictText)))).toCompletableFuture().join();
    }

    @Test
    void eachCriterionIsItsOwnScoreAndTheScorersScoreIsTheirMeanWithTheOneCall() {
        FixedCaller caller = new FixedCaller(verdict(
                "{\"scores\": {\"accuracy\": 4, \"style\": 3}, \"reason\": \"Right number; a little wordy.\"}"));
        LlmJudge judge = Scorers.llmJudge(JUDGE).withRubric(RUBRIC);

        Map<String, Score> scores = judge.scoreParts(request(caller)).toCompletableFuture().join();

        assertThat(judge.parts()).containsExactly("llm_judge.accuracy", "llm_judge.style");
        assertThat(scores).containsOnlyKeys("llm_judge", "llm_judge.accuracy", "llm_judge.style");
        Score overall = scores.get("llm_judge");
        assertThat(overall.value()).hasValue(0.625);
        assertThat(overall.reason()).contains("Right number; a little wordy.");
        assertThat(overall.details()).containsEntry("accuracy", 4.0).containsEntry("style", 3.0);
        assertThat(overall.calls()).singleElement().satisfies(c -> assertThat(c.costUsd()).hasValue(0.00023));
        assertThat(scores.get("llm_judge.accuracy").value()).hasValue(0.75);
        assertThat(scores.get("llm_judge.accuracy").details()).containsEntry("judge_score", 4.0);
        assertThat(scores.get("llm_judge.style").value()).hasValue(0.5);
        assertThat(scores.get("llm_judge.style").calls()).isEmpty();
        assertThat(caller.sent).hasSize(1);
        assertThat(judge.score(request(caller)).toCompletableFuture().join().value()).hasValue(0.625);
    }

    @Test
    void theRubricReviewPromptListsTheCriteriaAndAsksForAScoreUnderEachName() {
        List<Message> review = Scorers.llmJudge(JUDGE).withRubric(RUBRIC).withScale(0, 10)
                .reviewMessages(request(ModelCaller.none()));

        assertThat(review.get(0).content()).contains("{\"scores\": {\"<criterion>\": <a number from 0 to 10>, ...}");
        assertThat(review.get(1).content())
                .contains("## Criteria\n- accuracy: Every fact agrees with the source.\n- style: Plain, short sentences.")
                .contains("## Answer to grade\nAbout 120 adults took part.")
                .contains("on each criterion from 0 (worst) to 10 (best)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            fenced with prose around it   | Here is my grading:\\n```json\\n{"scores": {"accuracy": 5, "style": 2}, "reason": "ok"}\\n```\\nHope this helps. | 1.0 | 0.25
            numbers as strings             | {"scores": {"accuracy": "5", "style": "2/5"}}                                                               | 1.0 | 0.25
            criteria as objects            | {"scores": {"accuracy": {"score": 5, "reason": "exact"}, "style": {"score": 2.0}}}                         | 1.0 | 0.25
            keys in another case           | {"scores": {"Accuracy": 5, "STYLE": 2}, "reason": "fine"}                                                  | 1.0 | 0.25
            prose then the object          | I would rate it {"scores": {"accuracy": 5, "style": 2}, "reason": "good"} overall.                        | 1.0 | 0.25
            """)
    void realisticWellFormedVerdictsAreRead(String label, String verdictText, double accuracy, double style) {
        Map<String, Score> s = grade(Scorers.llmJudge(JUDGE).withRubric(RUBRIC), verdictText.replace("\\n", "\n"));

        assertThat(s.get("llm_judge.accuracy").value()).hasValue(accuracy);
        assertThat(s.get("llm_judge.style").value()).hasValue(style);
        assertThat(s.get("llm_judge").value()).hasValue((accuracy + style) / 2);
    }

    @Test
    void aCriterionsOwnReasonIsKept() {
        Map<String, Score> s = grade(Scorers.llmJudge(JUDGE).withRubric(RUBRIC),
                "{\"scores\": {\"accuracy\": {\"score\": 5, \"reason\": \"matches the source\"}, \"style\": 4}}");

        assertThat(s.get("llm_judge.accuracy").reason()).contains("matches the source");
        assertThat(s.get("llm_judge.style").reason()).isEmpty();
    }

    @Test
    void aMissingCriterionIsUnscorableAloneAndTheMeanIsAnErrorNamingIt() {
        Map<String, Score> s = grade(Scorers.llmJudge(JUDGE).withRubric(RUBRIC),
                "{\"scores\": {\"accuracy\": 4}, \"reason\": \"The facts are right.\"}");

        assertThat(s.get("llm_judge.accuracy").value()).hasValue(0.75);
        assertThat(s.get("llm_judge.style").error().orElseThrow())
                .startsWith("judge verdict has no score for criterion 'style': '{\"scores\"");
        assertThat(s.get("llm_judge").error().orElseThrow())
                .startsWith("judge verdict gave no valid score for style: judge verdict has no score for criterion 'style'");
        assertThat(s.get("llm_judge").calls()).hasSize(1);
    }

    @Test
    void aCriterionOffTheScaleOrNotANumberIsAnErrorNamingTheCriterion() {
        Map<String, Score> s = grade(Scorers.llmJudge(JUDGE).withRubric(RUBRIC),
                "{\"scores\": {\"accuracy\": 7, \"style\": \"good\"}}");

        assertThat(s.get("llm_judge.accuracy").error().orElseThrow())
                .startsWith("criterion 'accuracy': judge score 7 is outside the declared scale 1..5");
        assertThat(s.get("llm_judge.style").error().orElseThrow())
                .startsWith("judge verdict's score for criterion 'style' must be a number but was a string");
        assertThat(s.get("llm_judge").error().orElseThrow()).startsWith("judge verdict gave no valid score for accuracy, style");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            prose only                   | Accuracy: 4/5. Style: 3/5.                               | judge verdict is not JSON {"scores": {...}, "reason": ...}: 'Accuracy: 4/5.
            a single score               | {"score": 4, "reason": "good"}                          | judge verdict has no "scores" object: '{"score": 4
            scores as a list             | {"scores": [4, 3]}                                      | judge verdict has no "scores" object
            a repeated criterion         | {"scores": {"accuracy": 5, "accuracy": 1, "style": 3}}  | judge verdict repeats a field (Duplicate field 'accuracy')
            truncated JSON               | {"scores": {"accuracy": 4, "style":                     | judge verdict is not JSON
            """)
    void malformedVerdictsAreErrorsUnderEveryNameNeverExceptions(String label, String verdictText, String error) {
        Map<String, Score> s = grade(Scorers.llmJudge(JUDGE).withRubric(RUBRIC), verdictText);

        assertThat(s).containsOnlyKeys("llm_judge", "llm_judge.accuracy", "llm_judge.style");
        assertThat(s.values()).allSatisfy(score -> assertThat(score.error().orElseThrow()).startsWith(error));
        assertThat(s.get("llm_judge").calls()).hasSize(1);
    }

    @Test
    void aFailedJudgeCallIsAnErrorUnderEveryNameWithTheCallRecordedOnce() {
        Result failed = Result.failure(new CellId("summarize", JUDGE.id(), "t1", 0),
                ResultError.of(ErrorKind.SERVER, "upstream overloaded"), Result.Timing.of(Instant.EPOCH, Duration.ZERO), 3);

        Map<String, Score> s = Scorers.llmJudge(JUDGE).withName("q").withRubric(RUBRIC)
                .scoreParts(request(new FixedCaller(failed))).toCompletableFuture().join();

        assertThat(s.values()).allSatisfy(score -> assertThat(score.error().orElseThrow())
                .isEqualTo("judge 'openai:gpt-4.1-mini' failed (server): upstream overloaded"));
        assertThat(s.get("q").calls()).singleElement().satisfies(c -> assertThat(c.attempts()).isEqualTo(3));
        assertThat(s.get("q.accuracy").calls()).isEmpty();
    }

    @Test
    void aBadRubricIsRefusedWhenMadeNamingTheScorerAndTheCriterion() {
        LlmJudge judge = Scorers.llmJudge(JUDGE).withName("summary_judge");

        assertThatThrownBy(() -> judge.withRubric(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("llm_judge scorer 'summary_judge' has an empty rubric; give at least one criterion");
        assertThatThrownBy(() -> judge.withRubric(rubric("Accuracy", "a", "accuracy", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("llm_judge scorer 'summary_judge' rubric has criteria 'Accuracy' and 'accuracy', which differ only in case");
        assertThatThrownBy(() -> judge.withRubric(rubric("tone of voice", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("llm_judge scorer 'summary_judge' rubric criterion 'tone of voice' must be letters, digits");
        assertThatThrownBy(() -> judge.withRubric(rubric("style", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("llm_judge scorer 'summary_judge' rubric criterion 'style' has a blank description");
        assertThatThrownBy(() -> judge.withRubric(RUBRIC).withScale(5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("llm_judge scorer 'summary_judge': judge scale must be finite numbers with min < max but was 5.0..1.0");
        assertThatThrownBy(() -> judge.withRubric(RUBRIC).withCriteria("Be right."))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has a rubric");
        assertThatThrownBy(() -> judge.withCriteria("Be right.").withRubric(RUBRIC))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has criteria text");
    }

    private static ScorerFactory factory() {
        return ServiceLoader.load(ScorerFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals("llm_judge")).findFirst().orElseThrow();
    }

    @Test
    void thePlanFileTypeReadsARubricAndKeepsItInTheSettings() {
        LlmJudge judge = (LlmJudge) factory().create(Map.of("name", "summary",
                "judge", Map.of("provider", "openai", "model", "gpt-4.1-mini", "temperature", 0),
                "rubric", RUBRIC, "scale", List.of(1, 5)));

        assertThat(judge.parts()).containsExactly("summary.accuracy", "summary.style");
        assertThat(judge.settings()).containsEntry("rubric", RUBRIC).doesNotContainKey("criteria")
                .containsEntry("scale", List.of(1L, 5L));
        assertThat(((List<?>) judge.settings().get("template")).get(0).toString())
                .contains(LlmJudge.defaultRubricTemplate().messages().get(0).content());
    }

    @Test
    void thePlanFileTypeRefusesABadRubricNamingTheScorerAndTheCriterion() {
        Map<String, Object> judge = Map.of("provider", "openai", "model", "m");

        assertThatThrownBy(() -> factory().create(Map.of("judge", judge, "rubric", Map.of())))
                .hasMessage("llm_judge scorer 'llm_judge' has an empty rubric; give at least one criterion");
        assertThatThrownBy(() -> factory().create(Map.of("judge", judge, "rubric", Map.of("accuracy", 3))))
                .hasMessageStartingWith("llm_judge scorer 'llm_judge' option 'rubric': criterion 'accuracy' must have a text description");
        assertThatThrownBy(() -> factory().create(Map.of("judge", judge, "rubric", RUBRIC, "criteria", "x")))
                .hasMessageStartingWith("llm_judge scorer 'llm_judge' has both 'criteria' and 'rubric'");
        assertThatThrownBy(() -> factory().create(Map.of("judge", judge, "rubric", List.of("accuracy"))))
                .hasMessageContaining("'rubric'").hasMessageContaining("an object");
    }

    @Test
    void aPlanFileWithARepeatedCriterionIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plan.json");
        Files.writeString(file, """
                {"name": "p", "prompts": [{"name": "p", "messages": [{"role": "user", "content": "{{x}}"}]}],
                 "models": [{"provider": "echo", "model": "c"}], "trials": [{"id": "a", "vars": {"x": "1"}}],
                 "scorers": [{"type": "llm_judge", "judge": {"provider": "echo", "model": "j"},
                              "rubric": {"accuracy": "right", "accuracy": "also right"}}]}
                """);

        assertThatThrownBy(() -> PlanFile.load(file).build()).hasMessageContaining("accuracy");
    }

    @Test
    void aCriterionScoreNamedLikeAnotherScorerIsRefusedAtBuild() {
        BenchmarkPlan.Builder plan = BenchmarkPlan.named("clash").prompt(Prompt.named("p").user("{{x}}"))
                .model(ModelConfig.of("echo", "c")).trial(Trial.of("a", Map.of("x", "1")))
                .scorer(Scorers.llmJudge(ModelConfig.of("echo", "j")).withName("judge").withRubric(RUBRIC))
                .scorer(Scorer.of("judge.style", r -> Score.of(1)));

        assertThatThrownBy(plan::build).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("Scorer 'judge' gives a score named 'judge.style', which another scorer or score already has");
    }

    /** The judge's verdict for each candidate answer, as a model might write it. */
    private static String scriptedVerdict(String review) {
        if (review.contains("## Answer to grade\nshort")) {
            return "```json\n{\"scores\": {\"accuracy\": \"5\", \"style\": 4}, \"reason\": \"Correct and brief.\"}\n```";
        }
        if (review.contains("## Answer to grade\nwordy")) {
            return "Sure! {\"scores\": {\"accuracy\": 3, \"style\": 1}, \"reason\": \"Right but rambling.\"}";
        }
        return "{\"scores\": {\"Accuracy\": 1}, \"reason\": \"Wrong figure.\"}";   // forgets style
    }

    @Test
    void aRunKeepsEachCriterionAsItsOwnScoreInResultsAndSummaryWithTheJudgeCostApart() {
        ScriptedProvider judgeProvider = ScriptedProvider.named("scripted", r -> CompletableFuture.completedFuture(
                ScriptedProvider.answer(scriptedVerdict(r.messages().get(r.messages().size() - 1).content()))));
        ModelConfig judge = ModelConfig.of("scripted", "judge").withTemperature(0)
                .withPrice(Price.perMillionTokens(1000, 2000));
        Run run = BenchmarkPlan.named("rubric").prompt(Prompt.named("p").user("{{x}}"))
                .model(ModelConfig.of("echo", "candidate"))
                .trial(Trial.of("a", Map.of("x", "short"))).trial(Trial.of("b", Map.of("x", "wordy")))
                .trial(Trial.of("c", Map.of("x", "wrong")))
                .provider(judgeProvider)
                .scorer(Scorers.llmJudge(judge).withName("quality").withRubric(RUBRIC))
                .build().run();

        Result a = run.results().stream().filter(r -> r.cell().trial().equals("a")).findFirst().orElseThrow();
        assertThat(a.scores()).containsOnlyKeys("quality", "quality.accuracy", "quality.style");
        assertThat(a.score("quality.accuracy")).hasValue(1.0);
        assertThat(a.score("quality.style")).hasValue(0.75);
        assertThat(a.score("quality")).hasValue(0.875);
        Result c = run.results().stream().filter(r -> r.cell().trial().equals("c")).findFirst().orElseThrow();
        assertThat(c.score("quality.accuracy")).hasValue(0.0);
        assertThat(c.scores().get("quality.style").error().orElseThrow()).contains("no score for criterion 'style'");

        Summary.Group overall = run.summary().overall();
        assertThat(overall.scores()).containsKeys("quality", "quality.accuracy", "quality.style");
        assertThat(overall.scores().get("quality.accuracy").mean().orElseThrow()).isCloseTo((1.0 + 0.5 + 0.0) / 3, within());
        assertThat(overall.scores().get("quality.style").mean().orElseThrow()).isCloseTo((0.75 + 0.0) / 2, within());
        assertThat(overall.scores().get("quality.style").errors()).isEqualTo(1);
        assertThat(overall.scores().get("quality").errors()).isEqualTo(1);
        assertThat(judgeProvider.requests()).hasSize(3);
        assertThat(overall.scorerCalls().calls()).isEqualTo(3);
        assertThat(overall.scorerCalls().cost().knownUsd()).isCloseTo(3 * 0.02, within());
        assertThat(overall.cost().knownUsd()).isZero();
    }

    @Test
    void aScorerThatLeavesOutAPartGetsAnErrorForItInTheRun() {
        Scorer partial = new Scorer() {
            @Override
            public String name() {
                return "two";
            }

            @Override
            public List<String> parts() {
                return List.of("two.first", "two.second");
            }

            @Override
            public CompletionStage<Score> score(ScoreRequest request) {
                return CompletableFuture.completedFuture(Score.of(1));
            }

            @Override
            public CompletionStage<Map<String, Score>> scoreParts(ScoreRequest request) {
                return CompletableFuture.completedFuture(Map.of("two", Score.of(1), "two.first", Score.of(0.5)));
            }
        };
        Run run = BenchmarkPlan.named("parts").prompt(Prompt.named("p").user("{{x}}"))
                .model(ModelConfig.of("echo", "c")).trial(Trial.of("a", Map.of("x", "1"))).scorer(partial)
                .build().run();

        Result r = run.results().get(0);
        assertThat(r.score("two.first")).hasValue(0.5);
        assertThat(r.scores().get("two.second").error()).contains("scorer 'two' gave no score 'two.second'");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
