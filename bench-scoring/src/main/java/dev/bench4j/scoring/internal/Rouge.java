package dev.bench4j.scoring.internal;

import dev.bench4j.scoring.RougeVariant;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** ROUGE-N: the multiset intersection of the n-grams, counted by merging their sorted codes. */
    private static Result ngrams(int[] target, int[] prediction, int n) {
        long[] t = ngramCodes(target, n);
        long[] p = ngramCodes(prediction, n);
        int matched = 0;
        int i = 0;
        int j = 0;
        while (i < t.length && j < p.length) {
            if (t[i] == p[j]) {
                matched++;
                i++;
                j++;
            } else if (t[i] < p[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Result.of(matched, p.length, t.length);
    }

    /** The n-grams (n is 1 or 2) as sorted numbers: a token's id, or a pair's two ids in one long. */
    private static long[] ngramCodes(int[] tokens, int n) {
        long[] codes = new long[Math.max(tokens.length - n + 1, 0)];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = n == 1 ? tokens[i] : ((long) tokens[i] << 32) | tokens[i + 1];
        }
        Arrays.sort(codes);
        return codes;
    }

    /**
     * The length of the longest common subsequence of two id sequences, bit-parallel (Hyyrö 2004,
     * after Allison and Dix 1986): one bit per position of {@code a}, one pass of word operations
     * per element of {@code b}; the LCS length is the number of bits that end up cleared.
     */
    static int lcsLength(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int words = (a.length + 63) >>> 6;
        int maxId = 0;
        for (int id : a) {
            maxId = Math.max(maxId, id);
        }
        long[][] matches = new long[maxId + 1][];
        for (int i = 0; i < a.length; i++) {
            if (matches[a[i]] == null) {
                matches[a[i]] = new long[words];
            }
            matches[a[i]][i >>> 6] |= 1L << (i & 63);
        }
        long[] v = new long[words];
        Arrays.fill(v, -1L);
        for (int id : b) {
            long[] m = id < matches.length ? matches[id] : null;
            if (m == null) {
                continue; // no match: V stays as it is
            }
            long carry = 0;
            for (int w = 0; w < words; w++) {
                long x = v[w];
                long u = x & m[w];
                long sum = x + u;
                long carryOut = Long.compareUnsigned(sum, x) < 0 ? 1 : 0;
                long withCarry = sum + carry;
                carryOut |= Long.compareUnsigned(withCarry, sum) < 0 ? 1 : 0;
                v[w] = withCarry | (x & ~u);
                carry = carryOut;
            }
        }
        int cleared = 0;
        for (long x : v) {
            cleared += Long.bitCount(~x);
        }
        return cleared;
    }
}
