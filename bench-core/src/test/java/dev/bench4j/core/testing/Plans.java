package dev.bench4j.core.testing;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small plans for tests. */
public final class Plans {

    private Plans() {
    }

    /**
     * Makes trials {@code t0..t(n-1)}, each with variable {@code x} = its number.
     *
     * @param n how many
     * @return the trials
     */
    public static List<Trial> trials(int n) {
        List<Trial> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Trial.of("t" + i, Map.of("x", String.valueOf(i))));
        }
        return list;
    }

    /**
     * A plan of one prompt ({@code Q {{x}}}) and one model of the provider over n trials.
     *
     * @param provider the provider
     * @param trials how many trials
     * @return the builder
     */
    public static BenchmarkPlan.Builder over(ScriptedProvider provider, int trials) {
        return BenchmarkPlan.named("test").provider(provider)
                .prompt(Prompt.named("p").user("Q {{x}}"))
                .model(ModelConfig.of(provider.name(), "m"))
                .trials(trials(trials));
    }
}
