package dev.bench4j.core.internal.run;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Summary;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary of a run as results arrive: overall, per model, per prompt and per (prompt, model),
 * in plan order. Memory depends on the number of groups, not of results.
 */
public final class SummaryAccumulator {

    private final List<Prompt> prompts;
    private final List<ModelConfig> models;
    private final GroupAccumulator overall;
    private final GroupAccumulator[] byModel;
    private final GroupAccumulator[] byPrompt;
    private final GroupAccumulator[][] byPair;
    private long done;
    private final int repetitions;
    /** Each trial id's index, for pass@k's per-trial counts (runs with repetitions only). */
    private final Map<String, Integer> trialIndex = new HashMap<>();

    /**
     * Starts an empty summary.
     *
     * @param prompts the plan's prompts, in order
     * @param models the plan's models, in order
     * @param scorerNames the scorers whose scores are summarized
     */
    public SummaryAccumulator(List<Prompt> prompts, List<ModelConfig> models, List<String> scorerNames) {
        this(prompts, models, scorerNames, 1);
    }

    /**
     * Starts an empty summary of a run with repetitions: each pass/fail score of each group also
     * gets pass@k and pass^k with {@code k} the repetitions, which costs memory per trial (8 bytes a
     * trial, score and (prompt, model) pair).
     *
     * @param prompts the plan's prompts, in order
     * @param models the plan's models, in order
     * @param scorerNames the scorers whose scores are summarized
     * @param repetitions the plan's repetitions; below 2, no pass@k
     */
    public SummaryAccumulator(List<Prompt> prompts, List<ModelConfig> models, List<String> scorerNames, int repetitions) {
        this.repetitions = repetitions;
        this.prompts = prompts;
        this.models = models;
        this.overall = new GroupAccumulator(scorerNames);
        this.byModel = new GroupAccumulator[models.size()];
        this.byPrompt = new GroupAccumulator[prompts.size()];
        this.byPair = new GroupAccumulator[prompts.size()][models.size()];
        for (int m = 0; m < models.size(); m++) {
            byModel[m] = new GroupAccumulator(scorerNames);
        }
        for (int p = 0; p < prompts.size(); p++) {
            byPrompt[p] = new GroupAccumulator(scorerNames);
            for (int m = 0; m < models.size(); m++) {
                byPair[p][m] = new GroupAccumulator(scorerNames);
            }
        }
    }

    /**
     * Counts one result.
     *
     * @param r the result
     * @param promptIndex its prompt's place in the plan
     * @param modelIndex its model's place in the plan
     */
    public void add(Result r, int promptIndex, int modelIndex) {
        done++;
        overall.add(r);
        byModel[modelIndex].add(r);
        byPrompt[promptIndex].add(r);
        byPair[promptIndex][modelIndex].add(r);
        if (repetitions >= 2 && r.succeeded() && !r.scores().isEmpty()) {
            int trial = trialIndex.computeIfAbsent(r.cell().trial(), t -> trialIndex.size());
            r.scores().forEach((name, score) -> score.value().ifPresent(v ->
                    byPair[promptIndex][modelIndex].addRepetition(trial, name, v == 1.0)));
        }
    }

    /**
     * Builds the summary.
     *
     * @param elapsed the time the results took
     * @return the summary
     */
    public Summary build(Duration elapsed) {
        return build(elapsed, 0);
    }

    /**
     * Builds the summary of a run some of whose cells were retried.
     *
     * @param elapsed the time the results took
     * @param retriedCells cells whose failed result was superseded by a new call
     * @return the summary
     */
    public Summary build(Duration elapsed, long retriedCells) {
        // pass@k of a larger group: the per-trial sums of its (prompt, model) pairs added up
        int k = Math.max(1, repetitions);
        Map<String, TrialPasses.Sums>[][] pairSums = pairSums(k);
        Map<String, TrialPasses.Sums> all = new HashMap<>();
        Map<String, Summary.Group> models = new LinkedHashMap<>();
        Map<String, Summary.Group> prompts = new LinkedHashMap<>();
        Map<Summary.PromptModel, Summary.Group> pairs = new LinkedHashMap<>();
        for (int m = 0; m < this.models.size(); m++) {
            Map<String, TrialPasses.Sums> ofModel = new HashMap<>();
            for (int p = 0; p < this.prompts.size(); p++) {
                addUp(ofModel, pairSums[p][m]);
            }
            models.put(this.models.get(m).id(), byModel[m].build(ofModel));
        }
        for (int p = 0; p < this.prompts.size(); p++) {
            Map<String, TrialPasses.Sums> ofPrompt = new HashMap<>();
            for (int m = 0; m < this.models.size(); m++) {
                addUp(ofPrompt, pairSums[p][m]);
                addUp(all, pairSums[p][m]);
            }
            prompts.put(this.prompts.get(p).name(), byPrompt[p].build(ofPrompt));
            for (int m = 0; m < this.models.size(); m++) {
                pairs.put(new Summary.PromptModel(this.prompts.get(p).name(), this.models.get(m).id()),
                        byPair[p][m].build(pairSums[p][m]));
            }
        }
        double seconds = elapsed.toNanos() / 1e9;
        return new Summary(overall.build(all), models, prompts, pairs, elapsed, seconds > 0 ? done / seconds : 0,
                retriedCells);
    }

    @SuppressWarnings("unchecked")
    private Map<String, TrialPasses.Sums>[][] pairSums(int k) {
        Map<String, TrialPasses.Sums>[][] sums = new Map[prompts.size()][models.size()];
        for (int p = 0; p < prompts.size(); p++) {
            for (int m = 0; m < models.size(); m++) {
                sums[p][m] = repetitions >= 2 ? byPair[p][m].passSums(k) : Map.of();
            }
        }
        return sums;
    }

    private static void addUp(Map<String, TrialPasses.Sums> into, Map<String, TrialPasses.Sums> part) {
        part.forEach((score, s) -> into.merge(score, s, TrialPasses.Sums::plus));
    }
}
