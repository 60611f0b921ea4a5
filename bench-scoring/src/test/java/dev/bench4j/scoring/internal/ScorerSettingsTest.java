package dev.bench4j.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import dev.bench4j.scoring.Normalization;
import dev.bench4j.scoring.RougeMeasure;
import dev.bench4j.scoring.RougeVariant;
import dev.bench4j.scoring.Scorers;
import dev.bench4j.scoring.SetF1Options;
import dev.bench4j.scoring.TokenKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in scorer but the judge reports its plan-file type and options, defaults included, as
 * its settings; fed back to its factory they make a scorer with the same settings, and a scorer made
 * from code reports what the same plan-file options do.
 */
class ScorerSettingsTest {

    private static ScorerFactory factory(String type) {
        return ServiceLoader.load(ScorerFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals(type)).findFirst().orElseThrow();
    }

    private static Map<String, Object> settings(String type, Map<String, Object> options) {
        return factory(type).create(options).settings();
    }

    /** A map of keys and values in that order. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castOptions(Object options) {
        return (Map<String, Object>) options;
    }

    private static Map<String, Object> withoutType(Map<String, Object> settings) {
        Map<String, Object> options = new HashMap<>(settings);
        options.remove("type");
        return options;
    }

    /** Options for every type but llm_judge: the required ones only, then others away from their defaults. */
    static Stream<Arguments> planOptions() {
        return Stream.of(
                Arguments.of("exact", map()),
                Arguments.of("exact", map("trim", false, "ignore_case", true, "collapse_whitespace", false, "unicode_nfc", false)),
                Arguments.of("contains", map()),
                Arguments.of("contains", map("ignore_case", true)),
                Arguments.of("contains_all", map()),
                Arguments.of("contains_all", map("trim", false, "unicode_nfc", false)),
                Arguments.of("contains_any", map()),
                Arguments.of("contains_any", map("collapse_whitespace", false)),
                Arguments.of("set_f1", map()),
                Arguments.of("set_f1", map("pointer", "/conditions", "expected_pointer", "", "field", "name",
                        "zero_division", 1, "ignore_case", false)),
                Arguments.of("set_f1", map("pointer", "", "zero_division", 1.0)),
                Arguments.of("regex", map("pattern", "a.b")),
                Arguments.of("regex", map("pattern", "^yes$", "match", "full", "flags", "usxmi")),
                Arguments.of("regex", map("pattern", "(?i)yes", "match", "find", "flags", "")),
                Arguments.of("json_valid", map()),
                Arguments.of("json_valid", map("object", true)),
                Arguments.of("json_field_equals", map("pointer", "")),
                Arguments.of("json_field_equals", map("pointer", "/answer/0", "expected_pointer", "/gold")),
                Arguments.of("numeric", map()),
                Arguments.of("numeric", map("abs_tol", 0.01, "rel_tol", 1e-9, "extract", "whole")),
                Arguments.of("numeric", map("abs_tol", 2, "rel_tol", 1e20)),
                Arguments.of("classification", map()),
                Arguments.of("classification", map("ignore_case", false)),
                Arguments.of("latency_under", map("max_ms", 250)),
                Arguments.of("latency_under", map("max_ms", 0.5)),
                Arguments.of("cost_under", map("max_usd", 0.002)),
                Arguments.of("cost_under", map("max_usd", 0)),
                Arguments.of("tokens_under", map("max_tokens", 1000L, "tokens", "total")),
                Arguments.of("tokens_under", map("max_tokens", 500, "tokens", "output")),
                Arguments.of("tokens_under", map("max_tokens", 0, "tokens", "input")),
                Arguments.of("levenshtein", map()),
                Arguments.of("levenshtein", map("ignore_case", true, "trim", false)),
                Arguments.of("rouge", map()),
                Arguments.of("rouge", map("variant", "rouge2", "measure", "r")),
                Arguments.of("bleu", map()),
                Arguments.of("chrf", map()),

                Arguments.of("json_schema", map("schema", map("type", "object", "required", List.of("a")))),
                Arguments.of("json_schema", map("schema_json", "{\"type\": \"integer\"}", "pointer", "/n", "name", "n")));
    }

