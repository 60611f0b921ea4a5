package dev.bench4j.scoring;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.scoring.internal.JudgeRuns;
import dev.bench4j.scoring.internal.PreferenceVerdicts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Asks a judge which of two configurations' answers to the same trial is better, for every pair of
 * configurations, in both orders (A then B, B then A) to cancel the judge's position bias: when the
 * two orders disagree the comparison is a tie. It runs after the candidates' run, as a run of its
 * own whose one model is the judge, so the judge's calls are cached, rate limited, retried and
 * priced like any, and its cost is kept apart ({@link Comparisons#cost()}).
 *
 * <p>The judge answers {@code {"winner": "A" | "B" | "tie", "reason": "..."}} (fenced, with prose
 * around it, or a bare {@code A}, {@code B} or {@code tie} also do); a verdict that is neither, or a
 * failed judge call, makes the comparison {@link Outcome#UNSCORABLE}.
 *
 * <pre>{@code
 * PairwiseJudge.Comparisons c = PairwiseJudge.of(ModelConfig.of("openai", "gpt-4.1").withTemperature(0))
 *     .withCriteria("The summary is faithful and short.")
 *     .compare(plan, run);
 * c.winRates();                          // {"openai:gpt-4.1-mini": 0.75, "anthropic:claude-haiku-4-5": 0.25}
 * Agreement.of(human, c.scores("v1", "t7", 0));   // a person's ranking of trial t7 vs the judge's
 * }</pre>
 */
public final class PairwiseJudge {

    private static final String DEFAULT_CRITERIA =
            "The answer is correct, complete and responsive to the input.";

    private static final Prompt DEFAULT_TEMPLATE = Prompt.named("pairwise_judge")
            .system("You are an impartial judge. You compare two answers to the same input by the criteria you are "
                    + "given; their order says nothing about their quality, and length is no merit by itself. "
                    + "Reply with one JSON object and nothing else: "
                    + "{\"winner\": \"A\" | \"B\" | \"tie\", \"reason\": \"<one or two sentences>\"}.")
            .user("## Criteria\n{{criteria}}\n\n## Input the models were given\n{{input}}\n\n"
                    + "## Answer A\n{{answer_a}}\n\n## Answer B\n{{answer_b}}\n\n"
                    + "Which answer is better by the criteria? Reply with JSON only.");

    private final ModelConfig judge;
    private final String criteria;
    private final UnaryOperator<BenchmarkPlan.Builder> setup;

    private PairwiseJudge(ModelConfig judge, String criteria, UnaryOperator<BenchmarkPlan.Builder> setup) {
        this.judge = judge;
        this.criteria = criteria;
        this.setup = setup;
    }

    /**
     * Creates a pairwise judge with general correctness criteria.
     *
     * @param judge the judge config; give it {@code withTemperature(0)} for repeatable verdicts
     * @return the judge
     * @throws NullPointerException if {@code judge} is {@code null}
     */
    public static PairwiseJudge of(ModelConfig judge) {
        return new PairwiseJudge(Objects.requireNonNull(judge, "judge"), DEFAULT_CRITERIA, UnaryOperator.identity());
    }

    /**
     * Returns the review prompt: {@code {{criteria}}}, {@code {{input}}}, {@code {{answer_a}}} and
     * {@code {{answer_b}}}.
     *
     * @return the prompt
     */
    public static Prompt defaultTemplate() {
        return DEFAULT_TEMPLATE;
    }

    /**
     * Returns a copy with other criteria.
     *
     * @param newCriteria what makes an answer better, in words
     * @return the copy
     * @throws NullPointerException if {@code newCriteria} is {@code null}
     * @throws IllegalArgumentException if {@code newCriteria} is blank
     */
    public PairwiseJudge withCriteria(String newCriteria) {
        Objects.requireNonNull(newCriteria, "newCriteria");
        if (newCriteria.isBlank()) {
            throw new IllegalArgumentException("pairwise judge criteria must not be blank");
        }
        return new PairwiseJudge(judge, newCriteria, setup);
    }

    /**
     * Returns a copy that sets up the judge's own run: providers, response cache, prices,
     * concurrency, retries (by default: installed providers, an in-memory cache, bundled prices).
     *
     * @param newSetup adds to the judge plan's builder and returns it
     * @return the copy
     * @throws NullPointerException if {@code newSetup} is {@code null}
     */
    public PairwiseJudge withPlan(UnaryOperator<BenchmarkPlan.Builder> newSetup) {
        return new PairwiseJudge(judge, criteria, Objects.requireNonNull(newSetup, "newSetup"));
    }

    /**
     * Compares every pair of configurations' successful answers to each trial of each prompt and
     * repetition of a finished run, each pair in both orders, in one run of the judge. Blocks until
     * the judge's run ends; call it off the candidates' run thread.
     *
     * @param plan the plan the run ran: its prompts and trials give the input the judge sees
     * @param run the finished run, with its results retained
     * @return the comparisons, in plan order (prompt, trial, repetition, then model pairs)
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if the plan has fewer than two model configs, or the run has
     *     results the plan does not describe
     * @throws dev.bench4j.core.InvalidPlanException if the judge's plan is invalid, e.g. no provider
     *     for the judge is installed
     */
    public Comparisons compare(BenchmarkPlan plan, Run run) {
        JudgeRuns.requireComparable(plan, run, "pairwise");
        record Pair(JudgeRuns.Answers answers, String a, String b, String id) {
        }
        List<Pair> pairs = new ArrayList<>();
        List<Trial> reviews = new ArrayList<>();
        for (JudgeRuns.Answers group : JudgeRuns.group(plan, run)) {
            List<String> models = List.copyOf(group.answers().keySet());
            for (int i = 0; i < models.size(); i++) {
                for (int j = i + 1; j < models.size(); j++) {
                    String a = models.get(i);
                    String b = models.get(j);
                    String id = group.prompt() + "/" + group.trial() + "#" + group.repetition() + " " + a + " vs " + b;
                    pairs.add(new Pair(group, a, b, id));
                    reviews.add(review(id + " (A first)", group, a, b));
                    reviews.add(review(id + " (B first)", group, b, a));
                }
            }
        }
        if (reviews.isEmpty()) {
            return new Comparisons(List.of(), Optional.empty());
        }
        Run judged = JudgeRuns.run(plan.name() + "-pairwise", DEFAULT_TEMPLATE, judge, reviews, setup);
        Map<String, Result> byId = new LinkedHashMap<>();
        judged.results().forEach(r -> byId.put(r.cell().trial(), r));
        List<Comparison> out = new ArrayList<>(pairs.size());
        for (Pair p : pairs) {
            out.add(outcome(p.answers(), p.a(), p.b(), byId.get(p.id() + " (A first)"), byId.get(p.id() + " (B first)")));
        }
        return new Comparisons(out, Optional.of(judged));
    }

    private Trial review(String id, JudgeRuns.Answers group, String first, String second) {
        return Trial.of(id, Map.of("criteria", criteria, "input", group.input(),
                "answer_a", group.answers().get(first), "answer_b", group.answers().get(second)));
    }

    private Comparison outcome(JudgeRuns.Answers g, String a, String b, Result aFirst, Result bFirst) {
        PreferenceVerdicts.Read<String> forward = read(aFirst);
        PreferenceVerdicts.Read<String> backward = read(bFirst);
        if (forward.error().isPresent() || backward.error().isPresent()) {
            String why = forward.error().map(e -> "A first: " + e).orElse("")
                    + (forward.error().isPresent() && backward.error().isPresent() ? "; " : "")
                    + backward.error().map(e -> "B first: " + e).orElse("");
            return new Comparison(g.prompt(), g.trial(), g.repetition(), a, b, Outcome.UNSCORABLE, false,
                    Optional.empty(), Optional.of(why));
        }
        Outcome first = Outcome.of(forward.value().orElseThrow(), false);
        Outcome second = Outcome.of(backward.value().orElseThrow(), true);
        Optional<String> reason = joined(forward.reason(), backward.reason());
        if (first != second) {
            return new Comparison(g.prompt(), g.trial(), g.repetition(), a, b, Outcome.TIE, false,
                    Optional.of("the two orders disagree: " + a + " first gave " + first.wireName() + ", " + b
                            + " first gave " + second.wireName() + reason.map(r -> " (" + r + ")").orElse("")),
                    Optional.empty());
        }
        return new Comparison(g.prompt(), g.trial(), g.repetition(), a, b, first, true, reason, Optional.empty());
    }

    private PreferenceVerdicts.Read<String> read(Result r) {
        if (r == null) {
            return new PreferenceVerdicts.Read<>(Optional.empty(), Optional.empty(), Optional.of("the judge gave no result"));
        }
        if (!r.succeeded()) {
            var e = r.error().orElseThrow();
            return new PreferenceVerdicts.Read<>(Optional.empty(), Optional.empty(), Optional.of(
                    "judge '" + judge.id() + "' failed (" + e.kind().wireName() + "): " + e.message()));
        }
        return PreferenceVerdicts.winner(r.output());
    }

    private static Optional<String> joined(Optional<String> first, Optional<String> second) {
        if (first.isPresent() && second.isPresent()) {
            return Optional.of("A first: " + first.get() + " / B first: " + second.get());
        }
        return first.or(() -> second);
    }

    @Override
    public String toString() {
        return "PairwiseJudge[judge=" + judge.id() + "]";
    }

    /** A comparison's outcome. */
    public enum Outcome {
        /** The first configuration's answer ({@link Comparison#a()}) is better in both orders. */
        A_WINS,
        /** The second configuration's answer ({@link Comparison#b()}) is better in both orders. */
        B_WINS,
        /** The judge said tie in both orders, or the two orders disagreed. */
        TIE,
        /** A verdict could not be read or a judge call failed. */
        UNSCORABLE;

        /** The outcome a verdict gives; {@code swapped} when the verdict saw b's answer as A. */
        static Outcome of(String winner, boolean swapped) {
            return switch (winner) {
                case "A" -> swapped ? B_WINS : A_WINS;
                case "B" -> swapped ? A_WINS : B_WINS;
                default -> TIE;
            };
        }

        /**
         * Returns the name as reports write it, e.g. {@code a_wins}.
         *
         * @return the name
         */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Two configurations' answers to one trial compared.
     *
     * @param prompt the prompt's name
     * @param trial the trial's id
     * @param repetition the repetition
     * @param a the first configuration's model config id
     * @param b the second configuration's model config id
     * @param outcome which answer the judge preferred
     * @param ordersAgree whether both orders gave the same verdict
     * @param reason the judge's reasons, if given
     * @param error why the comparison is unscorable; present exactly when the outcome is
     *     {@link Outcome#UNSCORABLE}
     */
    public record Comparison(String prompt, String trial, int repetition, String a, String b, Outcome outcome,
            boolean ordersAgree, Optional<String> reason, Optional<String> error) {

        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if the error's presence does not match the outcome, or
         *     {@code a} equals {@code b}
         */
        public Comparison {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(trial, "trial");
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(error, "error");
            if (error.isPresent() != (outcome == Outcome.UNSCORABLE)) {
                throw new IllegalArgumentException("a comparison has an error exactly when it is unscorable");
            }
            if (a.equals(b)) {
                throw new IllegalArgumentException("a comparison needs two configurations, got '" + a + "' twice");
            }
        }
    }

    /**
     * The comparisons of a run, and the judge's own run.
     *
     * @param comparisons every comparison, in plan order
     * @param judgeRun the judge's run (its results are the verdicts); empty when there was nothing to compare
     */
    public record Comparisons(List<Comparison> comparisons, Optional<Run> judgeRun) {

        /**
         * Validates and copies the components.
         *
         * @throws NullPointerException if a component is {@code null}
         */
        public Comparisons {
            comparisons = List.copyOf(comparisons);
            Objects.requireNonNull(judgeRun, "judgeRun");
        }

        /**
         * Returns what the judge's calls cost, apart from the candidates'.
         *
         * @return the judge run's cost; {@link Summary.Cost#NONE} when there was nothing to compare
         */
        public Summary.Cost cost() {
            return judgeRun.map(r -> r.summary().overall().cost()).orElse(Summary.Cost.NONE);
        }

        /**
         * Returns each configuration's points in one trial: 1 per win, 0.5 per tie, over its scored
         * comparisons there; higher is better, so it is a ranking {@code Agreement.of} compares with a
         * person's.
         *
         * @param prompt the prompt's name
         * @param trial the trial's id
         * @param repetition the repetition
         * @return the points by model config id; empty when no comparison of that trial was scored
         */
        public Map<String, Double> scores(String prompt, String trial, int repetition) {
            Map<String, Double> points = new LinkedHashMap<>();
            for (Comparison c : comparisons) {
                if (c.prompt().equals(prompt) && c.trial().equals(trial) && c.repetition() == repetition
                        && c.outcome() != Outcome.UNSCORABLE) {
                    points.merge(c.a(), c.outcome() == Outcome.A_WINS ? 1.0 : c.outcome() == Outcome.TIE ? 0.5 : 0.0,
                            Double::sum);
                    points.merge(c.b(), c.outcome() == Outcome.B_WINS ? 1.0 : c.outcome() == Outcome.TIE ? 0.5 : 0.0,
                            Double::sum);
                }
            }
            return points;
        }

        /**
         * Returns each configuration's win rate over all its scored comparisons, a tie counting half.
         *
         * @return the rate by model config id, in [0, 1]
         */
        public Map<String, Double> winRates() {
            Map<String, double[]> tally = new LinkedHashMap<>();
            for (Comparison c : comparisons) {
                if (c.outcome() == Outcome.UNSCORABLE) {
                    continue;
                }
                double aPoints = c.outcome() == Outcome.A_WINS ? 1 : c.outcome() == Outcome.TIE ? 0.5 : 0;
                add(tally, c.a(), aPoints);
                add(tally, c.b(), 1 - aPoints);
            }
            Map<String, Double> rates = new LinkedHashMap<>();
            tally.forEach((model, t) -> rates.put(model, t[0] / t[1]));
            return rates;
        }

        private static void add(Map<String, double[]> tally, String model, double points) {
            double[] t = tally.computeIfAbsent(model, m -> new double[2]);
            t[0] += points;
            t[1]++;
        }
    }
}
