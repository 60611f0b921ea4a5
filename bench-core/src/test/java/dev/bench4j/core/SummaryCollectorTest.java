package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
