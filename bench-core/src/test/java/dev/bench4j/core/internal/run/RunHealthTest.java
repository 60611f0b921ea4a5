package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellGrid;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunWarning;
import dev.bench4j.core.Trial;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The run's health warnings: each check fires on a run that is silently wrong and stays quiet on a
 * healthy one, whether or not the plan keeps its results.
 */
class RunHealthTest {

    /** A server that ignores every parameter: its answer depends on the messages alone. */
    private static final Function<ModelRequest, String> IGNORES_SAMPLING = r -> "answer to " + last(r);

    /** A server that samples: at a temperature above 0 the answer depends on the cell, model and repetition too. */
    private static final Function<ModelRequest, String> SAMPLES = r -> {
        double t = r.config().parameters().temperature().orElse(1.0);
        return t == 0 ? "answer to " + last(r) : "answer to " + last(r) + " #" + Integer.toHexString((r.cell() + "").hashCode());
    };

    private static String last(ModelRequest r) {
        return r.messages().get(r.messages().size() - 1).content();
    }

    private static ScriptedProvider server(Function<ModelRequest, String> answer) {
        return ScriptedProvider.named("srv", r -> CompletableFuture.completedFuture(
                ModelResponse.of(answer.apply(r), FinishReason.STOP, Usage.of(10, 5)).withModelVersion(r.config().model())));
    }

    private static ScriptedProvider responding(Function<ModelRequest, ModelResponse> response) {
        return ScriptedProvider.named("srv", r -> CompletableFuture.completedFuture(response.apply(r)));
    }

    private static BenchmarkPlan.Builder plan(ScriptedProvider p, int trials, ModelConfig... models) {
        BenchmarkPlan.Builder b = BenchmarkPlan.named("health").provider(p).prompt(Prompt.named("p").user("Q {{x}}"))
                .trials(Plans.trials(trials)).noCache();
        for (ModelConfig m : models) {
            b.model(m);
        }
        return b;
    }

    private static ModelConfig model(String id) {
        return ModelConfig.of("srv", "m").withId(id);
    }

    private static List<String> codes(Run run) {
        return run.warnings().stream().map(RunWarning::code).toList();
    }

    // ---- sampling ignored ------------------------------------------------------------------------

    @Test
    void configsThatDifferOnlyInSamplingAndAnswerAlikeInEveryCellAreReported() {
        Run run = plan(server(IGNORES_SAMPLING), 4, model("greedy").withTemperature(0),
                model("sampled").withTemperature(0.8).withTopP(0.9).withSeed(7)).build().run();

        assertThat(run.warnings()).containsExactly(RunWarning.of(RunWarning.SAMPLING_IGNORED,
                "configs greedy, sampled differ only in sampling parameters (seed, temperature, top_p) but gave "
                        + "identical outputs in all 4 cells (4 trials); the server may ignore sampling parameters",
                List.of("greedy", "sampled"), 4, 4));
    }

