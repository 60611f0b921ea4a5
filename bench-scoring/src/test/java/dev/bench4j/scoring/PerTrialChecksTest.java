package dev.bench4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.Check;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.Scorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trials' own checks run in a real plan on the echo provider (which answers with the rendered user message). */
class PerTrialChecksTest {

    private static final Offset<Double> EXACTLY = Offset.offset(1e-12);

    private static BenchmarkPlan.Builder plan(List<Trial> trials) {
        return BenchmarkPlan.named("checks").prompt(Prompt.named("p").user("{{answer}}"))
                .model(ModelConfig.of("echo", "e")).trials(trials).noCache();
    }

    private static Score checksOf(Run run, String trial) {
        Result r = run.results().stream().filter(x -> x.cell().trial().equals(trial)).findFirst().orElseThrow();
        return r.scores().get("checks");
    }

    @Test
    void eachTrialIsScoredByItsOwnChecksAsAWeightedMeanThatPassesOnlyWhenEveryCheckPasses() {
        List<Trial> trials = List.of(
                Trial.of("ok", Map.of("answer", "{\"city\": \"Paris\"}"))
                        .withCheck(Checks.contains("Paris").withWeight(2))
                        .withCheck(Checks.jsonValid())
                        .withCheck(Checks.not(Checks.contains("sorry"))),
                Trial.of("bad", Map.of("answer", "sorry, I think it is Lyon"))
                        .withCheck(Checks.contains("Paris").withWeight(2))           // 0, weight 2
                        .withCheck(Checks.not(Checks.contains("sorry")))             // output contains it: 1 - 1 = 0
                        .withCheck(Checks.regex("Ly.n")),                            // 1
                Trial.of("none", Map.of("answer", "anything")));

        Run run = plan(trials).scorer(Scorers.named("is_json", Scorers.jsonValid())).build().run();

        Score ok = checksOf(run, "ok");
        assertThat(ok.value().getAsDouble()).isCloseTo(1.0, EXACTLY);
        assertThat(ok.details()).containsEntry("passed", 1.0).containsEntry("0:contains", 1.0)
                .containsEntry("2:not contains", 1.0).containsEntry("2:not contains:pass", 1.0);
        assertThat(ok.reason()).contains("all 3 checks passed");

        Score bad = checksOf(run, "bad");
        assertThat(bad.value().getAsDouble()).isCloseTo(1.0 / 4, EXACTLY);
        assertThat(bad.details()).containsEntry("passed", 0.0).containsEntry("0:contains:pass", 0.0)
                .containsEntry("1:not contains", 0.0).containsEntry("2:regex:pass", 1.0);
        assertThat(bad.reason().orElseThrow()).startsWith("1 of 3 checks passed; failed: [0] contains 0 < 1;")
                .contains("[1] not contains 0 < 1: negated");

        // a trial without checks gets no checks score, so it does not raise the checks mean
        assertThat(checksOf(run, "none")).isNull();
        assertThat(run.summary().overall().scores().get("checks").n()).isEqualTo(2);
        // plan-level scorers still apply to every trial
        assertThat(run.results()).allSatisfy(r -> assertThat(r.scores()).containsKey("is_json"));
    }

    @Test
    void aThresholdLetsAPartialScorePassAndACheckThatCannotBeScoredFailsWithItsReason() {
        Trial t = Trial.of("t", Map.of("answer", "- a\n- b"))
                .withCheck(Checks.of("set_f1", Map.of("value", List.of("a", "c"))).withThreshold(0.5))   // F1 0.5
                .withCheck(Check.of("exact"));                                      // no value and no expected answer

        Score s = checksOf(plan(List.of(t)).build().run(), "t");

        assertThat(s.details()).containsEntry("0:set_f1", 0.5).containsEntry("0:set_f1:pass", 1.0)
                .containsEntry("1:exact", 0.0).containsEntry("1:exact:pass", 0.0).containsEntry("passed", 0.0);
        assertThat(s.value().getAsDouble()).isCloseTo(0.25, EXACTLY);
        assertThat(s.reason().orElseThrow()).contains("[1] exact 0 < 1: could not be scored: trial 't' has no expected value");
    }

