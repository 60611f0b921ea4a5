package dev.bench4j.scoring.internal;

import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import dev.bench4j.scoring.LlmJudge;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Makes scorers of type {@code llm_judge} ({@link LlmJudge}). Options: {@code judge} (required: the
 * judge's model config, an object in the {@code model.json} format), {@code name} (default
 * {@code llm_judge}), {@code criteria}, {@code rubric} (an object of criterion names to descriptions,
 * scored in one call as {@code <name>.<criterion>}; not with {@code criteria}), {@code scale} ({@code [min, max]}, default {@code [1, 5]}),
 * and {@code system} / {@code template}, which replace the default review prompt's system and user
 * message.
 */
public final class LlmJudgeScorerFactory implements ScorerFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public LlmJudgeScorerFactory() {
    }

    /**
     * Returns {@code llm_judge}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return "llm_judge";
    }

    /**
     * Creates a judge scorer from plan-file options.
     *
     * @param options the options, without {@code type}
     * @return the scorer
     * @throws NullPointerException if {@code options} is {@code null}
     * @throws IllegalArgumentException if an option is unknown (the message lists the allowed ones),
     *     {@code judge} is missing or not a valid model config, a value has the wrong type (the
     *     message names the option), or the rubric is empty, given with {@code criteria}, or has a
     *     bad criterion (the message names the scorer and the criterion)
     */
    @Override
    public Scorer create(Map<String, Object> options) {
        ScorerOptions o = ScorerOptions.read(type(), options, ScorerOptions.LLM_JUDGE_KEYS);
        Map<String, Object> fields = o.object("judge").orElseThrow(() -> new IllegalArgumentException(
                "llm_judge scorer needs option 'judge': the judge's model config, e.g. "
                        + "{\"provider\": \"openai\", \"model\": \"gpt-4.1-mini\", \"temperature\": 0}"));
        ModelConfig judge;
        try {
            judge = ModelConfig.fromMap(fields, "judge");
        } catch (InvalidPlanException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        LlmJudge scorer = LlmJudge.of(judge).withName(o.name());
        Optional<String> criteria = o.string("criteria");
        if (criteria.isPresent()) {
            scorer = scorer.withCriteria(criteria.get());
        }
        Optional<Map<String, Object>> rubric = o.object("rubric");
        if (rubric.isPresent()) {
            if (criteria.isPresent()) {
                throw new IllegalArgumentException("llm_judge scorer '" + o.name()
                        + "' has both 'criteria' and 'rubric'; a rubric's criteria replace the criteria text, give one");
            }
            scorer = scorer.withRubric(rubric(o.name(), rubric.get()));
        }
        Optional<double[]> scale = o.range("scale");
        if (scale.isPresent()) {
            scorer = scorer.withScale(scale.get()[0], scale.get()[1]);
        }
        Optional<String> system = o.string("system");
        Optional<String> template = o.string("template");
        if (system.isPresent() || template.isPresent()) {
            Prompt defaults = rubric.isPresent() ? LlmJudge.defaultRubricTemplate() : LlmJudge.defaultTemplate();
            Prompt review = Prompt.named("llm_judge")
                    .system(system.orElseGet(() -> content(defaults, Message.Role.SYSTEM)))
                    .user(template.orElseGet(() -> content(defaults, Message.Role.USER)));
            try {
                scorer = scorer.withTemplate(review);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("llm_judge scorer option 'template': " + e.getMessage(), e);
            }
        }
        return scorer;
    }

    /** The rubric option: each criterion's description, a string, by name. */
    private static Map<String, String> rubric(String scorer, Map<String, Object> option) {
        Map<String, String> criteria = new LinkedHashMap<>();
        option.forEach((criterion, description) -> {
            if (!(description instanceof String text)) {
                throw new IllegalArgumentException("llm_judge scorer '" + scorer + "' option 'rubric': criterion '"
                        + criterion + "' must have a text description, e.g. \"" + criterion
                        + "\": \"what it asks of the answer\", but was " + (description == null ? "null"
                        : description.getClass().getSimpleName()));
            }
            criteria.put(criterion, text);
        });
        return criteria;
    }

    private static String content(Prompt p, Message.Role role) {
        return p.messages().stream().filter(m -> m.role() == role).findFirst().orElseThrow().content();
    }
}
