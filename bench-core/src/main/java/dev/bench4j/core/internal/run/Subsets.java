package dev.bench4j.core.internal.run;

import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Subset;
import dev.bench4j.core.Trial;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Applies a {@link Subset} to a plan's prompts, models and trials: the selected ones in plan order,
 * or an {@link InvalidPlanException} naming every selector that matches nothing and what exists.
 */
public final class Subsets {

    private static final int NAMES_SHOWN = 20;

    private Subsets() {
    }

    /**
     * The prompts, models and trials a subset selects, in plan order.
     *
     * @param prompts the selected prompts
     * @param models the selected model configs
     * @param trials the selected trials
     */
    public record Selected(List<Prompt> prompts, List<ModelConfig> models, List<Trial> trials) {
    }

    /**
     * Selects the part of a plan a subset names.
     *
     * @param plan the plan's name, for messages
     * @param subset the selectors
     * @param prompts the plan's prompts
     * @param models the plan's model configs
     * @param trials the plan's trials
     * @return the selected items, in plan order
     * @throws InvalidPlanException naming each selector that matches nothing, with the names that exist
     */
    public static Selected apply(String plan, Subset subset, List<Prompt> prompts, List<ModelConfig> models,
            List<Trial> trials) {
        if (subset.isAll()) {
            return new Selected(prompts, models, trials);
        }
        List<String> problems = new ArrayList<>();
        List<Prompt> ps = select(plan, "prompt", subset.prompts(), prompts, Prompt::name, problems);
        List<ModelConfig> ms = select(plan, "model", subset.models(), models, ModelConfig::id, problems);
        List<Trial> ts = select(plan, "trial", subset.trials(), trials, Trial::id, problems);
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        if (subset.firstTrials().isPresent() && subset.firstTrials().getAsInt() < ts.size()) {
            ts = ts.subList(0, subset.firstTrials().getAsInt());
        }
        if (subset.sample().isPresent()) {
            ts = sample(ts, subset.sample().get().trials(), subset.sample().get().seed());
        }
        return new Selected(List.copyOf(ps), List.copyOf(ms), List.copyOf(ts));
    }

    private static <T> List<T> select(String plan, String what, List<String> selectors, List<T> items,
            Function<T, String> name, List<String> problems) {
        if (selectors.isEmpty()) {
            return items;
        }
        BitSet chosen = new BitSet(items.size());
        for (String selector : selectors) {
            boolean any = false;
            for (int i = 0; i < items.size(); i++) {
                if (matches(selector, name.apply(items.get(i)))) {
                    chosen.set(i);
                    any = true;
                }
            }
            if (!any) {
                problems.add(what + " selector '" + selector + "' matches no " + what + " of plan '" + plan + "'; its "
                        + what + "s are: " + names(items, name));
            }
        }
        List<T> out = new ArrayList<>(chosen.cardinality());
        chosen.stream().forEach(i -> out.add(items.get(i)));
        return out;
    }

    private static <T> String names(List<T> items, Function<T, String> name) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(items.size(), NAMES_SHOWN); i++) {
            shown.add(name.apply(items.get(i)));
        }
        return String.join(", ", shown) + (items.size() > NAMES_SHOWN ? " … and " + (items.size() - NAMES_SHOWN)
                + " more" : "");
    }

    /**
     * Tells whether a name matches a selector: an exact name, or a glob where {@code *} stands for
     * any characters and {@code ?} for one.
     *
     * @param glob the selector
     * @param name the name
     * @return whether it matches
     */
    static boolean matches(String glob, String name) {
        int g = 0;
        int n = 0;
        int star = -1;
        int mark = 0;
        while (n < name.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == name.charAt(n))) {
                g++;
                n++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                mark = n;
            } else if (star >= 0) {
                g = star + 1;
                n = ++mark;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    /**
     * Keeps a seeded random sample of trials, in plan order: the positions are shuffled with
     * {@code java.util.Random(seed)} by Fisher–Yates from the last down ({@code swap(i, nextInt(i + 1))}),
     * and the first {@code n} kept.
     *
     * @param trials the trials to sample from
     * @param n how many to keep
     * @param seed the seed
     * @return the sample, in plan order; every trial when {@code n} is not below their count
     */
    static List<Trial> sample(List<Trial> trials, int n, long seed) {
        if (n >= trials.size()) {
            return trials;
        }
        int[] order = new int[trials.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        BitSet kept = new BitSet(trials.size());
        for (int i = 0; i < n; i++) {
            kept.set(order[i]);
        }
        List<Trial> out = new ArrayList<>(n);
        kept.stream().forEach(i -> out.add(trials.get(i)));
        return out;
    }
}
