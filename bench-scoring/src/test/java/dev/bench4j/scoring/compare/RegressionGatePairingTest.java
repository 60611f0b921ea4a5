package dev.bench4j.scoring.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** The gate pairs cells by trial when prompt names differ, and compares differently named models when told. */
class RegressionGatePairingTest {

    /** A run of one echo model over 20 trials with the given prompt names, scored 0 where {@code fails} says, else 1. */
    private static Run run(String model, IntPredicate fails, String... prompts) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            trials.add(Trial.of("t" + i, Map.of("x", String.valueOf(i))));
        }
        Scorer s = Scorer.of("q", r -> Score.of(fails.test(Integer.parseInt(r.trial().id().substring(1))) ? 0 : 1));
        BenchmarkPlan.Builder plan = BenchmarkPlan.named("pairing").model(ModelConfig.of("echo", model)).trials(trials)
                .scorer(s).noCache();
        for (String p : prompts) {
            plan.prompt(Prompt.named(p).user("{{x}}"));
        }
        return plan.build().run();
    }

    @Test
    void byPromptNameARenamedPromptHasNoPairsSoTheSignificanceTestIsSkipped() {
        Run baseline = run("m", i -> false, "v1");
        Run renamed = run("m", i -> i < 12, "v2");

        List<RegressionGate.Regression> found = RegressionGate.of(baseline, renamed).metric("q", 0.01)
                .onlyWhenSignificant(0.05).regressions();

        assertThat(found).singleElement().satisfies(r -> assertThat(r.comparison()).isEmpty());
    }

    @Test
    void pairByTrialTestsARenamedPromptAgainstTheBaseline() {
        Run baseline = run("m", i -> false, "v1");
        Run worse = run("m", i -> i < 12, "v2");
        Run oneWorse = run("m", i -> i == 0, "v2");

        List<RegressionGate.Regression> found = RegressionGate.of(baseline, worse).metric("q", 0.01)
                .onlyWhenSignificant(0.05).pairByTrial().regressions();

        assertThat(found).singleElement().satisfies(r -> assertThat(r.comparison()).get().satisfies(c -> {
            assertThat(c.n()).isEqualTo(20);
            assertThat(c.testName()).isEqualTo("McNemar exact");
            // McNemar exact with 12 discordant pairs all one way: 2 * 0.5^12
            assertThat(c.pValue()).isCloseTo(2 * Math.pow(0.5, 12), org.assertj.core.data.Offset.offset(1e-12));
        }));
        assertThat(RegressionGate.of(baseline, oneWorse).metric("q", 0.01).onlyWhenSignificant(0.05).pairByTrial()
                .regressions()).isEmpty();
    }

    @Test
    void pairByTrialRefusesAModelWithTwoPromptsBecauseItsCellsWouldPairTwice() {
        Run baseline = run("m", i -> false, "v1");
        Run two = run("m", i -> i < 12, "v1", "v2");

        assertThatThrownBy(() -> RegressionGate.of(baseline, two).metric("q", 0.01).onlyWhenSignificant(0.05)
                .pairByTrial().regressions())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("pairByTrial needs one prompt per model, but the run has model 'echo:m' twice"
                        + " for trial 't");
    }

    @Test
    void compareModelsGatesADifferentlyNamedModelAgainstTheBaselinesModel() {
        Run baseline = run("old", i -> false, "p");
        Run candidate = run("new", i -> i < 12, "p");

        assertThat(RegressionGate.of(baseline, candidate).metric("q", 0.01).regressions()).isEmpty();
        List<RegressionGate.Regression> found = RegressionGate.of(baseline, candidate).metric("q", 0.01)
                .compareModels("echo:old", "echo:new").onlyWhenSignificant(0.05).regressions();

        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.model()).isEqualTo("echo:new");
            assertThat(r.baseline()).isEqualTo(1.0);
            assertThat(r.candidate()).isEqualTo(0.4);
            assertThat(r.comparison()).get().satisfies(c -> assertThat(c.n()).isEqualTo(20));
        });
        assertThatThrownBy(() -> RegressionGate.of(baseline, candidate).compareModels("echo:old", "echo:new")
                .compareModels("echo:x", "echo:new"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("candidate model 'echo:new' is already compared with 'echo:old'");
        assertThatThrownBy(() -> RegressionGate.of(baseline, candidate).metric("q", 0.01)
                .compareModels("echo:olt", "echo:new").regressions())
                .as("a mistyped model id does not turn the gate into a no-op")
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("compareModels(echo:olt, echo:new): the baseline has no model 'echo:olt'; it has [echo:old]");
    }
}
