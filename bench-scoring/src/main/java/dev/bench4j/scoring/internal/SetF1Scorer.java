package dev.bench4j.scoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.SetF1Options;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Precision, recall and F1 of the set of items in the output against the set of gold items, with
 * scikit-learn's {@code zero_division} semantics (1.3 and later: F1 is computed from the counts, so
 * it is {@code zero_division} only when there are neither predictions nor gold items).
 */
record SetF1Scorer(String name, SetF1Options options) implements Scorer {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    /** A leading list bullet: {@code -}, {@code *}, {@code +}, {@code •}, {@code 1.} or {@code 1)}, then whitespace. */
    private static final Pattern BULLET = Pattern.compile("\\A\\s*(?:[-*+\u2022]|\\d{1,3}[.)])(?:\\s+|\\z)",
            Pattern.UNICODE_CHARACTER_CLASS);

    SetF1Scorer {
        Names.check(name);
        Objects.requireNonNull(options, "options");
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
            JsonNode array = arrayAt(Json.parseOutput(output), pointer, "output");
            addItems(items, array, "output item ", atPointer(pointer));
        } else {
            for (String line : LINE_BREAK.split(Json.unfence(output), -1)) {
                add(items, BULLET.matcher(line).replaceFirst(""));
            }
        }
        return items;
    }

    private Set<String> gold(ScoreRequest request) {
        JsonNode expected = Json.tree(Expected.of(request));
        String trial = "trial '" + request.trial().id() + "'";
        Optional<String> pointer = options.expectedPointer().isPresent() ? options.expectedPointer()
                : expected.isArray() ? Optional.empty() : options.pointer();
        Set<String> items = new LinkedHashSet<>();
        if (pointer.isEmpty()) {
            if (!expected.isArray()) {
                throw new Unscorable(trial + " expected value is " + Json.kind(expected)
                        + "; set_f1 needs an array, or a pointer to one");
            }
            addItems(items, expected, trial + " expected item ", "");
        } else {
            JsonNode array = arrayAt(expected, pointer.get(), trial + " expected value");
            addItems(items, array, trial + " expected item ", atPointer(pointer.get()));
        }
        return items;
    }

    private static JsonNode arrayAt(JsonNode root, String pointer, String subject) {
        JsonNode node = root.at(pointer);
        if (node.isMissingNode()) {
            throw new Unscorable(subject + " has nothing" + atPointer(pointer));
        }
        if (!node.isArray()) {
            throw new Unscorable(subject + atPointer(pointer) + " is " + Json.kind(node) + ", not an array");
        }
        return node;
    }

    private static String atPointer(String pointer) {
        return " at pointer \"" + pointer + "\"";
    }

    private void addItems(Set<String> items, JsonNode array, String itemPrefix, String itemSuffix) {
        for (int i = 0; i < array.size(); i++) {
            add(items, text(array.get(i), itemPrefix + i + itemSuffix));
        }
    }

    private String text(JsonNode item, String what) {
        if (item.isTextual()) {
            return item.textValue();
        }
        if (item.isNumber() || item.isBoolean()) {
            return item.asText();
        }
        if (item.isObject()) {
            if (options.field().isEmpty()) {
                throw new Unscorable(what + " is an object; set a field to take its text from");
            }
            String field = options.field().get();
            JsonNode value = item.get(field);
            if (value != null && (value.isTextual() || value.isNumber() || value.isBoolean())) {
                return value.asText();
            }
            throw new Unscorable(what + " has no field \"" + field + "\" with a string, number or boolean value");
        }
        throw new Unscorable(what + " is " + Json.kind(item) + ", not a string, number, boolean or object");
    }

    private void add(Set<String> items, String raw) {
        String item = options.normalization().apply(raw);
        if (!item.isBlank()) {
            items.add(item);
        }
    }
}
