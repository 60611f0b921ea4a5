package dev.bench4j.core.internal.run;

import dev.bench4j.core.CellGrid;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Parameters;
import dev.bench4j.core.Result;
import dev.bench4j.core.RunWarning;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The run's health checks: looks at every result as it arrives and, at the end, says what looks
 * silently wrong (see {@link RunWarning} for the codes and their rules). Run thread only.
 *
 * <p>Cheap and bounded whatever the run's size: no output text is kept, only a 64-bit hash of each
 * output and counters. Per configuration it keeps a bit per trial, an order-independent fingerprint
 * of its (cell, output) pairs (two configurations answered identically in every cell when their
 * fingerprints and counts are equal), and, for a configuration with a temperature above 0 in a plan
 * with repetitions, a hash and a count per (prompt, trial).
 */
final class RunHealth {

    /** The fewest distinct trials over which equal outputs are worth a warning. */
    static final int MIN_TRIALS = 3;
    /** The fewest outputs in trials with repetitions over which identical repetitions are worth a warning. */
    static final int MIN_REPEATED_OUTPUTS = 3;

    private static final int PREVIEW_CHARS = 40;

    /** Provider extras that only change sampling (llama.cpp, vLLM, Ollama names). */
    private static final Set<String> SAMPLING_EXTRAS = Set.of("min_p", "typical_p", "repetition_penalty",
            "repeat_penalty", "repeat_last_n", "tfs_z", "mirostat", "mirostat_eta", "mirostat_tau", "top_a",
            "top_n_sigma", "dry_multiplier", "xtc_probability", "xtc_threshold", "random_seed");

    private final int prompts;
    private final int trials;
    private final int repetitions;
    private final Config[] configs;

    /** What one model configuration's results showed so far. */
    private static final class Config {
        final ModelConfig model;
        final List<String> stops;
        long answered;          // finish reason other than error
        long length;            // of those, finish reason length
        long succeeded;
        long empty;
        long firstHash;
        boolean sameText = true;
        String firstPreview = "";
        final BitSet okTrials = new BitSet();
        long fingerprint;       // sum of mix(cell, output) over successful cells
        long stopHits;
        String stopSeen;
        String stopTrial;
        long named;             // answers naming a model
        long mismatched;
        String otherModel;
        String lastNamed;       // the last name seen and whether it matched, so a run of equal names costs no string work
        boolean lastNamedSame;
        long[] repHash;         // by prompt * trials + trial, when repetitions of a sampled config are checked
        int[] repCount;
        BitSet repDiffers;

        Config(ModelConfig model) {
            this.model = model;
            this.stops = model.parameters().stop();
        }
    }

    /**
     * Starts the checks of a run.
     *
     * @param models the plan's model configurations, in plan order
     * @param prompts how many prompts the plan has
     * @param trials how many trials
     * @param repetitions how many repetitions of each cell
     * @throws IllegalArgumentException if a count is below 1, or the repetitions of a sampled
     *     configuration are too many (prompts × trials above {@link Integer#MAX_VALUE}) to track
     */
    RunHealth(List<ModelConfig> models, int prompts, int trials, int repetitions) {
        if (prompts < 1 || trials < 1 || repetitions < 1) {
            throw new IllegalArgumentException("prompts, trials and repetitions must be >= 1 but were " + prompts
                    + ", " + trials + " and " + repetitions);
        }
        this.prompts = prompts;
        this.trials = trials;
        this.repetitions = repetitions;
        this.configs = new Config[models.size()];
        long slots = (long) prompts * trials;
        for (int i = 0; i < configs.length; i++) {
            Config c = new Config(models.get(i));
            if (repetitions >= 2 && temperatureAboveZero(c.model)) {
                if (slots > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("too many prompts x trials (" + slots + ") to check repetitions");
                }
                c.repHash = new long[(int) slots];
                c.repCount = new int[(int) slots];
                c.repDiffers = new BitSet();
            }
            configs[i] = c;
        }
    }

    /**
     * Starts the checks of a run of these settings.
     *
     * @param settings the run's settings
     * @return the checks
     */
    static RunHealth of(RunSettings settings) {
        return new RunHealth(settings.models(), settings.prompts().size(), settings.trials().size(),
                settings.repetitions());
    }

