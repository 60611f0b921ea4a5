package dev.bench4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The resume command printed after an interrupted run is the original command line, ready to paste. */
class ResumeCommandTest {

    @Test
    void addsTheRunIdToTheOriginalArguments() {
        assertThat(ResumeCommand.of(List.of("run", "plan.json", "--store", "runs", "--concurrency", "4"), "bench_1"))
                .isEqualTo("bench run plan.json --store runs --concurrency 4 --resume bench_1");
    }

    @Test
    void replacesAnEarlierResumeInBothSpellings() {
        assertThat(ResumeCommand.of(List.of("run", "p.json", "--resume", "old"), "bench_2"))
                .isEqualTo("bench run p.json --resume bench_2");
        assertThat(ResumeCommand.of(List.of("run", "p.json", "--resume=old"), "bench_2"))
                .isEqualTo("bench run p.json --resume bench_2");
    }

    @Test
    void budgetCapsAreDroppedForAResumeThatMustRaiseThem() {
        assertThat(ResumeCommand.withoutCaps(List.of("run", "p.json", "--max-cost-usd", "5", "--max-calls=10", "--limit", "3")))
                .containsExactly("run", "p.json", "--limit", "3");
    }

    @Test
    void quotesArgumentsAShellWouldSplitOrExpand() {
        assertThat(ResumeCommand.of(List.of("run", "my plans/p.json", "--description", "it's $HOME"), "b"))
                .isEqualTo("bench run 'my plans/p.json' --description 'it'\\''s $HOME' --resume b");
    }
}
