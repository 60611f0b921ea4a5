package dev.bench4j.scoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.SetF1Options;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Precision, recall and F1 of the set of items in the output against the set of gold items, with
 * scikit-learn's {@code zero_division} semantics (1.3 and later: F1 is computed from the counts, so
 * it is {@code zero_division} only when there are neither predictions nor gold items). A value class
 * over {@code name} and {@code options} (a class rather than a record only to hold the normalized gold
 * items, which are remembered across cells).
 */
final class SetF1Scorer implements Scorer {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    /** A leading list bullet: {@code -}, {@code *}, {@code +}, {@code •}, {@code 1.} or {@code 1)}, then whitespace. */
    private static final Pattern BULLET = Pattern.compile("\\A\\s*(?:[-*+\u2022]|\\d{1,3}[.)])(?:\\s+|\\z)",
            Pattern.UNICODE_CHARACTER_CLASS);

    private final String name;
    private final SetF1Options options;
    private final NormalizedTexts goldTexts;
    private final UnaryOperator<String> normalize;

    SetF1Scorer(String name, SetF1Options options) {
        Names.check(name);
        this.name = name;
        this.options = Objects.requireNonNull(options, "options");
        this.goldTexts = new NormalizedTexts(options.normalization());
        this.normalize = options.normalization()::apply;
    }

    @Override
    public String name() {
        return name;
    }

    SetF1Options options() {
        return options;
    }

    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        Score score;
        try {
            Set<String> gold = gold(request);
            Set<String> predicted = predicted(request.output());
            score = f1(predicted, gold, options.zeroDivision());
        } catch (Unscorable e) {
            score = Score.error(e.getMessage());
        }
        return CompletableFuture.completedFuture(score);
    }

    @Override
    public Map<String, Object> settings() {
        return ScorerSettings.of("set_f1").normalization(options.normalization())
                .putIfPresent("pointer", options.pointer()).putIfPresent("expected_pointer", options.expectedPointer())
                .putIfPresent("field", options.field()).putNumber("zero_division", options.zeroDivision()).map();
    }

    /** Computes the score from two sets; a ratio with a zero denominator is {@code zeroDivision}. */
    static Score f1(Set<String> predicted, Set<String> gold, double zeroDivision) {
        int tp = 0;
        for (String item : predicted) {
            if (gold.contains(item)) {
                tp++;
            }
        }
        int fp = predicted.size() - tp;
        int fn = gold.size() - tp;
        double precision = ratio(tp, tp + fp, zeroDivision);
        double recall = ratio(tp, tp + fn, zeroDivision);
        double f1 = ratio(2.0 * tp, 2.0 * tp + fp + fn, zeroDivision);
        return Score.of(f1).withDetail("tp", tp).withDetail("fp", fp).withDetail("fn", fn)
                .withDetail("precision", precision).withDetail("recall", recall).withDetail("f1", f1);
    }

    private static double ratio(double numerator, double denominator, double zeroDivision) {
        return denominator == 0 ? zeroDivision : numerator / denominator;
    }

    private Set<String> predicted(String output) {
        Set<String> items = new LinkedHashSet<>();
        if (options.pointer().isPresent()) {
            String pointer = options.pointer().get();
            JsonNode array = arrayAt(Json.parseOutput(output), pointer, () -> "output");
            addItems(items, array, i -> "output item " + i + atPointer(pointer), normalize);
        } else {
            for (String line : LINE_BREAK.split(Json.unfence(output), -1)) {
                add(items, BULLET.matcher(line).replaceFirst(""), normalize);
            }
        }
        return items;
    }

    private Set<String> gold(ScoreRequest request) {
        Object value = Expected.of(request);
        Set<String> items = new LinkedHashSet<>();
        if (options.expectedPointer().isEmpty() && value instanceof List<?> list && allStrings(list)) {
            // What the tree below gives for an array of strings, without building the tree.
            for (Object item : list) {
                add(items, (String) item, goldTexts::apply);
            }
            return items;
        }
        JsonNode expected = Json.tree(value);
        Optional<String> pointer = options.expectedPointer().isPresent() ? options.expectedPointer()
                : expected.isArray() ? Optional.empty() : options.pointer();
        if (pointer.isEmpty()) {
            if (!expected.isArray()) {
                throw new Unscorable(Expected.trial(request) + " expected value is " + Json.kind(expected)
                        + "; set_f1 needs an array, or a pointer to one");
            }
            addItems(items, expected, i -> Expected.what(request, i), goldTexts::apply);
        } else {
            String at = atPointer(pointer.get());
            JsonNode array = arrayAt(expected, pointer.get(), () -> Expected.what(request, Expected.WHOLE));
            addItems(items, array, i -> Expected.what(request, i) + at, goldTexts::apply);
        }
        return items;
    }

    private static boolean allStrings(List<?> list) {
        for (Object item : list) {
            if (!(item instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /** The array at a pointer; {@code subject} names the root in messages, and is asked only for one. */
    private static JsonNode arrayAt(JsonNode root, String pointer, Supplier<String> subject) {
        JsonNode node = root.at(pointer);
        if (node.isMissingNode()) {
            throw new Unscorable(subject.get() + " has nothing" + atPointer(pointer));
        }
        if (!node.isArray()) {
            throw new Unscorable(subject.get() + atPointer(pointer) + " is " + Json.kind(node) + ", not an array");
        }
        return node;
    }

    private static String atPointer(String pointer) {
        return " at pointer \"" + pointer + "\"";
    }

    /** Adds an array's items; {@code what} names item {@code i} in messages, and is asked only for one. */
    private void addItems(Set<String> items, JsonNode array, IntFunction<String> what, UnaryOperator<String> normalize) {
        for (int i = 0; i < array.size(); i++) {
            add(items, text(array.get(i), what, i), normalize);
        }
    }

    private String text(JsonNode item, IntFunction<String> what, int i) {
        if (item.isTextual()) {
            return item.textValue();
        }
        if (item.isNumber() || item.isBoolean()) {
            return item.asText();
        }
        if (item.isObject()) {
            if (options.field().isEmpty()) {
                throw new Unscorable(what.apply(i) + " is an object; set a field to take its text from");
            }
            String field = options.field().get();
            JsonNode value = item.get(field);
            if (value != null && (value.isTextual() || value.isNumber() || value.isBoolean())) {
                return value.asText();
            }
            throw new Unscorable(what.apply(i) + " has no field \"" + field + "\" with a string, number or boolean value");
        }
        throw new Unscorable(what.apply(i) + " is " + Json.kind(item) + ", not a string, number, boolean or object");
    }

    private static void add(Set<String> items, String raw, UnaryOperator<String> normalize) {
        String item = normalize.apply(raw);
        if (!item.isBlank()) {
            items.add(item);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetF1Scorer f && name.equals(f.name) && options.equals(f.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, options);
    }

    @Override
    public String toString() {
        return "SetF1Scorer[name=" + name + ", options=" + options + "]";
    }
}