    @Test
    void rebuildingAPlanKeepsOneChecksScorerMadeFromItsCurrentTrials() {
        BenchmarkPlan first = plan(List.of(Trial.of("t", Map.of("answer", "x")).withCheck(Checks.exact("x")))).build();

        BenchmarkPlan again = first.toBuilder().build();
        BenchmarkPlan more = first.toBuilder().trial(Trial.of("u", Map.of("answer", "y")).withCheck(Checks.exact("z")))
                .scorer(Scorers.exact()).build();
        BenchmarkPlan none = plan(List.of(Trial.of("t", Map.of("answer", "x")))).build();

        assertThat(again.scorers()).extracting(Scorer::name).containsExactly("checks");
        assertThat(more.scorers()).extracting(Scorer::name).containsExactly("exact", "checks");
        assertThat(none.scorers()).isEmpty();
        Score u = checksOf(more.run(), "u");
        assertThat(u.details()).containsEntry("0:exact", 0.0);
    }

    @Test
    void anUnknownCheckTypeOrABadOptionIsRefusedAtBuildNamingTheTrialTheCheckAndTheField() {
        List<Trial> trials = List.of(
                Trial.of("t1", Map.of("answer", "x")).withCheck(Checks.jsonValid()).withCheck(Check.of("contnis")),
                Trial.of("t2", Map.of("answer", "x")).withCheck(Checks.of("regex", Map.of("pattern", "("))),
                Trial.of("t3", Map.of("answer", "x")).withCheck(Checks.of("contains", Map.of("vale", "x"))));

        assertThatThrownBy(() -> plan(trials).build()).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("trial 't1': checks[1] (contnis): field 'type' names no installed scorer type"
                        + " 'contnis'; did you mean 'contains'?")
                .hasMessageContaining("trial 't2': checks[0] (regex): ").hasMessageContaining("pattern")
                .hasMessageContaining("trial 't3': checks[0] (contains): contains scorer has no option 'vale'");
    }

    @Test
    void aPlanFileWithChecksInItsTrialsRunsThemNextToItsScorers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, """
                name: checks
                prompts: [{name: p, messages: [{role: user, content: "{{answer}}"}]}]
                models: [{provider: echo, model: e}]
                scorers: [json_valid]
                trials:
                  - id: t1
                    vars: {answer: '{"total": 42}'}
                    checks:
                      - {type: json_field_equals, pointer: /total, value: 42}
                      - {not: {type: contains, value: sorry}, weight: 2}
                      - {type: regex, pattern: "4\\\\d", threshold: 1}
                """);

        Run run = PlanFile.load(file).toBuilder().noCache().build().run();

        Score s = checksOf(run, "t1");
        assertThat(s.details()).containsEntry("passed", 1.0);
        assertThat(s.value().getAsDouble()).isEqualTo(1.0);
        assertThat(run.results().get(0).scores()).containsKeys("json_valid", "checks");
    }

    @Test
    void aJsonSchemaCheckReadsItsSchemaFileNextToThePlanFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(dir.resolve("schemas/total.json"),
                "{\"type\": \"object\", \"required\": [\"total\"], \"properties\": {\"total\": {\"type\": \"integer\"}}}");
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, """
                name: schema-checks
                prompts: [{name: p, messages: [{role: user, content: "{{answer}}"}]}]
                models: [{provider: echo, model: e}]
                trials:
                  - id: good
                    vars: {answer: '{"total": 42}'}
                    checks: [{type: json_schema, schema: schemas/total.json}]
                  - id: bad
                    vars: {answer: '{"total": "42"}'}
                    checks: [{type: json_schema, schema: schemas/total.json}]
                """);

        Run run = PlanFile.load(file).toBuilder().noCache().build().run();

        assertThat(checksOf(run, "good").details()).containsEntry("passed", 1.0);
        Score bad = checksOf(run, "bad");
        assertThat(bad.details()).containsEntry("passed", 0.0);
        assertThat(bad.reason()).hasValueSatisfying(r -> assertThat(r).contains("/total"));
    }
}
