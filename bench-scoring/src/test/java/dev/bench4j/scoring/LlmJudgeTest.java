package dev.bench4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.ModelCaller;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.ScorerFactory;
import dev.bench4j.scoring.testing.FixedCaller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LLM judge renders its review prompt, asks its judge once per result and reads the verdict. */
class LlmJudgeTest {

    private static final ModelConfig JUDGE = ModelConfig.of("openai", "gpt-4.1-mini").withTemperature(0);
    private static final Prompt CANDIDATE_PROMPT = Prompt.named("extract").system("You extract conditions.")
            .user("Text: {{text}}");
    private static final Trial TRIAL = Trial.of("t1", Map.of("text", "Adults with asthma and diabetes."))
            .withExpected(List.of("asthma", "diabetes"));

    private static Result verdict(String text) {
        return Result.success(new CellId("extract", JUDGE.id(), "t1", 0), text, FinishReason.STOP,
                Result.Timing.of(Instant.EPOCH, Duration.ofMillis(400))).withUsage(Usage.of(300, 20))
                .withCostUsd(OptionalDouble.of(0.00015));
    }

    private static ScoreRequest request(Trial trial, ModelCaller caller) {
        Result candidate = Result.success(new CellId("extract", "echo:e", trial.id(), 0), "[\"asthma\"]", FinishReason.STOP,
                Result.Timing.of(Instant.EPOCH, Duration.ofMillis(10)));
        return new ScoreRequest(candidate, trial, CANDIDATE_PROMPT, ModelConfig.of("echo", "e"),
                CANDIDATE_PROMPT.render(trial.vars()), caller);
    }

    @Test
    void theDefaultReviewPromptShowsCriteriaInputReferenceAnswerAndScale() {
        LlmJudge judge = Scorers.llmJudge(JUDGE).withCriteria("Every condition in the text is listed.");

        List<Message> review = judge.reviewMessages(request(TRIAL, ModelCaller.none()));

        assertThat(review).hasSize(2);
        assertThat(review.get(0).content()).contains("{\"score\": <a number from 1 to 5>, \"reason\"");
        assertThat(review.get(1).content())
                .contains("## Criteria\nEvery condition in the text is listed.")
                .contains("## Input the model was given\n[system]\nYou extract conditions.\n\n[user]\nText: Adults with asthma and diabetes.")
                .contains("## Reference answer\n[\"asthma\",\"diabetes\"]")
                .contains("## Answer to grade\n[\"asthma\"]")
                .contains("Grade the answer from 1 (worst) to 5 (best)");
    }

    @Test
    void withoutAnExpectedValueTheReviewPromptSaysThereIsNone() {
        Trial bare = Trial.of("t2", Map.of("text", "x"));

        List<Message> review = Scorers.llmJudge(JUDGE).reviewMessages(request(bare, ModelCaller.none()));

        assertThat(review.get(1).content()).contains("## Reference answer\n(no reference answer is given; judge by the criteria alone)");
    }

    @Test
    void aVerdictBecomesANormalizedScoreWithTheJudgesReasonAndCall() {
        FixedCaller caller = new FixedCaller(verdict("{\"score\": 4, \"reason\": \"misses nothing, adds nothing\"}"));

        Score s = Scorers.llmJudge(JUDGE).score(request(TRIAL, caller)).toCompletableFuture().join();

        assertThat(s.value()).hasValue(0.75);
        assertThat(s.reason()).contains("misses nothing, adds nothing");
        assertThat(s.details()).containsEntry("judge_score", 4.0);
        assertThat(s.calls()).singleElement().satisfies(c -> {
            assertThat(c.model()).isEqualTo("openai:gpt-4.1-mini");
            assertThat(c.costUsd()).hasValue(0.00015);
            assertThat(c.usage()).isEqualTo(Usage.of(300, 20));
        });
        assertThat(caller.sent).hasSize(1);
    }

