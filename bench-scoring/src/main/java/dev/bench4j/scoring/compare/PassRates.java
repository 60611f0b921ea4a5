package dev.bench4j.scoring.compare;

import dev.bench4j.core.Result;
import dev.bench4j.core.Summary.PassAtK;
import dev.bench4j.scoring.stats.Intervals;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
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
 *
 * <p>Over repetitions, pass@k (the chance that at least one of k attempts at a trial passes) and
 * pass^k (the chance that all k pass), per trial and averaged:
 *
 * <pre>{@code
 * Map<String, PassAtK> atK = PassRates.passAtKByModel(run.results(), "exact", 1.0, 3);
 * atK.get("openai:gpt-4o-mini").passAtK();   // e.g. 0.93
 * atK.get("openai:gpt-4o-mini").passHatK();  // e.g. 0.61
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
        Map<String, long[]> counts = new LinkedHashMap<>(); // passed, n, unscored
        forEachScored(results, scoreName, passAt, (r, passed) -> {
            long[] c = counts.computeIfAbsent(key.apply(r), k -> new long[3]);
            c[1]++;
            if (passed) {
                c[0]++;
            }
        }, r -> counts.computeIfAbsent(key.apply(r), k -> new long[3])[2]++);
        Map<String, PassRate> rates = new LinkedHashMap<>();
        counts.forEach((k, c) -> rates.put(k, new PassRate(c[0], c[1], c[2],
                c[1] == 0 ? Optional.empty() : Optional.of(Intervals.wilson(c[0], c[1])))));
        return Collections.unmodifiableMap(rates);
    }

    /**
     * Returns pass@k for one trial: the chance that at least one of {@code k} attempts drawn without
     * replacement from its {@code n} passes, when {@code c} of them did; the unbiased estimator
     * {@code 1 - C(n-c, k) / C(n, k)} of Chen et al. 2021 ("Evaluating Large Language Models Trained
     * on Code"), computed as the product {@code 1 - prod(1 - k/j, j = n-c+1..n)} as in their
     * human-eval's {@code estimate_pass_at_k}, which neither overflows nor loses precision for large n.
     *
     * @param n the attempts, at least 1
     * @param c the attempts that passed, 0..n
     * @param k the attempts drawn, 1..n
     * @return pass@k, in 0..1
     * @throws IllegalArgumentException if the counts are out of range
     */
    public static double passAtK(long n, long c, int k) {
        return PassAtK.estimatePassAtK(n, c, k);
    }

    /**
     * Returns pass^k for one trial: the chance that all {@code k} attempts drawn without replacement
     * from its {@code n} pass, when {@code c} of them did, {@code C(c, k) / C(n, k)} (τ-bench's
     * definition, Yao et al. 2024), computed as the product {@code prod((c-i) / (n-i), i = 0..k-1)}.
     *
     * @param n the attempts, at least 1
     * @param c the attempts that passed, 0..n
     * @param k the attempts drawn, 1..n
     * @return pass^k, in 0..1
     * @throws IllegalArgumentException if the counts are out of range
     */
    public static double passHatK(long n, long c, int k) {
        return PassAtK.estimatePassHatK(n, c, k);
    }

    /**
     * Returns pass@k and pass^k per model over repetitions: for each trial of each prompt, the
     * scored repetitions and those whose value is at least {@code passAt}, then the mean over the
     * model's trials of {@link #passAtK} and {@link #passHatK}. Results without a value for the score
     * are left out; a trial with fewer than {@code k} scored repetitions is counted apart.
     *
     * @param results the results, in any order
     * @param scoreName the score's name, e.g. {@code exact}
     * @param passAt the threshold: a value at least this passes (1.0 for a 0/1 score)
     * @param k the attempts drawn, at least 1 (at most the repetitions, for any trial to count)
     * @return the values by model id, in the order the models first appear
     * @throws NullPointerException if an argument or a result is {@code null}
     * @throws IllegalArgumentException if {@code scoreName} is blank, {@code passAt} is not finite or
     *     {@code k < 1}
     */
    public static Map<String, PassAtK> passAtKByModel(Iterable<Result> results, String scoreName, double passAt, int k) {
        return atK(results, scoreName, passAt, k, r -> r.cell().model());
    }

    /**
     * Returns pass@k and pass^k per (prompt, model) pair over repetitions; as
     * {@link #passAtKByModel}.
     *
     * @param results the results, in any order
     * @param scoreName the score's name
     * @param passAt the threshold: a value at least this passes
     * @param k the attempts drawn, at least 1
     * @return the values keyed {@code prompt / model}, in the order the pairs first appear
     * @throws NullPointerException if an argument or a result is {@code null}
     * @throws IllegalArgumentException if {@code scoreName} is blank, {@code passAt} is not finite or
     *     {@code k < 1}
     */
    public static Map<String, PassAtK> passAtKByPromptAndModel(Iterable<Result> results, String scoreName, double passAt,
            int k) {
        return atK(results, scoreName, passAt, k, r -> r.cell().prompt() + " / " + r.cell().model());
    }

    private static Map<String, PassAtK> atK(Iterable<Result> results, String scoreName, double passAt, int k,
            Function<Result, String> key) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1 but was " + k);
        }
        Map<String, Map<List<String>, long[]>> counts = new LinkedHashMap<>(); // per trial: n, passed
        forEachScored(results, scoreName, passAt, (r, passed) -> {
            long[] c = counts.computeIfAbsent(key.apply(r), g -> new LinkedHashMap<>())
                    .computeIfAbsent(List.of(r.cell().prompt(), r.cell().trial()), t -> new long[2]);
            c[0]++;
            if (passed) {
                c[1]++;
            }
        }, r -> counts.computeIfAbsent(key.apply(r), g -> new LinkedHashMap<>()));
        Map<String, PassAtK> out = new LinkedHashMap<>();
        counts.forEach((group, trials) -> {
            long used = 0;
            long tooFew = 0;
            double atKSum = 0;
            double hatKSum = 0;
            for (long[] c : trials.values()) {
                if (c[0] < k) {
                    tooFew++;
                } else {
                    used++;
                    atKSum += passAtK(c[0], c[1], k);
                    hatKSum += passHatK(c[0], c[1], k);
                }
            }
            out.put(group, new PassAtK(k, used, tooFew,
                    used == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.min(1.0, atKSum / used)),
                    used == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.min(1.0, hatKSum / used))));
        });
        return Collections.unmodifiableMap(out);
    }

    /** Checks the arguments, then calls {@code scored} for each result with a value and {@code unscored} for the others. */
    private static void forEachScored(Iterable<Result> results, String scoreName, double passAt,
            BiConsumer<Result, Boolean> scored, Consumer<Result> unscored) {
        Objects.requireNonNull(results, "results");
        checkScoreName(scoreName);
        if (!Double.isFinite(passAt)) {
            throw new IllegalArgumentException("passAt must be finite but was " + passAt);
        }
        for (Result r : results) {
            Objects.requireNonNull(r, "results element");
            OptionalDouble v = r.score(scoreName);
            if (v.isEmpty()) {
                unscored.accept(r);
            } else {
                scored.accept(r, v.getAsDouble() >= passAt);
            }
        }
    }

    static void checkScoreName(String scoreName) {
        Objects.requireNonNull(scoreName, "scoreName");
        if (scoreName.isBlank()) {
            throw new IllegalArgumentException("scoreName must not be blank");
        }
    }
}
