package dev.bench4j.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import dev.bench4j.scoring.testing.Requests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scorer factories are found by ServiceLoader and build scorers from snake_case plan-file options. */
class ScorerFactoriesTest {

    private static final String TEXT_OPTIONS = "name, trim, ignore_case, collapse_whitespace, unicode_nfc";

    /** The required options of each type that has some, with a valid value. */
    private static final Map<String, Map<String, Object>> REQUIRED = Map.of("regex", Map.of("pattern", "x"),
            "json_field_equals", Map.of("pointer", ""), "latency_under", Map.of("max_ms", 1), "cost_under",
            Map.of("max_usd", 1), "tokens_under", Map.of("max_tokens", 1, "tokens", "total"), "llm_judge",
            Map.of("judge", Map.of("provider", "echo", "model", "judge")),
            "json_schema", Map.of("schema", Map.of()));

    /** This module's factories: bench-core's test-jar on the test path registers one for its own tests. */
    private static Stream<ScorerFactory> factories() {
        return ServiceLoader.load(ScorerFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.getClass().getPackageName().equals(ScorerFactoriesTest.class.getPackageName()));
    }

    private static ScorerFactory factory(String type) {
        return factories().filter(f -> f.type().equals(type)).findFirst().orElseThrow();
    }

    private static double value(Scorer scorer, String output, Object expected) {
        return Requests.score(scorer, output, expected).value().orElseThrow();
    }

    private static Map<String, Object> option(String key, Object value) {
        Map<String, Object> options = new HashMap<>();
        options.put(key, value);
        return options;
    }

    @Test
    void serviceLoaderFindsAllTypes() {
        assertThat(factories().map(ScorerFactory::type))
                .containsExactlyInAnyOrder("exact", "contains", "contains_all", "contains_any", "set_f1", "regex", "json_valid",
                        "json_field_equals", "numeric", "classification", "latency_under", "cost_under", "tokens_under", "llm_judge",
                        "levenshtein", "rouge", "bleu", "chrf", "json_schema");
    }

    @ParameterizedTest
    @MethodSource("factories")
    void withoutOptionsTheScorerIsNamedAfterItsType(ScorerFactory factory) {
        assumeTrue(REQUIRED.get(factory.type()) == null);
        assertThat(factory.create(Map.of()).name()).isEqualTo(factory.type());
    }

    @ParameterizedTest
    @MethodSource("factories")
    void theNameOptionRenamesTheScorer(ScorerFactory factory) {
        Map<String, Object> options = new HashMap<>();
        options.put("name", "strict");
        options.putAll(REQUIRED.getOrDefault(factory.type(), Map.of()));
        assertThat(factory.create(options).name()).isEqualTo("strict");
    }

    @Test
    void theTextScorersDefaultToStandardNormalization() {
        Scorer exact = factory("exact").create(Map.of());

        assertThat(value(exact, " New \n York ", "New York")).isEqualTo(1.0);
        assertThat(value(exact, "new york", "New York")).isEqualTo(0.0);
        assertThat(value(factory("contains").create(Map.of()), "in New York", List.of("New", "York"))).isEqualTo(1.0);
        assertThat(value(factory("contains_all").create(Map.of()), "in New York", List.of("New", "Paris"))).isEqualTo(0.0);
        assertThat(value(factory("contains_any").create(Map.of()), "in New York", List.of("New", "Paris"))).isEqualTo(1.0);
    }

    @Test
    void theNormalizationOptionsTurnEachStepOnOrOff() {
        ScorerFactory exact = factory("exact");

        assertThat(value(exact.create(Map.of("ignore_case", true)), "NEW YORK", "New York")).isEqualTo(1.0);
        assertThat(value(exact.create(Map.of("trim", false)), " New York", "New York")).isEqualTo(0.0);
        assertThat(value(exact.create(Map.of("collapse_whitespace", false)), "New  York", "New York")).isEqualTo(0.0);
        assertThat(value(exact.create(Map.of("unicode_nfc", false)), "Montre\u0301al", "Montr\u00e9al")).isEqualTo(0.0);
        assertThat(value(exact.create(Map.of("unicode_nfc", true)), "Montre\u0301al", "Montr\u00e9al")).isEqualTo(1.0);
    }