    @Test
    void aFailedJudgeCallIsAScoringErrorThatStillRecordsTheCall() {
        Result failed = Result.failure(new CellId("extract", JUDGE.id(), "t1", 0),
                ResultError.of(ErrorKind.RATE_LIMITED, "Rate limit reached"), Result.Timing.of(Instant.EPOCH, Duration.ZERO), 5);

        Score s = Scorers.llmJudge(JUDGE).score(request(TRIAL, new FixedCaller(failed))).toCompletableFuture().join();

        assertThat(s.error()).contains("judge 'openai:gpt-4.1-mini' failed (rate_limited): Rate limit reached");
        assertThat(s.calls()).singleElement().satisfies(c -> assertThat(c.attempts()).isEqualTo(5));
    }

    @Test
    void anUnparseableVerdictIsAScoringErrorNotAnException() {
        Score s = Scorers.llmJudge(JUDGE).score(request(TRIAL, new FixedCaller(verdict("Looks great!"))))
                .toCompletableFuture().join();

        assertThat(s.error().orElseThrow()).contains("nor a bare number: 'Looks great!'");
        assertThat(s.calls()).hasSize(1);
    }

    @Test
    void aCustomTemplateMayUseTheTrialsOwnVariablesAndAnotherScale() {
        Prompt template = Prompt.named("strict").user("Source: {{text}}\nAnswer: {{output}}\nScore {{min}}-{{max}}.");
        FixedCaller caller = new FixedCaller(verdict("7"));
        LlmJudge judge = Scorers.llmJudge(JUDGE).withName("faithful").withTemplate(template).withScale(0, 10);

        Score s = judge.score(request(TRIAL, caller)).toCompletableFuture().join();

        assertThat(judge.name()).isEqualTo("faithful");
        assertThat(caller.sent.get(0)).containsExactly(Message.user(
                "Source: Adults with asthma and diabetes.\nAnswer: [\"asthma\"]\nScore 0-10."));
        assertThat(s.value()).hasValue(0.7);
    }

    @Test
    void aTemplateVariableNobodyProvidesIsAScoringError() {
        LlmJudge judge = Scorers.llmJudge(JUDGE).withTemplate(Prompt.named("t").user("{{output}} vs {{gold}}"));

        Score s = judge.score(request(TRIAL, new FixedCaller(verdict("3")))).toCompletableFuture().join();

        assertThat(s.error().orElseThrow()).startsWith("judge template: prompt 't' uses variable 'gold' but no value was given");
    }

