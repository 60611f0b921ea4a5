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
 * Asks a judge to rank all configurations' answers to each trial, best first: the AI ranking that
 * {@link dev.bench4j.scoring.compare.Agreement#of Agreement.of} compares with a person's. It runs
 * after the candidates' run, as a run of its own whose one model is the judge, so the judge's calls
 * are cached, rate limited, retried and priced like any, and its cost is kept apart
 * ({@link Rankings#cost()}).
 *
 * <p>The answers are shown numbered 1 to n in plan order; the judge answers
 * {@code {"ranking": [2, 1, 3], "reason": "..."}} (fenced or with prose around it; numbers may be
 * strings such as {@code "2"} or {@code "Answer 2"}). A ranking that leaves out or repeats an answer,
 * names one that does not exist, or a failed judge call makes that trial's ranking an error.
 *
 * <pre>{@code
 * ListwiseJudge.Rankings r = ListwiseJudge.of(ModelConfig.of("openai", "gpt-4.1").withTemperature(0))
 *     .rank(plan, run);
 * Agreement.of(personsRanking, r.rankings().get(0).scores()).describe();
 * }</pre>
 */
public final class ListwiseJudge {

    private static final String DEFAULT_CRITERIA =
            "The answer is correct, complete and responsive to the input.";

    private static final Prompt DEFAULT_TEMPLATE = Prompt.named("listwise_judge")
            .system("You are an impartial judge. You rank several answers to the same input by the criteria you are "
                    + "given, best first; their order says nothing about their quality, and length is no merit by itself. "
                    + "Reply with one JSON object and nothing else: "
                    + "{\"ranking\": [<every answer's number once, best first>], \"reason\": \"<one or two sentences>\"}.")
            .user("## Criteria\n{{criteria}}\n\n## Input the models were given\n{{input}}\n\n{{answers}}\n\n"
                    + "Rank all {{count}} answers by the criteria, best first. Reply with JSON only.");

    private final ModelConfig judge;
    private final String criteria;
    private final UnaryOperator<BenchmarkPlan.Builder> setup;

    private ListwiseJudge(ModelConfig judge, String criteria, UnaryOperator<BenchmarkPlan.Builder> setup) {
        this.judge = judge;
        this.criteria = criteria;
        this.setup = setup;
    }

    /**
     * Creates a listwise judge with general correctness criteria.
     *
     * @param judge the judge config; give it {@code withTemperature(0)} for repeatable rankings
     * @return the judge
     * @throws NullPointerException if {@code judge} is {@code null}
     */
    public static ListwiseJudge of(ModelConfig judge) {
        return new ListwiseJudge(Objects.requireNonNull(judge, "judge"), DEFAULT_CRITERIA, UnaryOperator.identity());
    }

    /**
     * Returns the review prompt: {@code {{criteria}}}, {@code {{input}}}, {@code {{answers}}} (each
     * answer under a {@code ## Answer n} heading) and {@code {{count}}}.
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
    public ListwiseJudge withCriteria(String newCriteria) {
        Objects.requireNonNull(newCriteria, "newCriteria");
        if (newCriteria.isBlank()) {
            throw new IllegalArgumentException("listwise judge criteria must not be blank");
        }
        return new ListwiseJudge(judge, newCriteria, setup);
    }

    /**
     * Returns a copy that sets up the judge's own run: providers, response cache, prices,
     * concurrency, retries (by default: installed providers, an in-memory cache, bundled prices).
     *
     * @param newSetup adds to the judge plan's builder and returns it
     * @return the copy
     * @throws NullPointerException if {@code newSetup} is {@code null}
     */
    public ListwiseJudge withPlan(UnaryOperator<BenchmarkPlan.Builder> newSetup) {
        return new ListwiseJudge(judge, criteria, Objects.requireNonNull(newSetup, "newSetup"));
    }

    /**
     * Ranks the configurations' successful answers to each trial of each prompt and repetition of a
     * finished run (where at least two answered), one judge call per trial, in one run of the judge.
     * Blocks until the judge's run ends; call it off the candidates' run thread.
     *
     * @param plan the plan the run ran: its prompts and trials give the input the judge sees
     * @param run the finished run, with its results retained
     * @return the rankings, in plan order
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if the plan has fewer than two model configs, or the run has
     *     results the plan does not describe
     * @throws dev.bench4j.core.InvalidPlanException if the judge's plan is invalid, e.g. no provider
     *     for the judge is installed
     */
    public Rankings rank(BenchmarkPlan plan, Run run) {
        JudgeRuns.requireComparable(plan, run, "listwise");
        List<JudgeRuns.Answers> groups = new ArrayList<>();
        List<Trial> reviews = new ArrayList<>();
        for (JudgeRuns.Answers g : JudgeRuns.group(plan, run)) {
            if (g.answers().size() < 2) {
                continue;
            }
            StringBuilder answers = new StringBuilder();
            int n = 0;
            for (String text : g.answers().values()) {
                answers.append(n == 0 ? "" : "\n\n").append("## Answer ").append(++n).append('\n').append(text);
            }
            groups.add(g);
            reviews.add(Trial.of(id(g), Map.of("criteria", criteria, "input", g.input(), "answers", answers.toString(),
                    "count", n)));
        }
        if (reviews.isEmpty()) {
            return new Rankings(List.of(), Optional.empty());
        }
        Run judged = JudgeRuns.run(plan.name() + "-listwise", DEFAULT_TEMPLATE, judge, reviews, setup);
        Map<String, Result> byId = new LinkedHashMap<>();
        judged.results().forEach(r -> byId.put(r.cell().trial(), r));
        List<Ranking> out = new ArrayList<>(groups.size());
        for (JudgeRuns.Answers g : groups) {
            out.add(ranking(g, byId.get(id(g))));
        }
        return new Rankings(out, Optional.of(judged));
    }

    private static String id(JudgeRuns.Answers g) {
        return g.prompt() + "/" + g.trial() + "#" + g.repetition();
    }

    private Ranking ranking(JudgeRuns.Answers g, Result r) {
        List<String> models = List.copyOf(g.answers().keySet());
        if (r == null || !r.succeeded()) {
            String why = r == null ? "the judge gave no result" : "judge '" + judge.id() + "' failed ("
                    + r.error().orElseThrow().kind().wireName() + "): " + r.error().orElseThrow().message();
            return new Ranking(g.prompt(), g.trial(), g.repetition(), models, List.of(), Optional.empty(), Optional.of(why));
        }
        PreferenceVerdicts.Read<List<Integer>> read = PreferenceVerdicts.ranking(r.output(), models.size());
        if (read.error().isPresent()) {
            return new Ranking(g.prompt(), g.trial(), g.repetition(), models, List.of(), Optional.empty(), read.error());
        }
        List<String> order = read.value().orElseThrow().stream().map(i -> models.get(i - 1)).toList();
        return new Ranking(g.prompt(), g.trial(), g.repetition(), models, order, read.reason(), Optional.empty());
    }

    @Override
    public String toString() {
        return "ListwiseJudge[judge=" + judge.id() + "]";
    }

    /**
     * One trial's answers ranked.
     *
     * @param prompt the prompt's name
     * @param trial the trial's id
     * @param repetition the repetition
     * @param shown the model config ids in the order the judge saw their answers (answer 1 first)
     * @param order the model config ids, best first; empty when the ranking is an error
     * @param reason the judge's reason, if given
     * @param error why there is no ranking
     */
    public record Ranking(String prompt, String trial, int repetition, List<String> shown, List<String> order,
            Optional<String> reason, Optional<String> error) {

        /**
         * Validates and copies the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if there is neither or both of an order and an error
         */
        public Ranking {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(trial, "trial");
            shown = List.copyOf(shown);
            order = List.copyOf(order);
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(error, "error");
            if (order.isEmpty() == error.isEmpty()) {
                throw new IllegalArgumentException("a ranking has either an order or an error, not "
                        + (order.isEmpty() ? "neither" : "both"));
            }
        }

        /**
         * Returns the ranking as scores, higher is better (n - 1 for the best, 0 for the worst), as
         * {@code Agreement.of} takes a ranking.
         *
         * @return the score by model config id, best first; empty when the ranking is an error
         */
        public Map<String, Double> scores() {
            Map<String, Double> s = new LinkedHashMap<>();
            for (int i = 0; i < order.size(); i++) {
                s.put(order.get(i), (double) (order.size() - 1 - i));
            }
            return s;
        }
    }

    /**
     * The rankings of a run, and the judge's own run.
     *
     * @param rankings one per trial, prompt and repetition with at least two answers, in plan order
     * @param judgeRun the judge's run (its results are the verdicts); empty when there was nothing to rank
     */
    public record Rankings(List<Ranking> rankings, Optional<Run> judgeRun) {

        /**
         * Validates and copies the components.
         *
         * @throws NullPointerException if a component is {@code null}
         */
        public Rankings {
            rankings = List.copyOf(rankings);
            Objects.requireNonNull(judgeRun, "judgeRun");
        }

        /**
         * Returns what the judge's calls cost, apart from the candidates'.
         *
         * @return the judge run's cost; {@link Summary.Cost#NONE} when there was nothing to rank
         */
        public Summary.Cost cost() {
            return judgeRun.map(r -> r.summary().overall().cost()).orElse(Summary.Cost.NONE);
        }

        /**
         * Returns the ranking of one trial.
         *
         * @param prompt the prompt's name
         * @param trial the trial's id
         * @param repetition the repetition
         * @return the ranking, empty when that trial had fewer than two answers
         */
        public Optional<Ranking> ranking(String prompt, String trial, int repetition) {
            return rankings.stream().filter(r -> r.prompt().equals(prompt) && r.trial().equals(trial)
                    && r.repetition() == repetition).findFirst();
        }
    }
}
