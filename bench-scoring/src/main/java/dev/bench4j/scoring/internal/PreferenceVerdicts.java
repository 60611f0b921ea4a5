package dev.bench4j.scoring.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads pairwise and listwise judges' verdicts: {@code {"winner": "A", "reason": "..."}} (A, B or
 * tie, any case; also a bare {@code A}) and {@code {"ranking": [2, 1, 3], "reason": "..."}} (the
 * answers' numbers, best first; numbers may be strings such as {@code "2"} or {@code "Answer 2"}),
 * fenced or with prose around the object, as the judge's score is read.
 */
public final class PreferenceVerdicts {

    private PreferenceVerdicts() {
    }

    /**
     * A verdict read: its value and reason, or why it could not be read.
     *
     * @param value the value, empty when unreadable
     * @param reason the judge's reason, if it gave one
     * @param error why the verdict could not be read, empty when read
     * @param <T> the value's type
     */
    public record Read<T>(Optional<T> value, Optional<String> reason, Optional<String> error) {

        static <T> Read<T> of(T value, Optional<String> reason) {
            return new Read<>(Optional.of(value), reason, Optional.empty());
        }

        static <T> Read<T> failed(String why) {
            return new Read<>(Optional.empty(), Optional.empty(), Optional.of(why));
        }
    }

    /**
     * Reads a pairwise verdict.
     *
     * @param verdict the judge's text
     * @return {@code "A"}, {@code "B"} or {@code "tie"}, or why not
     */
    public static Read<String> winner(String verdict) {
        String text = Json.unfence(verdict).strip();
        String bare = text.replaceAll("[\\s.*\"']", "");
        if (bare.equalsIgnoreCase("A") || bare.equalsIgnoreCase("B") || bare.equalsIgnoreCase("tie")) {
            return Read.of(normal(bare), Optional.empty());
        }
        Optional<JsonNode> o = object(text, "winner");
        if (o.isEmpty()) {
            return Read.failed("judge verdict is neither JSON {\"winner\": \"A\" | \"B\" | \"tie\", \"reason\": ...} "
                    + "nor A, B or tie: " + JudgeVerdicts.quote(verdict));
        }
        JsonNode w = o.get().get("winner");
        String said = w.isTextual() ? w.textValue().strip().replaceAll("(?i)^answer\\s+", "") : "";
        if (!said.equalsIgnoreCase("A") && !said.equalsIgnoreCase("B") && !said.equalsIgnoreCase("tie")) {
            return Read.failed("judge verdict's \"winner\" must be \"A\", \"B\" or \"tie\" but was " + w + ": "
                    + JudgeVerdicts.quote(verdict));
        }
        return Read.of(normal(said), JudgeVerdicts.reason(o.get()));
    }

    /**
     * Reads a listwise verdict over {@code n} answers numbered 1 to {@code n}.
     *
     * @param verdict the judge's text
     * @param n how many answers were ranked
     * @return the answers' numbers (1-based), best first, each once, or why not
     */
    public static Read<List<Integer>> ranking(String verdict, int n) {
        String text = Json.unfence(verdict).strip();
        Optional<JsonNode> o = object(text, "ranking");
        if (o.isEmpty()) {
            return Read.failed("judge verdict is not JSON {\"ranking\": [...], \"reason\": ...}: " + JudgeVerdicts.quote(verdict));
        }
        JsonNode ranking = o.get().get("ranking");
        if (!ranking.isArray()) {
            return Read.failed("judge verdict's \"ranking\" must be an array of answer numbers but was "
                    + Json.kind(ranking) + ": " + JudgeVerdicts.quote(verdict));
        }
        List<Integer> order = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (JsonNode e : ranking) {
            Optional<Integer> number = number(e);
            if (number.isEmpty() || number.get() < 1 || number.get() > n) {
                return Read.failed("judge verdict's ranking names " + e + ", not an answer number from 1 to " + n + ": "
                        + JudgeVerdicts.quote(verdict));
            }
            if (!seen.add(number.get())) {
                return Read.failed("judge verdict's ranking names answer " + number.get() + " twice: " + JudgeVerdicts.quote(verdict));
            }
            order.add(number.get());
        }
        if (order.size() != n) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                if (!seen.contains(i)) {
                    missing.add(i);
                }
            }
            return Read.failed("judge verdict's ranking leaves out answer(s) " + missing + ": " + JudgeVerdicts.quote(verdict));
        }
        return Read.of(List.copyOf(order), JudgeVerdicts.reason(o.get()));
    }

    private static Optional<Integer> number(JsonNode e) {
        if (e.isIntegralNumber()) {
            return Optional.of(e.intValue());
        }
        if (e.isTextual()) {
            String digits = e.textValue().strip().replaceAll("(?i)^(answer|#)\\s*", "");
            if (digits.matches("\\d{1,9}")) {
                return Optional.of(Integer.parseInt(digits));
            }
        }
        return Optional.empty();
    }

    /** The whole text as an object with {@code field}, or the one such object in prose. */
    private static Optional<JsonNode> object(String text, String field) {
        Optional<JsonNode> whole = parse(text).filter(n -> n.has(field));
        if (whole.isPresent()) {
            return whole;
        }
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        return start >= 0 && end > start ? parse(text.substring(start, end + 1)).filter(n -> n.has(field)) : Optional.empty();
    }

    private static Optional<JsonNode> parse(String json) {
        try {
            JsonNode n = Json.parseStrict(json);
            return n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String normal(String winner) {
        return winner.equalsIgnoreCase("tie") ? "tie" : winner.toUpperCase(Locale.ROOT);
    }
}
