package dev.bench4j.embeddings;

import dev.bench4j.core.spi.EmbeddingModel;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Times the in-process models: embeddings per second for short (about 12 words) and long (about 200
 * words, 1.2 KB) texts, one text per call and 32 per call, and the {@code embedding_similarity}
 * scorer over cells whose expected texts are cached; run as a main, not a test.
 */
public final class EmbeddingSpeedCheck {

    private static final String[] WORDS = {"the", "patient", "reports", "chest", "pain", "and", "mild", "fever",
        "since", "Monday", "invoice", "total", "is", "due", "in", "March", "please", "reset", "my", "password",
        "summary", "of", "the", "meeting", "decisions", "follow-up", "next", "week", "customer", "refund"};

    private EmbeddingSpeedCheck() {
    }

    /**
     * Warms up, then prints the rates.
     *
     * @param args none
     */
    public static void main(String[] args) {
        Random random = new Random(7);
        List<String> shortTexts = texts(random, 2000, 12);
        List<String> longTexts = texts(random, 200, 200);
        for (EmbeddingModel model : List.of(EmbeddingModels.allMiniLmL6V2(), EmbeddingModels.allMiniLmL6V2Quantized())) {
            time(model, "short, 1 per call (warm-up)", shortTexts.subList(0, 300), 1);
            time(model, "short, 1 per call", shortTexts, 1);
            time(model, "short, 32 per call", shortTexts, 32);
            time(model, "long, 1 per call", longTexts, 1);
            time(model, "long, 32 per call", longTexts, 32);
        }
        List<ScoreRequest> cells = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            cells.add(Requests.of(shortTexts.get(i), Optional.of(shortTexts.get(i % 50))));
        }
        Scorer scorer = EmbeddingScorers.cosine();
        score(scorer, cells.subList(0, 200));
        long start = System.nanoTime();
        score(scorer, cells);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("embedding_similarity, short outputs, 50 cached expected texts, 2 cells in flight: "
                + "%.0f cells/s%n", cells.size() / seconds);
    }

    private static void score(Scorer scorer, List<ScoreRequest> cells) {
        // two cells in flight, as a run on 2 cores would have
        for (int i = 0; i < cells.size(); i += 2) {
            CompletableFuture<?> a = scorer.score(cells.get(i)).toCompletableFuture();
            CompletableFuture<?> b = i + 1 < cells.size() ? scorer.score(cells.get(i + 1)).toCompletableFuture()
                    : CompletableFuture.completedFuture(null);
            CompletableFuture.allOf(a, b).join();
        }
    }

    private static void time(EmbeddingModel model, String what, List<String> texts, int perCall) {
        long start = System.nanoTime();
        for (int i = 0; i < texts.size(); i += perCall) {
            model.embed(texts.subList(i, Math.min(texts.size(), i + perCall))).toCompletableFuture().join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s, %s: %.0f embeddings/s (%.2f ms each)%n", model.name(), what, texts.size() / seconds,
                seconds * 1000 / texts.size());
    }

    private static List<String> texts(Random random, int count, int words) {
        List<String> texts = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < words; w++) {
                b.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            texts.add(b.append('.').toString());
        }
        return texts;
    }
}
