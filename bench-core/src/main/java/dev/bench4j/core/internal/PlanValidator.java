package dev.bench4j.core.internal;

import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Trial;
import dev.bench4j.core.json.JsonValues;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.Names;
import dev.bench4j.core.spi.Scorer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks a whole plan before anything is called, collecting every problem into one exception. */
public final class PlanValidator {

    /**
     * The most cells (prompts × models × trials × repetitions) a plan may have: a hundred million,
     * far beyond any affordable run, low enough that a typo such as {@code repetitions: 2147483647}
     * is refused instead of starting a run of billions of calls.
     */
    public static final long MAX_CELLS = 100_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(PlanValidator.class);
    private static final char BACKSLASH = (char) 92;

    private PlanValidator() {
    }

    /**
     * Validates a plan.
     *
     * @param plan the plan's name
     * @param prompts the prompts
     * @param models the model configs
     * @param trials the trials
     * @param scorers the scorers
     * @param providerConcurrency per-provider limits
     * @param registry the installed providers
     * @param baseDirectory where relative paths resolve
     * @return the factory serving each model config, by config id
     * @throws InvalidPlanException listing every problem found
     */
    public static Map<String, ModelProviderFactory> validate(String plan, List<Prompt> prompts, List<ModelConfig> models,
            List<Trial> trials, List<Scorer> scorers, Map<String, Integer> providerConcurrency, ProviderRegistry registry,
            Path baseDirectory) {
        List<String> problems = new ArrayList<>();
        if (prompts.isEmpty()) {
            problems.add("Plan '" + plan + "' has no prompts; add one with .prompt(Prompt.named(\"v1\").user(\"...\"))");
        }
        if (models.isEmpty()) {
            problems.add("Plan '" + plan + "' has no models; add one with .model(ModelConfig.of(\"provider\", \"model\"))");
        }
        if (trials.isEmpty()) {
            problems.add("Plan '" + plan + "' has no trials; add them with .trials(Trials.fromJsonl(path)) or .trial(Trial.of(...))");
        }
        duplicates(prompts, Prompt::name, "prompt name", problems);
        duplicates(models, ModelConfig::id, "model id", problems);
        duplicates(trials, Trial::id, "trial id", problems);
        duplicates(scorers, Scorer::name, "scorer name", problems);
        partClashes(scorers, problems);
        for (Prompt p : prompts) {
            if (p.messages().isEmpty()) {
                problems.add("Prompt '" + p.name() + "' has no messages; add one with .user(\"...\")");
            }
        }
        problems.addAll(nameProblems(plan, prompts, models, trials));
        problems.addAll(placeholderProblems(prompts));
        checkVariables(prompts, trials, problems);
        Map<String, ModelProviderFactory> factories = new LinkedHashMap<>();
        for (ModelConfig m : models) {
            resolve(m, "", registry, baseDirectory, factories, problems);
        }
        Map<String, ModelConfig> candidates = new HashMap<>();
        models.forEach(m -> candidates.putIfAbsent(m.id(), m));
        Map<String, ModelConfig> judges = new LinkedHashMap<>();
        for (Scorer s : scorers) {
            List<ModelConfig> called;
            try {
                called = s.models();
            } catch (RuntimeException e) {
                problems.add("Scorer '" + s.name() + "' could not list the models it calls: " + e.getMessage());
                continue;
            }
            try {
                Map<String, Object> settings = s.settings();
                if (settings == null) {
                    problems.add("Scorer '" + s.name() + "' returned null from settings(); return Map.of() for none");
                } else {
                    JsonValues.immutableObject(settings, "setting");
                }
            } catch (RuntimeException e) {
                problems.add("Scorer '" + s.name() + "' has settings that cannot be kept with the run: " + e.getMessage());
            }
            if (called == null || called.stream().anyMatch(Objects::isNull)) {
                problems.add("Scorer '" + s.name() + "' returned " + (called == null ? "null" : "a null config")
                        + " from models(); return the configs it calls, or List.of() for none");
                continue;
            }
            for (ModelConfig m : called) {
                ModelConfig same = candidates.containsKey(m.id()) ? candidates.get(m.id()) : judges.get(m.id());
                if (same == null) {
                    judges.put(m.id(), m);
                    resolve(m, " of scorer '" + s.name() + "'", registry, baseDirectory, factories,
                            problems);
                } else if (!same.equals(m)) {
                    problems.add("Scorer '" + s.name() + "' calls model '" + m.id() + "', but the plan has a different "
                            + "config of that id; give one of them its own id with .withId(\"...\")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        warnings(prompts, trials).forEach(LOG::warn);
        return Map.copyOf(factories);
    }

    /**
     * Checks that a plan's cell count (prompts × models × trials × repetitions) is at most
     * {@link #MAX_CELLS}.
     *
     * @param plan the plan's name
     * @param prompts the number of prompts
     * @param models the number of model configs
     * @param trials the number of trials
     * @param repetitions the repetitions
     * @return the problem, or empty when the count is within the limit
     */
    public static Optional<String> cellProblem(String plan, long prompts, long models, long trials,
            long repetitions) {
        BigInteger cells = BigInteger.valueOf(prompts).multiply(BigInteger.valueOf(models))
                .multiply(BigInteger.valueOf(trials)).multiply(BigInteger.valueOf(repetitions));
        if (cells.compareTo(BigInteger.valueOf(MAX_CELLS)) <= 0) {
            return Optional.empty();
        }
        return Optional.of("Plan '" + escape(plan) + "' has " + prompts + " prompts × " + models + " models × " + trials
                + " trials × " + repetitions + " repetitions = " + cells + " cells, more than the limit of " + MAX_CELLS
                + "; lower the repetitions or split the plan");
    }

    /**
     * Checks a plan's cell count and throws if it is above {@link #MAX_CELLS}.
     *
     * @param plan the plan's name
     * @param prompts the number of prompts
     * @param models the number of model configs
     * @param trials the number of trials
     * @param repetitions the repetitions
     * @throws InvalidPlanException showing the product and the limit
     */
    public static void checkCells(String plan, long prompts, long models, long trials, long repetitions) {
        cellProblem(plan, prompts, models, trials, repetitions).ifPresent(p -> {
            throw new InvalidPlanException(p);
        });
    }

    /**
     * Finds text in the prompts that looks like a placeholder but is sent as written: single-brace
     * {@code {name}} (Python's {@code str.format}) and {@code {{...}}} whose inside is not a
     * variable name. One line per prompt; {@link #validate} logs each at WARN.
     *
     * @param prompts the prompts
     * @param trials the trials, whose variable names make a single-brace name certain
     * @return the warnings, one per prompt that has any; empty when there is none
     */
    public static List<String> warnings(List<Prompt> prompts, List<Trial> trials) {
        Set<String> vars = new HashSet<>();
        trials.forEach(t -> vars.addAll(t.vars().keySet()));
        List<String> out = new ArrayList<>();
        for (Prompt p : prompts) {
            List<String> spots = new ArrayList<>();
            for (int i = 0; i < p.messages().size(); i++) {
                Message m = p.messages().get(i);
                for (Template.Spot s : Template.lookalikePlaceholders(m.content(), vars)) {
                    spots.add("message " + (i + 1) + " " + s.describe());
                }
            }
            if (!spots.isEmpty()) {
                out.add("Prompt '" + escape(p.name()) + "' has text that looks like a placeholder but is sent as written: "
                        + String.join("; ", spots.subList(0, Math.min(5, spots.size())))
                        + (spots.size() > 5 ? "; and " + (spots.size() - 5) + " more" : ""));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Finds the broken placeholders ({@code {{text} without a closing {@code }}}, an empty
     * {@code {{}}}) of every prompt.
     *
     * @param prompts the prompts
     * @return one problem per broken placeholder, naming the prompt, message, text and position
     */
    public static List<String> placeholderProblems(List<Prompt> prompts) {
        List<String> out = new ArrayList<>();
        for (Prompt p : prompts) {
            for (int i = 0; i < p.messages().size(); i++) {
                for (Template.Spot s : Template.brokenPlaceholders(p.messages().get(i).content())) {
                    out.add("Prompt '" + escape(p.name()) + "' message " + (i + 1) + " has a broken placeholder "
                            + s.describe() + "; a placeholder is {{name}}");
                }
            }
        }
        return out;
    }

    /**
     * Finds control characters (tab, newline, escape, bell...) in the names and ids that end up in
     * file names, tables and logs: the plan's name, prompt names, model ids and names, trial ids.
     *
     * @param plan the plan's name
     * @param prompts the prompts
     * @param models the model configs
     * @param trials the trials
     * @return one problem per value, showing it escaped; empty when there is none
     */
    public static List<String> nameProblems(String plan, List<Prompt> prompts, List<ModelConfig> models,
            List<Trial> trials) {
        List<String> out = new ArrayList<>();
        controlChars("plan name", plan, out);
        prompts.forEach(p -> controlChars("prompt name", p.name(), out));
        for (ModelConfig m : models) {
            controlChars("model id", m.id(), out);
            controlChars("model name", m.model(), out);
            controlChars("provider name", m.provider(), out);
        }
        trials.forEach(t -> controlChars("trial id", t.id(), out));
        return out;
    }

    private static void controlChars(String what, String value, List<String> out) {
        if (hasControl(value)) {
            out.add("The " + what + " '" + escape(value) + "' has a control character; use printable characters "
                    + "(it is used in file names, tables and logs)");
        }
    }

    private static boolean hasControl(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (isControl(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * Shows a value with its control characters escaped as a backslash, {@code u} and four hex digits, for a message.
     *
     * @param s the value
     * @return the value, printable
     */
    public static String escape(String s) {
        if (!hasControl(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (isControl(c)) {
                sb.append(String.format("%cu%04x", BACKSLASH, (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void resolve(ModelConfig m, String ofScorer, ProviderRegistry registry, Path baseDirectory,
            Map<String, ModelProviderFactory> factories, List<String> problems) {
        var factory = registry.find(m.provider());
        if (factory.isEmpty()) {
            String hint = Names.closest(m.provider(), registry.names()).map(s -> " Did you mean '" + s + "'?").orElse("");
            problems.add("No provider '" + m.provider() + "' for model '" + m.id() + "'" + ofScorer + ". Installed: "
                    + String.join(", ", registry.names()) + "." + hint);
            return;
        }
        try {
            factory.get().validate(m, baseDirectory);
            factories.put(m.id(), factory.get());
        } catch (IllegalArgumentException e) {
            problems.add("Model '" + m.id() + "' (provider " + m.provider() + ")" + ofScorer + ": " + e.getMessage());
        }
    }

    /** A scorer's part (a rubric criterion's score) must not take a name a scorer or another part has. */
    private static void partClashes(List<Scorer> scorers, List<String> problems) {
        Set<String> names = new HashSet<>();
        scorers.forEach(s -> names.add(s.name()));
        Set<String> parts = new HashSet<>();
        for (Scorer s : scorers) {
            for (String part : s.parts()) {
                if (names.contains(part) || !parts.add(part)) {
                    problems.add("Scorer '" + s.name() + "' gives a score named '" + part
                            + "', which another scorer or score already has; each score name must be unique in a plan");
                }
            }
        }
    }

    private static <T> void duplicates(List<T> items, Function<T, String> key, String what, List<String> problems) {
        Set<String> seen = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (T item : items) {
            String k = key.apply(item);
            if (!seen.add(k) && reported.add(k)) {
                problems.add("Duplicate " + what + " '" + k + "'; each " + what + " must be unique in a plan");
            }
        }
    }

    private static void checkVariables(List<Prompt> prompts, List<Trial> trials, List<String> problems) {
        for (Prompt p : prompts) {
            Set<String> needed = p.variables();
            if (needed.isEmpty()) {
                continue;
            }
            for (Trial t : trials) {
                for (String v : needed) {
                    if (!t.vars().containsKey(v)) {
                        problems.add("Prompt '" + p.name() + "' uses variable '" + v + "' but trial '" + t.id()
                                + "' has no such variable (it has: "
                                + (t.vars().isEmpty() ? "none" : String.join(", ", t.vars().keySet())) + ")");
                    }
                }
            }
        }
    }
}
