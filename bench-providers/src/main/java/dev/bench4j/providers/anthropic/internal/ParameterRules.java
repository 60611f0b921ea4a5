package dev.bench4j.providers.anthropic.internal;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Messages API or a Claude model cannot take, checked at {@code build()} so that nothing is
 * silently dropped and no run fails on its first call with a 400.
 *
 * <ul>
 *   <li>{@code max_output_tokens} is required: the API has no default for {@code max_tokens}.</li>
 *   <li>The API has no {@code seed}, {@code frequency_penalty}, {@code presence_penalty},
 *       {@code verbosity} or {@code reasoning_effort} (thinking is the {@code thinking} param);
 *       {@code temperature} goes from 0 to 1; stop sequences that are only whitespace are
 *       rejected.</li>
 *   <li>Claude Opus 4.1, Sonnet 4.5, Haiku 4.5 and later models reject {@code temperature} together
 *       with {@code top_p}; Opus 4.7 and 4.8 take none of {@code temperature}, {@code top_p} and
 *       {@code top_k}.</li>
 *   <li>With thinking on ({@code thinking.type} {@code enabled} or {@code adaptive}),
 *       {@code temperature} may only be 1, {@code top_k} is not allowed and {@code top_p} must be
 *       between 0.95 and 1; an {@code enabled} thinking budget must be at least 1024 and below
 *       {@code max_output_tokens}.</li>
 *   <li>Extras may not replace a field bench4j writes itself ({@code model}, {@code messages},
 *       {@code system}, {@code max_tokens}, {@code stream}) or a common parameter under its wire
 *       name ({@code temperature}, {@code top_p}, {@code top_k}, {@code stop_sequences}).</li>
 * </ul>
 *
 * <p>Model names the rules do not know pass.
 */
final class ParameterRules {
    /** {@code claude-<family>-<major>[-<minor>][-<date or tag>]}, the naming since Claude 4. */
    private static final Pattern MODEL = Pattern.compile("^claude-([a-z]+)-(\\d+)(?:-(\\d{1,2})(?=-|$))?(?:-.*)?$");
    private static final int MIN_BUDGET = 1024;
    private static final Map<String, String> RESERVED_EXTRAS = Map.of(
            "model", "it is the config's model",
            "messages", "they come from the prompt",
            "system", "put system text in the prompt's system messages",
            "max_tokens", "set max_output_tokens instead",
            "stream", "set stream on the config instead",
            "temperature", "set temperature instead",
            "top_p", "set top_p instead",
            "top_k", "set top_k instead",
            "stop_sequences", "set stop instead");
    private static final Set<String> THINKING_ON = Set.of("enabled", "adaptive");

    private ParameterRules() {
    }

    /**
     * Lists what a config asks for that the API or the model would reject.
     *
     * @param config an {@code anthropic} config
     * @return one message per problem, naming the model and the parameter; empty when it can be sent
     */
    static List<String> refused(ModelConfig config) {
        List<String> problems = new ArrayList<>();
        Parameters p = config.parameters();
        String who = "model '" + config.id() + "' (anthropic " + config.model() + ")";
        if (p.maxOutputTokens().isEmpty()) {
            problems.add(who + ": the Messages API requires max_tokens; set max_output_tokens "
                    + "(Anthropic's examples use 1024)");
        }
        String absent = ": Anthropic does not accept ";
        if (p.seed().isPresent()) {
            problems.add(who + absent + "seed; remove it");
        }
        if (p.frequencyPenalty().isPresent()) {
            problems.add(who + absent + "frequency_penalty; remove it");
        }
        if (p.presencePenalty().isPresent()) {
            problems.add(who + absent + "presence_penalty; remove it");
        }
        if (p.verbosity().isPresent()) {
            problems.add(who + absent + "verbosity; remove it");
        }
        if (p.reasoningEffort().isPresent()) {
            problems.add(who + absent + "reasoning_effort; use param thinking {type: enabled, budget_tokens: N} "
                    + "(N at least 1024 and below max_output_tokens) instead");
        }
        if (p.temperature().isPresent() && p.temperature().getAsDouble() > 1) {
            problems.add(who + ": Anthropic takes temperature from 0 to 1 but it is "
                    + p.temperature().getAsDouble() + "; lower it");
        }
        for (String s : p.stop()) {
            if (s.isBlank()) {
                problems.add(who + ": Anthropic rejects stop sequences that are only whitespace ("
                        + s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "); remove it");
            }
        }
        sampling(config, who, problems);
        thinking(config, who, problems);
        config.extras().keySet().stream().filter(RESERVED_EXTRAS::containsKey).sorted().forEach(k ->
                problems.add(who + ": param '" + k + "' would replace what bench4j sends; " + RESERVED_EXTRAS.get(k)));
        return problems;
    }

