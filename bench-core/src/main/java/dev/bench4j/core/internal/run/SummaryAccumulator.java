package dev.bench4j.core.internal.run;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Summary;
import java.time.Duration;
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

    /**
     * Starts an empty summary.
     *
     * @param prompts the plan's prompts, in order
     * @param models the plan's models, in order
     * @param scorerNames the scorers whose scores are summarized
     */
    public SummaryAccumulator(List<Prompt> prompts, List<ModelConfig> models, List<String> scorerNames) {
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
        Map<String, Summary.Group> models = new LinkedHashMap<>();
        Map<String, Summary.Group> prompts = new LinkedHashMap<>();
        Map<Summary.PromptModel, Summary.Group> pairs = new LinkedHashMap<>();
        for (int m = 0; m < this.models.size(); m++) {
            models.put(this.models.get(m).id(), byModel[m].build());
        }
        for (int p = 0; p < this.prompts.size(); p++) {
            prompts.put(this.prompts.get(p).name(), byPrompt[p].build());
            for (int m = 0; m < this.models.size(); m++) {
                pairs.put(new Summary.PromptModel(this.prompts.get(p).name(), this.models.get(m).id()), byPair[p][m].build());
            }
        }
        double seconds = elapsed.toNanos() / 1e9;
        return new Summary(overall.build(), models, prompts, pairs, elapsed, seconds > 0 ? done / seconds : 0,
                retriedCells);
    }
}
