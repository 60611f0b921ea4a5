package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A collector fed a run's results builds the summary the run built. */
class SummaryCollectorTest {

    @Test
    void rebuildsTheRunsOwnSummaryFromItsResults() {
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 7).repetitions(2)
                .scorer(Scorer.of("len", r -> Score.of(r.output().length() / 10.0))).build().run();
        SummaryCollector c = SummaryCollector.of(run.info().plan());

        run.results().forEach(c::add);
        Summary rebuilt = c.build(run.summary().elapsed());

        assertThat(rebuilt.overall()).isEqualTo(run.summary().overall());
        assertThat(rebuilt.byModel()).isEqualTo(run.summary().byModel());
        assertThat(rebuilt.byPromptAndModel()).isEqualTo(run.summary().byPromptAndModel());
    }

    /** Passes trial i's repetition r when (i + r) % (i + 1) == 0: trial 0 always, trial 1 every other time, ... */
    private static Score passing(ScoreRequest r) {
        int trial = Integer.parseInt(r.trial().id().replaceAll("\\D", ""));
        return Score.pass((trial + r.result().cell().repetition()) % (trial + 1) == 0);
    }

    private static double mean(double... values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    @Test
    void aPassFailScoreOfARunWithRepetitionsGetsPassAtKPerGroupAndItSurvivesTheCollector() {
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 3).repetitions(4)
                .scorer(Scorer.of("pass", SummaryCollectorTest::passing))
                .scorer(Scorer.of("len", r -> Score.of(r.output().length() / 10.0))).build().run();

        // per trial (n = 4): trial 0 passes 4 of 4, trial 1 (reps 1, 3) 2 of 4, trial 2 (rep 1) 1 of 4
        double atK = mean(1.0, Summary.PassAtK.estimatePassAtK(4, 2, 4), Summary.PassAtK.estimatePassAtK(4, 1, 4));
        double hatK = mean(1.0, 0.0, 0.0);
        Summary.PassAtK overall = run.summary().overall().scores().get("pass").passAtK().orElseThrow();
        assertThat(overall.k()).isEqualTo(4);
        assertThat(overall.trials()).isEqualTo(3 * run.info().plan().prompts().size() * run.info().plan().models().size());
        assertThat(overall.tooFewRepetitions()).isZero();
        assertThat(overall.passAtK().orElseThrow()).isCloseTo(atK, within(1e-12));
        assertThat(overall.passHatK().orElseThrow()).isCloseTo(hatK, within(1e-12));
        assertThat(run.summary().byPromptAndModel().values()).allSatisfy(g ->
                assertThat(g.scores().get("pass").passAtK().orElseThrow().passAtK().orElseThrow())
                        .isCloseTo(atK, within(1e-12)));
        assertThat(run.summary().overall().scores().get("len").passAtK()).as("not a pass/fail score").isEmpty();

        SummaryCollector c = SummaryCollector.of(run.info().plan());
        run.results().forEach(c::add);
        assertThat(c.build(run.summary().elapsed()).overall()).isEqualTo(run.summary().overall());
    }

    @Test
    void withoutRepetitionsThereIsNoPassAtK() {
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 3)
                .scorer(Scorer.of("pass", SummaryCollectorTest::passing)).build().run();

        assertThat(run.summary().overall().scores().get("pass").passAtK()).isEmpty();
    }

    @Test
    void aResultFromAnotherPlanIsRefused() {
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 1).build().run();
        SummaryCollector c = SummaryCollector.of(run.info().plan());
        Result stranger = Result.success(new CellId("other", "echoing:m", "t0", 0), "x", FinishReason.STOP,
                Result.Timing.of(Instant.EPOCH, Duration.ZERO));

        assertThatThrownBy(() -> c.add(stranger)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not from this plan");
    }
}
