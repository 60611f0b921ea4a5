package dev.bench4j.providers.gemini.internal;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Parameters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a Gemini config cannot send, checked at {@code build()} so that nothing is silently dropped
 * or refused by the API mid-run.
 *
 * <ul>
 *   <li>{@code verbosity} does not exist in the Gemini API; at most 5 stop sequences.</li>
 *   <li>The provider param {@code thinking_budget} must be a whole number in the model family's
 *       range: gemini-2.5-pro 128 to 32768 or -1 (dynamic), never 0; gemini-2.5-flash 0 to 24576 or
 *       -1; gemini-2.5-flash-lite 0, 512 to 24576 or -1. Other models are not checked.
 *       {@code include_thoughts} must be true or false.</li>
 *   <li>{@code reasoning_effort} becomes {@code thinkingLevel}, which Gemini 3 and later take; the
 *       1.x and 2.x families are refused (use {@code thinking_budget}), and so is setting both.</li>
 * </ul>
 */
final class GeminiRules {
    private static final Pattern PRO_25 = Pattern.compile("^gemini-2\\.5-pro(-.*)?$");
    private static final Pattern FLASH_LITE_25 = Pattern.compile("^gemini-2\\.5-flash-lite(-.*)?$");
    private static final Pattern FLASH_25 = Pattern.compile("^gemini-2\\.5-flash(-.*)?$");
    private static final Pattern BEFORE_3 = Pattern.compile("^gemini-(1|2)(\\.[0-9]+)?(-.*)?$");
    private static final int MAX_STOP_SEQUENCES = 5;

    /** Wire fields bench4j writes itself, with what to set instead. */
    private static final Map<String, String> RESERVED = Map.ofEntries(
            Map.entry("contents", "it is built from the prompt's messages"),
            Map.entry("systemInstruction", "it is built from the prompt's system messages"),
            Map.entry("temperature", "set temperature instead"),
            Map.entry("topP", "set top_p instead"),
            Map.entry("topK", "set top_k instead"),
            Map.entry("maxOutputTokens", "set max_output_tokens instead"),
            Map.entry("seed", "set seed instead"),
            Map.entry("stopSequences", "set stop instead"),
            Map.entry("presencePenalty", "set presence_penalty instead"),
            Map.entry("frequencyPenalty", "set frequency_penalty instead"),
            Map.entry("thinkingConfig", "set the params thinking_budget and include_thoughts instead"));

    /** The values of {@code thinkingLevel}. */
    private static final List<String> THINKING_LEVELS = List.of("minimal", "low", "medium", "high");

    private GeminiRules() {
    }

    /**
     * Lists what a config asks for that Gemini cannot do.
     *
     * @param config a gemini config
     * @return one message per problem, naming the model and the parameter; empty when all is well
     */
    static List<String> refused(ModelConfig config) {
        List<String> problems = new ArrayList<>();
        Parameters p = config.parameters();
        String model = GeminiApi.modelId(config.model()).toLowerCase(Locale.ROOT);
        String who = "model '" + config.id() + "' (gemini " + config.model() + ")";
        if (p.verbosity().isPresent()) {
            problems.add(who + ": Gemini does not accept verbosity; remove it");
        }
        for (String name : config.extras().keySet()) {
            String instead = RESERVED.get(name);
            if (instead != null) {
                problems.add(who + ": param '" + name + "' would replace what bench4j sends; " + instead);
            }
        }
        if (config.extras().get("generationConfig") instanceof Map<?, ?> nested) {
            for (Object name : nested.keySet()) {
                String instead = RESERVED.get(String.valueOf(name));
                if (instead != null) {
                    problems.add(who + ": generationConfig." + name + " would replace what bench4j sends; " + instead);
                }
            }
        }
        if (p.stop().size() > MAX_STOP_SEQUENCES) {
            problems.add(who + ": Gemini takes at most " + MAX_STOP_SEQUENCES + " stop sequences but " + p.stop().size()
                    + " are set");
        }
        Object include = config.extras().get(GeminiApi.INCLUDE_THOUGHTS);
        if (include != null && !(include instanceof Boolean)) {
            problems.add(who + ": include_thoughts must be true or false but was " + include);
        }
        Object budget = config.extras().get(GeminiApi.THINKING_BUDGET);
        if (budget != null) {
            Long b = wholeNumber(budget);
            if (b == null) {
                problems.add(who + ": thinking_budget must be a whole number of tokens (-1 for dynamic) but was " + budget);
            } else {
                String range = budgetProblem(model, b);
                if (range != null) {
                    problems.add(who + ": thinking_budget " + range + " but was " + b);
                }
            }
        }
        if (p.reasoningEffort().isPresent()) {
            if (BEFORE_3.matcher(model).matches()) {
                problems.add(who + " does not take reasoning_effort (Gemini 3 models take it as thinkingLevel); "
                        + "set the provider param thinking_budget instead");
            } else if (budget != null) {
                problems.add(who + ": set reasoning_effort (thinkingLevel) or thinking_budget, not both; "
                        + "Gemini rejects a request with both");
            } else if (!THINKING_LEVELS.contains(p.reasoningEffort().get())) {
                problems.add(who + ": reasoning_effort (thinkingLevel) must be one of " + THINKING_LEVELS + " but was '"
                        + p.reasoningEffort().get() + "'");
            }
        }
        return problems;
    }

    /** Returns what the budget must be for the model's family, or null when {@code b} is allowed or the family unknown. */
    private static String budgetProblem(String model, long b) {
        if (PRO_25.matcher(model).matches()) {
            return b == -1 || b >= 128 && b <= 32768 ? null
                    : "must be -1 (dynamic) or 128 to 32768 for gemini-2.5-pro, which cannot turn thinking off,";
        }
        if (FLASH_LITE_25.matcher(model).matches()) {
            return b == -1 || b == 0 || b >= 512 && b <= 24576 ? null
                    : "must be -1 (dynamic), 0 (off) or 512 to 24576 for gemini-2.5-flash-lite";
        }
        if (FLASH_25.matcher(model).matches()) {
            return b == -1 || b >= 0 && b <= 24576 ? null
                    : "must be -1 (dynamic) or 0 (off) to 24576 for gemini-2.5-flash";
        }
        return null;
    }

    /** Returns a JSON-like number as a long when it is a whole number within int32 (the wire type), else null. */
    private static Long wholeNumber(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long v = ((Number) value).longValue();
            return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? v : null;
        }
        if (value instanceof BigInteger i) {
            return i.bitLength() < 32 ? i.longValue() : null;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE ? (long) d : null;
        }
        return null;
    }
}
