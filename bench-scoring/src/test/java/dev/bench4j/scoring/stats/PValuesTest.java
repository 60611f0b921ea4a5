package dev.bench4j.scoring.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Adjusted p-values and decisions equal statsmodels' {@code multipletests} (see make_pvalues_reference.py). */
class PValuesTest {

    private static final JsonNode REFERENCE = ReferenceJson.load("/stats/pvalues_reference.json");
    private static final Map<String, PAdjustment> METHODS = Map.of("bonferroni", PAdjustment.BONFERRONI, "holm",
            PAdjustment.HOLM, "fdr_bh", PAdjustment.BENJAMINI_HOCHBERG);

    @TestFactory
    Stream<DynamicTest> adjustedValuesAndRejectionsEqualStatsmodels() {
        assertThat(REFERENCE.get("statsmodels").asText()).isEqualTo("0.15.0");
        return ReferenceJson.tests(REFERENCE.get("cases"), c -> {
            double[] p = ReferenceJson.doubles(c.get("p"));
            double alpha = c.get("alpha").asDouble();
            for (Map.Entry<String, PAdjustment> m : METHODS.entrySet()) {
                JsonNode expected = c.get(m.getKey());
                AdjustedPValues got = PValues.adjust(p, m.getValue(), alpha);
                assertThat(got.size()).isEqualTo(p.length);
                for (int i = 0; i < p.length; i++) {
                    assertThat(got.adjusted(i)).as("%s adjusted[%d]", m.getKey(), i)
                            .isCloseTo(expected.get("adjusted").get(i).asDouble(), offset(1e-12));
                    assertThat(got.rejected(i)).as("%s reject[%d]", m.getKey(), i)
                            .isEqualTo(expected.get("reject").get(i).asBoolean());
                }
                assertThat(PValues.adjust(p, m.getValue())).containsExactly(ReferenceJson.doubles(expected.get("adjusted")),
                        offset(1e-12));
            }
        });
    }

    @Test
    void theReferenceCoversTiesZerosOnesAndEverySizeUpToFifty() {
        assertThat(ReferenceJson.cases(REFERENCE.get("cases")).mapToInt(c -> c.get("p").size()).distinct().count())
                .isEqualTo(51);
        assertThat(ReferenceJson.cases(REFERENCE.get("cases")).flatMapToDouble(c -> java.util.Arrays.stream(
                ReferenceJson.doubles(c.get("p"))))).contains(0.0, 1.0);
    }

    @Test
    void holmKeepsTheInputOrderAndTiesShareTheirValue() {
        AdjustedPValues a = PValues.adjust(new double[] {0.01, 0.04, 0.03, 0.03}, PAdjustment.HOLM, 0.05);

        // sorted 0.01, 0.03, 0.03, 0.04 times 4, 3, 2, 1, then the running maximum
        assertThat(PValues.adjust(new double[] {0.01, 0.04, 0.03, 0.03}, PAdjustment.HOLM))
                .containsExactly(new double[] {0.04, 0.09, 0.09, 0.09}, offset(1e-15));
        assertThat(a.rejected()).containsExactly(true, false, false, false);
        assertThat(a.pValues()).containsExactly(0.01, 0.04, 0.03, 0.03);
        assertThat(a.method()).isEqualTo(PAdjustment.HOLM);
    }

    @Test
    void noAdjustmentKeepsTheValuesAndRejectsAtAlpha() {
        AdjustedPValues a = PValues.adjust(new double[] {0.05, 0.2}, PAdjustment.NONE, 0.05);

        assertThat(a.adjusted()).containsExactly(0.05, 0.2);
        assertThat(a.rejected()).containsExactly(true, false);
    }

    @Test
    void emptyInputGivesAnEmptyResult() {
        for (PAdjustment m : PAdjustment.values()) {
            assertThat(PValues.adjust(new double[0], m, 0.05).size()).isZero();
            assertThat(PValues.adjust(new double[0], m)).isEmpty();
        }
    }

    @Test
    void aPValueOutsideTheUnitIntervalOrNaNIsRefusedByIndex() {
        assertThatThrownBy(() -> PValues.adjust(new double[] {0.1, Double.NaN}, PAdjustment.HOLM))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pValues[1] must be in [0, 1], was NaN");
        assertThatThrownBy(() -> PValues.adjust(new double[] {1.5}, PAdjustment.BONFERRONI))
                .hasMessage("pValues[0] must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> PValues.adjust(new double[] {0.2, 0.1, -0.01}, PAdjustment.NONE))
                .hasMessage("pValues[2] must be in [0, 1], was -0.01");
        assertThatThrownBy(() -> PValues.adjust(new double[] {0.2}, PAdjustment.HOLM, 0))
                .hasMessage("alpha must be in (0, 1), was 0.0");
    }

    @Test
    void methodsAreReadByTheirOptionOrStatsmodelsName() {
        assertThat(PAdjustment.parse("Holm")).isEqualTo(PAdjustment.HOLM);
        assertThat(PAdjustment.parse("bh")).isEqualTo(PAdjustment.BENJAMINI_HOCHBERG);
        assertThat(PAdjustment.parse("fdr_bh")).isEqualTo(PAdjustment.BENJAMINI_HOCHBERG);
        assertThat(PAdjustment.parse("none")).isEqualTo(PAdjustment.NONE);
        assertThat(PAdjustment.parse("bonferroni")).isEqualTo(PAdjustment.BONFERRONI);
        assertThatThrownBy(() -> PAdjustment.parse("sidak"))
                .hasMessage("unknown p-value adjustment 'sidak'; expected one of none, bonferroni, holm, bh");
    }
}
