package dev.bench4j.scoring.internal;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What pairwise and listwise judges share: the candidates' answers of a run grouped by what they
 * answered (prompt, trial, repetition), the input they were sent, and a judge plan that sends the
 * judge's calls through a run of their own (cache, rate limits, retries, prices).
 */
public final class JudgeRuns {

    private JudgeRuns() {
    }

    /**
     * The successful answers of every configuration to one trial of one prompt in one repetition.
     *
     * @param prompt the prompt's name
     * @param trial the trial's id
     * @param repetition the repetition
     * @param input the messages the candidates were sent, as text
     * @param answers each configuration's answer by model config id, in plan order
     */
    public record Answers(String prompt, String trial, int repetition, String input, Map<String, String> answers) {
    }

    /**
     * Groups a run's successful results by prompt, trial and repetition, in plan order.
     *
     * @param plan the plan the run ran (its prompts and trials give the input)
     * @param run the run
     * @return one group per (prompt, trial, repetition) with at least one answer
     * @throws IllegalArgumentException if a result names a prompt or trial the plan lacks
     */
    public static List<Answers> group(BenchmarkPlan plan, Run run) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(run, "run");
        Map<String, Prompt> prompts = new LinkedHashMap<>();
        plan.prompts().forEach(p -> prompts.put(p.name(), p));
        Map<String, Trial> trials = new LinkedHashMap<>();
        plan.trials().forEach(t -> trials.put(t.id(), t));
        List<String> models = plan.models().stream().map(ModelConfig::id).toList();
        Map<List<Object>, Map<String, String>> byKey = new LinkedHashMap<>();
        for (Result r : run.results()) {
            if (!r.succeeded()) {
                continue;
            }
            List<Object> key = List.of(r.cell().prompt(), r.cell().trial(), r.cell().repetition());
            byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.cell().model(), r.output());
        }
        List<Answers> out = new ArrayList<>();
        for (Prompt p : prompts.values()) {
            for (Trial t : trials.values()) {
                for (int rep = 0; rep < plan.repetitions(); rep++) {
                    Map<String, String> found = byKey.remove(List.of(p.name(), t.id(), rep));
                    if (found == null) {
                        continue;
                    }
                    Map<String, String> ordered = new LinkedHashMap<>();
                    models.stream().filter(found::containsKey).forEach(m -> ordered.put(m, found.get(m)));
                    out.add(new Answers(p.name(), t.id(), rep, input(p.render(t.vars())), ordered));
                }
            }
        }
        if (!byKey.isEmpty()) {
            throw new IllegalArgumentException("run has results the plan does not describe, e.g. prompt/trial/repetition "
                    + byKey.keySet().iterator().next() + "; pass the plan the run ran");
        }
        return out;
    }

    /**
     * Checks that a plan has configurations to compare.
     *
     * @param plan the plan
     * @param run the run
     * @param mode {@code pairwise} or {@code listwise}, for the message
     * @throws NullPointerException if {@code plan} or {@code run} is {@code null}
     * @throws IllegalArgumentException if the plan has fewer than two model configs
     */
    public static void requireComparable(BenchmarkPlan plan, Run run, String mode) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(run, "run");
        if (plan.models().size() < 2) {
            throw new IllegalArgumentException(mode + " judging needs at least two model configs; plan '"
                    + plan.name() + "' has " + plan.models().size());
        }
    }

    /**
     * Renders the messages a candidate was sent as the text a judge reads: one message as itself,
     * several as {@code [role]} headed blocks.
     *
     * @param messages the messages
     * @return the text
     */
    public static String input(List<Message> messages) {
        if (messages.size() == 1) {
            return messages.get(0).content();
        }
        return messages.stream().map(m -> "[" + m.role().wireName() + "]\n" + m.content())
                .collect(Collectors.joining("\n\n"));
    }

    /**
     * Runs a judge over review trials: one prompt, the judge as the one model, no scorers.
     *
     * @param name the judge run's name
     * @param review the review prompt
     * @param judge the judge config
     * @param trials the reviews to ask for
     * @param setup adds providers, cache, prices and limits to the judge's plan
     * @return the finished judge run
     */
    public static Run run(String name, Prompt review, ModelConfig judge, List<Trial> trials,
            UnaryOperator<BenchmarkPlan.Builder> setup) {
        BenchmarkPlan.Builder b = BenchmarkPlan.named(name).prompt(review).model(judge).trials(trials);
        return Objects.requireNonNull(setup.apply(b), "setup returned null").build().run();
    }
}
