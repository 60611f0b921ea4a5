package dev.bench4j.scoring.internal;

import dev.bench4j.scoring.RougeVariant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
        TokenIds ids = new TokenIds();
        int[] t = ids.of(target);
        int[] p = ids.of(prediction);
        return switch (variant) {
            case ROUGE_1 -> ngrams(t, p, 1);
            case ROUGE_2 -> ngrams(t, p, 2);
            case ROUGE_L -> t.length == 0 || p.length == 0 ? new Result(0, 0, 0)
                    : Result.of(lcsLength(t, p), p.length, t.length);
        };
    }

    /** The tokens of {@code rouge-score}'s default tokenizer. */
    static List<String> tokens(String text) {
        TokenIds ids = new TokenIds();
        List<String> tokens = new ArrayList<>();
        for (int id : ids.of(text)) {
            tokens.add(ids.token(id));
        }
        return tokens;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /**
     * Numbers tokens, equal tokens the same number across the texts it is given: an open-addressing
     * table over the lowercased text's ranges, so a token is copied into a string only the first time.
     */
    private static final class TokenIds {

        private String[] keys = new String[64];
        private int[] values = new int[64];
        private int size;

        int[] of(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            int[] ids = new int[Math.max(8, lower.length() / 4)];
            int count = 0;
            int start = -1;
            for (int i = 0; i <= lower.length(); i++) {
                boolean word = i < lower.length() && isAsciiAlnum(lower.charAt(i));
                if (word && start < 0) {
                    start = i;
                } else if (!word && start >= 0) {
                    if (count == ids.length) {
                        ids = Arrays.copyOf(ids, 2 * count);
                    }
                    ids[count++] = id(lower, start, i);
                    start = -1;
                }
            }
            return Arrays.copyOf(ids, count);
        }

        private int id(String text, int start, int end) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int hash = 0;
            for (int i = start; i < end; i++) {
                hash = 31 * hash + text.charAt(i);
            }
            int mask = keys.length - 1;
            int length = end - start;
            for (int slot = mix(hash) & mask;; slot = (slot + 1) & mask) {
                String key = keys[slot];
                if (key == null) {
                    keys[slot] = text.substring(start, end);
                    values[slot] = size;
                    return size++;
                }
                if (key.length() == length && text.regionMatches(start, key, 0, length)) {
                    return values[slot];
                }
            }
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldValues = values;
            keys = new String[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int slot = mix(oldKeys[i].hashCode()) & mask;
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }

        /** The token numbered {@code id}. */
        String token(int id) {
            for (int slot = 0; slot < keys.length; slot++) {
                if (keys[slot] != null && values[slot] == id) {
                    return keys[slot];
                }
            }
            throw new IllegalArgumentException("no token " + id);
        }

        private static int mix(int hash) {
            int h = hash * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
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
