package dev.bench4j.scoring.internal;

import dev.bench4j.core.spi.ScoreRequest;

/** Reads a trial's expected value for the text scorers. */
final class Expected {

    /** The item number that stands for the expected value as a whole in {@link #what(ScoreRequest, int)}. */
    static final int WHOLE = -1;

    private Expected() {
    }

    /** Returns the trial's expected value, or throws {@link Unscorable} if it has none. */
    static Object of(ScoreRequest request) {
        return request.trial().expected()
                .orElseThrow(() -> new Unscorable(trial(request) + " has no expected value"));
    }

    /** Names the trial for messages: {@code "trial 't1'"}. */
    static String trial(ScoreRequest request) {
        return "trial '" + request.trial().id() + "'";
    }

    /**
     * Names an expected text for messages: {@code "trial 't1' expected value"} for {@link #WHOLE},
     * else {@code "trial 't1' expected item 0"}, .... Built only when a message needs it.
     */
    static String what(ScoreRequest request, int item) {
        return trial(request) + (item == WHOLE ? " expected value" : " expected item " + item);
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

    /** As {@link #scalarText(Object, String)}, naming the text with {@link #what(ScoreRequest, int)} only on error. */
    static String scalarText(Object value, ScoreRequest request, int item) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Json.text(value);
        }
        return scalarText(value, what(request, item));
    }
}
