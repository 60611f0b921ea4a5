package dev.bench4j.scoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Score;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a judge's verdict: a JSON object {@code {"score": 4, "reason": "..."}} (possibly in a fenced
 * block, or the one object in a text with prose around it), or a bare number such as {@code 4},
 * {@code 4.5} or {@code 4/5}. The score must lie on the declared scale and is normalized to 0..1.
 */
public final class JudgeVerdicts {

    /** A bare number, optionally over the scale's maximum ({@code 4/5}) and ending with a period. */
    private static final Pattern BARE = Pattern.compile(
            "\\A\\s*([-+]?\\d+(?:\\.\\d+)?)\\s*(?:/\\s*([-+]?\\d+(?:\\.\\d+)?))?\\s*\\.?\\s*\\z");

    private static final int SHOWN_CHARS = 200;

    private final double min;
    private final double max;

    /**
     * Creates a reader for a scale.
     *
     * @param min the worst score
     * @param max the best score, above {@code min}
     * @throws IllegalArgumentException if the bounds are not finite or {@code max <= min}
     */
    public JudgeVerdicts(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max <= min) {
            throw new IllegalArgumentException("judge scale must be finite numbers with min < max but was "
                    + min + ".." + max);
        }
        this.min = min;
        this.max = max;
    }

    /**
     * Reads a verdict into a score: the value normalized to 0..1, the judge's reason, and the raw
     * score as detail {@code judge_score}; or a scoring error that quotes the verdict.
     *
     * @param verdict the judge's text
     * @return the score
     */
    public Score read(String verdict) {
        String text = Json.unfence(verdict).strip();
        Optional<JsonNode> object = Json.parseQuietly(text).filter(JsonNode::isObject)
                .or(() -> embeddedObject(text));
        if (object.isPresent()) {
            return fromObject(object.get(), verdict);
        }
        Matcher m = BARE.matcher(text);
        if (m.matches()) {
            if (m.group(2) != null && new BigDecimal(m.group(2)).compareTo(BigDecimal.valueOf(max)) != 0) {
                return Score.error("judge verdict " + quote(verdict) + " is out of " + m.group(2) + " but the scale is "
                        + scale());
            }
            return scored(Double.parseDouble(m.group(1)), Optional.empty(), verdict);
        }
        return Score.error("judge verdict is neither JSON {\"score\": ..., \"reason\": ...} nor a bare number: "
                + quote(verdict));
    }

    private Score fromObject(JsonNode o, String verdict) {
        JsonNode score = o.get("score");
        if (score == null) {
            return Score.error("judge verdict has no \"score\" field: " + quote(verdict));
        }
        double value;
        if (score.isNumber()) {
            value = score.doubleValue();
        } else if (score.isTextual() && BARE.matcher(score.textValue()).matches()) {
            value = Double.parseDouble(BARE.matcher(score.textValue()).replaceFirst("$1"));
        } else {
            return Score.error("judge verdict's \"score\" must be a number but was " + Json.kind(score) + ": "
                    + quote(verdict));
        }
        JsonNode reason = o.get("reason");
        Optional<String> why = reason != null && reason.isTextual() && !reason.textValue().isBlank()
                ? Optional.of(reason.textValue().strip()) : Optional.empty();
        return scored(value, why, verdict);
    }

    private Score scored(double raw, Optional<String> reason, String verdict) {
        if (!Double.isFinite(raw) || raw < min || raw > max) {
            return Score.error("judge score " + format(raw) + " is outside the declared scale " + scale() + ": "
                    + quote(verdict));
        }
        Score s = Score.of((raw - min) / (max - min)).withDetail("judge_score", raw);
        return reason.isPresent() ? s.withReason(reason.get()) : s;
    }

    /** Finds the single {...} object in a text with prose around it, if it parses and has a score. */
    private static Optional<JsonNode> embeddedObject(String text) {
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return Optional.empty();
        }
        return Json.parseQuietly(text.substring(start, end + 1)).filter(n -> n.isObject() && n.has("score"));
    }

    private String scale() {
        return format(min) + ".." + format(max);
    }

    private static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : String.format(Locale.ROOT, "%s", x);
    }

    private static String quote(String verdict) {
        String shown = verdict.length() <= SHOWN_CHARS ? verdict
                : verdict.substring(0, Character.isHighSurrogate(verdict.charAt(SHOWN_CHARS - 1)) ? SHOWN_CHARS - 1
                        : SHOWN_CHARS) + "...";
        return "'" + shown + "'";
    }
}
