package dev.bench4j.perf;

import dev.bench4j.core.CellId;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.RougeMeasure;
import dev.bench4j.scoring.RougeVariant;
import dev.bench4j.scoring.Scorers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of the text similarity scorers on 1 KB texts (target for ROUGE-L: at least 20,000
 * scores/s): an expected text of about 1,000 characters of English-like words, and an output made
 * from it with one word in five replaced, scored through the public {@code Scorer.score}.
 *
 * <pre>java -jar bench-perf/target/bench-perf.jar TextSimilarityBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TextSimilarityBenchmark {

    private static final String[] WORDS = {"the", "model", "answer", "summary", "of", "a", "report", "revenue",
        "grew", "in", "quarter", "cloud", "sales", "costs", "fell", "and", "while", "customers", "said", "that",
        "new", "product", "launch", "was", "delayed", "by", "two", "weeks", "because", "supply", "chain", "issues"};

    private final Scorer rougeL = Scorers.rouge(RougeVariant.ROUGE_L, RougeMeasure.F);
    private final Scorer rouge1 = Scorers.rouge(RougeVariant.ROUGE_1, RougeMeasure.F);
    private final Scorer rouge2 = Scorers.rouge(RougeVariant.ROUGE_2, RougeMeasure.F);
    private final Scorer bleu = Scorers.bleu();
    private final Scorer chrf = Scorers.chrf();
    private final Scorer levenshtein = Scorers.levenshtein();

    private ScoreRequest request;

    /** Writes the two texts once, seeded. */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(16);
        StringBuilder expected = new StringBuilder();
        StringBuilder output = new StringBuilder();
        while (expected.length() < 1000) {
            String word = WORDS[r.nextInt(WORDS.length)];
            String punctuation = r.nextInt(12) == 0 ? ". " : r.nextInt(10) == 0 ? ", " : " ";
            expected.append(word).append(punctuation);
            output.append(r.nextInt(5) == 0 ? WORDS[r.nextInt(WORDS.length)] : word).append(punctuation);
        }
        Trial trial = Trial.of("t1", Map.of("x", "1")).withExpected(expected.toString().strip());
        Prompt prompt = Prompt.named("p").user("x");
        ModelConfig model = ModelConfig.of("echo", "e");
        Result result = Result.success(new CellId(prompt.name(), model.id(), trial.id(), 0), output.toString().strip(),
                FinishReason.STOP, Result.Timing.of(Instant.EPOCH, Duration.ofMillis(5)));
        request = new ScoreRequest(result, trial, prompt, model);
    }

    private Score score(Scorer scorer) {
        return scorer.score(request).toCompletableFuture().join();
    }

    /** @return ROUGE-L F of the 1 KB texts */
    @Benchmark
    public Score rougeL() {
        return score(rougeL);
    }

    /** @return ROUGE-1 F of the 1 KB texts */
    @Benchmark
    public Score rouge1() {
        return score(rouge1);
    }

    /** @return ROUGE-2 F of the 1 KB texts */
    @Benchmark
    public Score rouge2() {
        return score(rouge2);
    }

    /** @return sentence BLEU of the 1 KB texts */
    @Benchmark
    public Score bleu() {
        return score(bleu);
    }

    /** @return chrF of the 1 KB texts */
    @Benchmark
    public Score chrf() {
        return score(chrf);
    }

    /** @return normalized Levenshtein of the 1 KB texts (about 1,000 × 1,000 cells) */
    @Benchmark
    public Score levenshtein() {
        return score(levenshtein);
    }
}
