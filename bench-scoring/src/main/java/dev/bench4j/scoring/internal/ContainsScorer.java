package dev.bench4j.scoring.internal;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Normalization;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * 1.0 if the normalized output contains every ({@code contains}, {@code contains_all}) or at least
 * one ({@code contains_any}) of the normalized expected strings. Every expected string is checked
 * before any is looked for, so a bad item is reported whatever the output. A value class over
 * {@code name}, {@code normalization} and {@code kind} (a class rather than a record only to hold
 * the normalized expected strings, which are remembered across cells).
 */
final class ContainsScorer implements Scorer {

    /** The plan-file types of the scorer, and whether each needs all expected strings. */
    enum Kind {
        /** {@code contains}: every expected string. */
        CONTAINS("contains", true),
        /** {@code contains_all}: every expected string, as {@code contains}. */
        CONTAINS_ALL("contains_all", true),
        /** {@code contains_any}: at least one expected string. */
        CONTAINS_ANY("contains_any", false);

        private final String type;
        private final boolean all;

        Kind(String type, boolean all) {
            this.type = type;
            this.all = all;
        }
    }

    private final String name;
    private final Normalization normalization;
    private final Kind kind;
    private final NormalizedTexts expectedTexts;

    ContainsScorer(String name, Normalization normalization, Kind kind) {
        Names.check(name);
        this.name = name;
        this.normalization = Objects.requireNonNull(normalization, "normalization");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.expectedTexts = new NormalizedTexts(normalization);
    }

    @Override
    public String name() {
        return name;
    }

    Normalization normalization() {
        return normalization;
    }

    Kind kind() {
        return kind;
    }

    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        Score score;
        try {
            String[] needles = needles(request);
            String output = normalization.apply(request.output());
            boolean pass = kind.all;
            for (String needle : needles) {
                if (output.contains(needle) != kind.all) {
                    pass = !kind.all;
                    break;
                }
            }
            score = Score.pass(pass);
        } catch (Unscorable e) {
            score = Score.error(e.getMessage());
        }
        return CompletableFuture.completedFuture(score);
    }

    /** The normalized expected strings, after checking that each is a scalar and then that none is empty. */
    private String[] needles(ScoreRequest request) {
        Object expected = Expected.of(request);
        String[] needles;
        if (expected instanceof List<?> items) {
            if (items.isEmpty()) {
                throw new Unscorable(Expected.trial(request)
                        + " expected value is an empty array, which has nothing to look for");
            }
            needles = new String[items.size()];
            for (int i = 0; i < needles.length; i++) {
                needles[i] = Expected.scalarText(items.get(i), request, i);
            }
        } else {
            needles = new String[] {Expected.scalarText(expected, request, Expected.WHOLE)};
        }
        for (int i = 0; i < needles.length; i++) {
            needles[i] = expectedTexts.apply(needles[i]);
            if (needles[i].isEmpty()) {
                int item = expected instanceof List ? i : Expected.WHOLE;
                throw new Unscorable(Expected.what(request, item) + " is empty after normalization");
            }
        }
        return needles;
    }

    @Override
    public Map<String, Object> settings() {
        return ScorerSettings.of(kind.type).normalization(normalization).map();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContainsScorer c && name.equals(c.name) && normalization.equals(c.normalization)
                && kind == c.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, normalization, kind);
    }

    @Override
    public String toString() {
        return "ContainsScorer[name=" + name + ", normalization=" + normalization + ", kind=" + kind + "]";
    }
}
