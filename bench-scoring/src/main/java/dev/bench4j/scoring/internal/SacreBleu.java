package dev.bench4j.scoring.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sentence BLEU and chrF as sacreBLEU 2.x computes them with its defaults, for one hypothesis (the
 * output) and one reference (the expected text). BLEU: {@code sentence_bleu}, i.e. 13a tokenization,
 * no lowercasing, n-grams up to 4, exponential smoothing ({@code exp}) and the effective order.
 * chrF: {@code CHRF()}, i.e. character n-grams up to 6 with whitespace removed, no word n-grams,
 * beta 2. Both are on sacreBLEU's scale, 0 to 100. Texts are read as code points, as Python reads them.
 */
final class SacreBleu {

    private static final int MAX_NGRAM_ORDER = 4;
    private static final int CHAR_ORDER = 6;
    private static final double BETA = 2;

    /** The regular expressions of sacreBLEU's {@code TokenizerRegexp}, in order, with their replacements. */
    private static final Pattern PUNCTUATION = Pattern.compile("([\\{-~\\[-` -&\\(-+:-@/])");
    private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])");
    private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])");
    private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

    private SacreBleu() {
    }

    /**
     * The result of sentence BLEU.
     *
     * @param score BLEU, 0 to 100
     * @param precisions the n-gram precisions (1 to 4), smoothed, 0 to 100
     * @param brevityPenalty the brevity penalty
     * @param hypothesisLength the hypothesis's token count
     * @param referenceLength the reference's token count
     */
    record Bleu(double score, double[] precisions, double brevityPenalty, int hypothesisLength, int referenceLength) {
    }

    /** Sentence BLEU of a hypothesis against one reference. */
    static Bleu sentenceBleu(String hypothesis, String reference) {
        List<String> hyp = tokens13a(stripTrailing(hypothesis));
        List<String> ref = tokens13a(stripTrailing(reference));
        Map<String, Integer> refNgrams = wordNgrams(ref);
        int[] correct = new int[MAX_NGRAM_ORDER];
        int[] total = new int[MAX_NGRAM_ORDER];
        for (Map.Entry<String, Integer> e : wordNgrams(hyp).entrySet()) {
            int n = order(e.getKey()) - 1;
            total[n] += e.getValue();
            correct[n] += Math.min(e.getValue(), refNgrams.getOrDefault(e.getKey(), 0));
        }
        int sysLen = hyp.size();
        int refLen = ref.size();
        double bp = sysLen >= refLen ? 1.0 : sysLen > 0 ? Math.exp(1 - refLen / (double) sysLen) : 0.0;
        double[] precisions = new double[MAX_NGRAM_ORDER];
        boolean anyCorrect = false;
        for (int c : correct) {
            anyCorrect |= c > 0;
        }
        if (!anyCorrect) {
            return new Bleu(0.0, precisions, bp, sysLen, refLen);
        }
        double smoothMteval = 1;
        int effectiveOrder = MAX_NGRAM_ORDER;
        for (int n = 1; n <= MAX_NGRAM_ORDER; n++) {
            if (total[n - 1] == 0) {
                break;
            }
            effectiveOrder = n;
            if (correct[n - 1] == 0) {
                smoothMteval *= 2;
                precisions[n - 1] = 100.0 / (smoothMteval * total[n - 1]);
            } else {
                precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
            }
        }
        double logSum = 0;
        for (int n = 0; n < effectiveOrder; n++) {
            logSum += precisions[n] > 0 ? Math.log(precisions[n]) : -9999999999.0;
        }
        return new Bleu(bp * Math.exp(logSum / effectiveOrder), precisions, bp, sysLen, refLen);
    }

    /** The tokens of sacreBLEU's {@code 13a} tokenizer (mteval-v13a), split at whitespace. */
    static List<String> tokens13a(String line) {
        String s = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        if (s.indexOf('&') >= 0) {
            s = s.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        }
        s = " " + s + " ";
        s = PUNCTUATION.matcher(s).replaceAll(" $1 ");
        s = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(s).replaceAll("$1 $2 ");
        s = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(s).replaceAll(" $1 $2");
        s = DASH_AFTER_DIGIT.matcher(s).replaceAll("$1 $2 ");
        return splitPython(s);
    }

    /** The n-grams (1 to 4) of a token list with their counts, each n-gram its tokens joined by a space. */
    private static Map<String, Integer> wordNgrams(List<String> tokens) {
        Map<String, Integer> counts = new HashMap<>();
        for (int n = 1; n <= MAX_NGRAM_ORDER; n++) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                counts.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int order(String ngram) {
        int n = 1;
        for (int i = 0; i < ngram.length(); i++) {
            if (ngram.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    /** chrF of a hypothesis against one reference, 0 to 100. */
    static double chrf(String hypothesis, String reference) {
        int[] hyp = withoutWhitespace(hypothesis);
        int[] ref = withoutWhitespace(reference);
        double factor = BETA * BETA;
        double avgPrecision = 0;
        double avgRecall = 0;
        int effectiveOrder = 0;
        for (int n = 1; n <= CHAR_ORDER; n++) {
            Map<String, Integer> hypCounts = charNgrams(hyp, n);
            Map<String, Integer> refCounts = charNgrams(ref, n);
            int hypCount = 0;
            int match = 0;
            for (Map.Entry<String, Integer> e : hypCounts.entrySet()) {
                hypCount += e.getValue();
                match += Math.min(e.getValue(), refCounts.getOrDefault(e.getKey(), 0));
            }
            int nHyp = refCounts.isEmpty() ? 0 : hypCount;
            int nRef = Math.max(ref.length - n + 1, 0);
            if (nHyp > 0 && nRef > 0) {
                avgPrecision += match / (double) nHyp;
                avgRecall += match / (double) nRef;
                effectiveOrder++;
            }
        }
        if (effectiveOrder == 0) {
            return 0.0;
        }
        avgPrecision /= effectiveOrder;
        avgRecall /= effectiveOrder;
        if (avgPrecision + avgRecall == 0) {
            return 0.0;
        }
        return 100 * (1 + factor) * avgPrecision * avgRecall / (factor * avgPrecision + avgRecall);
    }

    private static Map<String, Integer> charNgrams(int[] codePoints, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= codePoints.length; i++) {
            counts.merge(new String(codePoints, i, n), 1, Integer::sum);
        }
        return counts;
    }

    private static int[] withoutWhitespace(String text) {
        return text.codePoints().filter(c -> !isPythonSpace(c)).toArray();
    }

    /** Python's {@code str.split()}: the runs of non-whitespace characters. */
    private static List<String> splitPython(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i <= s.length()) {
            int c = i < s.length() ? s.codePointAt(i) : ' ';
            boolean space = isPythonSpace(c);
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
            i += i < s.length() ? Character.charCount(c) : 1;
        }
        return out;
    }

    /** Python's {@code str.rstrip()}. */
    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0) {
            int c = s.codePointBefore(end);
            if (!isPythonSpace(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        return s.substring(0, end);
    }

    /**
     * Python's {@code str.isspace()} for one character: Java's whitespace plus the no-break spaces
     * (U+00A0, U+2007, U+202F) and NEL (U+0085), which Python counts and Java does not.
     */
    static boolean isPythonSpace(int c) {
        return Character.isWhitespace(c) || c == 0x85 || c == 0xA0 || c == 0x2007 || c == 0x202F;
    }
}
