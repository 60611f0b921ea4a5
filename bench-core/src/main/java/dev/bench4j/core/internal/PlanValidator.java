package dev.bench4j.core.internal;

import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Trial;
import dev.bench4j.core.json.JsonValues;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.Names;
import dev.bench4j.core.spi.Scorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Checks a whole plan before anything is called, collecting every problem into one exception. */
public final class PlanValidator {

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
        for (Prompt p : prompts) {
            if (p.messages().isEmpty()) {
                problems.add("Prompt '" + p.name() + "' has no messages; add one with .user(\"...\")");
            }
        }
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
        return Map.copyOf(factories);
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
