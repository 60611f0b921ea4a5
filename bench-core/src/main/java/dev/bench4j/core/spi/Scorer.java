package dev.bench4j.core.spi;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Scores one successful result, e.g. against the trial's expected answer. Failed results are not
 * scored.
 *
 * <p>A scorer may complete later (an LLM judge calls a model); a simple one completes at once, as
 * {@link #of} builds. {@link #score} runs on the run's own thread: it must never block (no
 * {@code join()} or {@code get()} on a model call), or the run stops making progress; chain on the
 * returned stage instead. A scorer that throws or fails gives the result a {@link Score#error} under its
 * name; it never fails the run.
 *
 * <pre>{@code
 * Scorer exact = Scorer.of("exact", r -> Score.pass(
 *     r.trial().expected().map(e -> e.equals(r.result().output().trim())).orElse(false)));
 * }</pre>
 */
public interface Scorer {

    /**
     * Returns the scorer's name, the key of its scores in results and summaries; unique in a plan.
     *
     * @return the name
     */
    String name();

    /**
     * Scores one result.
     *
     * @param request the result, its trial, prompt and model config
     * @return the score
     */
    CompletionStage<Score> score(ScoreRequest request);

    /**
     * Returns whether this scorer scores the results of a trial at all. A result of a trial it does
     * not apply to gets no score under its name (and its parts), so the summary of that score is over
     * the trials it applies to, e.g. the per-trial {@code checks} scorer skips trials without checks.
     *
     * @param trial the cell's trial
     * @return {@code true} (the default) to score every trial
     */
    default boolean appliesTo(Trial trial) {
        return true;
    }

    /**
     * Returns the names of the further scores this scorer gives each result beside the one under its
     * own {@link #name()}, e.g. a rubric judge's criteria {@code llm_judge.accuracy} and
     * {@code llm_judge.style}. Each is kept in the result and summarized like a scorer's own score;
     * each must be unique in the plan among scorer names and other scorers' parts.
     *
     * @return the part names, empty (the default) for a scorer that gives one score
     */
    default List<String> parts() {
        return List.of();
    }

    /**
     * Scores one result under its own name and each of its {@link #parts()}, for a scorer that gives
     * several scores from one piece of work (one judge call). The run calls this instead of
     * {@link #score} when {@link #parts()} is not empty; a part missing from the map becomes a scoring
     * error, a name that is neither the scorer's nor a part is ignored. The model calls belong in the
     * score under {@link #name()}: calls recorded in a part are dropped, so a cost is counted once.
     * The default scores under {@link #name()} alone.
     *
     * @param request the result, its trial, prompt and model config
     * @return the scores by name
     */
    default CompletionStage<Map<String, Score>> scoreParts(ScoreRequest request) {
        return score(request).thenApply(s -> s == null ? Map.of() : Map.of(name(), s));
    }

    /**
     * Returns the model configs this scorer calls through {@link ScoreRequest#caller()}, e.g. its
     * judge. The plan validates them like its own models (an installed provider, parameters it can
     * take) and the run opens their providers and sends their calls through the same pipeline as the
     * candidates': cached, rate limited per endpoint, retried, timed out and priced. A config whose id
     * is also a candidate's must be that same config.
     *
     * @return the configs, empty (the default) for a scorer that calls no model
     */
    default List<ModelConfig> models() {
        return List.of();
    }

    /**
     * Returns what the scorer is set to do, as JSON-like values (maps, lists, strings, numbers,
     * booleans), e.g. a judge's criteria, scale and review prompt. The run keeps them with its plan
     * ({@link dev.bench4j.core.PlanSnapshot#scorerSettings()}), so a run file says how it was scored,
     * and a resume whose scorer settings changed is refused.
     *
     * @return the settings, empty (the default) when there is nothing to record beyond the name
     */
    default Map<String, Object> settings() {
        return Map.of();
    }

    /**
     * Creates a scorer from a name and a function that scores at once.
     *
     * @param name the scorer's name
     * @param function computes the score
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    static Scorer of(String name, Function<ScoreRequest, Score> function) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        if (name.isBlank()) {
            throw new IllegalArgumentException("scorer name must not be blank");
        }
        return new Scorer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CompletionStage<Score> score(ScoreRequest request) {
                return CompletableFuture.completedFuture(function.apply(request));
            }

            @Override
            public String toString() {
                return "Scorer[" + name + "]";
            }
        };
    }
}
