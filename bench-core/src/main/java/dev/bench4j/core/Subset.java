package dev.bench4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which part of a plan a run runs: selectors of prompts (by name), models (by id) and trials (by
 * id), each an exact name or a glob ({@code *} any characters, {@code ?} one), then optionally the
 * first N of the selected trials or a seeded random sample of N of them. An empty selector list
 * selects everything of its kind; {@link #all()} is the whole plan.
 *
 * <p>The sample is reproducible on every machine and JVM: the selected trials' list (in plan order)
 * is shuffled with {@code java.util.Random(seed)} by the Fisher–Yates loop
 * {@code for i = n-1 down to 1: swap(i, random.nextInt(i + 1))}, the first N are kept, and they run
 * in plan order. Asking for more trials than are selected keeps them all.
 *
 * <pre>{@code
 * BenchmarkPlan few = plan.toBuilder().onlyPrompts("extract-*").sampleTrials(20, 42).build();
 * few.run().info().plan().subset();   // Optional[SubsetOf[...]]: the selectors and the full plan's counts
 * }</pre>
 *
 * @param prompts prompt names or globs; empty for every prompt
 * @param models model config ids or globs; empty for every model
 * @param trials trial ids or globs; empty for every trial
 * @param firstTrials keep only the first N selected trials
 * @param sample keep a seeded random sample of the selected trials
 */
public record Subset(List<String> prompts, List<String> models, List<String> trials, OptionalInt firstTrials,
        Optional<Sample> sample) {

    private static final Subset ALL = new Subset(List.of(), List.of(), List.of(), OptionalInt.empty(), Optional.empty());

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component or an element is {@code null}
     * @throws IllegalArgumentException if a selector is blank, {@code firstTrials} is below 1, or
     *     both {@code firstTrials} and {@code sample} are set
     */
    public Subset {
        prompts = selectors(prompts, "prompts");
        models = selectors(models, "models");
        trials = selectors(trials, "trials");
        Objects.requireNonNull(firstTrials, "firstTrials");
        Objects.requireNonNull(sample, "sample");
        if (firstTrials.isPresent() && firstTrials.getAsInt() < 1) {
            throw new IllegalArgumentException("firstTrials must be >= 1 but was " + firstTrials.getAsInt());
        }
        if (firstTrials.isPresent() && sample.isPresent()) {
            throw new IllegalArgumentException("a subset takes either the first " + firstTrials.getAsInt()
                    + " trials or a sample of " + sample.get().trials() + ", not both");
        }
    }

    private static List<String> selectors(List<String> values, String what) {
        Objects.requireNonNull(values, what);
        for (String v : values) {
            Objects.requireNonNull(v, what + " selector");
            if (v.isBlank()) {
                throw new IllegalArgumentException(what + " selector must not be blank");
            }
        }
        return List.copyOf(values);
    }

    /**
     * A seeded random sample of trials.
     *
     * @param trials how many trials to keep, at least 1
     * @param seed the seed of {@code java.util.Random}
     */
    public record Sample(int trials, long seed) {
        /**
         * Validates the size.
         *
         * @throws IllegalArgumentException if {@code trials} is below 1
         */
        public Sample {
            if (trials < 1) {
                throw new IllegalArgumentException("sample size must be >= 1 but was " + trials);
            }
        }
    }

    /**
     * Returns the subset that is the whole plan.
     *
     * @return the subset
     */
    public static Subset all() {
        return ALL;
    }

    /**
     * Tells whether the subset is the whole plan.
     *
     * @return true when nothing is selected
     */
    public boolean isAll() {
        return equals(ALL);
    }

    /**
     * Returns a copy that also selects these prompts.
     *
     * @param selectors prompt names or globs
     * @return the subset
     * @throws NullPointerException if an element is {@code null}
     * @throws IllegalArgumentException if a selector is blank
     */
    public Subset withPrompts(List<String> selectors) {
        return new Subset(plus(prompts, selectors), models, trials, firstTrials, sample);
    }

    /**
     * Returns a copy that also selects these models.
     *
     * @param selectors model config ids or globs
     * @return the subset
     * @throws NullPointerException if an element is {@code null}
     * @throws IllegalArgumentException if a selector is blank
     */
    public Subset withModels(List<String> selectors) {
        return new Subset(prompts, plus(models, selectors), trials, firstTrials, sample);
    }

    /**
     * Returns a copy that also selects these trials.
     *
     * @param selectors trial ids or globs
     * @return the subset
     * @throws NullPointerException if an element is {@code null}
     * @throws IllegalArgumentException if a selector is blank
     */
    public Subset withTrials(List<String> selectors) {
        return new Subset(prompts, models, plus(trials, selectors), firstTrials, sample);
    }

    /**
     * Returns a copy that keeps only the first N selected trials (and no sample).
     *
     * @param n at least 1
     * @return the subset
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public Subset withFirstTrials(int n) {
        return new Subset(prompts, models, trials, OptionalInt.of(n), Optional.empty());
    }

    /**
     * Returns a copy that keeps a seeded random sample of N selected trials (and not the first N).
     *
     * @param n at least 1
     * @param seed the seed
     * @return the subset
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public Subset withSample(int n, long seed) {
        return new Subset(prompts, models, trials, OptionalInt.empty(), Optional.of(new Sample(n, seed)));
    }

    private static List<String> plus(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        for (String s : Objects.requireNonNull(b, "selectors")) {
            if (!all.contains(s)) {
                all.add(s);
            }
        }
        return all;
    }

    /**
     * Describes the subset as command-line flags, e.g. {@code --prompt extract-* --sample 20 --seed 42}.
     *
     * @return the description; {@code all} for the whole plan
     */
    @Override
    public String toString() {
        if (isAll()) {
            return "all";
        }
        List<String> parts = new ArrayList<>();
        if (!prompts.isEmpty()) {
            parts.add("--prompt " + String.join(",", prompts));
        }
        if (!models.isEmpty()) {
            parts.add("--model " + String.join(",", models));
        }
        if (!trials.isEmpty()) {
            parts.add("--trial " + String.join(",", trials));
        }
        firstTrials.ifPresent(n -> parts.add("--limit " + n));
        sample.ifPresent(s -> parts.add("--sample " + s.trials() + " --seed " + s.seed()));
        return String.join(" ", parts);
    }
}
