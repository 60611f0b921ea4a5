package dev.bench4j.scoring.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Score;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
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
     * A rubric verdict read: the overall score (the mean of the criteria's, an error unless every
     * criterion was scored) and each criterion's own score, in rubric order.
     *
     * @param overall the overall score, with the raw criterion scores as details
     * @param criteria each criterion's score or error, by criterion name
     */
    public record Rubric(Score overall, Map<String, Score> criteria) {
    }

    /**
     * Reads a rubric verdict {@code {"scores": {"accuracy": 4, "style": "3"}, "reason": "..."}}
     * (fenced, or the one object in prose; a criterion's score may also be an object
     * {@code {"score": 4, "reason": "..."}}). A criterion's key matches case-insensitively when no key
     * matches exactly. A criterion missing or off the scale is an error for that criterion alone; a
     * verdict without a {@code scores} object is an error for every criterion.
     *
     * @param verdict the judge's text
     * @param criteria the rubric's criterion names
     * @return the overall score and each criterion's
     */
    public Rubric readRubric(String verdict, List<String> criteria) {
        String text = Json.unfence(verdict).strip();
        List<String> repeated = new ArrayList<>(1);
        Optional<JsonNode> o = rubricObject(text, repeated);
        if (o.isEmpty()) {
            int start = text.indexOf('{');
            int end = text.lastIndexOf('}');
            if (start >= 0 && end > start) {
                o = rubricObject(text.substring(start, end + 1), repeated).filter(n -> n.has("scores"));
            }
        }
        if (o.isEmpty() && !repeated.isEmpty()) {
            return failed(criteria, "judge verdict repeats a field (" + repeated.get(0) + "): " + quote(verdict));
        }
        if (o.isEmpty()) {
            return failed(criteria, "judge verdict is not JSON {\"scores\": {...}, \"reason\": ...}: " + quote(verdict));
        }
        JsonNode scores = o.get().get("scores");
        if (scores == null || !scores.isObject()) {
            return failed(criteria, "judge verdict has no \"scores\" object: " + quote(verdict));
        }
        Optional<String> why = reason(o.get());
        Map<String, Score> parts = new LinkedHashMap<>();
        List<String> unscored = new ArrayList<>();
        Score overall = Score.of(0);
        double sum = 0;
        for (String c : criteria) {
            Score part = criterion(c, field(scores, c), verdict);
            parts.put(c, part);
            if (part.value().isPresent()) {
                sum += part.value().getAsDouble();
                overall = overall.withDetail(c, part.details().get("judge_score"));
            } else {
                unscored.add(c);
            }
        }
        if (!unscored.isEmpty()) {
            return new Rubric(Score.error("judge verdict gave no valid score for " + String.join(", ", unscored)
                    + ": " + parts.get(unscored.get(0)).error().orElseThrow()), parts);
        }
        overall = new Score(OptionalDouble.of(sum / criteria.size()), why, overall.details(), Optional.empty());
        return new Rubric(overall, parts);
    }

    /** The JSON object the text is, or empty; a repeated field's message goes to {@code repeated}. */
    private static Optional<JsonNode> rubricObject(String json, List<String> repeated) {
        try {
            JsonNode n = Json.parseStrict(json);
            return n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            if (why != null && why.startsWith("Duplicate field")) {
                repeated.add(why);
            }
            return Optional.empty();
        }
    }

    /** The field named {@code name}, or the one field whose name equals it ignoring case. */
    private static JsonNode field(JsonNode scores, String name) {
        JsonNode exact = scores.get(name);
        if (exact != null) {
            return exact;
        }
        List<String> matches = new ArrayList<>();
        scores.fieldNames().forEachRemaining(f -> {
            if (f.equalsIgnoreCase(name)) {
                matches.add(f);
            }
        });
        return matches.size() == 1 ? scores.get(matches.get(0)) : null;
    }

    private Score criterion(String name, JsonNode value, String verdict) {
        if (value == null || value.isNull()) {
            return Score.error("judge verdict has no score for criterion '" + name + "': " + quote(verdict));
        }
        Optional<String> why = Optional.empty();
        JsonNode score = value;
        if (value.isObject()) {
            why = reason(value);
            score = value.get("score");
            if (score == null) {
                return Score.error("judge verdict's criterion '" + name + "' has no \"score\": " + quote(verdict));
            }
        }
        Score s;
        if (score.isNumber()) {
            s = scored(score.doubleValue(), why, verdict);
        } else if (score.isTextual() && BARE.matcher(score.textValue()).matches()) {
            Matcher m = BARE.matcher(score.textValue());
            m.matches();
            s = bare(m, verdict);
            s = why.isPresent() && s.error().isEmpty() ? s.withReason(why.get()) : s;
        } else {
            return Score.error("judge verdict's score for criterion '" + name + "' must be a number but was "
                    + Json.kind(score) + ": " + quote(verdict));
        }
        return s.error().isPresent() ? Score.error("criterion '" + name + "': " + s.error().get()) : s;
    }

    private static Rubric failed(List<String> criteria, String why) {
        Map<String, Score> parts = new LinkedHashMap<>();
        criteria.forEach(c -> parts.put(c, Score.error(why)));
        return new Rubric(Score.error(why), parts);
    }

    /** The object's {@code reason}, text as itself, anything else as JSON; empty when absent or blank. */
    static Optional<String> reason(JsonNode o) {
        JsonNode reason = o.get("reason");
        return reason == null || reason.isNull() ? Optional.empty()
                : Optional.of(reason.isTextual() ? reason.textValue().strip() : reason.toString()).filter(r -> !r.isBlank());
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
        Optional<String> why = reason(o);
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

    /** The verdict in quotes, cut to its first characters. */
    static String quote(String verdict) {
        String shown = Json.head(verdict, SHOWN_CHARS);
        return "'" + shown + (shown.length() < verdict.length() ? "..." : "") + "'";
    }
}
