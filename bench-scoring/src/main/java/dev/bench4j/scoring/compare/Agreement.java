package dev.bench4j.scoring.compare;

import dev.bench4j.core.Result;
import dev.bench4j.scoring.stats.Correlation;
import dev.bench4j.scoring.stats.Kendall;
import dev.bench4j.scoring.stats.Spearman;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * How far two rankings of the same names agree: Kendall's tau-b with its p-value and Spearman's rho,
 * over the names both rankings hold. A higher value ranks better; ties are allowed. A coefficient is
 * empty, never NaN, when it is undefined: a ranking is constant, or there are fewer than 2 common
 * names. With exactly 2 names both coefficients are ±1 and rho's p-value is empty, as SciPy's NaN
 * (tau-b's exact p-value is 1).
 *
 * <pre>{@code
 * Agreement a = Agreement.humanVsAi(human, run.results(), "judge");
 * a.describe();   // "Kendall tau-b 0.71 (p = 0.004), Spearman 0.83, n = 12"
 * }</pre>
 *
 * @param kendallTauB Kendall's tau-b, as {@code scipy.stats.kendalltau}; empty when undefined
 * @param spearman Spearman's rho, as {@code scipy.stats.spearmanr}; empty when undefined, and its
 *     p-value empty with 2 names
 * @param n the names both rankings hold
 */
public record Agreement(Optional<Correlation> kendallTauB, Optional<Correlation> spearman, int n) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Agreement {
        Objects.requireNonNull(kendallTauB, "kendallTauB");
        Objects.requireNonNull(spearman, "spearman");
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
    }

    /**
     * Measures the agreement of two rankings given as scores by name, over the names both hold.
     *
     * @param a the first ranking: a score per name, higher is better, ties allowed
     * @param b the second ranking, the same way
     * @return the agreement; with fewer than 2 common names both coefficients are empty
     * @throws NullPointerException if an argument, a name or a value is {@code null}
     * @throws IllegalArgumentException if a value of a common name is NaN or infinite (the message
     *     names the argument and the name)
     */
    public static Agreement of(Map<String, Double> a, Map<String, Double> b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        TreeSet<String> common = new TreeSet<>(a.keySet());
        common.retainAll(b.keySet());
        int n = common.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int i = 0;
        for (String name : common) {
            x[i] = value("a", a, name);
            y[i] = value("b", b, name);
            i++;
        }
        Optional<Correlation> tau = n >= 2 ? Kendall.tauB(x, y) : Optional.empty();
        Optional<Correlation> rho = n >= 2 ? Spearman.rho(x, y) : Optional.empty();
        return new Agreement(tau, rho, n);
    }

    /**
     * Measures how a human ranking of the results of one prompt agrees with an AI ranking of them from
     * a score (typically an LLM judge's). A result's key is its trial id, {@code "#"}, and its
     * repetition, e.g. {@code "t7#0"} for the first repetition of trial {@code t7}; the human scores
     * use the same keys. Results without a value for the score (failed, or the scorer gave none) and
     * keys only one side has are left out.
     *
     * @param humanScores the human's score per key ({@code trial#repetition}), higher is better
     * @param results results of one prompt and one model, so that each key names one result
     * @param scoreName the score that ranks the results for the AI, e.g. {@code judge}
     * @return the agreement over the keys both sides hold
     * @throws NullPointerException if an argument or an element is {@code null}
     * @throws IllegalArgumentException if the results span several prompts, two results share a key
     *     (e.g. results of two models), or a value is NaN or infinite
     */
    public static Agreement humanVsAi(Map<String, Double> humanScores, List<Result> results, String scoreName) {
        Objects.requireNonNull(humanScores, "humanScores");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(scoreName, "scoreName");
        Map<String, Double> ai = new LinkedHashMap<>();
        Map<String, Result> byKey = new LinkedHashMap<>();
        String prompt = null;
        for (Result r : results) {
            Objects.requireNonNull(r, "results contains null");
            if (prompt == null) {
                prompt = r.cell().prompt();
            } else if (!prompt.equals(r.cell().prompt())) {
                throw new IllegalArgumentException("results must be of one prompt; found '" + prompt + "' and '"
                        + r.cell().prompt() + "'");
            }
            String key = r.cell().trial() + "#" + r.cell().repetition();
            Result other = byKey.putIfAbsent(key, r);
            if (other != null) {
                throw new IllegalArgumentException("results holds two results for key " + key + ": " + other.cell()
                        + " and " + r.cell() + "; pass the results of one model");
            }
            OptionalDouble v = r.score(scoreName);
            if (v.isPresent()) {
                ai.put(key, v.getAsDouble());
            }
        }
        return of(humanScores, ai);
    }

    /**
     * Measures whether two leaderboards rank configurations the same way (is the ranking of models
     * stable between two runs?), from the means of the configurations both boards hold with a value.
     *
     * @param a the first leaderboard
     * @param b the second leaderboard
     * @return the agreement of the two boards' means
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Agreement leaderboards(Leaderboard a, Leaderboard b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return of(means(a), means(b));
    }

    private static Map<String, Double> means(Leaderboard board) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Leaderboard.Entry e : board.entries()) {
            e.mean().ifPresent(v -> m.put(e.name(), v));
        }
        return m;
    }

    /** Returns {@code map}'s finite value for {@code name}; the message names {@code arg}. */
    static double value(String arg, Map<String, Double> map, String name) {
        Double v = Objects.requireNonNull(map.get(name), () -> arg + " has a null value for '" + name + "'");
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(arg + " has " + v + " for '" + name + "'; values must be finite");
        }
        return v;
    }

    /**
     * Says the agreement in one line.
     *
     * @return e.g. {@code "Kendall tau-b 0.71 (p = 0.004), Spearman 0.83, n = 12"}, or {@code
     *     "undefined (a ranking is constant), n = 5"}, or {@code "undefined (fewer than 2 common
     *     names), n = 1"}
     */
    public String describe() {
        if (kendallTauB.isEmpty()) {
            String why = n < 2 ? "fewer than 2 common names" : "a ranking is constant";
            return "undefined (" + why + "), n = " + n;
        }
        List<String> parts = new ArrayList<>();
        Correlation tau = kendallTauB.get();
        parts.add(String.format(Locale.ROOT, "Kendall tau-b %.2f (%s)", tau.coefficient(),
                tau.pValue().isPresent() ? p(tau.pValue().getAsDouble()) : "p undefined"));
        parts.add(spearman.map(r -> String.format(Locale.ROOT, "Spearman %.2f", r.coefficient()))
                .orElse("Spearman undefined"));
        parts.add("n = " + n);
        return String.join(", ", parts);
    }

    /** Formats a p-value as {@code p = 0.004}, or {@code p < 0.001} below that. */
    static String p(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }
}
