package dev.bench4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The scorers run inside a real plan on the built-in echo provider, and the summary averages them. */
class ScorersInAPlanTest {

    private static final Offset<Double> EXACTLY = Offset.offset(1e-12);

    @Test
    void aPlanOnTheEchoProviderAveragesSetF1AndContainsOverTrials() {
        // The echo provider answers with the rendered last user message, i.e. the trial's "answer".
        List<Trial> trials = List.of(
                Trial.of("t1", Map.of("answer", "- diabetes\n- hypertension"))
                        .withExpected(List.of("Diabetes", "Hypertension")),          // tp 2, fp 0, fn 0: F1 1
                Trial.of("t2", Map.of("answer", "- diabetes\n- asthma"))
                        .withExpected(List.of("diabetes", "COPD")),                  // tp 1, fp 1, fn 1: F1 0.5
                Trial.of("t3", Map.of("answer", "1. asthma"))
                        .withExpected(List.of("copd")));                             // tp 0, fp 1, fn 1: F1 0

        BenchmarkPlan plan = BenchmarkPlan.named("extraction")
                .prompt(Prompt.named("p").user("{{answer}}"))
                .model(ModelConfig.of("echo", "e"))
                .trials(trials)
                .scorer(Scorers.setF1())
                .scorer(Scorers.named("mentions_all", Scorers.containsAll(Normalization.standard().withIgnoreCase(true))))
                .build();
        Run run = plan.run();

        Summary.ScoreStats f1 = run.summary().overall().scores().get("set_f1");
        assertThat(f1.n()).isEqualTo(3);
        assertThat(f1.errors()).isZero();
        assertThat(f1.mean().getAsDouble()).isCloseTo((1.0 + 0.5 + 0.0) / 3, EXACTLY);
        Summary.ScoreStats mentions = run.summary().overall().scores().get("mentions_all");
        assertThat(mentions.mean().getAsDouble()).isCloseTo(1.0 / 3, EXACTLY);

        Result t2 = run.results().stream().filter(r -> r.cell().trial().equals("t2")).findFirst().orElseThrow();
        Score score = t2.scores().get("set_f1");
        assertThat(score.details()).containsEntry("tp", 1.0).containsEntry("fp", 1.0).containsEntry("fn", 1.0)
                .containsEntry("precision", 0.5).containsEntry("recall", 0.5).containsEntry("f1", 0.5);
    }
}
