package dev.bench4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Score;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import dev.bench4j.scoring.testing.Requests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** regex, json_valid, json_field_equals, numeric, classification and the thresholds. */
class NewScorersTest {

    private static double value(Scorer s, String output, Object expected) {
        return Requests.score(s, output, expected).value().orElseThrow();
    }

    private static ScorerFactory factory(String type) {
        return ServiceLoader.load(ScorerFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void regexFindsOrMatchesWhole() {
        assertThat(value(Scorers.regex("\\d{3}"), "code 123 ok", "")).isEqualTo(1.0);
        assertThat(value(Scorers.regex(Pattern.compile("\\d{3}"), true), "code 123 ok", "")).isEqualTo(0.0);
        assertThat(value(Scorers.regex(Pattern.compile("\\d{3}"), true), "123", "")).isEqualTo(1.0);
        assertThat(value(factory("regex").create(Map.of("pattern", "^yes$", "flags", "im")), "x\nYES", "")).isEqualTo(1.0);
        assertThat(value(factory("regex").create(Map.of("pattern", "yes", "match", "full")), "yes!", "")).isEqualTo(0.0);
        assertThatThrownBy(() -> factory("regex").create(Map.of("pattern", "(")))
                .hasMessageContaining("option 'pattern'");
        assertThatThrownBy(() -> factory("regex").create(Map.of("pattern", "a", "flags", "q")))
                .hasMessageContaining("option 'flags'");
        assertThatThrownBy(() -> factory("regex").create(Map.of())).hasMessageContaining("'pattern'");
        assertThatThrownBy(() -> factory("regex").create(Map.of("pattern", "a", "match", "all")))
                .hasMessageContaining("option 'match'");
    }

    @Test
    void jsonValidAcceptsFencedJsonAndCanRequireAnObject() {
        assertThat(value(Scorers.jsonValid(), "```json\n[1, 2]\n```", "")).isEqualTo(1.0);
        assertThat(value(Scorers.jsonValid(true), "[1, 2]", "")).isEqualTo(0.0);
        assertThat(value(Scorers.jsonValid(true), "{\"a\": 1}", "")).isEqualTo(1.0);
        Score bad = Requests.score(Scorers.jsonValid(), "{\"a\": ", "");
        assertThat(bad.value()).hasValue(0.0);
        assertThat(bad.reason()).isPresent();
        assertThat(value(factory("json_valid").create(Map.of("object", true)), "42", "")).isEqualTo(0.0);
        assertThatThrownBy(() -> factory("json_valid").create(Map.of("object", "yes")))
                .hasMessageContaining("option 'object'");
    }

    @Test
    void jsonFieldEqualsComparesJsonValuesWithNumbersNumerically() {
        var s = Scorers.jsonFieldEquals("/answer/value", "/value");
        assertThat(value(s, "{\"answer\": {\"value\": 1.0}}", Map.of("value", 1))).isEqualTo(1.0);
        assertThat(value(s, "{\"answer\": {\"value\": 1e0}}", Map.of("value", 1))).isEqualTo(1.0);
        assertThat(value(s, "{\"answer\": {\"value\": 2}}", Map.of("value", 1))).isEqualTo(0.0);
        assertThat(value(s, "{\"answer\": {\"value\": \"1\"}}", Map.of("value", 1))).isEqualTo(0.0);
        assertThat(value(Scorers.jsonFieldEquals("/a"), "{\"a\": {\"b\": [1, 2.50]}}", Map.of("b", List.of(1, 2.5))))
                .isEqualTo(1.0);
        assertThat(value(s, "not json", Map.of("value", 1))).isEqualTo(0.0);
        assertThat(value(s, "{}", Map.of("value", 1))).isEqualTo(0.0);
        assertThat(Requests.score(s, "{}", Map.of("other", 1)).error()).hasValueSatisfying(
                e -> assertThat(e).contains("\"/value\""));
        assertThat(value(factory("json_field_equals").create(Map.of("pointer", "/x", "expected_pointer", "/y")),
                "{\"x\": true}", Map.of("y", true))).isEqualTo(1.0);
        assertThatThrownBy(() -> factory("json_field_equals").create(Map.of("pointer", "x")))
                .hasMessageContaining("option 'pointer'");
        assertThatThrownBy(() -> factory("json_field_equals").create(Map.of())).hasMessageContaining("'pointer'");
    }

    @Test
    void numericReadsTheFirstNumberOrTheWholeOutputWithinTolerance() {
        assertThat(value(Scorers.numeric(0, 0), "The answer is 42.", 42)).isEqualTo(1.0);
        assertThat(value(Scorers.numeric(0.01, 0), "about 3.14159", 3.14)).isEqualTo(1.0);
        assertThat(value(Scorers.numeric(0.001, 0), "about 3.14159", 3.14)).isEqualTo(0.0);
        assertThat(value(Scorers.numeric(0, 0.01), "1005", "1000")).isEqualTo(1.0);
        assertThat(value(Scorers.numeric(0, 0.001), "1005", 1000)).isEqualTo(0.0);
        assertThat(value(Scorers.numeric(0, 0, true), " -2.5e1 ", -25)).isEqualTo(1.0);
        assertThat(value(Scorers.numeric(0, 0, true), "-25 apples", -25)).isEqualTo(0.0);
        assertThat(value(Scorers.numeric(0, 0), "no number", 1)).isEqualTo(0.0);
        assertThat(Requests.score(Scorers.numeric(0, 0), "1", "one").error()).isPresent();
        assertThat(Requests.score(Scorers.numeric(0, 0), "7", 7).details()).containsEntry("predicted", 7.0);
        assertThat(value(factory("numeric").create(Map.of("abs_tol", 0.5, "extract", "whole")), "1.4", 1)).isEqualTo(1.0);
        assertThatThrownBy(() -> factory("numeric").create(Map.of("abs_tol", -1))).hasMessageContaining("option 'abs_tol'");
        assertThatThrownBy(() -> factory("numeric").create(Map.of("rel_tol", "x"))).hasMessageContaining("option 'rel_tol'");
        assertThatThrownBy(() -> factory("numeric").create(Map.of("extract", "last"))).hasMessageContaining("option 'extract'");
        assertThatThrownBy(() -> Scorers.numeric(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classificationComparesNormalizedLabelsAndKeepsThePairForAggregation() {
        Score hit = Requests.score(Scorers.classification(), " Positive\n", "positive");
        assertThat(hit.value()).hasValue(1.0);
        assertThat(hit.reason()).hasValue("{\"predicted\":\"positive\",\"expected\":\"positive\"}");
        List<Score> scores = List.of(hit, Requests.score(Scorers.classification(), "negative", "positive"),
                Requests.score(Scorers.classification(), "negative", "negative"), Score.error("no expected value"));
        Aggregates.Classification c = Aggregates.classificationOfScores(scores, 0.0);
        Aggregates.Classification direct = Aggregates.classification(List.of("positive", "positive", "negative"),
                List.of("positive", "negative", "negative"), 0.0);
        assertThat(c).isEqualTo(direct);
        assertThat(c.accuracy()).isEqualTo(2.0 / 3);
        assertThat(value(factory("classification").create(Map.of("ignore_case", false)), "Positive", "positive"))
                .isEqualTo(0.0);
        assertThat(Requests.withoutExpected("x")).satisfies(r -> assertThat(
                Requests.now(Scorers.classification(), r).error()).isPresent());
        assertThatThrownBy(() -> Aggregates.classificationOfScores(List.of(Score.of(1.0)), 0.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thresholdsPassAtOrUnderTheLimitAndAnUnknownFigureIsAnError() {
        ScoreRequest r = Requests.of("x", "x");   // latency 5 ms, usage and cost unknown
        assertThat(Requests.now(Scorers.latencyUnder(Duration.ofMillis(5)), r).value()).hasValue(1.0);
        assertThat(Requests.now(Scorers.latencyUnder(Duration.ofMillis(4)), r).value()).hasValue(0.0);
        assertThat(Requests.now(Scorers.costUnder(1), r).error()).hasValue("the result's cost is unknown");
        assertThat(Requests.now(Scorers.tokensUnder(10, TokenKind.TOTAL), r).error())
                .hasValue("the result's total tokens are unknown: the provider did not report them");
        ScoreRequest known = new ScoreRequest(r.result().withCostUsd(OptionalDouble.of(0.02))
                .withUsage(Usage.of(100, 20)), r.trial(), r.prompt(), r.model());
        assertThat(Requests.now(Scorers.costUnder(0.05), known).value()).hasValue(1.0);
        assertThat(Requests.now(Scorers.costUnder(0.01), known).value()).hasValue(0.0);
        assertThat(Requests.now(Scorers.tokensUnder(120, TokenKind.TOTAL), known).value()).hasValue(1.0);
        assertThat(Requests.now(Scorers.tokensUnder(119, TokenKind.TOTAL), known).details()).containsEntry("total_tokens", 120.0);
        assertThat(Requests.now(factory("tokens_under").create(Map.of("max_tokens", 100, "tokens", "total")), known).value())
                .hasValue(0.0);
        assertThat(Requests.now(factory("latency_under").create(Map.of("max_ms", 10)), r).value()).hasValue(1.0);
        assertThatThrownBy(() -> factory("cost_under").create(Map.of())).hasMessageContaining("'max_usd'");
        assertThatThrownBy(() -> factory("cost_under").create(Map.of("max_usd", -1))).hasMessageContaining("option 'max_usd'");
        assertThatThrownBy(() -> Scorers.costUnder(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ScoreRequest withUsage(Usage usage) {
        ScoreRequest r = Requests.of("x", "x");
        return new ScoreRequest(r.result().withUsage(usage), r.trial(), r.prompt(), r.model());
    }

    @Test
    void tokensUnderLimitsTheKindOfTokensItIsGiven() {
        ScoreRequest r = withUsage(Usage.of(400, 120));   // total 520
        // 500 output tokens: the user who meant output tokens passes; input + output would not
        assertThat(Requests.now(Scorers.tokensUnder(500, TokenKind.OUTPUT), r).value()).hasValue(1.0);
        assertThat(Requests.now(Scorers.tokensUnder(500, TokenKind.TOTAL), r).value()).hasValue(0.0);
        assertThat(Requests.now(Scorers.tokensUnder(500, TokenKind.INPUT), r).value()).hasValue(1.0);
        assertThat(Requests.now(Scorers.tokensUnder(399, TokenKind.INPUT), r).value()).hasValue(0.0);
        assertThat(Requests.now(Scorers.tokensUnder(120, TokenKind.OUTPUT), r).value()).hasValue(1.0);
        assertThat(Requests.now(Scorers.tokensUnder(119, TokenKind.OUTPUT), r).value()).hasValue(0.0);
        assertThat(Requests.now(Scorers.tokensUnder(500, TokenKind.OUTPUT), r).details())
                .containsExactlyInAnyOrderEntriesOf(Map.of("output_tokens", 120.0, "limit", 500.0));
        assertThat(Requests.now(Scorers.tokensUnder(500, TokenKind.INPUT), r).details())
                .containsExactlyInAnyOrderEntriesOf(Map.of("input_tokens", 400.0, "limit", 500.0));
        // a provider-reported total that is not input + output is the one used
        assertThat(Requests.now(Scorers.tokensUnder(600, TokenKind.TOTAL), withUsage(Usage.of(400, 120)
                .withTotalTokens(700))).value()).hasValue(0.0);
        // the plan-file form
        Scorer output = factory("tokens_under").create(Map.of("max_tokens", 500, "tokens", "output"));
        assertThat(Requests.now(output, r).value()).hasValue(1.0);
        assertThat(output.settings()).isEqualTo(Scorers.tokensUnder(500, TokenKind.OUTPUT).settings());
    }

    @Test
    void tokensUnderOnACountTheProviderDidNotReportIsAnErrorNotZeroOrOne() {
        ScoreRequest onlyOutput = withUsage(Usage.unknown().withOutputTokens(30));
        assertThat(Requests.now(Scorers.tokensUnder(100, TokenKind.OUTPUT), onlyOutput).value()).hasValue(1.0);
        Score input = Requests.now(Scorers.tokensUnder(100, TokenKind.INPUT), onlyOutput);
        assertThat(input.value()).isEmpty();
        assertThat(input.error()).hasValue("the result's input tokens are unknown: the provider did not report them");
        Score total = Requests.now(Scorers.tokensUnder(100, TokenKind.TOTAL), onlyOutput);
        assertThat(total.value()).isEmpty();
        assertThat(total.error()).hasValue("the result's total tokens are unknown: the provider did not report them");
        assertThat(Requests.now(Scorers.tokensUnder(100, TokenKind.OUTPUT), withUsage(Usage.unknown())).error())
                .hasValue("the result's output tokens are unknown: the provider did not report them");
    }

    @Test
    void tokensUnderInAPlanFileNeedsTheKindOfTokens() {
        assertThatThrownBy(() -> factory("tokens_under").create(Map.of("max_tokens", 500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokens_under scorer needs option 'tokens': add \"tokens\": \"input\", \"output\" or "
                        + "\"total\" to say which tokens max_tokens limits (before, it limited the total, input + "
                        + "output: \"tokens\": \"total\" keeps that)");
        assertThatThrownBy(() -> factory("tokens_under").create(Map.of("max_tokens", 500, "tokens", "completion")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokens_under scorer option 'tokens' must be one of input, output, total but was \"completion\"");
        assertThatThrownBy(() -> factory("tokens_under").create(Map.of("tokens", "output")))
                .hasMessage("tokens_under scorer needs option 'max_tokens'");
        assertThatThrownBy(() -> Scorers.tokensUnder(-1, TokenKind.OUTPUT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scorers.tokensUnder(1, null)).isInstanceOf(NullPointerException.class).hasMessage("kind");
    }

    @Test
    void anOldPlanFileWithoutTheKindOfTokensIsRefusedNamingTheScorerAndWhatToAdd(@TempDir Path dir) throws IOException {
        String plan = """
                {"name": "tokens", "prompts": [{"name": "p", "messages": [{"role": "user", "content": "{{x}}"}]}],
                 "models": [{"provider": "echo", "model": "e"}], "trials": [{"id": "a", "vars": {"x": "5"}}],
                 "scorers": ["exact", {"type": "tokens_under", "max_tokens": 500%s}]}
                """;
        Path old = Files.writeString(dir.resolve("old.json"), plan.formatted(""));
        Path now = Files.writeString(dir.resolve("now.json"), plan.formatted(", \"tokens\": \"output\""));

        assertThatThrownBy(() -> PlanFile.load(old)).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("old.json")
                .hasMessageContaining("field 'scorers[1]' (tokens_under): tokens_under scorer needs option 'tokens': "
                        + "add \"tokens\": \"input\", \"output\" or \"total\"");
        assertThat(PlanFile.load(now).build().scorers()).extracting(Scorer::settings).last()
                .isEqualTo(Map.of("type", "tokens_under", "max_tokens", 500L, "tokens", "output"));
    }

    @Test
    @SuppressWarnings("removal")
    void theDeprecatedTokensUnderWithoutAKindLimitsTheTotalAsBefore() {
        ScoreRequest r = withUsage(Usage.of(400, 120));
        assertThat(Requests.now(Scorers.tokensUnder(520), r).value()).hasValue(1.0);
        assertThat(Requests.now(Scorers.tokensUnder(519), r).value()).hasValue(0.0);
        assertThat(Scorers.tokensUnder(519).settings()).containsEntry("tokens", "total");
    }
}
