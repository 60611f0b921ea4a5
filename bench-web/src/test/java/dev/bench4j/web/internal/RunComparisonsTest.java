package dev.bench4j.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two-run comparison adjusts each metric's p-values over the models tested on it. */
class RunComparisonsTest {

    private static Map<String, Object> metric(String name, Double p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", name);
        m.put("p_value", p);
        return m;
    }

    @SafeVarargs
    private static Map<String, Object> model(Map<String, Object>... metrics) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metrics", new ArrayList<Object>(List.of(metrics)));
        return m;
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachMetricsPValuesAreHolmAdjustedOverTheModelsTestedOnIt() {
        Map<String, Object> f1A = metric("f1", 0.04);
        Map<String, Object> costA = metric("cost_usd", 0.2);
        Map<String, Object> f1B = metric("f1", 0.01);
        Map<String, Object> costB = metric("cost_usd", null);
        Map<String, Object> f1C = metric("f1", 0.03);
        List<Object> models = new ArrayList<>(List.of(model(f1A, costA), model(f1B, costB), model(f1C)));

        RunComparisons.adjustAcrossModels(models);

        // Holm over 0.04, 0.01, 0.03: sorted 0.01·3, 0.03·2, 0.04·1, then the running maximum
        assertThat((double) f1B.get("p_adjusted")).isCloseTo(0.03, offset(1e-12));
        assertThat((double) f1C.get("p_adjusted")).isCloseTo(0.06, offset(1e-12));
        assertThat((double) f1A.get("p_adjusted")).isCloseTo(0.06, offset(1e-12));
        assertThat(f1A).containsEntry("p_adjustment", "Holm").containsEntry("comparisons", 3);
        // a metric tested for one model only is not adjusted
        assertThat(costA).doesNotContainKey("p_adjusted");
        assertThat(costB).doesNotContainKey("p_adjusted");
    }
}