    @Test
    void theOptionCasesCoverEveryTypeButTheJudge() {
        Set<String> covered = planOptions().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        Set<String> types = ServiceLoader.load(ScorerFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.getClass().getPackageName().equals(ScorerSettingsTest.class.getPackageName()))   // not test-jars'
                .map(ScorerFactory::type).filter(t -> !t.equals("llm_judge")).collect(Collectors.toSet());

        assertThat(covered).isEqualTo(types);
    }

    @Test
    void theSettingsStartWithTheTypeAndSpellOutEveryDefault() {
        Map<String, Object> standard = map("trim", true, "ignore_case", false, "collapse_whitespace", true, "unicode_nfc", true);
        for (String type : List.of("exact", "contains", "contains_all", "contains_any")) {
            Map<String, Object> expected = map("type", type);
            expected.putAll(standard);
            assertThat(settings(type, map())).as(type).containsExactlyEntriesOf(expected);
        }
        assertThat(settings("classification", map())).containsExactlyEntriesOf(map("type", "classification",
                "trim", true, "ignore_case", true, "collapse_whitespace", true, "unicode_nfc", true));
        assertThat(settings("set_f1", map())).containsExactlyEntriesOf(map("type", "set_f1",
                "trim", true, "ignore_case", true, "collapse_whitespace", true, "unicode_nfc", true, "zero_division", 0L));
        assertThat(settings("regex", map("pattern", "a.b"))).containsExactlyEntriesOf(map("type", "regex",
                "pattern", "a.b", "match", "find", "flags", ""));
        assertThat(settings("json_valid", map())).containsExactlyEntriesOf(map("type", "json_valid", "object", false));
        assertThat(settings("json_field_equals", map("pointer", "/a"))).containsExactlyEntriesOf(map(
                "type", "json_field_equals", "pointer", "/a", "expected_pointer", ""));
        assertThat(settings("numeric", map())).containsExactlyEntriesOf(map("type", "numeric",
                "abs_tol", 0L, "rel_tol", 0L, "extract", "first"));
        assertThat(settings("latency_under", map("max_ms", 250))).containsExactlyEntriesOf(map(
                "type", "latency_under", "max_ms", 250L));
        assertThat(settings("cost_under", map("max_usd", 0.002))).containsExactlyEntriesOf(map(
                "type", "cost_under", "max_usd", 0.002));
        assertThat(settings("tokens_under", map("tokens", "output", "max_tokens", 1000))).containsExactlyEntriesOf(map(
                "type", "tokens_under", "max_tokens", 1000L, "tokens", "output"));
        Map<String, Object> levenshtein = map("type", "levenshtein");
        levenshtein.putAll(standard);
        assertThat(settings("levenshtein", map())).containsExactlyEntriesOf(levenshtein);
        assertThat(settings("rouge", map())).containsExactlyEntriesOf(map("type", "rouge", "variant", "rougeL", "measure", "f"));
        assertThat(settings("bleu", map())).containsExactlyEntriesOf(map("type", "bleu"));
        assertThat(settings("chrf", map())).containsExactlyEntriesOf(map("type", "chrf"));
    }

    @Test
    void setF1ReportsItsPointersAndFieldOnlyWhenSet() {
        assertThat(settings("set_f1", map("pointer", "/conditions", "expected_pointer", "", "field", "name",
                "zero_division", 1.0))).containsExactlyEntriesOf(map("type", "set_f1", "trim", true, "ignore_case", true,
                        "collapse_whitespace", true, "unicode_nfc", true, "pointer", "/conditions", "expected_pointer", "",
                        "field", "name", "zero_division", 1L));
        assertThat(settings("set_f1", map("expected_pointer", "/gold"))).containsEntry("expected_pointer", "/gold")
                .doesNotContainKeys("pointer", "field");
    }

    @ParameterizedTest
    @MethodSource("planOptions")
    void settingsFedBackAsOptionsMakeAScorerWithTheSameSettings(String type, Map<String, Object> options) {
        Map<String, Object> settings = settings(type, options);

        assertThat(settings).containsEntry("type", type);
        assertThat(settings(type, withoutType(settings))).containsExactlyEntriesOf(settings);
    }

