package dev.bench4j.scoring;

import dev.bench4j.core.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times {@link Aggregates#micro(Iterable, double)} and {@link Aggregates#macro(Iterable, double)} over
 * 1,000,000 set F1 scores and {@link Aggregates#multilabel(List, List, double)} over 1,000,000 trials'
 * item sets; run as a main, not a test.
 */
public final class MetricsSpeedCheck {

    private MetricsSpeedCheck() {
    }

    /**
     * Builds 1,000,000 scores with random counts and 1,000,000 trials of random item sets, warms up,
     * then prints the time of micro and macro F1 over the scores and of the multilabel averages over
     * the item sets.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        Random random = new Random(7);
        List<Score> scores = new ArrayList<>(1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            int tp = random.nextInt(5);
            int fp = random.nextInt(3);
            int fn = random.nextInt(3);
            scores.add(Score.of(0).withDetail("tp", tp).withDetail("fp", fp).withDetail("fn", fn));
        }
        double f1 = 0;
        for (int i = 0; i < 3; i++) {
            f1 += Aggregates.micro(scores, 0.0).f1();
        }
        long start = System.nanoTime();
        f1 = Aggregates.micro(scores, 0.0).f1();
        long micro = System.nanoTime() - start;
        start = System.nanoTime();
        double macro = Aggregates.macro(scores, 0.0).f1();
        long macroNanos = System.nanoTime() - start;
        System.out.printf("micro F1 over 1,000,000 trials: %.1f ms (F1 %.6f); macro F1: %.1f ms (F1 %.6f)%n",
                micro / 1e6, f1, macroNanos / 1e6, macro);

        // 100 labels, about 3 gold and 3 predicted items a trial.
        List<List<String>> gold = new ArrayList<>(1_000_000);
        List<List<String>> predicted = new ArrayList<>(1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            gold.add(randomItems(random));
            predicted.add(randomItems(random));
        }
        for (int i = 0; i < 3; i++) {
            Aggregates.multilabel(gold, predicted, 0.0);
        }
        start = System.nanoTime();
        Aggregates.Multilabel m = Aggregates.multilabel(gold, predicted, 0.0);
        long multilabel = System.nanoTime() - start;
        System.out.printf("multilabel averages over 1,000,000 trials (%d labels): %.1f ms (macro F1 %.6f)%n",
                m.perLabel().size(), multilabel / 1e6, m.macro().orElseThrow().f1());
    }

    private static List<String> randomItems(Random random) {
        List<String> items = new ArrayList<>();
        for (int n = random.nextInt(7); n > 0; n--) {
            items.add("label" + random.nextInt(100));
        }
        return items;
    }
}
