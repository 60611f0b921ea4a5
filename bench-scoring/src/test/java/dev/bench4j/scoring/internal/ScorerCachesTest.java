package dev.bench4j.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Normalization;
import dev.bench4j.scoring.Scorers;
import dev.bench4j.scoring.SetF1Options;
import dev.bench4j.scoring.testing.Requests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The scorers remember normalized expected texts across cells; what they remember changes no score,
 * however many texts there are, however long, and from however many threads.
 */
class ScorerCachesTest {

    private static final String[] WORDS = {"Diabetes", "asthma", "\u00a0", "caf\u00e9", "cafe\u0301", " ", "\n",
        "Stra\u00dfe", "STRASSE", "\u0130", "\u03a3", "copd", "\u3000", "\u200b"};

    private static String text(Random random, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    @Test
    void rememberedTextsAreTheNormalizedTextsBeyondTheBoundAndForLongTexts() {
        Normalization n = Normalization.standard().withIgnoreCase(true);
        NormalizedTexts texts = new NormalizedTexts(n);
        Random random = new Random(3);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < NormalizedTexts.MAX_ENTRIES * 2 + 100; i++) {
            all.add(i + text(random, random.nextInt(6)));
        }
        all.add("x".repeat(NormalizedTexts.MAX_LENGTH + 1) + "\u00a0 Y ");
        for (int round = 0; round < 3; round++) {
            for (String s : all) {
                assertThat(texts.apply(s)).isEqualTo(n.apply(s));
            }
        }
    }

    @Test
    void aSharedScorerScoresAsAFreshOneDoesFromManyThreads() throws Exception {
        Normalization n = Normalization.standard().withIgnoreCase(true);
        List<Supplier<Scorer>> kinds = List.of(() -> Scorers.contains(n), () -> Scorers.containsAny(n),
                () -> Scorers.exact(n), Scorers::exact, Scorers::setF1);
        List<Scorer> shared = kinds.stream().map(Supplier::get).toList();
        Random random = new Random(5);
        List<String> outputs = new ArrayList<>();
        List<Object> expecteds = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            outputs.add(text(random, random.nextInt(12)));
            expecteds.add(random.nextBoolean() ? text(random, 1 + random.nextInt(2))
                    : List.of(text(random, 1), text(random, 1 + random.nextInt(2))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 3; round++) {
                        for (int i = 0; i < outputs.size(); i++) {
                            for (int s = 0; s < shared.size(); s++) {
                                Score expected = Requests.score(kinds.get(s).get(), outputs.get(i), expecteds.get(i));
                                assertThat(Requests.score(shared.get(s), outputs.get(i), expecteds.get(i)))
                                        .isEqualTo(expected);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anArrayOfStringsGivesTheSetF1ScoreThatTheSameArrayAtAPointerGives() {
        Scorer plain = Scorers.setF1();
        Scorer pointed = Scorers.setF1(SetF1Options.defaults().withExpectedPointer("/items"));
        Random random = new Random(9);
        for (int i = 0; i < 500; i++) {
            List<String> gold = new ArrayList<>();
            for (int k = random.nextInt(5); k > 0; k--) {
                gold.add(text(random, 1 + random.nextInt(2)));
            }
            String output = "- " + text(random, 2) + "\n* " + text(random, 1) + "\n1. " + (gold.isEmpty() ? "" : gold.get(0));
            assertThat(Requests.score(plain, output, gold)).isEqualTo(Requests.score(pointed, output, Map.of("items", gold)));
        }
    }

    @Test
    void containsReportsABadItemBeforeAnItemThatIsEmptyAfterNormalization() {
        assertThat(Requests.score(Scorers.contains(), "x", List.of(" ", Map.of("name", "copd"))).error())
                .contains("trial 't1' expected item 1 must be a string, number or boolean but is an object");
        assertThat(Requests.score(Scorers.contains(), "x", List.of(" ", "x")).error())
                .contains("trial 't1' expected item 0 is empty after normalization");
    }

    @Test
    void scorersAreStillValuesOfTheirSettings() {
        Normalization n = Normalization.standard().withIgnoreCase(true);
        assertThat(new ContainsScorer("c", n, ContainsScorer.Kind.CONTAINS))
                .isEqualTo(new ContainsScorer("c", n, ContainsScorer.Kind.CONTAINS))
                .hasSameHashCodeAs(new ContainsScorer("c", n, ContainsScorer.Kind.CONTAINS))
                .isNotEqualTo(new ContainsScorer("c", n, ContainsScorer.Kind.CONTAINS_ANY));
        assertThat(new ExactScorer("e", n)).isEqualTo(new ExactScorer("e", n)).isNotEqualTo(new ExactScorer("e", Normalization.none()));
        assertThat(new SetF1Scorer("f", SetF1Options.defaults())).isEqualTo(new SetF1Scorer("f", SetF1Options.defaults()))
                .isNotEqualTo(new SetF1Scorer("g", SetF1Options.defaults()));
    }
}
