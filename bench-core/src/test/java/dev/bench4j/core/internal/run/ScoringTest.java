package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Scorers score every successful result; a scorer that fails gives an error score, never a broken run. */
class ScoringTest {

    private static final Scorer LENGTH = Scorer.of("length", r -> Score.of(r.output().length()));

    @Test
    void everySuccessfulResultIsScoredByEveryScorer() {
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 12).scorer(LENGTH)
                .scorer(Scorer.of("mentions-q", r -> Score.pass(r.output().startsWith("Q ")))).build().run();

        assertThat(run.results()).allSatisfy(r -> {
            assertThat(r.score("length")).hasValue(r.output().length());
            assertThat(r.score("mentions-q")).hasValue(1.0);
        });
        var stats = run.summary().overall().scores();
        assertThat(stats.keySet()).containsExactly("length", "mentions-q");
        assertThat(stats.get("mentions-q").n()).isEqualTo(12);
        assertThat(stats.get("mentions-q").mean()).hasValue(1.0);
    }

    @Test
    void aThrowingScorerGivesAnErrorScoreAndTheOtherScorersStillRun() {
        Scorer broken = Scorer.of("broken", r -> {
            throw new IllegalStateException("cannot parse");
        });
        Run run = Plans.over(ScriptedProvider.echoing("echoing"), 3).scorer(broken).scorer(LENGTH).build().run();

        assertThat(run.results()).allSatisfy(r -> {
            assertThat(r.scores().get("broken").error())
                    .contains("scorer 'broken' failed: java.lang.IllegalStateException: cannot parse");
            assertThat(r.score("length")).isPresent();
        });
        assertThat(run.summary().overall().scores().get("broken").errors()).isEqualTo(3);
        assertThat(run.summary().overall().scores().get("broken").mean()).isEmpty();
    }

    @Test
    void aScorerMayAnswerLaterOnAnotherThread() {
        ScheduledExecutorService elsewhere = Executors.newSingleThreadScheduledExecutor();
        try {
            Scorer later = new Scorer() {
                @Override
                public String name() {
                    return "later";
                }

                @Override
                public CompletionStage<Score> score(ScoreRequest request) {
                    CompletableFuture<Score> f = new CompletableFuture<>();
                    elsewhere.schedule(() -> f.complete(Score.of(0.5).withReason("judged")), 20, TimeUnit.MILLISECONDS);
                    return f;
                }
            };
            Run run = Plans.over(ScriptedProvider.echoing("echoing"), 5).scorer(later).build().run();

            assertThat(run.results()).hasSize(5).allSatisfy(r -> {
                assertThat(r.score("later")).hasValue(0.5);
                assertThat(r.scores().get("later").reason()).contains("judged");
            });
        } finally {
            elsewhere.shutdownNow();
        }
    }

    @Test
    void failedResultsAreNotScored() {
        ScriptedProvider p = ScriptedProvider.named("bad", r -> CompletableFuture.failedFuture(
                CallException.forHttpStatus(404, "no such model", Optional.empty())));
        Run run = Plans.over(p, 2).scorer(LENGTH).build().run();

        assertThat(run.results()).allSatisfy(r -> assertThat(r.scores()).isEmpty());
        assertThat(run.summary().overall().scores().get("length").n()).isZero();
    }

    @Test
    void aScorerSeesTheTrialAndItsExpectedAnswer() {
        Scorer exact = Scorer.of("exact", r -> Score.pass(r.trial().expected().map(e -> e.equals(r.output())).orElse(false)));
        var trials = Plans.trials(2).stream().map(t -> t.withExpected("Q 0")).toList();
        Run run = BenchmarkPlan.named("x").provider(ScriptedProvider.echoing("echoing"))
                .prompt(Prompt.named("p").user("Q {{x}}"))
                .model(ModelConfig.of("echoing", "m")).trials(trials).scorer(exact).build().run();

        assertThat(run.results()).extracting(r -> r.cell().trial() + "=" + r.score("exact").getAsDouble())
                .containsExactlyInAnyOrder("t0=1.0", "t1=0.0");
        assertThat(run.results()).extracting(Result::succeeded).containsOnly(true);
    }
}
