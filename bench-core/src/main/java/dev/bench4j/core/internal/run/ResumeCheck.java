package dev.bench4j.core.internal.run;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanSnapshot;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.json.JsonValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Says how a plan differs from the plan a stored run was started with, in the parts that decide
 * what its cells ask: prompts, models (provider, model, parameters, extras, base URL, streaming),
 * trials, repetitions, scorers and the models scorers call. Concurrency, timeouts, rate limits and keys may change.
 */
final class ResumeCheck {

    private ResumeCheck() {
    }

    static List<String> differences(PlanSnapshot stored, PlanSnapshot now) {
        List<String> out = new ArrayList<>();
        Map<String, Prompt> storedPrompts = byName(stored.prompts(), Prompt::name);
        Map<String, Prompt> nowPrompts = byName(now.prompts(), Prompt::name);
        if (!storedPrompts.keySet().equals(nowPrompts.keySet())) {
            out.add("its prompts were " + storedPrompts.keySet() + " and are now " + nowPrompts.keySet());
        } else {
            storedPrompts.forEach((name, p) -> {
                if (!p.messages().equals(nowPrompts.get(name).messages())) {
                    out.add("the messages of prompt '" + name + "' changed");
                }
            });
        }
        models(stored.models(), now.models(), "models", "model", out);
        if (stored.trialCount() != now.trialCount() || !stored.trialsFingerprint().equals(now.trialsFingerprint())) {
            out.add("its trials changed (" + stored.trialCount() + " trials then, " + now.trialCount()
                    + " now, with " + (stored.trialsFingerprint().equals(now.trialsFingerprint()) ? "the same" : "different")
                    + " content)");
        }
        if (stored.repetitions() != now.repetitions()) {
            out.add("it had " + stored.repetitions() + " repetitions and the plan has " + now.repetitions());
        }
        if (!stored.scorers().equals(now.scorers())) {
            out.add("its scorers were " + stored.scorers() + " and are now " + now.scorers());
        }
        models(stored.scorerModels(), now.scorerModels(), "scorers' models (judges)", "judge", out);
        for (String scorer : now.scorers()) {
            if (!stored.scorerSettings().containsKey(scorer)) {
                continue;   // stored before this scorer reported settings: nothing to compare against
            }
            Map<String, Object> before = stored.scorerSettings().get(scorer);
            Map<String, Object> after = now.scorerSettings().getOrDefault(scorer, Map.of());
            // compared as canonical JSON text (keys sorted at every level): a stored 1 reads back as an
            // Integer where the scorer gave a Long, and a map's key order may differ between JVMs
            Set<String> keys = new TreeSet<>(before.keySet());
            keys.addAll(after.keySet());
            keys.removeIf(k -> json(before.get(k)).equals(json(after.get(k))));
            if (!keys.isEmpty()) {
                out.add("scorer '" + scorer + "' changed its " + String.join(", ", keys));
            }
        }
        return out;
    }

    private static void models(List<ModelConfig> stored, List<ModelConfig> now, String what, String one,
            List<String> out) {
        Map<String, ModelConfig> storedModels = byName(stored, ModelConfig::id);
        Map<String, ModelConfig> nowModels = byName(now, ModelConfig::id);
        if (!storedModels.keySet().equals(nowModels.keySet())) {
            out.add("its " + what + " were " + storedModels.keySet() + " and are now " + nowModels.keySet());
        } else {
            storedModels.forEach((id, m) -> {
                String changed = changed(m, nowModels.get(id));
                if (!changed.isEmpty()) {
                    out.add(one + " '" + id + "' changed its " + changed);
                }
            });
        }
    }

    private static String json(Object value) {
        return value == null ? "" : JsonValues.toCanonicalJson(value);
    }

    private static String changed(ModelConfig a, ModelConfig b) {
        List<String> parts = new ArrayList<>();
        if (!a.provider().equals(b.provider())) {
            parts.add("provider");
        }
        if (!a.model().equals(b.model())) {
            parts.add("model");
        }
        if (!a.parameters().equals(b.parameters())) {
            parts.add("parameters");
        }
        if (!a.extras().equals(b.extras())) {
            parts.add("params");
        }
        if (!a.endpoint().baseUrl().equals(b.endpoint().baseUrl())) {
            parts.add("base_url");
        }
        if (a.endpoint().stream() != b.endpoint().stream()) {
            parts.add("stream");
        }
        return String.join(", ", parts);
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity(), (x, y) -> x,
                LinkedHashMap::new));
    }
}