    @Test
    void configsWhoseServerSamplesAreNotReported() {
        Run run = plan(server(SAMPLES), 4, model("greedy").withTemperature(0), model("sampled").withTemperature(0.8))
                .build().run();

        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void configsThatDifferInMoreThanSamplingAreNotReported() {
        Run run = plan(server(IGNORES_SAMPLING), 4, model("short").withTemperature(0).withMaxOutputTokens(100),
                model("long").withTemperature(0.8).withMaxOutputTokens(200),
                ModelConfig.of("srv", "other-model").withId("other").withTemperature(0.8)).build().run();

        assertThat(codes(run)).doesNotContain(RunWarning.SAMPLING_IGNORED);
    }

    @Test
    void greedyConfigsThatDifferOnlyInSeedAreExpectedToAnswerAlike() {
        Run run = plan(server(IGNORES_SAMPLING), 4, model("a").withTemperature(0).withSeed(1),
                model("b").withTemperature(0).withSeed(2)).build().run();

        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void fewerThanThreeTrialsAreTooFewToTellSamplingWasIgnored() {
        Run run = plan(server(IGNORES_SAMPLING), 2, model("greedy").withTemperature(0),
                model("sampled").withTemperature(0.8)).build().run();

        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void oneCellThatDiffersClearsTheConfigs() {
        Run run = plan(server(r -> r.cell().trial().equals("t3") && r.config().id().equals("sampled") ? "other"
                : IGNORES_SAMPLING.apply(r)), 4, model("greedy").withTemperature(0), model("sampled").withTemperature(0.8))
                .build().run();

        assertThat(run.warnings()).isEmpty();
    }

    // ---- identical repetitions -------------------------------------------------------------------

    @Test
    void identicalRepetitionsAtATemperatureAboveZeroAreReported() {
        Run run = plan(server(IGNORES_SAMPLING), 2, model("hot").withTemperature(0.7)).repetitions(3).build().run();

        assertThat(run.warnings()).containsExactly(RunWarning.of(RunWarning.IDENTICAL_REPETITIONS,
                "config hot (temperature 0.7): the repetitions of every trial were identical (2 trials, 6 outputs); "
                        + "the server may ignore temperature", List.of("hot"), 2, 2));
    }

    @Test
    void repetitionsThatDifferInOneTrialAreNotReported() {
        Run run = plan(server(r -> r.cell().trial().equals("t1") && r.cell().repetition() == 2 ? "different"
                : IGNORES_SAMPLING.apply(r)), 2, model("hot").withTemperature(0.7)).repetitions(3).build().run();

        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void identicalRepetitionsAtTemperatureZeroOrFromASamplingServerAreNotReported() {
        assertThat(plan(server(IGNORES_SAMPLING), 3, model("cold").withTemperature(0)).repetitions(3).build().run()
                .warnings()).isEmpty();
        assertThat(plan(server(SAMPLES), 3, model("hot").withTemperature(0.7)).repetitions(3).build().run()
                .warnings()).isEmpty();
    }

    @Test
    void twoIdenticalOutputsAreTooFewToReport() {
        Run run = plan(server(IGNORES_SAMPLING), 1, model("hot").withTemperature(0.7)).repetitions(2).build().run();

        assertThat(run.warnings()).isEmpty();
    }

    // ---- stop sequence ---------------------------------------------------------------------------

    @Test
    void aStopSequenceInAnOutputIsReportedWithTheTrial() {
        Run run = plan(server(r -> r.cell().trial().equals("t1") ? "first\n###\nsecond" : "plain " + last(r)), 3,
                model("stopping").withStop("###", "END")).build().run();

        assertThat(run.warnings()).containsExactly(RunWarning.of(RunWarning.STOP_SEQUENCE_IN_OUTPUT,
                "config stopping: 1 of 3 outputs contain a configured stop sequence (\"###\" in trial t1); "
                        + "the server may ignore stop sequences", List.of("stopping"), 1, 3));
    }

    @Test
    void aTrialIdWithALineBreakStaysOnTheMessagesOneLine() {
        // plans refuse such ids now, but a stored run of an older version may hold one (a resume checks it)
        RunHealth health = new RunHealth(List.of(model("stopping").withStop("###")), 1, 1, 1);
        CellId cell = new CellId("p", "stopping", "two\nlines", 0);
        health.add(Result.success(cell, "a ### b", FinishReason.STOP,
                Result.Timing.of(Instant.parse("2026-01-01T00:00:00Z"), Duration.ZERO)), new CellGrid.Position(0, 0, 0, 0));

        assertThat(health.warnings()).extracting(RunWarning::message).containsExactly("config stopping: 1 of 1 outputs contain"
                + " a configured stop sequence (\"###\" in trial two\\nlines); the server may ignore stop sequences");
    }

    @Test
    void outputsWithoutTheStopSequenceAreNotReported() {
        Run run = plan(server(r -> "ends before ## " + last(r)), 3, model("stopping").withStop("###")).build().run();

        assertThat(run.warnings()).isEmpty();
    }

    // ---- model mismatch --------------------------------------------------------------------------

    @Test
    void anAnswerFromAnotherModelIsReported() {
        Run run = plan(responding(r -> ModelResponse.of("a " + last(r), FinishReason.STOP, Usage.of(1, 1))
                .withModelVersion(r.cell().trial().equals("t0") ? "gpt-4o-2024-08-06" : "Meta-Llama-3-8B")), 3,
                ModelConfig.of("srv", "gpt-4o").withId("four")).build().run();

        assertThat(run.warnings()).containsExactly(RunWarning.of(RunWarning.MODEL_MISMATCH,
                "config four asked for model \"gpt-4o\" but 2 of 3 answers named another model, e.g. \"Meta-Llama-3-8B\"",
                List.of("four"), 2, 3));
    }

    @Test
    void datedSnapshotsTagsAndLatestAliasesAreTheModelAskedFor() {
        assertThat(RunHealth.sameModel("gpt-4o", "gpt-4o-2024-08-06")).isTrue();
        assertThat(RunHealth.sameModel("GPT-4o", "gpt-4o")).isTrue();
        assertThat(RunHealth.sameModel("llama3", "llama3:latest")).isTrue();
        assertThat(RunHealth.sameModel("claude-3-5-sonnet-latest", "claude-3-5-sonnet-20241022")).isTrue();
        assertThat(RunHealth.sameModel("models/gemini-2.0-flash", "gemini-2.0-flash-001")).isTrue();
        assertThat(RunHealth.sameModel("gpt-4o", "gpt-4")).isFalse();
        assertThat(RunHealth.sameModel("gpt-4o", "llama-3-8b")).isFalse();
        assertThat(RunHealth.sameModel("claude-3-5-sonnet-latest", "claude-3-opus-20240229")).isFalse();
    }

    @Test
    void answersNamingTheModelAskedForOrNoneAreNotReported() {
        Run run = plan(responding(r -> {
            ModelResponse ok = ModelResponse.of("a " + last(r), FinishReason.STOP, Usage.of(1, 1));
            return r.cell().trial().equals("t0") ? ok : ok.withModelVersion("gpt-4o-2024-08-06");
        }), 3, ModelConfig.of("srv", "gpt-4o")).build().run();

        assertThat(run.warnings()).isEmpty();
    }

    // ---- finish reason length --------------------------------------------------------------------

    private static Function<ModelRequest, ModelResponse> cutOff(int ofFour) {
        return r -> {
            boolean cut = Integer.parseInt(r.cell().trial().substring(1)) < ofFour;
            return ModelResponse.of("a " + last(r), cut ? FinishReason.LENGTH : FinishReason.STOP, Usage.of(1, 1));
        };
    }

    @Test
    void mostAnswersEndingWithLengthAreReported() {
        Run run = plan(responding(cutOff(3)), 4, model("tight").withMaxOutputTokens(16)).build().run();

        assertThat(run.warnings()).containsExactly(RunWarning.of(RunWarning.LENGTH_FINISH,
                "config tight: 3 of 4 answers ended with finish reason length (max_output_tokens 16); outputs are cut off",
                List.of("tight"), 3, 4));
    }

    @Test
    void halfOfTheAnswersEndingWithLengthIsNotMost() {
        Run run = plan(responding(cutOff(2)), 4, model("tight")).build().run();

        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void failedCellsDoNotCountAsAnswers() {
        // 2 of 4 cells fail; both answers ended with length: all of the answers, so reported as 2 of 2
        Run run = plan(ScriptedProvider.named("srv", r -> Integer.parseInt(r.cell().trial().substring(1)) < 2
                ? CompletableFuture.failedFuture(new CallException(ErrorKind.BAD_REQUEST, "no", OptionalInt.of(400),
                        Optional.empty(), null))
                : CompletableFuture.completedFuture(ModelResponse.of("a " + last(r), FinishReason.LENGTH, Usage.of(1, 1)))),
                4, model("tight")).build().run();

        assertThat(run.warnings()).extracting(RunWarning::code, RunWarning::count, RunWarning::total)
                .containsExactly(tuple(RunWarning.LENGTH_FINISH, 2L, 2L));
    }

    // ---- empty and constant outputs --------------------------------------------------------------

    @Test
    void allEmptyOutputsAreReportedOnce() {
        Run run = plan(server(r -> ""), 4, model("greedy").withTemperature(0), model("sampled").withTemperature(0.8))
                .repetitions(2).build().run();

        assertThat(run.warnings()).containsExactly(
                RunWarning.of(RunWarning.EMPTY_OUTPUTS, "config greedy: all 8 successful outputs are empty",
                        List.of("greedy"), 8, 8),
                RunWarning.of(RunWarning.EMPTY_OUTPUTS, "config sampled: all 8 successful outputs are empty",
                        List.of("sampled"), 8, 8));
    }

    @Test
    void oneNonEmptyOutputClearsTheEmptyWarning() {
        Run run = plan(server(r -> r.cell().trial().equals("t2") ? "x" : ""), 4, model("m")).build().run();

        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void theSameTextOverThreeTrialsIsReportedWithAOneLinePreview() {
        Run run = plan(server(r -> "I cannot help with that.\nPlease ask something else, it is the same for all."), 3,
                model("refuser")).build().run();

        assertThat(run.warnings()).containsExactly(RunWarning.of(RunWarning.CONSTANT_OUTPUT,
                "config refuser: all 3 successful outputs over 3 trials are the same text "
                        + "\"I cannot help with that.\\nPlease ask some…\"", List.of("refuser"), 3, 3));
    }

    @Test
    void theSameTextOverTwoTrialsOrVaryingTextIsNotReported() {
        assertThat(plan(server(r -> "yes"), 2, model("m")).repetitions(3).build().run().warnings()).isEmpty();
        assertThat(plan(server(IGNORES_SAMPLING), 5, model("m")).build().run().warnings()).isEmpty();
    }

    // ---- where the checks run --------------------------------------------------------------------

    @Test
    void aRunThatKeepsNoResultsIsCheckedAsItGoes() {
        Run run = plan(server(r -> ""), 3, model("m")).retainResults(false).build().run();

        assertThat(run.results()).isEmpty();
        assertThat(codes(run)).containsExactly(RunWarning.EMPTY_OUTPUTS);
        assertThat(run.warnings().get(0).count()).isEqualTo(3);
    }

    @Test
    void aResumedRunChecksTheStoredResultsToo() {
        ResumeTest.MemoryStore store = new ResumeTest.MemoryStore();
        String id = plan(server(r -> ""), 4, model("m")).store(store).build().run().info().id();
        List<Result> kept = new ArrayList<>(store.results.get(id).subList(0, 3));
        store.results.get(id).clear();
        store.results.get(id).addAll(kept);

        ScriptedProvider again = server(r -> "");
        Run resumed = plan(again, 4, model("m")).store(store).build().resume(id);

        assertThat(again.calls()).isEqualTo(1);
        assertThat(resumed.warnings()).extracting(RunWarning::code, RunWarning::count)
                .containsExactly(tuple(RunWarning.EMPTY_OUTPUTS, 4L));
    }

    @Test
    void aHealthyRunHasNoWarnings() {
        Run run = plan(server(SAMPLES), 5, model("greedy").withTemperature(0).withStop("###"),
                model("sampled").withTemperature(0.9).withStop("###")).repetitions(2).build().run();

        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void aHundredThousandCellsAreCheckedWithoutKeepingTheirTexts() {
        List<ModelConfig> models = List.of(model("greedy").withTemperature(0), model("sampled").withTemperature(1.0));
        RunHealth health = new RunHealth(models, 1, 25_000, 2);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int m = 0; m < 2; m++) {
            for (int t = 0; t < 25_000; t++) {
                for (int rep = 0; rep < 2; rep++) {
                    CellId cell = new CellId("p", models.get(m).id(), "t" + t, rep);
                    String text = "a long enough answer to trial number " + t + " that would cost memory if it were kept";
                    health.add(Result.success(cell, text, FinishReason.STOP, Result.Timing.of(t0, Duration.ZERO)),
                            new CellGrid.Position(0, m, t, rep));
                }
            }
        }

        assertThat(health.warnings()).extracting(RunWarning::code, RunWarning::count, RunWarning::total).containsExactly(
                tuple(RunWarning.SAMPLING_IGNORED, 50_000L, 50_000L),
                tuple(RunWarning.IDENTICAL_REPETITIONS, 25_000L, 25_000L));
    }

    @Test
    void messagesQuoteControlCharactersOnOneLine() {
        assertThat(RunHealth.quote("a\nb\t\"c\"\\\u0007")).isEqualTo("\"a\\nb\\t\\\"c\\\"\\\\\\u0007\"");
    }
}
