package dev.bench4j.providers.openai.internal;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which common parameters each Chat Completions flavor cannot send, checked at {@code build()} so
 * that nothing is silently dropped.
 *
 * <ul>
 *   <li>OpenAI has no {@code top_k}. Its reasoning models (o1, o3, o4-mini, the gpt-5 family except
 *       {@code gpt-5-chat}) reject temperature, top_p and the penalties, and o-series models also
 *       {@code stop}; {@code reasoning_effort} is refused for the gpt-4 and gpt-3.5 families and
 *       {@code verbosity} outside the gpt-5 family. Model names the rules do not know pass.</li>
 *   <li>xAI has no {@code top_k}; its reasoning models (grok-3-mini, grok-4 and later, grok-code)
 *       reject the penalties and {@code stop}, and only grok-3-mini takes {@code reasoning_effort}.</li>
 *   <li>OpenAI-compatible servers get everything: they differ too much to guess.</li>
 * </ul>
 *
 * <p>Every flavor refuses an extra that would replace a field bench4j writes itself ({@code model},
 * {@code messages}, {@code stream}, the common parameters under their wire names), naming the
 * setting to use instead; an OpenAI-compatible config may still send {@code max_completion_tokens}
 * for a server that wants it. {@code stream_options} is merged with bench4j's
 * {@code include_usage} and needs {@code stream: true}.
 */
final class ParameterRules {
    private static final Pattern OPENAI_O_SERIES = Pattern.compile("^o[1-9](-.*)?$");
    private static final Pattern OPENAI_GPT5_FAMILY = Pattern.compile("^gpt-([5-9]|[1-9][0-9])(\\.[0-9]+)?(-.*)?$");
    private static final Pattern OPENAI_CLASSIC = Pattern.compile("^(gpt-4|gpt-3\\.5|chatgpt-4o).*$");
    private static final Pattern XAI_NON_REASONING = Pattern.compile("^grok-(2|3)(-.*)?$|^grok-.*non-reasoning.*$");

    private ParameterRules() {
    }

    /** Wire fields bench4j writes itself, with the setting to use instead. */
    private static final Map<String, String> RESERVED = Map.ofEntries(
            Map.entry("model", "it is the config's model"),
            Map.entry("messages", "they are the prompt's messages"),
            Map.entry("stream", "set stream on the config instead"),
            Map.entry("temperature", "set temperature instead"),
            Map.entry("top_p", "set top_p instead"),
            Map.entry("top_k", "set top_k instead"),
            Map.entry("max_tokens", "set max_output_tokens instead"),
            Map.entry("max_completion_tokens", "set max_output_tokens instead"),
            Map.entry("seed", "set seed instead"),
            Map.entry("stop", "set stop instead"),
            Map.entry("frequency_penalty", "set frequency_penalty instead"),
            Map.entry("presence_penalty", "set presence_penalty instead"),
            Map.entry("reasoning_effort", "set reasoning_effort instead"),
            Map.entry("verbosity", "set verbosity instead"));

    /** OpenAI takes at most this many stop sequences. */
    private static final int OPENAI_MAX_STOP = 4;

    static List<String> refused(Flavor flavor, ModelConfig config) {
        List<String> problems = new ArrayList<>();
        Parameters p = config.parameters();
        String model = config.model().toLowerCase(Locale.ROOT);
        String who = "model '" + config.id() + "' (" + flavor.name() + " " + config.model() + ")";
        for (String name : config.extras().keySet()) {
            String instead = RESERVED.get(name);
            boolean compatibleLimit = flavor == Flavor.COMPATIBLE && name.equals("max_completion_tokens");
            if (instead != null && !compatibleLimit) {
                problems.add(who + ": param '" + name + "' would replace what bench4j sends; " + instead);
            }
        }
        if (config.extras().containsKey("stream_options") && !config.endpoint().stream()) {
            problems.add(who + ": param 'stream_options' is only allowed with stream: true");
        }
        if (flavor == Flavor.OPENAI) {
            if (p.stop().size() > OPENAI_MAX_STOP) {
                problems.add(who + ": OpenAI takes at most " + OPENAI_MAX_STOP + " stop sequences but " + p.stop().size()
                        + " were given");
            }
            if (p.topK().isPresent()) {
                problems.add(who + ": OpenAI does not accept top_k; remove it");
            }
            boolean oSeries = OPENAI_O_SERIES.matcher(model).matches();
            boolean gpt5 = OPENAI_GPT5_FAMILY.matcher(model).matches() && !model.contains("-chat");
            if (oSeries || gpt5) {
                String why = who + " is a reasoning model, which rejects ";
                String fix = "; remove it (reasoning models take reasoning_effort"
                        + (gpt5 ? ", verbosity" : "") + " and max_output_tokens)";
                if (p.temperature().isPresent()) {
                    problems.add(why + "temperature" + fix);
                }
                if (p.topP().isPresent()) {
                    problems.add(why + "top_p" + fix);
                }
                if (p.frequencyPenalty().isPresent()) {
                    problems.add(why + "frequency_penalty" + fix);
                }
                if (p.presencePenalty().isPresent()) {
                    problems.add(why + "presence_penalty" + fix);
                }
                if (oSeries && !p.stop().isEmpty()) {
                    problems.add(why + "stop" + fix);
                }
            }
            boolean classic = OPENAI_CLASSIC.matcher(model).matches();
            if (classic && p.reasoningEffort().isPresent()) {
                problems.add(who + " is not a reasoning model and rejects reasoning_effort; remove it");
            }
            if ((classic || oSeries) && p.verbosity().isPresent()) {
                problems.add(who + " does not take verbosity (the gpt-5 family does); remove it");
            }
        } else if (flavor == Flavor.XAI) {
            if (p.topK().isPresent()) {
                problems.add(who + ": xAI does not accept top_k; remove it");
            }
            if (p.verbosity().isPresent()) {
                problems.add(who + ": xAI does not accept verbosity; remove it");
            }
            boolean reasoning = model.startsWith("grok-") && !XAI_NON_REASONING.matcher(model).matches()
                    || model.startsWith("grok-3-mini");
            if (reasoning) {
                String why = who + " is a reasoning model, which rejects ";
                if (p.frequencyPenalty().isPresent()) {
                    problems.add(why + "frequency_penalty; remove it");
                }
                if (p.presencePenalty().isPresent()) {
                    problems.add(why + "presence_penalty; remove it");
                }
                if (!p.stop().isEmpty()) {
                    problems.add(why + "stop; remove it");
                }
            }
            if (p.reasoningEffort().isPresent() && !model.startsWith("grok-3-mini")) {
                problems.add(who + " rejects reasoning_effort (only grok-3-mini takes it, low or high); remove it");
            } else if (p.reasoningEffort().filter(e -> !e.equals("low") && !e.equals("high")).isPresent()) {
                problems.add(who + ": reasoning_effort must be low or high but was '" + p.reasoningEffort().get() + "'");
            }
        }
        return problems;
    }
}
