package dev.bench4j.scoring.internal;

import dev.bench4j.core.spi.ScoreRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a trial's expected value for the text scorers. */
final class Expected {

    private Expected() {
    }

    /** Returns the trial's expected value, or throws {@link Unscorable} if it has none. */
    static Object of(ScoreRequest request) {
        return request.trial().expected()
                .orElseThrow(() -> new Unscorable("trial '" + request.trial().id() + "' has no expected value"));
    }

    /** Returns a string as it is and a number or boolean as its JSON text; anything else is unscorable. */
    static String scalarText(Object value, String what) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Json.text(value);
        }
        throw new Unscorable(what + " must be a string, number or boolean but is " + Json.kind(value));
    }

    /**
     * Returns the texts of an expected value, each keyed by what it is for messages: one for a
     * string, number or boolean ({@code "trial 't1' expected value"}), one per item of a non-empty
     * array ({@code "trial 't1' expected item 0"}, ...).
     */
    static Map<String, String> texts(ScoreRequest request) {
        Object expected = of(request);
        String trial = "trial '" + request.trial().id() + "'";
        if (!(expected instanceof List<?> items)) {
            String what = trial + " expected value";
            return Map.of(what, scalarText(expected, what));
        }
        if (items.isEmpty()) {
            throw new Unscorable(trial + " expected value is an empty array, which has nothing to look for");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String what = trial + " expected item " + i;
            texts.put(what, scalarText(items.get(i), what));
        }
        return texts;
    }
}