    /**
     * Looks at one finished cell's result (a stored one too, when a run is resumed).
     *
     * @param r the result
     * @param at the cell's place in the grid
     */
    void add(Result r, CellGrid.Position at) {
        Config c = configs[at.model()];
        if (r.finishReason() != FinishReason.ERROR) {
            c.answered++;
            if (r.finishReason() == FinishReason.LENGTH) {
                c.length++;
            }
        }
        if (!r.succeeded()) {
            return;
        }
        String out = r.output();
        long h = hash(out);
        c.succeeded++;
        if (out.isEmpty()) {
            c.empty++;
        }
        if (c.succeeded == 1) {
            c.firstHash = h;
            c.firstPreview = preview(out);
        } else if (h != c.firstHash) {
            c.sameText = false;
        }
        c.okTrials.set(at.trial());
        long cell = ((long) at.prompt() * trials + at.trial()) * repetitions + at.repetition();
        c.fingerprint += mix(mix(cell) ^ h);
        for (String stop : c.stops) {
            if (out.contains(stop)) {
                if (c.stopHits++ == 0) {
                    c.stopSeen = stop;
                    c.stopTrial = r.cell().trial();
                }
                break;
            }
        }
        if (r.modelVersion().isPresent()) {
            c.named++;
            String answered = r.modelVersion().get();
            if (!answered.equals(c.lastNamed)) {
                c.lastNamed = answered;
                c.lastNamedSame = sameModel(c.model.model(), answered);
            }
            if (!c.lastNamedSame && c.mismatched++ == 0) {
                c.otherModel = answered;
            }
        }
        if (c.repHash != null) {
            int slot = at.prompt() * trials + at.trial();
            if (c.repCount[slot] == 0) {
                c.repHash[slot] = h;
            } else if (c.repHash[slot] != h) {
                c.repDiffers.set(slot);
            }
            c.repCount[slot]++;
        }
    }

    /**
     * Returns what the results seen so far show: configurations that answered identically although
     * their sampling differs first, then each configuration's own warnings in plan order.
     *
     * @return the warnings, empty when none
     */
    List<RunWarning> warnings() {
        List<RunWarning> out = new ArrayList<>(samplingIgnored());
        for (Config c : configs) {
            String id = c.model.id();
            List<String> ids = List.of(id);
            if (c.mismatched > 0) {
                out.add(warning(RunWarning.MODEL_MISMATCH, "config " + id + " asked for model "
                        + quote(c.model.model()) + " but " + c.mismatched + " of " + c.named
                        + " answers named another model, e.g. " + quote(c.otherModel), ids, c.mismatched, c.named));
            }
            boolean allEmpty = c.succeeded > 0 && c.empty == c.succeeded;
            identicalRepetitions(c, allEmpty).ifPresent(out::add);
            if (c.stopHits > 0) {
                out.add(warning(RunWarning.STOP_SEQUENCE_IN_OUTPUT, "config " + id + ": " + c.stopHits + " of "
                        + c.succeeded + " outputs contain a configured stop sequence (" + quote(c.stopSeen) + " in trial "
                        + c.stopTrial + "); the server may ignore stop sequences", ids, c.stopHits, c.succeeded));
            }
            if (c.answered > 0 && c.length * 2 > c.answered) {
                out.add(warning(RunWarning.LENGTH_FINISH, "config " + id + ": " + c.length + " of " + c.answered
                        + " answers ended with finish reason length" + c.model.parameters().maxOutputTokens().stream()
                                .mapToObj(n -> " (max_output_tokens " + n + ")").findFirst().orElse("")
                        + "; outputs are cut off", ids, c.length, c.answered));
            }
            if (allEmpty) {
                out.add(warning(RunWarning.EMPTY_OUTPUTS, "config " + id + ": all " + c.succeeded
                        + " successful outputs are empty", ids, c.empty, c.succeeded));
            } else if (c.sameText && c.succeeded > 0 && c.okTrials.cardinality() >= MIN_TRIALS) {
                out.add(warning(RunWarning.CONSTANT_OUTPUT, "config " + id + ": all " + c.succeeded
                        + " successful outputs over " + c.okTrials.cardinality() + " trials are the same text "
                        + quote(c.firstPreview), ids, c.succeeded, c.succeeded));
            }
        }
        return out;
    }

    private Optional<RunWarning> identicalRepetitions(Config c, boolean allEmpty) {
        if (c.repHash == null || allEmpty) {
            return Optional.empty();
        }
        long groups = 0;
        long identical = 0;
        long outputs = 0;
        for (int slot = 0; slot < c.repCount.length; slot++) {
            if (c.repCount[slot] >= 2) {
                groups++;
                outputs += c.repCount[slot];
                if (!c.repDiffers.get(slot)) {
                    identical++;
                }
            }
        }
        if (groups == 0 || identical < groups || outputs < MIN_REPEATED_OUTPUTS) {
            return Optional.empty();
        }
        String id = c.model.id();
        return Optional.of(warning(RunWarning.IDENTICAL_REPETITIONS, "config " + id + " (temperature "
                + number(c.model.parameters().temperature().getAsDouble()) + "): the repetitions of every trial were "
                + "identical (" + groups + (prompts > 1 ? " prompt-trial pairs, " : groups == 1 ? " trial, " : " trials, ")
                + outputs + " outputs); the server may ignore temperature", List.of(id), identical, groups));
    }

    /** Makes a warning whose message is one line even when an id in it (a trial's, say) has a line break. */
    private static RunWarning warning(String code, String message, List<String> models, long count, long total) {
        return RunWarning.of(code, message.replace("\r", "\\r").replace("\n", "\\n"), models, count, total);
    }