    @Test
    void setF1IgnoresCaseByDefaultAndTakesItsOwnOptions() {
        ScorerFactory setF1 = factory("set_f1");

        assertThat(value(setF1.create(Map.of()), "- Diabetes", List.of("diabetes"))).isEqualTo(1.0);
        assertThat(value(setF1.create(Map.of("ignore_case", false)), "- Diabetes", List.of("diabetes"))).isEqualTo(0.0);
        Scorer json = setF1.create(Map.of("pointer", "/conditions", "expected_pointer", "/gold", "field", "name"));
        assertThat(value(json, "{\"conditions\": [{\"name\": \"a\"}]}", Map.of("gold", List.of("a", "b"))))
                .isEqualTo(2.0 / 3);
    }

    @Test
    void zeroDivisionMayBeGivenAsAnIntegerOrADecimal() {
        ScorerFactory setF1 = factory("set_f1");

        assertThat(value(setF1.create(Map.of()), "", List.of())).isEqualTo(0.0);
        assertThat(value(setF1.create(Map.of("zero_division", 1L)), "", List.of())).isEqualTo(1.0);
        assertThat(value(setF1.create(Map.of("zero_division", 1.0)), "", List.of())).isEqualTo(1.0);
        assertThat(value(setF1.create(Map.of("zero_division", 0)), "", List.of())).isEqualTo(0.0);
    }

    @Test
    void anUnknownOptionIsRejectedListingTheAllowedOnes() {
        assertThatThrownBy(() -> factory("exact").create(Map.of("ignorecase", true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("exact scorer has no option 'ignorecase'; allowed: " + TEXT_OPTIONS);
        assertThatThrownBy(() -> factory("contains_any").create(Map.of("pointer", "/x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contains_any scorer has no option 'pointer'; allowed: " + TEXT_OPTIONS);
        assertThatThrownBy(() -> factory("set_f1").create(Map.of("type", "set_f1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set_f1 scorer has no option 'type'; allowed: " + TEXT_OPTIONS
                        + ", pointer, expected_pointer, field, zero_division");
    }

    @Test
    void aBooleanOptionMustBeTrueOrFalse() {
        assertThatThrownBy(() -> factory("contains").create(Map.of("trim", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contains scorer option 'trim' must be true or false but was \"yes\"");
        assertThatThrownBy(() -> factory("contains_all").create(option("ignore_case", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contains_all scorer option 'ignore_case' must be true or false but was null");
        assertThatThrownBy(() -> factory("set_f1").create(Map.of("unicode_nfc", 1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set_f1 scorer option 'unicode_nfc' must be true or false but was 1");
    }

    @Test
    void theNameMustBeANonBlankString() {
        assertThatThrownBy(() -> factory("exact").create(Map.of("name", 3L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("exact scorer option 'name' must be a non-blank string but was 3");
        assertThatThrownBy(() -> factory("set_f1").create(Map.of("name", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set_f1 scorer option 'name' must be a non-blank string but was \" \"");
    }

    @Test
    void pointersMustBeJsonPointers() {
        assertThatThrownBy(() -> factory("set_f1").create(Map.of("pointer", "conditions")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set_f1 scorer option 'pointer' must be a JSON Pointer (\"\" or starting with \"/\") "
                        + "but was \"conditions\"");
        assertThatThrownBy(() -> factory("set_f1").create(Map.of("expected_pointer", List.of("gold"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set_f1 scorer option 'expected_pointer' must be a JSON Pointer (\"\" or starting with \"/\") "
                        + "but was [\"gold\"]");
    }

    @Test
    void theFieldMustBeANonBlankString() {
        assertThatThrownBy(() -> factory("set_f1").create(Map.of("field", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set_f1 scorer option 'field' must be a non-blank string but was \"\"");
    }

    @Test
    void zeroDivisionMustBeZeroOrOne() {
        assertThatThrownBy(() -> factory("set_f1").create(Map.of("zero_division", 0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set_f1 scorer option 'zero_division' must be 0 or 1 but was 0.5");
        assertThatThrownBy(() -> factory("set_f1").create(Map.of("zero_division", "warn")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set_f1 scorer option 'zero_division' must be 0 or 1 but was \"warn\"");
    }

    @ParameterizedTest
    @MethodSource("factories")
    void nullOptionsAreRejected(ScorerFactory factory) {
        assertThatThrownBy(() -> factory.create(null)).isInstanceOf(NullPointerException.class).hasMessage("options");
    }
}
