package dev.bench4j.scoring.stats;

import static dev.bench4j.scoring.stats.ReferenceJson.tests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Fleiss' kappa against statsmodels' fleiss_kappa ({@code stats/agreement_reference.json}), and its checks. */
class FleissKappaTest {

    private static final JsonNode REF = ReferenceJson.load("/stats/agreement_reference.json");

    private static int[][] table(JsonNode rows) {
        int[][] t = new int[rows.size()][];
        for (int i = 0; i < t.length; i++) {
            t[i] = new int[rows.get(i).size()];
            for (int j = 0; j < t[i].length; j++) {
                t[i][j] = rows.get(i).get(j).asInt();
            }
        }
        return t;
    }

    private static List<List<String>> labels(JsonNode items) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode item : items) {
            List<String> row = new ArrayList<>();
            item.forEach(v -> row.add(v.asText()));
            out.add(row);
        }
        return out;
    }

    private static void assertKappa(Optional<Kappa> k, JsonNode expected, int items) {
        if (expected.isNull()) {
            assertThat(k).isEmpty();
            return;
        }
        assertThat(k).isPresent();
        assertThat(k.get().coefficient()).isCloseTo(expected.asDouble(), within(1e-12));
        assertThat(k.get().n()).isEqualTo(items);
    }

    @TestFactory
    Stream<DynamicTest> countsTableMatchesStatsmodelsFleissKappa() {
        assertThat(REF.get("statsmodels_version").asText()).isEqualTo("0.15.0");
        return tests(REF.get("fleiss_kappa"), c -> {
            int[][] t = table(c.get("table"));
            assertKappa(FleissKappa.ofCounts(t), c.get("kappa"), t.length);
        });
    }

    @TestFactory
    Stream<DynamicTest> perItemLabelsMatchStatsmodelsOnTheTableAggregateRatersMakes() {
        return tests(REF.get("fleiss_kappa"), c -> {
            if (!c.has("items")) {
                return; // a published table without the labels behind it
            }
            List<List<String>> items = labels(c.get("items"));
            assertKappa(FleissKappa.ofLabels(items), c.get("kappa"), items.size());
            assertThat(FleissKappa.ofLabels(items)).isEqualTo(FleissKappa.ofCounts(table(c.get("table"))));
        });
    }

    @Test
    void theJavadocExampleGivesTheAgreementsItCompares() {
        Kappa k = FleissKappa.ofLabels(List.of(List.of("ok", "ok", "bad"), List.of("bad", "bad", "bad"),
                List.of("ok", "ok", "ok"))).orElseThrow();
        assertThat(k.coefficient()).isCloseTo(0.55, within(1e-12));
        assertThat(k.observedAgreement()).isCloseTo(14.0 / 18, within(1e-15));
        assertThat(k.expectedAgreement()).isCloseTo(41.0 / 81, within(1e-15));
        assertThat(k.n()).isEqualTo(3);
    }

    @Test
    void perfectAgreementIsOneAndASingleCategoryThroughoutIsUndefined() {
        assertThat(FleissKappa.ofCounts(new int[][] {{3, 0}, {0, 3}})).get().extracting(Kappa::coefficient).isEqualTo(1.0);
        assertThat(FleissKappa.ofCounts(new int[][] {{0, 4}, {0, 4}})).isEmpty();
        assertThat(FleissKappa.ofLabels(List.of(List.of(1, 1), List.of(1, 1)))).isEmpty();
    }

    @Test
    void badInputIsRejectedWithMessagesNamingIt() {
        assertThatThrownBy(() -> FleissKappa.ofCounts(new int[0][])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table has no rows; Fleiss' kappa needs at least 1 item");
        assertThatThrownBy(() -> FleissKappa.ofCounts(new int[][] {{}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table[0] has no columns; Fleiss' kappa needs at least 1 category");
        assertThatThrownBy(() -> FleissKappa.ofCounts(new int[][] {{1, 2}, {3}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table[1] has 1 categories but table[0] has 2");
        assertThatThrownBy(() -> FleissKappa.ofCounts(new int[][] {{1, 2}, {2, 2}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table[1] has 4 ratings but table[0] has 3; Fleiss' kappa needs the same number of raters per item");
        assertThatThrownBy(() -> FleissKappa.ofCounts(new int[][] {{1, 0}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table[0] has 1 ratings; Fleiss' kappa needs at least 2 raters per item");
        assertThatThrownBy(() -> FleissKappa.ofCounts(new int[][] {{3, 0}, {4, -1}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table[1][1] is -1; counts must not be negative");
        assertThatThrownBy(() -> FleissKappa.ofCounts(new int[][] {{3, 0}, null})).isInstanceOf(NullPointerException.class)
                .hasMessage("table[1] is null");
        assertThatThrownBy(() -> FleissKappa.ofCounts(null)).isInstanceOf(NullPointerException.class).hasMessage("table");
        assertThatThrownBy(() -> FleissKappa.ofLabels(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("items is empty; Fleiss' kappa needs at least 1 item");
        assertThatThrownBy(() -> FleissKappa.ofLabels(List.of(List.of("a", "b"), List.of("a", "b", "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("items[1] has 3 labels but items[0] has 2; Fleiss' kappa needs the same number of raters per item");
        assertThatThrownBy(() -> FleissKappa.ofLabels(List.of(List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("items[0] has 1 labels; Fleiss' kappa needs at least 2 raters per item");
        assertThatThrownBy(() -> FleissKappa.ofLabels(List.of(List.of("a", "b"), Arrays.asList("a", null))))
                .isInstanceOf(NullPointerException.class).hasMessage("items[1][1] is null");
        assertThatThrownBy(() -> FleissKappa.ofLabels(Arrays.asList(List.of("a", "b"), null)))
                .isInstanceOf(NullPointerException.class).hasMessage("items[1] is null");
    }
}