    /** Groups configurations that differ only in sampling and answered identically in every cell. */
    private List<RunWarning> samplingIgnored() {
        Map<List<Object>, List<Config>> groups = new LinkedHashMap<>();
        for (Config c : configs) {
            boolean allEmpty = c.empty == c.succeeded;
            if (c.succeeded == 0 || allEmpty || c.sameText) {
                continue;   // nothing compared, or the empty/constant warning says more
            }
            groups.computeIfAbsent(List.of(base(c.model), c.fingerprint, c.succeeded), k -> new ArrayList<>()).add(c);
        }
        List<RunWarning> out = new ArrayList<>();
        for (List<Config> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            Set<Map<String, Object>> samplings = new LinkedHashSet<>();
            group.forEach(c -> samplings.add(sampling(c.model)));
            boolean anySamples = group.stream().anyMatch(c -> c.model.parameters().temperature().isEmpty()
                    || c.model.parameters().temperature().getAsDouble() > 0);
            int trialsCompared = group.stream().mapToInt(c -> c.okTrials.cardinality()).min().orElse(0);
            if (samplings.size() < 2 || !anySamples || trialsCompared < MIN_TRIALS) {
                continue;
            }
            Set<String> differing = new TreeSet<>();
            for (Map<String, Object> s : samplings) {
                differing.addAll(s.keySet());
            }
            differing.removeIf(name -> samplings.stream().map(s -> s.get(name)).distinct().count() == 1);
            List<String> ids = group.stream().map(c -> c.model.id()).toList();
            long cells = group.get(0).succeeded;
            out.add(warning(RunWarning.SAMPLING_IGNORED, "configs " + String.join(", ", ids)
                    + " differ only in sampling parameters (" + String.join(", ", differing)
                    + ") but gave identical outputs in all " + cells + " cells (" + trialsCompared
                    + " trials); the server may ignore sampling parameters", ids, cells, cells));
        }
        return out;
    }

    /** What a configuration is apart from its sampling: two with equal bases differ only in sampling. */
    private static List<Object> base(ModelConfig m) {
        Parameters p = m.parameters();
        Map<String, Object> extras = new TreeMap<>(m.extras());
        extras.keySet().removeAll(SAMPLING_EXTRAS);
        return List.of(m.provider(), m.model(), m.endpoint().baseUrl(), p.maxOutputTokens(), p.stop(),
                p.reasoningEffort(), p.verbosity(), extras);
    }

    /** A configuration's sampling parameters by their snake_case names; unset ones are absent. */
    private static Map<String, Object> sampling(ModelConfig m) {
        Map<String, Object> s = new TreeMap<>();
        Parameters p = m.parameters();
        p.temperature().ifPresent(v -> s.put("temperature", v));
        p.topP().ifPresent(v -> s.put("top_p", v));
        p.topK().ifPresent(v -> s.put("top_k", v));
        p.seed().ifPresent(v -> s.put("seed", v));
        p.frequencyPenalty().ifPresent(v -> s.put("frequency_penalty", v));
        p.presencePenalty().ifPresent(v -> s.put("presence_penalty", v));
        m.extras().forEach((k, v) -> {
            if (SAMPLING_EXTRAS.contains(k)) {
                s.put(k, v);
            }
        });
        return s;
    }

    private static boolean temperatureAboveZero(ModelConfig m) {
        return m.parameters().temperature().isPresent() && m.parameters().temperature().getAsDouble() > 0;
    }

    /**
     * Tells whether the model a response names is the one asked for: its name starts with the
     * requested one, ignoring case (a dated snapshot or a tag of it); a request for {@code X-latest}
     * or {@code X:latest} accepts any name starting with {@code X}; a leading {@code models/} is
     * ignored on both.
     *
     * @param requested the configured model name
     * @param answered the name the response gave
     * @return whether they are the same model
     */
    static boolean sameModel(String requested, String answered) {
        String want = strip(requested);
        String got = strip(answered);
        if (got.startsWith(want)) {
            return true;
        }
        for (String alias : List.of("-latest", ":latest")) {
            if (want.endsWith(alias) && got.startsWith(want.substring(0, want.length() - alias.length()))) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String model) {
        String m = model.trim().toLowerCase(Locale.ROOT);
        return m.startsWith("models/") ? m.substring("models/".length()) : m;
    }

    /** FNV-1a over the UTF-16 units, finished by a mix. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h ^ s.length());
    }

    /** The SplitMix64 finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The first characters of an output, for a message. */
    private static String preview(String s) {
        return s.codePointCount(0, s.length()) <= PREVIEW_CHARS ? s
                : s.substring(0, s.offsetByCodePoints(0, PREVIEW_CHARS)) + "…";
    }

    /** Quotes text for a one-line message, escaping line breaks and other control characters. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
