package dev.bench4j.scoring.internal;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Normalization;
import dev.bench4j.scoring.RougeMeasure;
import dev.bench4j.scoring.RougeVariant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.commons.text.similarity.SimilarityInput;

/**
 * A text similarity score in [0, 1] between the output and the trial's expected text (a string, or a
 * number or boolean read as its JSON text): normalized Levenshtein, ROUGE, BLEU or chrF.
 *
 * @param name the scorer's name
 * @param metric how the two texts are compared
 */
record TextSimilarityScorer(String name, Metric metric) implements Scorer {

    TextSimilarityScorer {
        Names.check(name);
        Objects.requireNonNull(metric, "metric");
    }

    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        Score score;
        try {
            String expected = Expected.scalarText(Expected.of(request), request, Expected.WHOLE);
            score = metric.score(request.output(), expected);
        } catch (Unscorable e) {
            score = Score.error(e.getMessage());
        }
        return CompletableFuture.completedFuture(score);
    }

    @Override
    public Map<String, Object> settings() {
        return metric.settings().map();
    }

    /** How a text similarity scorer compares the output with the expected text. */
    sealed interface Metric {

        /** Scores the output against the expected text. */
        Score score(String output, String expected);

        /** The scorer's settings: its plan-file type and options. */
        ScorerSettings settings();
    }

    /**
     * 1 - d / max(len(output), len(expected)), d the Levenshtein distance in code points after a
     * normalization of both texts; 1.0 when both are empty.
     */
    record Levenshtein(Normalization normalization) implements Metric {

        Levenshtein {
            Objects.requireNonNull(normalization, "normalization");
        }

        @Override
        public Score score(String output, String expected) {
            String left = normalization.apply(output);
            String right = normalization.apply(expected);
            int leftLength = left.codePointCount(0, left.length());
            int rightLength = right.codePointCount(0, right.length());
            int longest = Math.max(leftLength, rightLength);
            LevenshteinDistance levenshtein = LevenshteinDistance.getDefaultInstance();
            // Without surrogate pairs, chars are code points and the CharSequence form (no boxing) is the same.
            int distance = leftLength == left.length() && rightLength == right.length() ? levenshtein.apply(left, right)
                    : levenshtein.apply(codePoints(left.codePoints().toArray()), codePoints(right.codePoints().toArray()));
            double similarity = longest == 0 ? 1.0 : 1.0 - distance / (double) longest;
            return Score.of(similarity).withDetail("distance", distance).withDetail("max_length", longest);
        }

        private static SimilarityInput<Integer> codePoints(int[] codePoints) {
            return new SimilarityInput<>() {
                @Override
                public Integer at(int index) {
                    return codePoints[index];
                }

                @Override
                public int length() {
                    return codePoints.length;
                }
            };
        }

        @Override
        public ScorerSettings settings() {
            return ScorerSettings.of("levenshtein").normalization(normalization);
        }
    }

    /** ROUGE as Google's {@code rouge-score} computes it with its defaults; the details hold all three measures. */
    record RougeScore(RougeVariant variant, RougeMeasure measure) implements Metric {

        RougeScore {
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(measure, "measure");
        }

        @Override
        public Score score(String output, String expected) {
            Rouge.Result r = Rouge.score(variant, expected, output);
            double value = switch (measure) {
                case F -> r.f();
                case PRECISION -> r.precision();
                case RECALL -> r.recall();
            };
            return Score.of(value).withDetail("precision", r.precision()).withDetail("recall", r.recall())
                    .withDetail("f", r.f());
        }

        @Override
        public ScorerSettings settings() {
            return ScorerSettings.of("rouge").put("variant", variant.planName()).put("measure", measure.planName());
        }
    }

    /** sacreBLEU's {@code sentence_bleu} with its defaults, divided by 100; the details are on sacreBLEU's scale. */
    record Bleu() implements Metric {

        @Override
        public Score score(String output, String expected) {
            SacreBleu.Bleu b = SacreBleu.sentenceBleu(output, expected);
            Score score = Score.of(Math.min(1.0, b.score() / 100)).withDetail("bleu", b.score());
            for (int n = 0; n < b.precisions().length; n++) {
                score = score.withDetail("precision_" + (n + 1), b.precisions()[n]);
            }
            return score.withDetail("brevity_penalty", b.brevityPenalty())
                    .withDetail("output_length", b.hypothesisLength())
                    .withDetail("expected_length", b.referenceLength());
        }

        @Override
        public ScorerSettings settings() {
            return ScorerSettings.of("bleu");
        }
    }

    /** sacreBLEU's {@code CHRF()} with its defaults, divided by 100; detail {@code chrf} is on sacreBLEU's scale. */
    record Chrf() implements Metric {

        @Override
        public Score score(String output, String expected) {
            double chrf = SacreBleu.chrf(output, expected);
            return Score.of(Math.min(1.0, chrf / 100)).withDetail("chrf", chrf);
        }

        @Override
        public ScorerSettings settings() {
            return ScorerSettings.of("chrf");
        }
    }
}
