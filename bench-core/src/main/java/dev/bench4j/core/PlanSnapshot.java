package dev.bench4j.core;

import dev.bench4j.core.json.JsonValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run ran, as kept with it: prompts, model configs (never an API key), how many trials and a
 * fingerprint of their content, repetitions, concurrency, scorer names and the model configs the
 * scorers call (LLM judges), and the subset of the plan the run ran, if it ran one. Two runs with the
 * same snapshot ran the same benchmark.
 *
 * @param name the plan's name
 * @param prompts the prompts
 * @param models the model configs, without secrets
 * @param trialCount how many trials
 * @param trialsFingerprint SHA-256 (hex) of the trials' ids, variables and expected answers
 * @param repetitions repetitions per cell
 * @param concurrency the plan-wide concurrency
 * @param scorers the scorers' names
 * @param scorerModels the model configs the scorers call (their judges), once per id, without secrets
 * @param scorerSettings the settings of the scorers that report any ({@code Scorer.settings()}), by
 *     scorer name: e.g. a judge's criteria, scale and review prompt
 * @param subset the part of the plan the run ran, when it ran a {@link Subset} (prompts, models and
 *     trials above are then the selected ones), with the full plan's counts
 */
public record PlanSnapshot(String name, List<Prompt> prompts, List<ModelConfig> models, int trialCount,
        String trialsFingerprint, int repetitions, int concurrency, List<String> scorers, List<ModelConfig> scorerModels,
        Map<String, Map<String, Object>> scorerSettings, Optional<SubsetOf> subset) {

    /**
     * Validates and copies the components; model configs are stripped of explicit API keys.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if a scorer's settings are not JSON-like values
     */
    public PlanSnapshot {
        Objects.requireNonNull(name, "name");
        prompts = List.copyOf(Objects.requireNonNull(prompts, "prompts"));
        models = Objects.requireNonNull(models, "models").stream().map(ModelConfig::withoutSecrets).toList();
        Objects.requireNonNull(trialsFingerprint, "trialsFingerprint");
        scorers = List.copyOf(Objects.requireNonNull(scorers, "scorers"));
        scorerModels = Objects.requireNonNull(scorerModels, "scorerModels").stream().map(ModelConfig::withoutSecrets)
                .toList();
        Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
        Objects.requireNonNull(scorerSettings, "scorerSettings").forEach((scorer, values) -> settings.put(
                Objects.requireNonNull(scorer, "scorerSettings key"),
                JsonValues.immutableObject(values, "settings of scorer '" + scorer + "'")));
        scorerSettings = Collections.unmodifiableMap(settings);
        Objects.requireNonNull(subset, "subset");
    }

    /**
     * Creates a snapshot of a run of a whole plan (no subset).
     *
     * @param name the plan's name
     * @param prompts the prompts
     * @param models the model configs
     * @param trialCount how many trials
     * @param trialsFingerprint SHA-256 (hex) of the trials
     * @param repetitions repetitions per cell
     * @param concurrency the plan-wide concurrency
     * @param scorers the scorers' names
     * @param scorerModels the model configs the scorers call
     * @param scorerSettings the scorers' settings, by scorer name
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if a scorer's settings are not JSON-like values
     */
    public PlanSnapshot(String name, List<Prompt> prompts, List<ModelConfig> models, int trialCount,
            String trialsFingerprint, int repetitions, int concurrency, List<String> scorers,
            List<ModelConfig> scorerModels, Map<String, Map<String, Object>> scorerSettings) {
        this(name, prompts, models, trialCount, trialsFingerprint, repetitions, concurrency, scorers, scorerModels,
                scorerSettings, Optional.empty());
    }

    /**
     * The part of a plan a run ran: its selectors and the whole plan's counts.
     *
     * @param selectors the subset's selectors
     * @param planPrompts how many prompts the whole plan has
     * @param planModels how many model configs the whole plan has
     * @param planTrials how many trials the whole plan has
     */
    public record SubsetOf(Subset selectors, int planPrompts, int planModels, int planTrials) {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if {@code selectors} is {@code null}
         * @throws IllegalArgumentException if a count is negative
         */
        public SubsetOf {
            Objects.requireNonNull(selectors, "selectors");
            if (planPrompts < 0 || planModels < 0 || planTrials < 0) {
                throw new IllegalArgumentException("plan counts must be >= 0 but were " + planPrompts + ", "
                        + planModels + ", " + planTrials);
            }
        }
    }

    /**
     * Creates a snapshot of a plan whose scorers call no model.
     *
     * @param name the plan's name
     * @param prompts the prompts
     * @param models the model configs
     * @param trialCount how many trials
     * @param trialsFingerprint SHA-256 (hex) of the trials
     * @param repetitions repetitions per cell
     * @param concurrency the plan-wide concurrency
     * @param scorers the scorers' names
     * @throws NullPointerException if a component is {@code null}
     */
    public PlanSnapshot(String name, List<Prompt> prompts, List<ModelConfig> models, int trialCount,
            String trialsFingerprint, int repetitions, int concurrency, List<String> scorers) {
        this(name, prompts, models, trialCount, trialsFingerprint, repetitions, concurrency, scorers, List.of(), Map.of(),
                Optional.empty());
    }

    /**
     * Returns the number of cells: prompts × models × trials × repetitions.
     *
     * @return the cell count
     */
    public long cellCount() {
        return grid().size();
    }

    /**
     * Returns the run's cells in run order.
     *
     * @return the grid of prompts × models × trials × repetitions
     */
    public CellGrid grid() {
        return new CellGrid(prompts.size(), models.size(), trialCount, repetitions);
    }
}
