package dev.bench4j.scoring.internal;

import dev.bench4j.scoring.RougeVariant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L as Google's {@code rouge-score} package (0.1.2) computes them with its
 * defaults: its tokenizer lowercases, and the tokens are the runs of {@code [a-z0-9]} that remain
 * (every other character separates tokens), without stemming; ROUGE-L is the sentence-level score
 * from the longest common subsequence of the two token lists.
 */
final class Rouge {

    private Rouge() {
    }

    /** Precision, recall and F1 of one comparison. */
    record Result(double precision, double recall, double f) {

        static Result of(int matched, int predictionCount, int targetCount) {
            double p = matched / (double) Math.max(predictionCount, 1);
            double r = matched / (double) Math.max(targetCount, 1);
            return new Result(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0);
        }
    }

    /** Scores a prediction (the output) against a target (the expected text). */
    static Result score(RougeVariant variant, String target, String prediction) {
        Map<String, Integer> ids = new HashMap<>();
        int[] t = tokenIds(target, ids);
        int[] p = tokenIds(prediction, ids);
        return switch (variant) {
            case ROUGE_1 -> ngrams(t, p, 1);
            case ROUGE_2 -> ngrams(t, p, 2);
            case ROUGE_L -> t.length == 0 || p.length == 0 ? new Result(0, 0, 0)
                    : Result.of(lcsLength(t, p), p.length, t.length);
        };
    }

    /** The tokens of {@code rouge-score}'s default tokenizer. */
    static List<String> tokens(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean word = i < lower.length() && isAsciiAlnum(lower.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                tokens.add(lower.substring(start, i));
                start = -1;
            }
        }
        return tokens;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** The tokens as numbers, equal tokens (across both texts, through {@code ids}) the same number. */
    private static int[] tokenIds(String text, Map<String, Integer> ids) {
        List<String> tokens = tokens(text);
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.computeIfAbsent(tokens.get(i), k -> ids.size());
        }
        return out;
    }

    private static Result ngrams(int[] target, int[] prediction, int n) {
        Map<List<Integer>, Integer> targetCounts = ngramCounts(target, n);
        Map<List<Integer>, Integer> predictionCounts = ngramCounts(prediction, n);
        int matched = 0;
        for (Map.Entry<List<Integer>, Integer> e : predictionCounts.entrySet()) {
            matched += Math.min(e.getValue(), targetCounts.getOrDefault(e.getKey(), 0));
        }
        return Result.of(matched, Math.max(prediction.length - n + 1, 0), Math.max(target.length - n + 1, 0));
    }

    private static Map<List<Integer>, Integer> ngramCounts(int[] tokens, int n) {
        Map<List<Integer>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.length; i++) {
            List<Integer> gram = n == 1 ? List.of(tokens[i]) : List.of(tokens[i], tokens[i + 1]);
            counts.merge(gram, 1, Integer::sum);
        }
        return counts;
    }

    /** The length of the longest common subsequence, by dynamic programming over two rows. */
    static int lcsLength(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int ai : a) {
            for (int j = 1; j <= b.length; j++) {
                current[j] = ai == b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