    @ParameterizedTest
    @MethodSource("planOptions")
    void settingsAreStringsBooleansAndNumbersThatCannotBeChanged(String type, Map<String, Object> options) {
        Map<String, Object> settings = settings(type, options);

        assertThat(settings.values()).allSatisfy(v -> assertThat(v).isInstanceOfAny(String.class, Boolean.class,
                Long.class, Double.class));
        assertThatThrownBy(() -> settings.put("type", "other")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(settings(type, options)).containsExactlyEntriesOf(settings);
    }

    @SuppressWarnings("removal")
    private static Scorer deprecatedTokensUnder(long max) {
        return Scorers.tokensUnder(max);
    }

    static Stream<Arguments> fromCode() {
        return Stream.of(
                argumentSet("exact()", Scorers.exact(), "exact", map()),
                argumentSet("exact(none)", Scorers.exact(Normalization.none()), "exact",
                        map("trim", false, "ignore_case", false, "collapse_whitespace", false, "unicode_nfc", false)),
                argumentSet("contains()", Scorers.contains(), "contains", map()),
                argumentSet("containsAll(ignore case)", Scorers.containsAll(Normalization.standard().withIgnoreCase(true)),
                        "contains_all", map("ignore_case", true)),
                argumentSet("containsAny()", Scorers.containsAny(), "contains_any", map()),
                argumentSet("setF1()", Scorers.setF1(), "set_f1", map()),
                argumentSet("setF1(options)", Scorers.setF1(SetF1Options.defaults().withPointer("/conditions").withExpectedPointer("")
                        .withField("name").withZeroDivision(1.0).withNormalization(Normalization.none())), "set_f1",
                        map("pointer", "/conditions", "expected_pointer", "", "field", "name", "zero_division", 1,
                                "trim", false, "ignore_case", false, "collapse_whitespace", false, "unicode_nfc", false)),
                argumentSet("regex(String)", Scorers.regex("a.b"), "regex", map("pattern", "a.b")),
                argumentSet("regex(Pattern, full)", Scorers.regex(Pattern.compile("^yes$",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE), true), "regex",
                        map("pattern", "^yes$", "match", "full", "flags", "mi")),
                argumentSet("regex(UNICODE_CHARACTER_CLASS)", Scorers.regex(Pattern.compile("\\w+",
                        Pattern.UNICODE_CHARACTER_CLASS), false), "regex", map("pattern", "\\w+", "flags", "u")),
                argumentSet("regex with inline flags", Scorers.regex("(?i)yes"), "regex", map("pattern", "(?i)yes")),
                argumentSet("regex with inline and given flags", Scorers.regex(Pattern.compile("(?s)a.b",
                        Pattern.UNICODE_CHARACTER_CLASS), false), "regex", map("pattern", "(?s)a.b", "flags", "u")),
                argumentSet("jsonValid()", Scorers.jsonValid(), "json_valid", map()),
                argumentSet("jsonValid(true)", Scorers.jsonValid(true), "json_valid", map("object", true)),
                argumentSet("jsonFieldEquals(pointer)", Scorers.jsonFieldEquals("/a"), "json_field_equals", map("pointer", "/a")),
                argumentSet("jsonFieldEquals(pointers)", Scorers.jsonFieldEquals("/a", "/b"), "json_field_equals",
                        map("pointer", "/a", "expected_pointer", "/b")),
                argumentSet("numeric(abs, rel)", Scorers.numeric(0, 0.05), "numeric", map("rel_tol", 0.05)),
                argumentSet("numeric(abs, rel, whole)", Scorers.numeric(0.01, 0, true), "numeric",
                        map("abs_tol", 0.01, "extract", "whole")),
                argumentSet("classification()", Scorers.classification(), "classification", map()),
                argumentSet("latencyUnder(250 ms)", Scorers.latencyUnder(Duration.ofMillis(250)), "latency_under",
                        map("max_ms", 250)),
                argumentSet("latencyUnder(1.5 ms)", Scorers.latencyUnder(Duration.ofNanos(1_500_000)), "latency_under",
                        map("max_ms", 1.5)),
                argumentSet("costUnder", Scorers.costUnder(0.002), "cost_under", map("max_usd", 0.002)),
                argumentSet("tokensUnder(1000, OUTPUT)", Scorers.tokensUnder(1000, TokenKind.OUTPUT), "tokens_under",
                        map("max_tokens", 1000, "tokens", "output")),
                argumentSet("tokensUnder(0, INPUT)", Scorers.tokensUnder(0, TokenKind.INPUT), "tokens_under",
                        map("max_tokens", 0, "tokens", "input")),
                argumentSet("deprecated tokensUnder(1000): total", deprecatedTokensUnder(1000), "tokens_under",
                        map("max_tokens", 1000, "tokens", "total")),
                argumentSet("levenshtein()", Scorers.levenshtein(), "levenshtein", map()),
                argumentSet("rouge(ROUGE_1, PRECISION)", Scorers.rouge(RougeVariant.ROUGE_1, RougeMeasure.PRECISION), "rouge",
                        map("variant", "rouge1", "measure", "p")),
                argumentSet("rouge(ROUGE_L, F)", Scorers.rouge(RougeVariant.ROUGE_L, RougeMeasure.F), "rouge", map()),
                argumentSet("bleu()", Scorers.bleu(), "bleu", map()),
                argumentSet("chrf()", Scorers.chrf(), "chrf", map()));
    }

    @ParameterizedTest
    @MethodSource("fromCode")
    void aScorerFromCodeReportsTheSettingsOfTheSamePlanFileOptions(Scorer scorer, String type, Map<String, Object> options) {
        assertThat(scorer.settings()).containsExactlyEntriesOf(settings(type, options));
    }

    static Stream<Arguments> oneOptionChanged() {
        return Stream.of(
                Arguments.of("exact", map(), "trim", false),
                Arguments.of("exact", map(), "ignore_case", true),
                Arguments.of("exact", map(), "collapse_whitespace", false),
                Arguments.of("exact", map(), "unicode_nfc", false),
                Arguments.of("contains", map(), "ignore_case", true),
                Arguments.of("contains_all", map(), "trim", false),
                Arguments.of("contains_any", map(), "unicode_nfc", false),
                Arguments.of("classification", map(), "ignore_case", false),
                Arguments.of("set_f1", map(), "pointer", "/conditions"),
                Arguments.of("set_f1", map(), "expected_pointer", "/gold"),
                Arguments.of("set_f1", map("pointer", "/conditions"), "pointer", ""),
                Arguments.of("set_f1", map(), "field", "name"),
                Arguments.of("set_f1", map(), "zero_division", 1),
                Arguments.of("set_f1", map(), "collapse_whitespace", false),
                Arguments.of("regex", map("pattern", "a"), "pattern", "b"),
                Arguments.of("regex", map("pattern", "a"), "match", "full"),
                Arguments.of("regex", map("pattern", "a"), "flags", "i"),
                Arguments.of("regex", map("pattern", "a", "flags", "i"), "flags", "is"),
                Arguments.of("json_valid", map(), "object", true),
                Arguments.of("json_field_equals", map("pointer", ""), "pointer", "/a"),
                Arguments.of("json_field_equals", map("pointer", ""), "expected_pointer", "/b"),
                Arguments.of("numeric", map(), "abs_tol", 0.5),
                Arguments.of("numeric", map(), "rel_tol", 0.01),
                Arguments.of("numeric", map(), "extract", "whole"),
                Arguments.of("latency_under", map("max_ms", 250), "max_ms", 251),
                Arguments.of("cost_under", map("max_usd", 0.002), "max_usd", 0.0021),
                Arguments.of("tokens_under", map("max_tokens", 1000, "tokens", "total"), "max_tokens", 1001),
                Arguments.of("tokens_under", map("max_tokens", 1000, "tokens", "total"), "tokens", "output"),
                Arguments.of("levenshtein", map(), "ignore_case", true),
                Arguments.of("rouge", map(), "variant", "rouge1"),
                Arguments.of("rouge", map(), "measure", "p"));
    }

    @ParameterizedTest
    @MethodSource("oneOptionChanged")
    void scorersDifferingInOneOptionHaveSettingsDifferingInThatKeyOnly(String type, Map<String, Object> base, String key,
            Object other) {
        Map<String, Object> changed = new HashMap<>(base);
        changed.put(key, other);
        Map<String, Object> before = settings(type, base);
        Map<String, Object> after = settings(type, changed);

        Set<String> differing = new TreeSet<>(before.keySet());
        differing.addAll(after.keySet());
        differing.removeIf(k -> Objects.equals(before.get(k), after.get(k)));
        assertThat(differing).containsExactly(key);
    }

    @Test
    void containsAndContainsAllScoreAlikeButReportTheirOwnType() {
        assertThat(Scorers.contains().settings()).containsEntry("type", "contains");
        assertThat(Scorers.containsAll().settings()).containsEntry("type", "contains_all");
        assertThat(withoutType(Scorers.contains().settings())).isEqualTo(withoutType(Scorers.containsAll().settings()));
    }

    @Test
    void theNameIsNotASettingSoARenamedScorerReportsTheSettingsOfTheOneItRenames() {
        assertThat(settings("exact", map("name", "strict"))).isEqualTo(settings("exact", map()));
        assertThat(Scorers.named("strict", Scorers.setF1()).settings()).isEqualTo(Scorers.setF1().settings())
                .doesNotContainKey("name");
    }

    @Test
    void regexWritesItsFlagsInTheOrderImsxu() {
        assertThat(settings("regex", map("pattern", "a", "flags", "usxmi"))).containsEntry("flags", "imsxu");
        assertThat(settings("regex", map("pattern", "a", "flags", "ii"))).containsEntry("flags", "i");
    }

    @Test
    void regexFromCodeReportsFlagsNoLetterStandsForAsJavaFlags() {
        assertThat(Scorers.regex(Pattern.compile("a", Pattern.CASE_INSENSITIVE), false).settings())
                .containsEntry("flags", "").containsEntry("java_flags", (long) Pattern.CASE_INSENSITIVE);
        assertThat(Scorers.regex(Pattern.compile("a.", Pattern.LITERAL | Pattern.DOTALL), false).settings())
                .containsEntry("flags", "s").containsEntry("java_flags", (long) Pattern.LITERAL);
        assertThat(Scorers.regex(Pattern.compile("a # (an a", Pattern.COMMENTS), false).settings())
                .containsEntry("flags", "x").doesNotContainKey("java_flags");
        assertThat(Scorers.regex("a").settings()).doesNotContainKey("java_flags");
    }

    @Test
    void regexFlagsMayBeEmptyButMustBeAString() {
        assertThat(settings("regex", map("pattern", "a", "flags", ""))).isEqualTo(settings("regex", map("pattern", "a")));
        assertThatThrownBy(() -> factory("regex").create(map("pattern", "a", "flags", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("regex scorer option 'flags' must be a string but was 1");
        assertThatThrownBy(() -> factory("regex").create(map("pattern", "a", "flags", " i")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("regex scorer option 'flags' must be letters of i, m, s, x, u but was \" i\"");
    }

    @Test
    void aRunKeepsTheSettingsOfItsBuiltInScorers() {
        // one scorer of each type, with the last (non-default) options of its cases
        Map<String, Object> optionsByType = planOptions().collect(Collectors.toMap(a -> (String) a.get()[0],
                a -> a.get()[1], (first, last) -> last, LinkedHashMap::new));
        List<Scorer> scorers = optionsByType.entrySet().stream()
                .map(e -> factory(e.getKey()).create(castOptions(e.getValue()))).toList();
        BenchmarkPlan.Builder plan = BenchmarkPlan.named("settings").prompt(Prompt.named("p").user("{{answer}}"))
                .model(ModelConfig.of("echo", "e")).trials(List.of(Trial.of("t1", Map.of("answer", "42")).withExpected("42")));
        scorers.forEach(plan::scorer);

        Run run = plan.build().run();

        Map<String, Map<String, Object>> kept = run.info().plan().scorerSettings();
        assertThat(kept.keySet()).containsExactlyElementsOf(scorers.stream().map(Scorer::name).toList());
        scorers.forEach(s -> assertThat(kept.get(s.name())).as(s.name()).containsExactlyEntriesOf(s.settings()));
    }
}
