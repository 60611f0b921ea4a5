package dev.bench4j.scoring.internal;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * 1.0 if the output matches a pattern: somewhere in it ({@code find}) or as a whole ({@code full}).
 * {@code flags} are the {@link Pattern} flags the pattern was compiled with, which its settings
 * report as the plan file's letters.
 */
record RegexScorer(String name, Pattern pattern, int flags, boolean full) implements Scorer {

    /** The plan file's flag letters, in the order settings write them, and the flags each stands for. */
    static final Map<Character, Integer> LETTERS = letters();

    RegexScorer {
        Names.check(name);
        Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * Makes a scorer of a pattern compiled elsewhere. On some JDKs (17 among them) {@link Pattern#flags()}
     * also holds the flags the pattern sets inline at its top level ({@code (?i)abc} gives
     * {@code CASE_INSENSITIVE}); the flags the pattern sets when compiled without any are left out, so
     * {@code (?i)abc} reports the same settings as the plan file's {@code {"pattern": "(?i)abc"}}.
     */
    static RegexScorer of(String name, Pattern pattern, boolean full) {
        Objects.requireNonNull(pattern, "pattern");
        int inline;
        try {
            inline = Pattern.compile(pattern.pattern()).flags();
        } catch (PatternSyntaxException e) {
            inline = 0; // valid only with its flags, e.g. COMMENTS or LITERAL
        }
        return new RegexScorer(name, pattern, pattern.flags() & ~inline, full);
    }

    private static Map<Character, Integer> letters() {
        Map<Character, Integer> letters = new LinkedHashMap<>();
        letters.put('i', Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        letters.put('m', Pattern.MULTILINE);
        letters.put('s', Pattern.DOTALL);
        letters.put('x', Pattern.COMMENTS);
        letters.put('u', Pattern.UNICODE_CHARACTER_CLASS);
        return Collections.unmodifiableMap(letters);
    }

    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        var matcher = pattern.matcher(request.output());
        return CompletableFuture.completedFuture(Score.pass(full ? matcher.matches() : matcher.find()));
    }

    /**
     * Returns {@code type}, {@code pattern}, {@code match} and {@code flags} (the letters, in the order
     * {@code imsxu}), and {@code java_flags} when the pattern has flags no letter stands for (e.g.
     * {@code CASE_INSENSITIVE} without {@code UNICODE_CASE}, or {@code LITERAL}): those flags, as an int.
     */
    @Override
    public Map<String, Object> settings() {
        // UNICODE_CHARACTER_CLASS implies UNICODE_CASE (Java 17's flags() adds it)
        int all = (flags & Pattern.UNICODE_CHARACTER_CLASS) != 0 ? flags | Pattern.UNICODE_CASE : flags;
        StringBuilder letters = new StringBuilder();
        int covered = (all & Pattern.UNICODE_CHARACTER_CLASS) != 0 ? Pattern.UNICODE_CASE : 0;
        for (Map.Entry<Character, Integer> e : LETTERS.entrySet()) {
            if ((all & e.getValue()) == e.getValue()) {
                letters.append(e.getKey());
                covered |= e.getValue();
            }
        }
        ScorerSettings s = ScorerSettings.of("regex").put("pattern", pattern.pattern()).put("match", full ? "full" : "find")
                .put("flags", letters.toString());
        if ((all & ~covered) != 0) {
            s.put("java_flags", (long) (all & ~covered));
        }
        return s.map();
    }
}
