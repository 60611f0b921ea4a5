package dev.bench4j.scoring.compare;

import dev.bench4j.core.Result;
import dev.bench4j.scoring.stats.Intervals;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Pass rates of one score with their Wilson 95% intervals, per model or per (prompt, model). A
 * result passes when its value for the score is at least the threshold; results without a value
 * are counted apart as unscored.
 *
 * <pre>{@code
 * Map<String, PassRate> rates = PassRates.byModel(run.results(), "exact", 1.0);
 * rates.get("openai:gpt-4o-mini").rate();      // e.g. 0.85
 * rates.get("openai:gpt-4o-mini").wilson95();  // e.g. [0.74, 0.92]
 * }</pre>
 */
public final class PassRates {

    private PassRates() {
    }

    /**
     * Counts passes per model.
     *
     * @param results the results, in any order
     * @param scoreName the score's name, e.g. {@code exact}
     * @param passAt the threshold: a value at least this passes
     * @return pass rates by model id, in the order the models first appear
     * @throws NullPointerException if an argument or a result is {@code null}
     * @throws IllegalArgumentException if {@code scoreName} is blank or {@code passAt} is not finite
     */
    public static Map<String, PassRate> byModel(Iterable<Result> results, String scoreName, double passAt) {
        return group(results, scoreName, passAt, r -> r.cell().model());
    }

    /**
     * Counts passes per (prompt, model) pair.
     *
     * @param results the results, in any order
     * @param scoreName the score's name
     * @param passAt the threshold: a value at least this passes
     * @return pass rates keyed {@code prompt / model}, in the order the pairs first appear
     * @throws NullPointerException if an argument or a result is {@code null}
     * @throws IllegalArgumentException if {@code scoreName} is blank or {@code passAt} is not finite
     */
    public static Map<String, PassRate> byPromptAndModel(Iterable<Result> results, String scoreName, double passAt) {
        return group(results, scoreName, passAt, r -> r.cell().prompt() + " / " + r.cell().model());
    }

    private static Map<String, PassRate> group(Iterable<Result> results, String scoreName, double passAt,
            Function<Result, String> key) {
        Objects.requireNonNull(results, "results");
        checkScoreName(scoreName);
        if (!Double.isFinite(passAt)) {
            throw new IllegalArgumentException("passAt must be finite but was " + passAt);
        }
        Map<String, long[]> counts = new LinkedHashMap<>(); // passed, n, unscored
        for (Result r : results) {
            Objects.requireNonNull(r, "results element");
            long[] c = counts.computeIfAbsent(key.apply(r), k -> new long[3]);
            OptionalDouble v = r.score(scoreName);
            if (v.isEmpty()) {
                c[2]++;
            } else {
                c[1]++;
                if (v.getAsDouble() >= passAt) {
                    c[0]++;
                }
            }
        }
        Map<String, PassRate> rates = new LinkedHashMap<>();
        counts.forEach((k, c) -> rates.put(k, new PassRate(c[0], c[1], c[2],
                c[1] == 0 ? Optional.empty() : Optional.of(Intervals.wilson(c[0], c[1])))));
        return Collections.unmodifiableMap(rates);
    }

    static void checkScoreName(String scoreName) {
        Objects.requireNonNull(scoreName, "scoreName");
        if (scoreName.isBlank()) {
            throw new IllegalArgumentException("scoreName must not be blank");
        }
    }
}
