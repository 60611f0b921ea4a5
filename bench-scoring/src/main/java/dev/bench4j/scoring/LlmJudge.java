package dev.bench4j.scoring;

import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.internal.JudgeRuns;
import dev.bench4j.scoring.internal.JudgeVerdicts;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A scorer that asks a judge model to grade each output: it renders a review prompt, sends it to
 * the judge config through the run's own call pipeline (cached, rate limited, retried, priced), and
 * reads the verdict as JSON {@code {"score": 4, "reason": "..."}} or a bare number on a declared
 * scale, normalized to 0..1. The raw score is kept as detail {@code judge_score}, the judge's reason
 * as the score's reason, and the call (tokens, cost, cache hit) in {@link Score#calls()}, so the
 * judge's cost is summed apart from the candidates'. An unparseable verdict, a score off the scale or
 * a failed judge call is a scoring error on that result; the run goes on.
 *
 * <p>With a {@link #withRubric rubric} the judge scores several named criteria in one call and answers
 * {@code {"scores": {"accuracy": 4, "style": 3}, "reason": "..."}}: each criterion becomes its own
 * score, named {@code <scorer name>.<criterion>} (e.g. {@code llm_judge.accuracy}), and the score under
 * the scorer's name is their mean, an error unless every criterion was scored. A criterion the
 * verdict leaves out or scores off the scale is an error for that criterion alone.
 *
 * <p>The review prompt's messages may use {@code {{input}}} (the messages the candidate was sent),
 * {@code {{output}}}, {@code {{expected}}} (the trial's expected value; a note saying there is none
 * otherwise), {@code {{criteria}}}, {@code {{min}}} and {@code {{max}}}, and the trial's own
 * variables by name. An instance is immutable; each {@code withX} method returns a copy.
 *
 * <pre>{@code
 * ModelConfig judge = ModelConfig.of("openai", "gpt-4.1-mini").withTemperature(0);
 * BenchmarkPlan plan = BenchmarkPlan.named("summaries")
 *     ...
 *     .scorer(LlmJudge.of(judge).withName("faithfulness")
 *         .withCriteria("Every statement in the summary is supported by the input.")
 *         .withScale(1, 5))
 *     .build();
 * }</pre>
 */
public final class LlmJudge implements Scorer {

    /** The variables bench4j provides to the review prompt; they take precedence over a trial's own. */
    public static final Set<String> VARIABLES = Set.of("input", "output", "expected", "criteria", "min", "max");

    private static final String DEFAULT_CRITERIA =
            "The answer is correct, complete and responsive to the input; if a reference answer is given, it agrees with it.";

    private static final Prompt DEFAULT_TEMPLATE = Prompt.named("llm_judge")
            .system("You are an impartial judge. You grade one answer against the criteria you are given. "
                    + "Reply with one JSON object and nothing else: "
                    + "{\"score\": <a number from {{min}} to {{max}}>, \"reason\": \"<one or two sentences>\"}.")
            .user("## Criteria\n{{criteria}}\n\n## Input the model was given\n{{input}}\n\n"
                    + "## Reference answer\n{{expected}}\n\n## Answer to grade\n{{output}}\n\n"
                    + "Grade the answer from {{min}} (worst) to {{max}} (best) by the criteria. Reply with JSON only.");

    private static final Prompt RUBRIC_TEMPLATE = Prompt.named("llm_judge_rubric")
            .system("You are an impartial judge. You grade one answer on each criterion you are given. "
                    + "Reply with one JSON object and nothing else, with a score for every criterion under its name: "
                    + "{\"scores\": {\"<criterion>\": <a number from {{min}} to {{max}}>, ...}, "
                    + "\"reason\": \"<one or two sentences>\"}.")
            .user("## Criteria\n{{criteria}}\n\n## Input the model was given\n{{input}}\n\n"
                    + "## Reference answer\n{{expected}}\n\n## Answer to grade\n{{output}}\n\n"
                    + "Grade the answer on each criterion from {{min}} (worst) to {{max}} (best). Reply with JSON only.");

    /** A rubric criterion's name: it becomes part of a score name. */
    private static final Pattern CRITERION_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final String name;
    private final ModelConfig judge;
    private final String criteria;
    private final Map<String, String> rubric;
    private final double min;
    private final double max;
    private final Optional<Prompt> template;
    private final JudgeVerdicts verdicts;

    private LlmJudge(String name, ModelConfig judge, String criteria, Map<String, String> rubric, double min,
            double max, Optional<Prompt> template) {
        this.name = name;
        this.judge = judge;
        this.criteria = criteria;
        this.rubric = rubric;
        this.min = min;
        this.max = max;
        this.template = template;
        try {
            this.verdicts = new JudgeVerdicts(min, max);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("llm_judge scorer '" + name + "': " + e.getMessage(), e);
        }
    }

    /**
     * Creates a judge scorer named {@code llm_judge} with the default review prompt, general
     * correctness criteria and the scale 1 to 5.
     *
     * @param judge the judge model config; give it {@code withTemperature(0)} for repeatable verdicts
     * @return the scorer
     * @throws NullPointerException if {@code judge} is {@code null}
     */
    public static LlmJudge of(ModelConfig judge) {
        return new LlmJudge("llm_judge", Objects.requireNonNull(judge, "judge"), DEFAULT_CRITERIA, Map.of(), 1, 5,
                Optional.empty());
    }

    /**
     * Returns the default review prompt: a system message asking for one JSON object and a user
     * message with the criteria, the input, the reference answer and the answer to grade.
     *
     * @return the prompt
     */
    public static Prompt defaultTemplate() {
        return DEFAULT_TEMPLATE;
    }

    /**
     * Returns the default review prompt of a {@link #withRubric rubric} judge: it asks for
     * {@code {"scores": {...}, "reason": "..."}} with a score for every criterion, and
     * {@code {{criteria}}} lists the criteria as {@code - name: description} lines.
     *
     * @return the prompt
     */
    public static Prompt defaultRubricTemplate() {
        return RUBRIC_TEMPLATE;
    }

    /**
     * Returns a copy with another name, the key of its scores in results and summaries.
     *
     * @param newName the name
     * @return the copy
     * @throws NullPointerException if {@code newName} is {@code null}
     * @throws IllegalArgumentException if {@code newName} is blank
     */
    public LlmJudge withName(String newName) {
        Objects.requireNonNull(newName, "newName");
        if (newName.isBlank()) {
            throw new IllegalArgumentException("scorer name must not be blank");
        }
        return new LlmJudge(newName, judge, criteria, rubric, min, max, template);
    }

    /**
     * Returns a copy with other criteria, the text that replaces {@code {{criteria}}}.
     *
     * @param newCriteria what a good answer does, in words
     * @return the copy
     * @throws NullPointerException if {@code newCriteria} is {@code null}
     * @throws IllegalArgumentException if {@code newCriteria} is blank
     * @throws IllegalStateException if this judge has a rubric, whose criteria take the place of these
     */
    public LlmJudge withCriteria(String newCriteria) {
        Objects.requireNonNull(newCriteria, "newCriteria");
        if (newCriteria.isBlank()) {
            throw new IllegalArgumentException("judge criteria must not be blank");
        }
        if (!rubric.isEmpty()) {
            throw new IllegalStateException("llm_judge scorer '" + name + "' has a rubric, whose criteria "
                    + rubric.keySet() + " replace the criteria text; give one or the other");
        }
        return new LlmJudge(name, judge, newCriteria, rubric, min, max, template);
    }

    /**
     * Returns a copy that scores a rubric of named criteria in one judge call. Each criterion gives
     * its own score, named {@code <scorer name>.<criterion>}, on the judge's scale; the score under
     * the scorer's name is their mean. {@code {{criteria}}} in the review prompt lists the criteria
     * as {@code - name: description} lines, and the default review prompt becomes
     * {@link #defaultRubricTemplate()}.
     *
     * @param criteria each criterion's name (letters, digits, {@code _} and {@code -}) and what it
     *     asks of the answer, in the order the judge sees them
     * @return the copy
     * @throws NullPointerException if {@code criteria} or a name or description in it is {@code null}
     * @throws IllegalArgumentException if the rubric is empty, a name is not letters, digits, {@code _}
     *     and {@code -}, two names differ only in case, or a description is blank (the message names
     *     the scorer and the criterion)
     * @throws IllegalStateException if this judge was given criteria text by {@link #withCriteria}
     */
    public LlmJudge withRubric(Map<String, String> criteria) {
        Objects.requireNonNull(criteria, "criteria");
        String scorer = "llm_judge scorer '" + name + "'";
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException(scorer + " has an empty rubric; give at least one criterion");
        }
        if (!this.criteria.equals(DEFAULT_CRITERIA)) {
            throw new IllegalStateException(scorer + " has criteria text; a rubric replaces it, give one or the other");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        Map<String, String> lowerCase = new HashMap<>();
        criteria.forEach((criterion, description) -> {
            Objects.requireNonNull(criterion, "criterion");
            Objects.requireNonNull(description, "description of criterion '" + criterion + "'");
            if (!CRITERION_NAME.matcher(criterion).matches()) {
                throw new IllegalArgumentException(scorer + " rubric criterion '" + criterion
                        + "' must be letters, digits, '_' or '-': it becomes the score name '" + name + "." + criterion + "'");
            }
            String earlier = lowerCase.put(criterion.toLowerCase(Locale.ROOT), criterion);
            if (earlier != null) {
                throw new IllegalArgumentException(scorer + " rubric has criteria '" + earlier + "' and '" + criterion
                        + "', which differ only in case; a judge's reply could not tell them apart");
            }
            if (description.isBlank()) {
                throw new IllegalArgumentException(scorer + " rubric criterion '" + criterion
                        + "' has a blank description; say what the criterion asks of the answer");
            }
            copy.put(criterion, description.strip());
        });
        return new LlmJudge(name, judge, this.criteria,
                Collections.unmodifiableMap(copy), min, max, template);
    }

    /**
     * Returns the rubric: each criterion's name and description, in order; empty for a judge that
     * gives one score.
     *
     * @return the rubric
     */
    public Map<String, String> rubric() {
        return rubric;
    }

    /**
     * Returns a copy with another scale: the judge answers from {@code newMin} (worst) to
     * {@code newMax} (best), and a verdict {@code s} becomes {@code (s - newMin) / (newMax - newMin)}.
     *
     * @param newMin the worst score
     * @param newMax the best score
     * @return the copy
     * @throws IllegalArgumentException if a bound is not finite or {@code newMax <= newMin} (the
     *     message names the scorer)
     */
    public LlmJudge withScale(double newMin, double newMax) {
        return new LlmJudge(name, judge, criteria, rubric, newMin, newMax, template);
    }

    /**
     * Returns a copy with another review prompt. Its messages may use the variables in
     * {@link #VARIABLES} and the trial's own; it should ask for JSON {@code {"score", "reason"}} or a
     * bare number on the scale, or for a rubric judge {@code {"scores": {...}, "reason"}}.
     *
     * @param newTemplate the review prompt
     * @return the copy
     * @throws NullPointerException if {@code newTemplate} is {@code null}
     * @throws IllegalArgumentException if the prompt has no messages or does not use {@code {{output}}}
     */
    public LlmJudge withTemplate(Prompt newTemplate) {
        Objects.requireNonNull(newTemplate, "newTemplate");
        if (newTemplate.messages().isEmpty()) {
            throw new IllegalArgumentException("judge template '" + newTemplate.name() + "' has no messages");
        }
        if (!newTemplate.variables().contains("output")) {
            throw new IllegalArgumentException("judge template '" + newTemplate.name()
                    + "' never shows the judge the answer: it must use {{output}}");
        }
        return new LlmJudge(name, judge, criteria, rubric, min, max, Optional.of(newTemplate));
    }

    /**
     * Returns a copy that asks another judge config.
     *
     * @param newJudge the judge
     * @return the copy
     * @throws NullPointerException if {@code newJudge} is {@code null}
     */
    public LlmJudge withJudge(ModelConfig newJudge) {
        return new LlmJudge(name, Objects.requireNonNull(newJudge, "newJudge"), criteria, rubric, min, max, template);
    }

    /**
     * Returns the scorer's name.
     *
     * @return the name
     */
    @Override
    public String name() {
        return name;
    }

    /**
     * Returns the names of the rubric's criterion scores, {@code <name>.<criterion>} in rubric order;
     * empty for a judge that gives one score.
     *
     * @return the part names
     */
    @Override
    public List<String> parts() {
        return rubric.keySet().stream().map(c -> name + "." + c).toList();
    }

    /**
     * Returns the judge config, so the plan validates it and the run opens its provider.
     *
     * @return a list of the one judge config
     */
    @Override
    public List<ModelConfig> models() {
        return List.of(judge);
    }

    /**
     * Returns the judge's settings as the run keeps them: {@code type}, {@code judge} (the config
     * id), {@code criteria} (or {@code rubric}, each criterion's description by name, for a rubric
     * judge), {@code scale} ({@code [min, max]}) and {@code template} (the review prompt's messages
     * as {@code {"role", "content"}} objects).
     *
     * @return the settings
     */
    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "llm_judge");
        s.put("judge", judge.id());
        if (rubric.isEmpty()) {
            s.put("criteria", criteria);
        } else {
            s.put("rubric", new LinkedHashMap<>(rubric));
        }
        s.put("scale", verdicts.bounds());
        s.put("template", template().messages().stream().map(m -> {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("role", m.role().wireName());
            message.put("content", m.content());
            return message;
        }).toList());
        return s;
    }

    /**
     * Returns the judge config.
     *
     * @return the judge
     */
    public ModelConfig judge() {
        return judge;
    }

    /**
     * Returns the review prompt's messages for one request, as the judge will get them.
     *
     * @param request the result to grade
     * @return the rendered messages
     * @throws NullPointerException if {@code request} is {@code null}
     * @throws IllegalArgumentException if the review prompt uses a variable neither bench4j nor the trial provides
     */
    public List<Message> reviewMessages(ScoreRequest request) {
        Objects.requireNonNull(request, "request");
        Map<String, Object> vars = new HashMap<>(request.trial().vars());
        vars.put("input", JudgeRuns.input(request.messages()));
        vars.put("output", request.output());
        vars.put("expected", request.trial().expected().orElse("(no reference answer is given; judge by the criteria alone)"));
        vars.put("criteria", rubric.isEmpty() ? criteria : rubric.entrySet().stream()
                .map(e -> "- " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")));
        vars.put("min", verdicts.bounds().get(0));
        vars.put("max", verdicts.bounds().get(1));
        return template().render(vars);
    }

    private Prompt template() {
        return template.orElse(rubric.isEmpty() ? DEFAULT_TEMPLATE : RUBRIC_TEMPLATE);
    }

    /**
     * Grades one result: renders the review prompt, calls the judge through the request's
     * {@link ScoreRequest#caller() caller} and reads its verdict. Never completes exceptionally for
     * a bad verdict or a failed call; those become {@link Score#error scoring errors}.
     *
     * @param request the result to grade
     * @return the score, with the judge's call recorded
     * @throws NullPointerException if {@code request} is {@code null}
     */
    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        Objects.requireNonNull(request, "request");
        if (!rubric.isEmpty()) {
            return scoreParts(request).thenApply(scores -> scores.get(name));
        }
        List<Message> messages;
        try {
            messages = reviewMessages(request);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Score.error("judge template: " + e.getMessage()));
        }
        return request.caller().call(judge, messages).thenApply(this::verdict);
    }

    /**
     * Grades one result on the rubric in one judge call: the mean under the scorer's name, with the
     * call recorded, and each criterion's score under {@code <name>.<criterion>}. A judge without a
     * rubric gives its one score under its name. Never completes exceptionally for a bad verdict or a
     * failed call; those become {@link Score#error scoring errors} under every name.
     *
     * @param request the result to grade
     * @return the scores by name
     * @throws NullPointerException if {@code request} is {@code null}
     */
    @Override
    public CompletionStage<Map<String, Score>> scoreParts(ScoreRequest request) {
        Objects.requireNonNull(request, "request");
        if (rubric.isEmpty()) {
            return score(request).thenApply(s -> Map.of(name, s));
        }
        List<Message> messages;
        try {
            messages = reviewMessages(request);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(allErrors(Score.error("judge template: " + e.getMessage())));
        }
        return request.caller().call(judge, messages).thenApply(call -> {
            if (!call.succeeded()) {
                return allErrors(verdict(call));
            }
            JudgeVerdicts.Rubric read = verdicts.readRubric(call.output(), List.copyOf(rubric.keySet()));
            Map<String, Score> scores = new LinkedHashMap<>();
            scores.put(name, read.overall().withCall(call));
            read.criteria().forEach((c, score) -> scores.put(name + "." + c, score));
            return scores;
        });
    }

    /** The same error under the scorer's name (with any call) and, without calls, under each part. */
    private Map<String, Score> allErrors(Score error) {
        Map<String, Score> scores = new LinkedHashMap<>();
        scores.put(name, error);
        Score bare = Score.error(error.error().orElseThrow());
        parts().forEach(p -> scores.put(p, bare));
        return scores;
    }

    private Score verdict(Result call) {
        if (!call.succeeded()) {
            var e = call.error().orElseThrow();
            return Score.error("judge '" + judge.id() + "' failed (" + e.kind().wireName() + "): " + e.message())
                    .withCall(call);
        }
        return verdicts.read(call.output()).withCall(call);
    }

    @Override
    public String toString() {
        return "LlmJudge[" + name + ", judge=" + judge.id() + ", scale=" + verdicts.scale()
                + (rubric.isEmpty() ? "" : ", rubric=" + rubric.keySet()) + "]";
    }
}
