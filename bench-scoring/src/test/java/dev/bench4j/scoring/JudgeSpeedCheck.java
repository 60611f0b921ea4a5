package dev.bench4j.scoring;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Times what an LLM judge costs bench4j itself: runs of {@code echo} cells without latency, once
 * unscored and once graded by an {@code echo} judge (whose review prompt is just the answer, a bare
 * number), so every judged cell makes two pipeline calls, renders a review prompt and reads a
 * verdict. Prints cells per second of each, median of 5 rounds after 3 warm-up rounds; run as a
 * main, not a test.
 */
public final class JudgeSpeedCheck {

    private static final int TRIALS = 50_000;

    private JudgeSpeedCheck() {
    }

    /**
     * Runs the two plans and prints their throughput.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        List<Trial> trials = new ArrayList<>(TRIALS);
        for (int i = 0; i < TRIALS; i++) {
            trials.add(Trial.of("t" + i, Map.of("id", i)));
        }
        // the candidate answers with the trial's number; the judge's review prompt is that answer,
        // so the echo judge's verdict is a bare number on the scale 0..TRIALS
        BenchmarkPlan plain = BenchmarkPlan.named("plain").prompt(Prompt.named("p").user("{{id}}"))
                .model(ModelConfig.of("echo", "candidate")).trials(trials).concurrency(64).retainResults(false)
                .noCache().build();
        BenchmarkPlan judged = plain.toBuilder()
                .scorer(Scorers.llmJudge(ModelConfig.of("echo", "judge"))
                        .withTemplate(Prompt.named("bare").user("{{output}}")).withScale(0, TRIALS))
                .build();
        for (int round = 0; round < 3; round++) {
            rate(plain);
            rate(judged);
        }
        double[] plainRates = new double[5];
        double[] judgedRates = new double[5];
        for (int round = 0; round < 5; round++) {
            plainRates[round] = rate(plain);
            judgedRates[round] = rate(judged);
        }
        Arrays.sort(plainRates);
        Arrays.sort(judgedRates);
        System.out.printf("%,d echo cells: %,.0f cells/s unscored, %,.0f cells/s with an echo LLM judge "
                + "(%.1f µs a cell more)%n", TRIALS, plainRates[2], judgedRates[2],
                (1e6 / judgedRates[2]) - (1e6 / plainRates[2]));
    }

    private static double rate(BenchmarkPlan plan) {
        Run run = plan.run();
        var overall = run.summary().overall();
        if (overall.succeeded() != TRIALS || overall.scores().values().stream().anyMatch(s -> s.errors() > 0)) {
            throw new IllegalStateException("the run failed: " + overall);
        }
        return run.summary().cellsPerSecond();
    }
}
