package dev.bench4j.scoring;

import dev.bench4j.core.Score;
import dev.bench4j.scoring.internal.BuiltInScorers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Aggregate metrics computed as scikit-learn computes them: F1 over the per-trial counts of
 * {@link Scorers#setF1(SetF1Options) set_f1} scores, multiclass classification metrics over
 * (expected, predicted) label pairs, and multilabel metrics over (gold, predicted) item sets.
 *
 * <p>A ratio whose denominator is zero is {@code zeroDivision}, 0 or 1, as scikit-learn's
 * {@code zero_division} parameter ({@code "warn"} there gives 0). F1 is {@code 2tp / (2tp + fp + fn)},
 * so it is {@code zeroDivision} only when there are neither predictions nor gold items.
 *
 * <p>Set F1 scores carry only per-trial counts, so {@link #micro micro}, {@link #macro macro}
 * (scikit-learn's {@code "samples"}) and {@link #subsetAccuracy subset accuracy} are all they give;
 * {@link #multilabel(List, List, double) multilabel} takes the item sets themselves and adds the
 * per-label {@code "macro"} and {@code "weighted"} averages, which are empty (undefined, NaN in
 * scikit-learn 1.9) when there is no label at all, never {@code zeroDivision}.
 *
 * <pre>{@code
 * List<Score> f1Scores = ...;   // the set_f1 scores of one configuration's results
 * Aggregates.micro(f1Scores, 0.0).f1();   // F1 of the summed tp, fp, fn
 * Aggregates.subsetAccuracy(f1Scores);     // the fraction of trials whose item set is exactly right
 * Aggregates.macro(f1Scores, 0.0).f1();   // mean of the per-trial F1s
 * Aggregates.classification(List.of("pos", "neg"), List.of("pos", "pos"), 0.0).macro().f1();
 * Aggregates.multilabel(List.of(Set.of("a", "b")), List.of(Set.of("a")), 0.0).macro().orElseThrow().f1();
 * }</pre>
 */
public final class Aggregates {

    private Aggregates() {
    }

    /**
     * Precision, recall and F1 of one average.
     *
     * @param precision the precision
     * @param recall the recall
     * @param f1 the F1
     */
    public record PrecisionRecallF1(double precision, double recall, double f1) {
    }

    /**
     * The counts and metrics of one label of a classification.
     *
     * @param truePositives how often the label was predicted and expected
     * @param predicted how often the label was predicted
     * @param support how often the label was expected
     * @param metrics precision, recall and F1 of the label against all others
     */
    public record LabelMetrics(long truePositives, long predicted, long support, PrecisionRecallF1 metrics) {
    }

    /**
     * Multiclass classification metrics, as scikit-learn's {@code accuracy_score} and
     * {@code precision_recall_fscore_support} with {@code average} {@code "micro"}, {@code "macro"}
     * and {@code "weighted"} over the labels that are expected or predicted at least once.
     *
     * <p>Every pair has an expected label, so there is always a label with support and the macro and
     * weighted averages are always defined.
     *
     * @param accuracy the fraction of pairs whose prediction is the expected label
     * @param micro precision, recall and F1 of the counts summed over labels (each equals accuracy)
     * @param macro the unweighted mean over labels of their precision, recall and F1
     * @param weighted the mean over labels weighted by their support (how often each is expected)
     * @param perLabel the counts and metrics of each label, in label order
     */
    public record Classification(double accuracy, PrecisionRecallF1 micro, PrecisionRecallF1 macro,
            PrecisionRecallF1 weighted, Map<String, LabelMetrics> perLabel) {

        /**
         * Validates and copies the components.
         *
         * @throws NullPointerException if a component is {@code null}
         */
        public Classification {
            Objects.requireNonNull(micro, "micro");
            Objects.requireNonNull(macro, "macro");
            Objects.requireNonNull(weighted, "weighted");
            perLabel = copiedInLabelOrder(perLabel);
        }
    }

    /**
     * Multilabel metrics of (gold, predicted) item sets, as scikit-learn's {@code accuracy_score} and
     * {@code precision_recall_fscore_support} on the {@code MultiLabelBinarizer} indicator matrices
     * with {@code average} {@code "micro"}, {@code "macro"}, {@code "weighted"} and
     * {@code "samples"}; each item is a label.
     *
     * @param subsetAccuracy the fraction of trials whose predicted set equals the gold set (exact set
     *     match, scikit-learn's {@code accuracy_score} on multilabel input); a trial with both sets
     *     empty matches
     * @param micro precision, recall and F1 of the counts summed over labels and trials
     * @param macro the unweighted mean over labels of their precision, recall and F1; empty when there
     *     is no label
     * @param weighted the mean over labels weighted by their support (in how many trials each is
     *     gold); empty when there is no label
     * @param samples the mean over trials of each trial's precision, recall and F1
     * @param perLabel the counts and metrics of each label, in label order
     */
    public record Multilabel(double subsetAccuracy, PrecisionRecallF1 micro, Optional<PrecisionRecallF1> macro,
            Optional<PrecisionRecallF1> weighted, PrecisionRecallF1 samples, Map<String, LabelMetrics> perLabel) {

        /**
         * Checks the components and copies {@code perLabel}, in label order.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if {@code subsetAccuracy} is not in [0, 1]
         */
        public Multilabel {
            if (!(subsetAccuracy >= 0 && subsetAccuracy <= 1)) {
                throw new IllegalArgumentException("subsetAccuracy must be in [0, 1] but was " + subsetAccuracy);
            }
            Objects.requireNonNull(micro, "micro");
            Objects.requireNonNull(macro, "macro");
            Objects.requireNonNull(weighted, "weighted");
            Objects.requireNonNull(samples, "samples");
            perLabel = copiedInLabelOrder(perLabel);
        }
    }

    /** Returns an unmodifiable copy of {@code perLabel} in label order. */
    private static Map<String, LabelMetrics> copiedInLabelOrder(Map<String, LabelMetrics> perLabel) {
        return Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(perLabel, "perLabel")));
    }

    /**
     * Returns the micro-averaged precision, recall and F1 of set F1 scores: the ratios of their
     * {@code tp}, {@code fp} and {@code fn} details summed over trials (scikit-learn's
     * {@code average="micro"} on the multilabel indicator matrix). Error scores are skipped.
     *
     * @param scores scores of {@code set_f1}, each with details {@code tp}, {@code fp}, {@code fn}
     * @param zeroDivision what a ratio with a zero denominator is: 0 or 1
     * @return the micro averages
     * @throws NullPointerException if {@code scores} or one of them is {@code null}
     * @throws IllegalArgumentException if {@code zeroDivision} is neither 0 nor 1, a score with a
     *     value lacks a count or has a negative one, or no score has a value
     */
    public static PrecisionRecallF1 micro(Iterable<Score> scores, double zeroDivision) {
        return sumTrials(scores, zeroDivision).micro();
    }

    /**
     * Returns the macro-averaged precision, recall and F1 of set F1 scores: the mean over trials of
     * each trial's ratios, recomputed from its {@code tp}, {@code fp} and {@code fn} with
     * {@code zeroDivision} (scikit-learn's {@code average="samples"} on the multilabel indicator
     * matrix). Error scores are skipped.
     *
     * @param scores scores of {@code set_f1}, each with details {@code tp}, {@code fp}, {@code fn}
     * @param zeroDivision what a ratio with a zero denominator is: 0 or 1
     * @return the macro averages
     * @throws NullPointerException if {@code scores} or one of them is {@code null}
     * @throws IllegalArgumentException if {@code zeroDivision} is neither 0 nor 1, a score with a
     *     value lacks a count or has a negative one, or no score has a value
     */
    public static PrecisionRecallF1 macro(Iterable<Score> scores, double zeroDivision) {
        return sumTrials(scores, zeroDivision).samples();
    }

    /**
     * Returns the subset accuracy of set F1 scores: the fraction of trials whose predicted item set
     * equals the gold set (no false positive and no false negative), as scikit-learn's
     * {@code accuracy_score} gives it on the multilabel indicator matrices. A trial with neither
     * predictions nor gold items matches. Error scores are skipped.
     *
     * @param scores scores of {@code set_f1}, each with details {@code tp}, {@code fp}, {@code fn}
     * @return the subset accuracy, in [0, 1]
     * @throws NullPointerException if {@code scores} or one of them is {@code null}
     * @throws IllegalArgumentException if a score with a value lacks a count or has a negative one, or
     *     no score has a value
     */
    public static double subsetAccuracy(Iterable<Score> scores) {
        return sumTrials(scores, 0.0).subsetAccuracy();
    }

    /** Adds the tp, fp and fn of every score with a value; throws if there is none. */
    private static TrialSums sumTrials(Iterable<Score> scores, double zeroDivision) {
        checkZeroDivision(zeroDivision);
        Objects.requireNonNull(scores, "scores");
        TrialSums sums = new TrialSums(zeroDivision);
        for (Score s : scores) {
            Objects.requireNonNull(s, "score");
            if (s.value().isEmpty()) {
                continue;
            }
            Map<String, Double> d = s.details();
            sums.add(count(d, "tp"), count(d, "fp"), count(d, "fn"));
        }
        requireSome(sums.trials);
        return sums;
    }

    /** Per-trial counts summed (for the micro average) and per-trial ratios summed (for the samples average). */
    private static final class TrialSums {
        private final double zeroDivision;
        private double tp;
        private double fp;
        private double fn;
        private double precision;
        private double recall;
        private double f1;
        private long trials;
        private long exact;

        TrialSums(double zeroDivision) {
            this.zeroDivision = zeroDivision;
        }

        void add(double trialTp, double trialFp, double trialFn) {
            tp += trialTp;
            fp += trialFp;
            fn += trialFn;
            precision += ratio(trialTp, trialTp + trialFp, zeroDivision);
            recall += ratio(trialTp, trialTp + trialFn, zeroDivision);
            f1 += ratio(2 * trialTp, 2 * trialTp + trialFp + trialFn, zeroDivision);
            trials++;
            if (trialFp == 0 && trialFn == 0) {
                exact++;
            }
        }

        double subsetAccuracy() {
            return (double) exact / trials;
        }

        PrecisionRecallF1 micro() {
            return prf(tp, fp, fn, zeroDivision);
        }

        PrecisionRecallF1 samples() {
            return new PrecisionRecallF1(precision / trials, recall / trials, f1 / trials);
        }
    }

    /**
     * Returns multiclass classification metrics of (expected, predicted) label pairs, the labels
     * being those expected or predicted at least once, in {@link String#compareTo} order (as
     * scikit-learn sorts them). A label never predicted has precision {@code zeroDivision}; a label
     * never expected has recall {@code zeroDivision} and weight 0 in the weighted average.
     *
     * @param expected the expected label of each pair
     * @param predicted the predicted label of each pair, in the same order
     * @param zeroDivision what a ratio with a zero denominator is: 0 or 1
     * @return the metrics
     * @throws NullPointerException if a list or a label is {@code null}
     * @throws IllegalArgumentException if the lists differ in size or are empty, or
     *     {@code zeroDivision} is neither 0 nor 1
     */
    public static Classification classification(List<String> expected, List<String> predicted, double zeroDivision) {
        checkPairs(expected, "expected", predicted, "labels", "label pairs", zeroDivision);
        Map<String, long[]> counts = new TreeMap<>();
        long correct = 0;
        for (int i = 0; i < expected.size(); i++) {
            String e = Objects.requireNonNull(expected.get(i), "expected label");
            String p = Objects.requireNonNull(predicted.get(i), "predicted label");
            counts.computeIfAbsent(e, k -> new long[3])[2]++;
            counts.computeIfAbsent(p, k -> new long[3])[1]++;
            if (e.equals(p)) {
                counts.get(e)[0]++;
                correct++;
            }
        }
        double n = expected.size();
        LabelAverages labels = labelAverages(counts, zeroDivision);
        // at least one pair, so at least one label with support: both averages are defined
        return new Classification(correct / n, prf(correct, n - correct, n - correct, zeroDivision),
                labels.macro().orElseThrow(), labels.weighted().orElseThrow(), labels.perLabel());
    }

    /**
     * Returns multilabel metrics of (gold, predicted) item sets, one pair per trial, as scikit-learn's
     * {@code precision_recall_fscore_support} gives them for the indicator matrices of a
     * {@code MultiLabelBinarizer} fitted on every gold and predicted item: each distinct item is a
     * label, in {@link String#compareTo} order, and a trial holds an item once however often its
     * collection lists it. Items are compared with {@link String#equals}, without normalization. A
     * label never predicted has precision {@code zeroDivision}, one never gold recall
     * {@code zeroDivision} and weight 0 in the weighted average. Labels that no trial has also count
     * in the macro average: to include them, call
     * {@link #multilabel(List, List, Collection, double)} with the full label set. When no trial has
     * a gold item every label's weight is 0 and the weighted average is the unweighted one (the macro
     * average), as scikit-learn 1.9 gives it (1.2 gave precision 0, recall {@code zeroDivision} and
     * F1 0 when something was predicted). With no label at all (every set empty) the macro and
     * weighted averages are empty, as scikit-learn 1.9 gives NaN for them with {@code labels=[]};
     * micro and samples are then {@code zeroDivision} and the subset accuracy 1 (every trial's empty
     * set matches). Runs in time linear in the number of items, plus sorting the labels.
     *
     * @param gold the gold items of each trial
     * @param predicted the predicted items of each trial, in the same order
     * @param zeroDivision what a ratio with a zero denominator is: 0 or 1 (scikit-learn's
     *     {@code "warn"} gives 0)
     * @return the metrics
     * @throws NullPointerException if {@code gold} or {@code predicted} is {@code null}
     * @throws IllegalArgumentException if the lists differ in size or are empty, a trial's
     *     collection or one of its items is {@code null} (the message names the list and the index),
     *     or {@code zeroDivision} is neither 0 nor 1
     */
    public static Multilabel multilabel(List<? extends Collection<String>> gold,
            List<? extends Collection<String>> predicted, double zeroDivision) {
        return multilabel(gold, predicted, new HashMap<>(), false, zeroDivision);
    }

    /**
     * Returns multilabel metrics of (gold, predicted) item sets over a given label set, as
     * scikit-learn gives them for a {@code MultiLabelBinarizer} whose classes are {@code labels}; see
     * {@link #multilabel(List, List, double)}. A label that no trial has gets precision, recall and
     * F1 {@code zeroDivision} and counts in the macro average (it changes neither the micro,
     * weighted nor samples average). Where scikit-learn's binarizer ignores an item that is not a
     * class, this method refuses it. Repeated labels count once.
     *
     * @param gold the gold items of each trial
     * @param predicted the predicted items of each trial, in the same order
     * @param labels every label, including those no trial has
     * @param zeroDivision what a ratio with a zero denominator is: 0 or 1 (scikit-learn's
     *     {@code "warn"} gives 0)
     * @return the metrics
     * @throws NullPointerException if {@code gold}, {@code predicted} or {@code labels} is
     *     {@code null}
     * @throws IllegalArgumentException if the lists differ in size or are empty, a trial's
     *     collection or one of its items is {@code null} or an item is not in {@code labels} (the
     *     message names the list and the index), a label is {@code null}, or {@code zeroDivision} is
     *     neither 0 nor 1
     */
    public static Multilabel multilabel(List<? extends Collection<String>> gold,
            List<? extends Collection<String>> predicted, Collection<String> labels, double zeroDivision) {
        Objects.requireNonNull(labels, "labels");
        Map<String, long[]> counts = new HashMap<>();
        int index = 0;
        for (String label : labels) {
            if (label == null) {
                throw new IllegalArgumentException("labels[" + index + "] is null");
            }
            counts.putIfAbsent(label, new long[3]);
            index++;
        }
        return multilabel(gold, predicted, counts, true, zeroDivision);
    }

    /**
     * Counts the item sets into {@code counts} (label to {tp, predicted, support}), which holds the
     * given labels; with {@code closed} an item must be one of them, else it adds a label.
     */
    private static Multilabel multilabel(List<? extends Collection<String>> gold,
            List<? extends Collection<String>> predicted, Map<String, long[]> counts, boolean closed,
            double zeroDivision) {
        checkPairs(gold, "gold", predicted, "trials", "trials", zeroDivision);
        TrialSums trials = new TrialSums(zeroDivision);
        Iterator<? extends Collection<String>> goldSets = gold.iterator();
        Iterator<? extends Collection<String>> predictedSets = predicted.iterator();
        for (int i = 0; goldSets.hasNext(); i++) {
            Set<String> g = itemSet(goldSets.next(), "gold", i, counts, closed);
            Set<String> p = itemSet(predictedSets.next(), "predicted", i, counts, closed);
            for (String item : g) {
                counts.computeIfAbsent(item, k -> new long[3])[2]++;
            }
            long tp = 0;
            for (String item : p) {
                long[] c = counts.computeIfAbsent(item, k -> new long[3]);
                c[1]++;
                if (g.contains(item)) {
                    c[0]++;
                    tp++;
                }
            }
            trials.add(tp, p.size() - tp, g.size() - tp);
        }
        LabelAverages labels = labelAverages(counts, zeroDivision);
        return new Multilabel(trials.subsetAccuracy(), trials.micro(), labels.macro(), labels.weighted(),
                trials.samples(), labels.perLabel());
    }

    /** Copies one trial's items into a set, refusing a null collection or item and, if closed, an unknown item. */
    private static Set<String> itemSet(Collection<String> items, String list, int index, Map<String, long[]> labels,
            boolean closed) {
        if (items == null) {
            throw new IllegalArgumentException(list + "[" + index + "] is null");
        }
        Set<String> set = new HashSet<>();
        for (String item : items) {
            if (item == null) {
                throw new IllegalArgumentException(list + "[" + index + "] has a null item");
            }
            if (closed && !labels.containsKey(item)) {
                throw new IllegalArgumentException(list + "[" + index + "] has the item '" + item
                        + "', which is not one of the labels");
            }
            set.add(item);
        }
        return set;
    }

    /** Each label's metrics and their macro and weighted averages. */
    private record LabelAverages(Map<String, LabelMetrics> perLabel, Optional<PrecisionRecallF1> macro,
            Optional<PrecisionRecallF1> weighted) {
    }

    /**
     * Computes each label's metrics from its counts {tp, predicted, support}, in label order, and
     * their macro and weighted averages. With no label both averages are empty (NaN in scikit-learn
     * 1.9); when no label has support the weighted average is the unweighted one, as scikit-learn
     * 1.9's {@code _nanaverage} falls back to when every weight is 0.
     */
    private static LabelAverages labelAverages(Map<String, long[]> counts, double zeroDivision) {
        Map<String, LabelMetrics> perLabel = new TreeMap<>();
        double sumP = 0;
        double sumR = 0;
        double sumF = 0;
        double wP = 0;
        double wR = 0;
        double wF = 0;
        long support = 0;
        for (Map.Entry<String, long[]> entry : new TreeMap<>(counts).entrySet()) {
            long[] c = entry.getValue();
            double tp = c[0];
            PrecisionRecallF1 m = prf(tp, c[1] - tp, c[2] - tp, zeroDivision);
            perLabel.put(entry.getKey(), new LabelMetrics(c[0], c[1], c[2], m));
            sumP += m.precision();
            sumR += m.recall();
            sumF += m.f1();
            wP += c[2] * m.precision();
            wR += c[2] * m.recall();
            wF += c[2] * m.f1();
            support += c[2];
        }
        int labels = counts.size();
        if (labels == 0) {
            return new LabelAverages(perLabel, Optional.empty(), Optional.empty());
        }
        PrecisionRecallF1 macro = new PrecisionRecallF1(sumP / labels, sumR / labels, sumF / labels);
        double n = support;
        PrecisionRecallF1 weighted = support > 0 ? new PrecisionRecallF1(wP / n, wR / n, wF / n) : macro;
        return new LabelAverages(perLabel, Optional.of(macro), Optional.of(weighted));
    }

    /**
     * Returns multiclass classification metrics of {@link Scorers#classification() classification}
     * scores, from the (predicted, expected) labels in their reasons; error scores are skipped. See
     * {@link #classification(List, List, double)}.
     *
     * @param scores classification scores
     * @param zeroDivision what a ratio with a zero denominator is: 0 or 1
     * @return the metrics
     * @throws NullPointerException if {@code scores} or one of them is {@code null}
     * @throws IllegalArgumentException if a score with a value is not a classification score, no
     *     score has a value, or {@code zeroDivision} is neither 0 nor 1
     */
    public static Classification classificationOfScores(Iterable<Score> scores, double zeroDivision) {
        Objects.requireNonNull(scores, "scores");
        List<String> expected = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (Score s : scores) {
            BuiltInScorers.classificationLabels(Objects.requireNonNull(s, "score")).ifPresent(pair -> {
                predicted.add(pair.get(0));
                expected.add(pair.get(1));
            });
        }
        requireSome(expected.size());
        return classification(expected, predicted, zeroDivision);
    }

    private static PrecisionRecallF1 prf(double tp, double fp, double fn, double zeroDivision) {
        return new PrecisionRecallF1(ratio(tp, tp + fp, zeroDivision), ratio(tp, tp + fn, zeroDivision),
                ratio(2 * tp, 2 * tp + fp + fn, zeroDivision));
    }

    private static double ratio(double numerator, double denominator, double zeroDivision) {
        return denominator == 0 ? zeroDivision : numerator / denominator;
    }

    private static double count(Map<String, Double> details, String name) {
        Double v = details.get(name);
        if (v == null) {
            throw new IllegalArgumentException("score has no detail '" + name + "'; is it a set_f1 score? details: "
                    + details.keySet());
        }
        if (v < 0) {
            throw new IllegalArgumentException("score detail '" + name + "' must be >= 0 but was " + v);
        }
        return v;
    }

    private static void requireSome(long n) {
        if (n == 0) {
            throw new IllegalArgumentException("there are no scores with a value to aggregate");
        }
    }

    /**
     * Checks that {@code first} (named {@code name}) and {@code predicted} are non-null lists of one
     * size, holding {@code elements}, with at least one of the {@code pairs}, and that
     * {@code zeroDivision} is 0 or 1.
     */
    private static void checkPairs(List<?> first, String name, List<?> predicted, String elements, String pairs,
            double zeroDivision) {
        Objects.requireNonNull(first, name);
        Objects.requireNonNull(predicted, "predicted");
        checkZeroDivision(zeroDivision);
        if (first.size() != predicted.size()) {
            throw new IllegalArgumentException(name + " has " + first.size() + " " + elements + " but predicted has "
                    + predicted.size());
        }
        if (first.isEmpty()) {
            throw new IllegalArgumentException("there are no " + pairs + " to measure");
        }
    }

    private static void checkZeroDivision(double zeroDivision) {
        if (zeroDivision != 0.0 && zeroDivision != 1.0) {
            throw new IllegalArgumentException("zeroDivision must be 0 or 1 but was " + zeroDivision);
        }
    }
}
