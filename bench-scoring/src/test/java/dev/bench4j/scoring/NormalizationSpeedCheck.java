package dev.bench4j.scoring;

import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.testing.Requests;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times {@link Normalization#apply(String)} over 1,000,000 model-output-like texts (standard, and
 * standard with ignore case) and the {@code contains} scorer over 20,000 cells (1,000 trials, 20
 * outputs each), reporting nanoseconds and allocated bytes per call; run as a main, not a test.
 */
public final class NormalizationSpeedCheck {

    private static final String[] WORDS = {"the", "patient", "has", "Type", "2", "diabetes", "and", "mild", "asthma",
        "no", "known", "allergies", "BP", "is", "elevated", "follow-up", "in", "3", "months", "answer:", "JSON", "yes"};

    private static final String[] ODD = {"caf\u00e9", "cafe\u0301", "\u00a0", "\u201cquoted\u201d", "Stra\u00dfe", "\u2003"};

    private NormalizationSpeedCheck() {
    }

    /**
     * Builds the texts, warms up, then prints the times.
     *
     * @param args what to time: {@code apply}, {@code score} or both (no arguments)
     */
    public static void main(String[] args) {
        List<String> parts = args.length == 0 ? List.of("apply", "score") : List.of(args);
        Random random = new Random(11);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            texts.add(text(random, 40 + random.nextInt(80), i % 10 == 0));
        }
        if (parts.contains("apply")) {
            apply("standard", Normalization.standard(), texts);
            apply("standard+ignoreCase", Normalization.standard().withIgnoreCase(true), texts);
        }
        if (!parts.contains("score")) {
            return;
        }

        List<ScoreRequest> cells = new ArrayList<>();
        for (int t = 0; t < 1000; t++) {
            String expected = text(random, 2 + random.nextInt(2), false);
            for (int m = 0; m < 20; m++) {
                String output = text(random, 40 + random.nextInt(80), (t + m) % 10 == 0)
                        + (random.nextBoolean() ? " " + expected + "." : "");
                cells.add(Requests.of(output, expected));
            }
        }
        score("contains", Scorers.contains(), cells);
        score("contains ignoreCase", Scorers.contains(Normalization.standard().withIgnoreCase(true)), cells);
        score("exact", Scorers.exact(), cells);

        List<ScoreRequest> lists = new ArrayList<>();
        for (int t = 0; t < 1000; t++) {
            List<String> gold = new ArrayList<>();
            for (int k = 2 + random.nextInt(4); k > 0; k--) {
                gold.add(text(random, 1 + random.nextInt(3), t % 10 == 0));
            }
            for (int m = 0; m < 20; m++) {
                StringBuilder output = new StringBuilder();
                for (int k = 1 + random.nextInt(6); k > 0; k--) {
                    output.append("- ").append(random.nextBoolean() ? gold.get(random.nextInt(gold.size()))
                            : text(random, 1 + random.nextInt(3), false)).append('\n');
                }
                lists.add(Requests.of(output.toString(), gold));
            }
        }
        score("set_f1", Scorers.setF1(), lists);
    }

    private static String text(Random random, int words, boolean odd) {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                int r = random.nextInt(20);
                b.append(r == 0 ? "\n" : r == 1 ? "  " : " ");
            }
            b.append(odd && random.nextInt(15) == 0 ? ODD[random.nextInt(ODD.length)] : WORDS[random.nextInt(WORDS.length)]);
        }
        return random.nextInt(4) == 0 ? b.append('\n').toString() : b.toString();
    }

    private static void apply(String label, Normalization n, List<String> texts) {
        int calls = 1_000_000;
        long sink = 0;
        for (int i = 0; i < calls; i++) {
            sink += n.apply(texts.get(i % texts.size())).length();
        }
        long bytes = allocated();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += n.apply(texts.get(i % texts.size())).length();
        }
        long nanos = System.nanoTime() - start;
        bytes = allocated() - bytes;
        System.out.printf("apply %-20s 1,000,000 calls: %6.1f ms, %5.0f ns/call, %5.0f B/call (%d)%n",
                label, nanos / 1e6, (double) nanos / calls, (double) bytes / calls, sink);
    }

    private static void score(String label, Scorer scorer, List<ScoreRequest> cells) {
        double sink = 0;
        for (int r = 0; r < 10; r++) {
            for (ScoreRequest cell : cells) {
                sink += scorer.score(cell).toCompletableFuture().join().value().orElse(0);
            }
        }
        int rounds = 10;
        long bytes = allocated();
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (ScoreRequest cell : cells) {
                sink += scorer.score(cell).toCompletableFuture().join().value().orElse(0);
            }
        }
        long nanos = System.nanoTime() - start;
        bytes = allocated() - bytes;
        int calls = rounds * cells.size();
        System.out.printf("score %-20s %d cells: %6.1f ms, %5.0f ns/cell, %5.0f B/cell (%.0f)%n",
                label, calls, nanos / 1e6, (double) nanos / calls, (double) bytes / calls, sink);
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