    @Test
    void badSettingsAreRefusedWhenMadeNamingTheSetting() {
        LlmJudge judge = Scorers.llmJudge(JUDGE);

        assertThatThrownBy(() -> judge.withTemplate(Prompt.named("blind").user("Rate {{input}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("judge template 'blind' never shows the judge the answer: it must use {{output}}");
        assertThatThrownBy(() -> judge.withScale(5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("judge scale must be finite numbers with min < max but was 5.0..1.0");
        assertThatThrownBy(() -> judge.withCriteria(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("judge criteria must not be blank");
        assertThatThrownBy(() -> judge.withName("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scorers.llmJudge(null)).isInstanceOf(NullPointerException.class).hasMessage("judge");
    }

    @Test
    void declaresItsJudgeAsTheModelItCallsAlsoWhenRenamed() {
        assertThat(Scorers.llmJudge(JUDGE).models()).containsExactly(JUDGE);
        assertThat(Scorers.named("renamed", Scorers.llmJudge(JUDGE)).models()).containsExactly(JUDGE);
        assertThat(Scorers.llmJudge(JUDGE).toString()).isEqualTo("LlmJudge[llm_judge, judge=openai:gpt-4.1-mini, scale=1..5]");
    }

    @Test
    void thePlanFileTypeReadsTheJudgeConfigScaleCriteriaAndTemplate() {
        ScorerFactory factory = ServiceLoader.load(ScorerFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals("llm_judge")).findFirst().orElseThrow();
        FixedCaller caller = new FixedCaller(verdict("{\"score\": 2}"));

        LlmJudge judge = (LlmJudge) factory.create(Map.of("name", "helpful",
                "judge", Map.of("provider", "openai", "model", "gpt-4.1-mini", "temperature", 0),
                "scale", List.of(0, 4), "criteria", "Helps the user.", "template", "Grade {{output}} by: {{criteria}}"));
        Score s = judge.score(request(TRIAL, caller)).toCompletableFuture().join();

        assertThat(judge.name()).isEqualTo("helpful");
        assertThat(judge.judge()).isEqualTo(JUDGE);
        assertThat(caller.sent.get(0).get(1)).isEqualTo(Message.user("Grade [\"asthma\"] by: Helps the user."));
        assertThat(caller.sent.get(0).get(0).content()).contains("a number from 0 to 4");
        assertThat(s.value()).hasValue(0.5);
    }

    @Test
    void thePlanFileTypeNamesWhatIsWrong() {
        ScorerFactory factory = ServiceLoader.load(ScorerFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals("llm_judge")).findFirst().orElseThrow();

        assertThatThrownBy(() -> factory.create(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("llm_judge scorer needs option 'judge'");
        assertThatThrownBy(() -> factory.create(Map.of("judge", Map.of("provider", "openai"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("judge").hasMessageContaining("model");
        assertThatThrownBy(() -> factory.create(Map.of("judge", Map.of("provider", "openai", "model", "m", "api_key", "sk-1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("sk-1");
        assertThatThrownBy(() -> factory.create(Map.of("judge", Map.of("provider", "openai", "model", "m"),
                "scale", List.of(5, 1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("llm_judge scorer option 'scale' must be [min, max]: two finite numbers, min < max but was [5,1]");
        assertThatThrownBy(() -> factory.create(Map.of("judge", Map.of("provider", "openai", "model", "m"),
                "template", "no answer here"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option 'template'").hasMessageContaining("must use {{output}}");
        assertThatThrownBy(() -> factory.create(Map.of("judge", Map.of("provider", "openai", "model", "m"), "weights", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no option 'weights'");
    }

    @Test
    void aPlanFileWithAJudgeRunsAndItsJudgeIsValidatedWithThePlan(@TempDir Path dir)
            throws Exception {
        String plan = """
                {"name": "judged", "prompts": [{"name": "p", "messages": [{"role": "user", "content": "{{x}}"}]}],
                 "models": [{"provider": "echo", "model": "candidate"}],
                 "trials": [{"id": "a", "vars": {"x": "5"}}, {"id": "b", "vars": {"x": "3"}}],
                 "scorers": [{"type": "llm_judge", "name": "quality", "template": "{{output}}",
                              "judge": {"provider": "%s", "model": "judge", "temperature": 0}}]}
                """;
        Path good = dir.resolve("good.json");
        Files.writeString(good, plan.formatted("echo"));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, plan.formatted("ecko"));

        Run run = PlanFile.load(good).build().run();

        assertThat(run.results()).extracting(r -> r.score("quality").orElseThrow()).containsExactlyInAnyOrder(1.0, 0.5);
        assertThat(run.summary().overall().scorerCalls().calls()).isEqualTo(2);
        assertThat(run.info().plan().scorerModels()).containsExactly(ModelConfig.of("echo", "judge").withTemperature(0));
        assertThat(run.info().plan().scorerSettings().get("quality")).containsEntry("type", "llm_judge")
                .containsEntry("judge", "echo:judge").containsEntry("scale", List.of(1L, 5L))
                .containsEntry("template", List.of(Map.of("role", "system", "content",
                        LlmJudge.defaultTemplate().messages().get(0).content()), Map.of("role", "user", "content", "{{output}}")));
        assertThatThrownBy(() -> PlanFile.load(bad).build())
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("No provider 'ecko' for model 'ecko:judge' of scorer 'quality'")
                .hasMessageContaining("Did you mean 'echo'?");
    }
}
