package dev.bench4j.scoring.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Score;
import java.math.BigDecimal;
import java.util.List;
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
        Optional<Score> fromJson = object(text, verdict, true);
        if (fromJson.isEmpty()) {
            fromJson = Json.embedded(text, '{', '}').flatMap(o -> object(o, verdict, false));
        }
        if (fromJson.isPresent()) {
            return fromJson.get();
        }
        Matcher m = BARE.matcher(text);
        if (m.matches()) {
            return bare(m, verdict);
        }
        return Score.error("judge verdict is neither JSON {\"score\": ..., \"reason\": ...} nor a bare number: "
                + quote(verdict));
    }

    /**
     * Reads a JSON object verdict: the whole text ({@code whole}) or the one object in prose, which
     * counts only if it has a score. Empty when the text is not such an object.
     */
    private Optional<Score> object(String json, String verdict, boolean whole) {
        JsonNode o;
        try {
            o = Json.parseStrict(json);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            return why != null && why.startsWith("Duplicate field")
                    ? Optional.of(Score.error("judge verdict repeats a field (" + why + "): " + quote(verdict)))
                    : Optional.empty();
        }
        if (!o.isObject() || (!whole && !o.has("score"))) {
            return Optional.empty();
        }
        JsonNode score = o.get("score");
        if (score == null) {
            return Optional.of(Score.error("judge verdict has no \"score\" field: " + quote(verdict)));
        }
        JsonNode reason = o.get("reason");
        Optional<String> why = reason == null || reason.isNull() ? Optional.empty()
                : Optional.of(reason.isTextual() ? reason.textValue().strip() : reason.toString()).filter(r -> !r.isBlank());
        if (score.isNumber()) {
            return Optional.of(scored(score.doubleValue(), why, verdict));
        }
        if (score.isTextual()) {
            Matcher m = BARE.matcher(score.textValue());
            if (m.matches()) {
                Score s = bare(m, verdict);
                return Optional.of(why.isPresent() && s.error().isEmpty() ? s.withReason(why.get()) : s);
            }
        }
        return Optional.of(Score.error("judge verdict's \"score\" must be a number but was " + Json.kind(score) + ": "
                + quote(verdict)));
    }

    /** Reads a bare number, checking that a denominator ({@code 4/5}) is the scale's maximum. */
    private Score bare(Matcher m, String verdict) {
        if (m.group(2) != null && new BigDecimal(m.group(2)).compareTo(BigDecimal.valueOf(max)) != 0) {
            return Score.error("judge verdict " + quote(verdict) + " is out of " + m.group(2) + " but the scale is "
                    + scale());
        }
        return scored(Double.parseDouble(m.group(1)), Optional.empty(), verdict);
    }

    private Score scored(double raw, Optional<String> reason, String verdict) {
        if (!Double.isFinite(raw) || raw < min || raw > max) {
            return Score.error("judge score " + format(raw) + " is outside the declared scale " + scale() + ": "
                    + quote(verdict));
        }
        Score s = Score.of((raw - min) / (max - min)).withDetail("judge_score", raw);
        return reason.isPresent() ? s.withReason(reason.get()) : s;
    }

    /**
     * Returns the scale as a plan file writes it, {@code [min, max]}, a whole bound as a {@code Long}.
     *
     * @return the two bounds
     */
    public List<Object> bounds() {
        return List.of(ScorerSettings.number(min), ScorerSettings.number(max));
    }

    /**
     * Returns the scale as text, e.g. {@code 1..5}.
     *
     * @return the text
     */
    public String scale() {
        return format(min) + ".." + format(max);
    }

    private static String format(double x) {
        return String.valueOf(ScorerSettings.number(x));
    }

    private static String quote(String verdict) {
        String shown = Json.head(verdict, SHOWN_CHARS);
        return "'" + shown + (shown.length() < verdict.length() ? "..." : "") + "'";
    }
}
