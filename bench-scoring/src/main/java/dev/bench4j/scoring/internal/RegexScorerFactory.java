package dev.bench4j.scoring.internal;

import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Makes scorers of type {@code regex}: 1.0 if the output matches a regular expression ({@code Scorers.regex}). Options: {@code name}
 * (default {@code regex}), {@code pattern} (required, {@link java.util.regex.Pattern} syntax),
 * {@code match}: {@code find} (default, anywhere in the output) or {@code full} (the whole
 * output), and {@code flags}, letters of {@code i} (ignore case, Unicode-aware), {@code m}
 * (multiline), {@code s} (dot matches line breaks), {@code x} (comments), {@code u} (Unicode
 * character classes), default {@code ""} (none).
 */
public final class RegexScorerFactory implements ScorerFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public RegexScorerFactory() {
    }

    /**
     * Returns {@code regex}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return "regex";
    }

    /**
     * Creates a scorer from plan-file options.
     *
     * @param options the options, without {@code type}
     * @return the scorer
     * @throws NullPointerException if {@code options} is {@code null}
     * @throws IllegalArgumentException if an option is unknown (the message lists the allowed ones),
     *     missing when required, or has a value of the wrong type or range (the message names it)
     */
    @Override
    public Scorer create(Map<String, Object> options) {
        ScorerOptions o = ScorerOptions.read(type(), options, ScorerOptions.REGEX_KEYS);
        String pattern = o.requiredString("pattern");
        boolean full = o.oneOf("match", "find", List.of("find", "full")).equals("full");
        int flags = 0;
        for (char c : o.text("flags", "").toCharArray()) {
            Integer flag = RegexScorer.LETTERS.get(c);
            if (flag == null) {
                throw o.wrong("flags", "letters of i, m, s, x, u");
            }
            flags |= flag;
        }
        try {
            return new RegexScorer(o.name(), Pattern.compile(pattern, flags), flags, full);
        } catch (PatternSyntaxException e) {
            throw o.wrong("pattern", "a regular expression (" + e.getDescription() + " near index " + e.getIndex() + ")");
        }
    }
}
