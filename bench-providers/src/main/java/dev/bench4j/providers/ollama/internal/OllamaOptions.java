package dev.bench4j.providers.ollama.internal;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Parameters;
import dev.bench4j.core.spi.Names;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which provider extras an Ollama config may carry and where each goes. Ollama logs and then
 * ignores an option name it does not know, still answering 200, so a misspelt or outdated option
 * would silently change what a benchmark measures; every extra is therefore checked here against
 * the {@code Options} struct of current Ollama builds (2025) and refused unless it is a known
 * option (sent in {@code options}) or a known top-level request field ({@code think},
 * {@code format}, {@code keep_alive}, {@code tools}). Extras that restate a common parameter,
 * options removed from Ollama in 2025, values of the wrong JSON type (which Ollama answers with
 * HTTP 500) and the common parameters Ollama has no equivalent for are refused too.
 */
final class OllamaOptions {

    /** The JSON type an option's value must have. */
    private enum Type { INTEGER, NUMBER, BOOLEAN }

    /** Options a config may set as extras, sent inside {@code options}, with the type Ollama decodes. */
    private static final Map<String, Type> OPTIONS = new LinkedHashMap<>();
    /** Ollama option names that are bench4j common parameters, with the common parameter's name. */
    private static final Map<String, String> COMMON = new LinkedHashMap<>();
    /** Options older builds took and current builds ignore (logging "invalid option provided"). */
    private static final Set<String> REMOVED = Set.of("mirostat", "mirostat_tau", "mirostat_eta", "tfs_z",
            "penalize_newline", "numa", "low_vram", "f16_kv", "logits_all", "vocab_only", "use_mlock");
    /** Fields of the request itself that a config may set as extras. */
    static final List<String> TOP_LEVEL = List.of("think", "format", "keep_alive", "tools");
    private static final Set<String> THINK_LEVELS = Set.of("low", "medium", "high");

    static {
        OPTIONS.put("num_ctx", Type.INTEGER);
        OPTIONS.put("num_keep", Type.INTEGER);
        OPTIONS.put("repeat_penalty", Type.NUMBER);
        OPTIONS.put("repeat_last_n", Type.INTEGER);
        OPTIONS.put("min_p", Type.NUMBER);
        OPTIONS.put("typical_p", Type.NUMBER);
        OPTIONS.put("num_batch", Type.INTEGER);
        OPTIONS.put("num_gpu", Type.INTEGER);
        OPTIONS.put("main_gpu", Type.INTEGER);
        OPTIONS.put("num_thread", Type.INTEGER);
        OPTIONS.put("use_mmap", Type.BOOLEAN);
        OPTIONS.put("draft_num_predict", Type.INTEGER);
        COMMON.put("temperature", "temperature");
        COMMON.put("top_p", "top_p");
        COMMON.put("top_k", "top_k");
        COMMON.put("num_predict", "max_output_tokens");
        COMMON.put("seed", "seed");
        COMMON.put("stop", "stop");
        COMMON.put("frequency_penalty", "frequency_penalty");
        COMMON.put("presence_penalty", "presence_penalty");
    }

    private OllamaOptions() {
    }

    /**
     * Returns whether an extra goes into the request's {@code options} object.
     *
     * @param name the extra's name
     * @return true for a known Ollama option that is not a common parameter
     */
    static boolean isOption(String name) {
        return OPTIONS.containsKey(name);
    }

    /**
     * Lists what an Ollama config asks for that bench4j will not send.
     *
     * @param config the config
     * @return one message per problem, each naming the model and the parameter; empty when all is well
     */
    static List<String> refused(ModelConfig config) {
        List<String> problems = new ArrayList<>();
        String who = "model '" + config.id() + "' (ollama " + config.model() + ")";
        Parameters p = config.parameters();
        if (p.reasoningEffort().isPresent()) {
            problems.add(who + ": Ollama has no reasoning_effort; use param think=true (or \"low\", \"medium\", \"high\""
                    + " for gpt-oss models), or think=false to turn thinking off");
        }
        if (p.verbosity().isPresent()) {
            problems.add(who + ": Ollama has no verbosity; remove it");
        }
        Map<String, Object> set = p.asMap();
        config.extras().forEach((name, value) -> {
            String problem = problem(name, value, set);
            if (problem != null) {
                problems.add(who + ": " + problem);
            }
        });
        return problems;
    }

    private static String problem(String name, Object value, Map<String, Object> common) {
        if (OPTIONS.containsKey(name)) {
            return typeProblem(name, value, OPTIONS.get(name));
        }
        if (TOP_LEVEL.contains(name)) {
            return topLevelProblem(name, value);
        }
        if (COMMON.containsKey(name)) {
            String mine = COMMON.get(name);
            return common.containsKey(mine)
                    ? "param '" + name + "' duplicates " + mine + ", which is also set; keep only " + mine
                    : "param '" + name + "' is the common parameter " + mine + "; set " + mine + " instead";
        }
        if (REMOVED.contains(name)) {
            return "param '" + name + "' was removed from Ollama in 2025 and current servers ignore it silently; remove it";
        }
        switch (name) {
            case "model":
            case "messages":
                return "param '" + name + "' is set by bench4j; remove it";
            case "stream":
                return "param 'stream' is set by bench4j; use the config's stream setting";
            case "options":
                return "param 'options' is not needed; give each Ollama option as its own param (e.g. num_ctx)";
            default:
                return "param '" + name + "' is not an Ollama option or request field (Ollama would ignore it silently);"
                        + " nearest valid names: " + String.join(", ", nearest(name, 3));
        }
    }

    private static String typeProblem(String name, Object value, Type type) {
        boolean ok;
        String what;
        switch (type) {
            case INTEGER:
                ok = isInteger(value);
                what = "a whole number";
                break;
            case NUMBER:
                ok = value instanceof Number;
                what = "a number";
                break;
            default:
                ok = value instanceof Boolean;
                what = "true or false";
                break;
        }
        return ok ? null : "Ollama option '" + name + "' must be " + what + " but was " + describe(value);
    }

    private static String topLevelProblem(String name, Object value) {
        switch (name) {
            case "think":
                if (value instanceof Boolean || value instanceof String s && THINK_LEVELS.contains(s)) {
                    return null;
                }
                return "param 'think' must be true, false, or \"low\", \"medium\", \"high\" (gpt-oss models) but was "
                        + describe(value);
            case "format":
                return "json".equals(value) || value instanceof Map ? null
                        : "param 'format' must be \"json\" or a JSON schema object but was " + describe(value);
            case "keep_alive":
                return value instanceof String || value instanceof Number ? null
                        : "param 'keep_alive' must be a duration such as \"5m\" or a number of seconds but was "
                        + describe(value);
            default:
                return value instanceof List ? null : "param 'tools' must be a list of tools but was " + describe(value);
        }
    }

    private static boolean isInteger(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            return true;
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0;
        }
        return value instanceof Double d && d == Math.rint(d);
    }

    private static String describe(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    /** The valid names closest to a wrong one: options, request fields and common parameters. */
    private static List<String> nearest(String wrong, int count) {
        Set<String> known = new LinkedHashSet<>(OPTIONS.keySet());
        known.addAll(TOP_LEVEL);
        known.addAll(COMMON.values());
        return Names.nearest(wrong, known, count);
    }
}
