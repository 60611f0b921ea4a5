package dev.bench4j.scoring.stats;

import static dev.bench4j.scoring.stats.ReferenceJson.doubles;
import static dev.bench4j.scoring.stats.ReferenceJson.tests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.scoring.stats.CohenKappa.Weights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Cohen's kappa against scikit-learn's cohen_kappa_score ({@code metrics/reference.json}), and its checks. */
class CohenKappaTest {

    private static final JsonNode REF = ReferenceJson.load("/metrics/reference.json");

    private static List<Object> labels(JsonNode array) {
        List<Object> labels = new ArrayList<>();
        for (JsonNode v : array) {
            labels.add(v.isBoolean() ? (Object) v.asBoolean() : v.isNumber() ? (Object) v.asDouble() : v.asText());
        }
        return labels;
    }

    /** The kappa of a reference case's raters a and b with scikit-learn's weights ("null" for none). */
    private static Optional<Kappa> kappa(JsonNode c, String weights) {
        return switch (weights) {
            case "linear" -> CohenKappa.weighted(doubles(c.get("a")), doubles(c.get("b")), Weights.LINEAR);
            case "quadratic" -> CohenKappa.weighted(doubles(c.get("a")), doubles(c.get("b")), Weights.QUADRATIC);
            default -> CohenKappa.nominal(labels(c.get("a")), labels(c.get("b")));
        };
    }

    @TestFactory
    Stream<DynamicTest> matchesScikitLearnsCohenKappaScore() {
        assertThat(REF.get("sklearn_version").asText()).isNotEmpty();
        return ReferenceJson.cases(REF.get("cohen_kappa")).flatMap(c -> {
            String name = c.get("name").asText();
            return tests(c.get("results"), r -> name + " weights=" + r.get("weights").asText(), r -> {
                Optional<Kappa> k = kappa(c, r.get("weights").asText());
                if (r.get("kappa").isNull()) {
                    assertThat(k).isEmpty();
                    return;
                }
                assertThat(k).isPresent();
                assertThat(k.get().coefficient()).isCloseTo(r.get("kappa").asDouble(), within(1e-12));
                assertThat(k.get().observedAgreement()).isCloseTo(r.get("observed").asDouble(), within(1e-12));
                assertThat(k.get().expectedAgreement()).isCloseTo(r.get("expected").asDouble(), within(1e-12));
                assertThat(k.get().n()).isEqualTo(c.get("a").size());
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> matchesScikitLearn191sCohenKappaScore() {
        JsonNode ref = ReferenceJson.load("/stats/agreement_reference.json");
        assertThat(ref.get("sklearn_version").asText()).isEqualTo("1.9.1");
        return ReferenceJson.cases(ref.get("cohen_kappa")).flatMap(c -> {
            String name = c.get("name").asText();
            return tests(c.get("results"), r -> name + " weights=" + r.get("weights").asText(), r -> {
                Optional<Kappa> k = kappa(c, r.get("weights").asText());
                if (r.get("kappa").isNull()) {
                    assertThat(k).isEmpty();
                } else {
                    assertThat(k.orElseThrow().coefficient()).isCloseTo(r.get("kappa").asDouble(), within(1e-12));
                }
            });
        });
    }

    @Test
    void theJavadocExampleIsHalfWayBetweenChanceAndPerfect() {
        assertThat(CohenKappa.nominal(List.of(true, true, false, false), List.of(true, false, false, false)))
                .contains(new Kappa(0.5, 0.75, 0.5, 4));
    }

    @Test
    void weightsCountPositionsAmongTheValuesGivenNotTheValues() {
        // 1 vs 5 with nothing in between is one category apart, as 1 vs 2 is
        assertThat(CohenKappa.weighted(new double[] {1, 5, 1, 5}, new double[] {1, 5, 5, 5}, Weights.QUADRATIC))
                .isEqualTo(CohenKappa.weighted(new double[] {1, 2, 1, 2}, new double[] {1, 2, 2, 2}, Weights.QUADRATIC));
    }

    @Test
    void perfectAgreementIsExactlyOneAndOneRepeatedCategoryIsUndefined() {
        assertThat(CohenKappa.weighted(new double[] {1, 3, 2}, new double[] {1, 3, 2}, Weights.LINEAR))
                .get().extracting(Kappa::coefficient).isEqualTo(1.0);
        assertThat(CohenKappa.weighted(new double[] {4, 4}, new double[] {4, 4}, Weights.QUADRATIC)).isEmpty();
        assertThat(CohenKappa.nominal(List.of("ok", "ok"), List.of("ok", "ok"))).isEmpty();
    }

    @Test
    void minusZeroAndZeroAreOneRating() {
        assertThat(CohenKappa.weighted(new double[] {-0.0, 1}, new double[] {0.0, 1}, Weights.LINEAR))
                .get().extracting(Kappa::coefficient).isEqualTo(1.0);
    }

    @Test
    void badInputIsRejectedWithMessagesNamingIt() {
        assertThatThrownBy(() -> CohenKappa.nominal(List.of("a", "b"), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a and b differ in length (2 vs 1)");
        assertThatThrownBy(() -> CohenKappa.nominal(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a has 0 values; Cohen's kappa needs at least 1");
        assertThatThrownBy(() -> CohenKappa.nominal(List.of("a"), Arrays.asList((Object) null)))
                .isInstanceOf(NullPointerException.class).hasMessage("b[0] is null");
        assertThatThrownBy(() -> CohenKappa.nominal(null, List.of())).isInstanceOf(NullPointerException.class).hasMessage("a");
        assertThatThrownBy(() -> CohenKappa.weighted(new double[] {1, 2}, new double[] {1}, Weights.LINEAR))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a and b differ in length (2 vs 1)");
        assertThatThrownBy(() -> CohenKappa.weighted(new double[0], new double[0], Weights.LINEAR))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a has 0 values; Cohen's kappa needs at least 1");
        assertThatThrownBy(() -> CohenKappa.weighted(new double[] {1, Double.NaN}, new double[] {1, 2}, Weights.LINEAR))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a[1] is NaN; values must be finite");
        assertThatThrownBy(() -> CohenKappa.weighted(new double[] {1}, new double[] {1}, null))
                .isInstanceOf(NullPointerException.class).hasMessage("weights");
        assertThatThrownBy(() -> CohenKappa.weighted(new double[] {1}, null, Weights.LINEAR))
                .isInstanceOf(NullPointerException.class).hasMessage("b");
    }

    @Test
    void aKappaChecksItsRanges() {
        assertThatThrownBy(() -> new Kappa(1.5, 1, 0.5, 3)).hasMessage("coefficient must be finite and <= 1, was 1.5");
        assertThatThrownBy(() -> new Kappa(Double.NaN, 1, 0.5, 3)).hasMessage("coefficient must be finite and <= 1, was NaN");
        assertThatThrownBy(() -> new Kappa(0, -0.1, 0.5, 3)).hasMessage("observedAgreement must be in [0, 1], was -0.1");
        assertThatThrownBy(() -> new Kappa(0, 0.5, 1, 3)).hasMessage("expectedAgreement must be in [0, 1), was 1.0");
        assertThatThrownBy(() -> new Kappa(0, 0.5, 0.5, 0)).hasMessage("n must be at least 1, was 0");
    }
}
