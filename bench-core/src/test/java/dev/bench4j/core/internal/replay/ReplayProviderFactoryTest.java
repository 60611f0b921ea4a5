package dev.bench4j.core.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.testing.Plans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay provider answers each cell from recorded responses, and says so when one is missing. */
class ReplayProviderFactoryTest {

    @TempDir
    Path dir;

    private Path write(String... lines) throws IOException {
        Path f = dir.resolve("recordings.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    private BenchmarkPlan.Builder plan(ModelConfig model, int trials) {
        return BenchmarkPlan.named("replay").baseDirectory(dir)
                .prompt(Prompt.named("v1").user("Q {{x}}")).prompt(Prompt.named("v2").user("Question: {{x}}"))
                .model(model).trials(Plans.trials(trials));
    }

    private static Map<String, Result> byCell(Run run) {
        return run.results().stream().collect(Collectors.toMap(r -> r.cell().prompt() + "/" + r.cell().trial()
                + "#" + r.cell().repetition(), Function.identity()));
    }

    @Test
    void answersFromRecordingsPreferringTheMostSpecificOne() throws IOException {
        write("{\"model\": \"gpt-x\", \"trial\": \"t0\", \"output\": \"any prompt\", \"usage\": {\"input_tokens\": 12, \"output_tokens\": 3}}",
                "{\"model\": \"gpt-x\", \"trial\": \"t0\", \"prompt\": \"v2\", \"output\": \"v2 only\", \"finish_reason\": \"length\"}",
                "{\"model\": \"gpt-x\", \"trial\": \"t1\", \"output\": \"versioned\", \"model_version\": \"gpt-x-2026\"}");
        Run run = plan(ModelConfig.of("replay", "gpt-x").withParam("recordings", "recordings.jsonl"), 2).build().run();

        Map<String, Result> r = byCell(run);
        assertThat(r.get("v1/t0#0").output()).isEqualTo("any prompt");
        assertThat(r.get("v1/t0#0").usage().totalTokens()).hasValue(15);
        assertThat(r.get("v2/t0#0").output()).isEqualTo("v2 only");
        assertThat(r.get("v2/t0#0").finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.get("v1/t1#0").modelVersion()).contains("gpt-x-2026");
        assertThat(r.get("v1/t1#0").usage().inputTokens()).isEmpty();
    }

    @Test
    void recordingsMatchTheConfigIdBeforeTheModelName() throws IOException {
        write("{\"model\": \"good\", \"trial\": \"t0\", \"output\": \"by id\"}",
                "{\"model\": \"m\", \"trial\": \"t0\", \"output\": \"by model name\"}");
        Run run = plan(ModelConfig.of("replay", "m").withId("good").withParam("recordings", "recordings.jsonl"), 1).build().run();

        assertThat(run.results()).extracting(Result::output).containsOnly("by id");
    }

    @Test
    void repetitionsCanHaveTheirOwnRecordings() throws IOException {
        write("{\"model\": \"m\", \"trial\": \"t0\", \"repetition\": 1, \"output\": \"second\"}",
                "{\"model\": \"m\", \"trial\": \"t0\", \"output\": \"default\"}");
        Run run = plan(ModelConfig.of("replay", "m").withParam("recordings", "recordings.jsonl"), 1).repetitions(2).build().run();

        Map<String, Result> r = byCell(run);
        assertThat(r.get("v1/t0#0").output()).isEqualTo("default");
        assertThat(r.get("v1/t0#1").output()).isEqualTo("second");
    }

    @Test
    void aCellWithoutRecordingIsAResultWithAClearError() throws IOException {
        write("{\"model\": \"m\", \"trial\": \"t0\", \"prompt\": \"v1\", \"output\": \"only v1\"}");
        Run run = plan(ModelConfig.of("replay", "m").withId("cfg").withParam("recordings", "recordings.jsonl"), 1).build().run();

        Result missing = byCell(run).get("v2/t0#0");
        assertThat(missing.error().orElseThrow().kind()).isEqualTo(ErrorKind.NO_RECORDING);
        assertThat(missing.error().orElseThrow().message())
                .isEqualTo("no recording in recordings.jsonl for model 'cfg' (or 'm'), trial 't0', prompt 'v2', repetition 0");
        assertThat(missing.attempts()).isEqualTo(1);
    }

    @Test
    void aBrokenRecordingsFileIsRefusedAtBuildNamingTheLine() throws IOException {
        write("{\"model\": \"m\", \"trial\": \"t0\", \"output\": \"ok\"}", "{\"model\": \"m\", \"trial\": \"t1\"}");

        assertThatThrownBy(() -> plan(ModelConfig.of("replay", "m").withParam("recordings", "recordings.jsonl"), 1).build())
                .isInstanceOf(InvalidPlanException.class)
                .hasMessage("Model 'replay:m' (provider replay): recordings.jsonl line 2: field 'output' is missing");
    }

    @Test
    void aMissingRecordingsFileOrParamIsRefusedAtBuild() {
        assertThatThrownBy(() -> plan(ModelConfig.of("replay", "m").withParam("recordings", "nope.jsonl"), 1).build())
                .hasMessage("Model 'replay:m' (provider replay): recordings file " + dir.resolve("nope.jsonl") + " not found");
        assertThatThrownBy(() -> plan(ModelConfig.of("replay", "m"), 1).build())
                .hasMessageContaining("the replay provider needs the param 'recordings'");
    }

    @Test
    void replayIsNeverServedFromTheCache() throws IOException {
        write("{\"model\": \"m\", \"trial\": \"t0\", \"output\": \"same\"}", "{\"model\": \"m\", \"trial\": \"t1\", \"output\": \"same\"}");
        BenchmarkPlan p = plan(ModelConfig.of("replay", "m").withParam("recordings", "recordings.jsonl"), 2).build();
        p.run();
        Run second = p.run();

        assertThat(second.results()).noneMatch(Result::cached);
    }

    /** Asks its judge about the output and takes the verdict as the score. */
    private record RecordedJudge(ModelConfig judge) implements Scorer {
        @Override
        public String name() {
            return "judge";
        }

        @Override
        public List<ModelConfig> models() {
            return List.of(judge);
        }

        @Override
        public CompletionStage<Score> score(ScoreRequest request) {
            return request.caller().call(judge, List.of(Message.user(request.output())))
                    .thenApply(r -> r.succeeded() ? Score.of(Double.parseDouble(r.output()))
                            : Score.error(r.error().get().message()));
        }
    }

    @Test
    void aRecordedJudgeGivesEachGradedModelItsOwnVerdict() throws IOException {
        write("{\"model\": \"a\", \"trial\": \"t0\", \"output\": \"same answer\"}",
                "{\"model\": \"b\", \"trial\": \"t0\", \"output\": \"same answer\"}",
                "{\"model\": \"judge\", \"grades\": \"replay:a\", \"trial\": \"t0\", \"output\": \"0.9\"}",
                "{\"model\": \"judge\", \"grades\": \"replay:b\", \"trial\": \"t0\", \"prompt\": \"v1\", \"output\": \"0.2\"}");
        ModelConfig judge = ModelConfig.of("replay", "judge").withParam("recordings", "recordings.jsonl");
        Run run = BenchmarkPlan.named("judged").baseDirectory(dir).prompt(Prompt.named("v1").user("Q {{x}}"))
                .prompt(Prompt.named("v2").user("Question: {{x}}"))
                .model(ModelConfig.of("replay", "a").withParam("recordings", "recordings.jsonl"))
                .model(ModelConfig.of("replay", "b").withParam("recordings", "recordings.jsonl"))
                .trials(Plans.trials(1)).scorer(new RecordedJudge(judge)).build().run();

        Map<String, Result> byModel = run.results().stream().collect(Collectors.toMap(
                r -> r.cell().prompt() + "/" + r.cell().model(), Function.identity()));
        assertThat(byModel.get("v1/replay:a").score("judge")).hasValue(0.9);
        assertThat(byModel.get("v2/replay:a").score("judge")).hasValue(0.9);
        assertThat(byModel.get("v1/replay:b").score("judge")).hasValue(0.2);
        assertThat(byModel.get("v2/replay:b").scores().get("judge").error()).contains("no recording in recordings.jsonl "
                + "for model 'replay:judge' (or 'judge') grading model 'replay:b', trial 't0', prompt 'v2', repetition 0");
    }

    @Test
    void aVerdictNeverAnswersACandidatesCall() throws IOException {
        write("{\"model\": \"m\", \"grades\": \"replay:m\", \"trial\": \"t0\", \"output\": \"5\"}");

        Run run = plan(ModelConfig.of("replay", "m").withParam("recordings", "recordings.jsonl"), 1).build().run();

        assertThat(run.results()).allSatisfy(r -> assertThat(r.error().orElseThrow().kind()).isEqualTo(ErrorKind.NO_RECORDING));
    }
}
