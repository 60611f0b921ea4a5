package dev.bench4j.junit;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Offline plans for the gate's tests: the echo provider over 20 trials, scored 0 or 1. */
final class Plans {

    private Plans() {
    }

    /**
     * One echo model {@code echo:m}, prompt {@code prompt}, 20 trials {@code t0..t19}; score
     * {@code exact} is 0 for the first {@code wrong} trials and 1 for the others.
     */
    static BenchmarkPlan echo(String prompt, int wrong) {
        return echo(prompt, wrong, ModelConfig.of("echo", "m"));
    }

    static BenchmarkPlan echo(String prompt, int wrong, ModelConfig model) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            trials.add(Trial.of("t" + i, Map.of("x", String.valueOf(i))));
        }
        Scorer exact = Scorer.of("exact",
                r -> Score.of(Integer.parseInt(r.trial().id().substring(1)) < wrong ? 0 : 1));
        return BenchmarkPlan.named("gate-" + prompt).prompt(Prompt.named(prompt).user("{{x}}")).model(model)
                .trials(trials).scorer(exact).noCache().build();
    }
}