    /** The per-model rules for temperature, top_p and top_k. */
    private static void sampling(ModelConfig config, String who, List<String> problems) {
        Parameters p = config.parameters();
        Matcher m = MODEL.matcher(config.model().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return;
        }
        String family = m.group(1);
        int version = Integer.parseInt(m.group(2)) * 100 + (m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        boolean opus = family.equals("opus");
        if (opus && version >= 407 && version < 500) {
            String why = who + " does not take ";
            String fix = " (Anthropic removed sampling parameters from Opus 4.7); remove it";
            if (p.temperature().isPresent()) {
                problems.add(why + "temperature" + fix);
            }
            if (p.topP().isPresent()) {
                problems.add(why + "top_p" + fix);
            }
            if (p.topK().isPresent()) {
                problems.add(why + "top_k" + fix);
            }
            return;
        }
        boolean oneSampler = version >= 405 || opus && version >= 401;
        if (oneSampler && p.temperature().isPresent() && p.topP().isPresent()) {
            problems.add(who + " takes temperature or top_p but not both; remove one");
        }
    }

    /** Above this output limit Anthropic refuses a non-streamed request with thinking on. */
    private static final int MAX_UNSTREAMED_THINKING_TOKENS = 21_333;

    /** The rules for the {@code thinking} extra and what thinking forbids. */
    private static void thinking(ModelConfig config, String who, List<String> problems) {
        Object value = config.extras().get("thinking");
        if (value == null) {
            return;
        }
        if (!(value instanceof Map)) {
            problems.add(who + ": param 'thinking' must be an object such as {type: enabled, budget_tokens: 2048}");
            return;
        }
        Map<?, ?> thinking = (Map<?, ?>) value;
        Object type = thinking.get("type");
        if (!THINKING_ON.contains(type)) {
            return;
        }
        if ("enabled".equals(type)) {
            Object budget = thinking.get("budget_tokens");
            if (!(budget instanceof Number) || ((Number) budget).doubleValue() != Math.rint(((Number) budget).doubleValue())) {
                problems.add(who + ": thinking {type: enabled} needs a whole-number budget_tokens (at least "
                        + MIN_BUDGET + ")");
            } else {
                long n = ((Number) budget).longValue();
                if (n < MIN_BUDGET) {
                    problems.add(who + ": thinking budget_tokens must be at least " + MIN_BUDGET + " but is " + n);
                }
                config.parameters().maxOutputTokens().ifPresent(max -> {
                    if (n >= max) {
                        problems.add(who + ": thinking budget_tokens (" + n + ") must be below max_output_tokens ("
                                + max + "), which counts thinking too; raise max_output_tokens");
                    }
                });
            }
        }
        Parameters p = config.parameters();
        String why = who + ": with thinking on, ";
        if (!config.endpoint().stream() && p.maxOutputTokens().orElse(0) > MAX_UNSTREAMED_THINKING_TOKENS) {
            problems.add(why + "Anthropic requires streaming when max_output_tokens is above "
                    + MAX_UNSTREAMED_THINKING_TOKENS + "; set stream: true or lower max_output_tokens");
        }
        if (p.temperature().isPresent() && p.temperature().getAsDouble() != 1.0) {
            problems.add(why + "temperature may only be 1; remove it");
        }
        if (p.topK().isPresent()) {
            problems.add(why + "top_k is not allowed; remove it");
        }
        if (p.topP().isPresent() && p.topP().getAsDouble() < 0.95) {
            problems.add(why + "top_p must be between 0.95 and 1; raise it or remove it");
        }
    }
}
