package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A per-trial check validates its weight and threshold, and reads back what it writes. */
class CheckTest {

    @Test
    void ofHasWeightOneNoThresholdAndIsNotNegated() {
        Check c = Check.of("contains", Map.of("value", "Paris"));

        assertThat(c.type()).isEqualTo("contains");
        assertThat(c.options()).containsExactly(Map.entry("value", "Paris"));
        assertThat(c.negated()).isFalse();
        assertThat(c.weight()).isEqualTo(1.0);
        assertThat(c.threshold()).isEmpty();
    }

    @Test
    void notNegatesAndNegatingTwiceGivesTheCheckBack() {
        Check c = Check.of("json_valid").withWeight(2);

        assertThat(Check.not(c).negated()).isTrue();
        assertThat(Check.not(c).weight()).isEqualTo(2.0);
        assertThat(Check.not(Check.not(c))).isEqualTo(c);
    }

    @Test
    void aWeightThatIsNotPositiveOrAThresholdOutsideZeroToOneIsRefusedNamingTheField() {
        Check c = Check.of("exact");

        assertThatThrownBy(() -> c.withWeight(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'weight'").hasMessageContaining("> 0");
        assertThatThrownBy(() -> c.withWeight(Double.NaN)).hasMessageContaining("field 'weight'");
        assertThatThrownBy(() -> c.withThreshold(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'threshold'").hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> c.withThreshold(-0.1)).hasMessageContaining("field 'threshold'");
        assertThatThrownBy(() -> Check.of(" ")).hasMessageContaining("field 'type'");
        assertThatThrownBy(() -> Check.of("exact", Map.of("weight", 2))).hasMessageContaining("field 'weight'");
    }

    @Test
    void toJsonAndFromJsonRoundTripIncludingNegationWeightAndThreshold() {
        Check plain = Check.of("contains", Map.of("value", "x", "ignore_case", true));
        Check weighted = Check.of("cost_under", Map.of("max_usd", 0.001)).withWeight(2).withThreshold(0.5);
        Check negated = Check.not(Check.of("contains", Map.of("value", "sorry"))).withWeight(3);

        for (Check c : List.of(plain, weighted, negated)) {
            assertThat(Check.fromJson(c.toJson())).isEqualTo(c);
        }
        assertThat(plain.toJson()).containsOnly(Map.entry("type", "contains"), Map.entry("value", "x"),
                Map.entry("ignore_case", true));
        assertThat(plain.toJson().keySet()).first().isEqualTo("type");
        assertThat(negated.toJson()).containsOnlyKeys("not", "weight");
    }

    @Test
    void fromJsonReadsWeightAndThresholdInsideNotAndRefusesAMixOfNotAndType() {
        Check c = Check.fromJson(Map.of("not", Map.of("type", "contains", "value", "sorry", "weight", 2, "threshold", 0.5)));

        assertThat(c.negated()).isTrue();
        assertThat(c.weight()).isEqualTo(2.0);
        assertThat(c.threshold()).isEqualTo(OptionalDouble.of(0.5));
        assertThatThrownBy(() -> Check.fromJson(Map.of("not", Map.of("type", "x"), "type", "y")))
                .hasMessageContaining("field 'not' cannot be used with 'type'");
        assertThatThrownBy(() -> Check.fromJson(Map.of("not", Map.of("type", "x"), "value", "y")))
                .hasMessageContaining("field 'value' belongs inside 'not'");
        assertThatThrownBy(() -> Check.fromJson(Map.of("value", "y"))).hasMessageContaining("field 'type' is missing");
        assertThatThrownBy(() -> Check.fromJson(Map.of("type", "exact", "weight", "heavy")))
                .hasMessageContaining("field 'weight' must be a number");
    }

    @Test
    void aTrialKeepsItsChecksThroughItsWithMethodsAndTheFourPartConstructorHasNone() {
        Trial t = Trial.of("t1", Map.of("q", "x")).withCheck(Check.of("json_valid")).withCheck(Check.of("exact"));

        assertThat(t.withExpected("y").withVar("v", 1).withMetadata("k", "m").checks())
                .extracting(Check::type).containsExactly("json_valid", "exact");
        assertThat(t.withChecks(List.of()).checks()).isEmpty();
        assertThat(new Trial("t2", Map.of(), java.util.Optional.empty(), Map.of()).checks()).isEmpty();
    }

    @Test
    void aTrialsFileReadsChecksAndOldFilesWithoutThemStillLoad(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trials.jsonl");
        Files.writeString(file, """
                {"id": "t1", "vars": {"q": "a"}, "checks": [{"type": "contains", "value": "Paris", "weight": 2},\
                 {"not": {"type": "contains", "value": "sorry"}}, {"type": "cost_under", "max_usd": 0.001, "threshold": 0.5}]}
                {"id": "t2", "vars": {"q": "b"}}
                """);

        List<Trial> trials = Trials.fromJsonl(file);

        assertThat(trials.get(0).checks()).containsExactly(
                Check.of("contains", Map.of("value", "Paris")).withWeight(2),
                Check.not(Check.of("contains", Map.of("value", "sorry"))),
                Check.of("cost_under", Map.of("max_usd", 0.001)).withThreshold(0.5));
        assertThat(trials.get(1).checks()).isEmpty();
    }

    @Test
    void aBadCheckInATrialsFileIsRefusedNamingTheLineTrialIndexTypeAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trials.jsonl");
        Files.writeString(file, """
                {"id": "t1", "vars": {}, "checks": [{"type": "json_valid"}, {"type": "contains", "value": "x", "threshold": 2}]}
                {"id": "t2", "vars": {}, "checks": [{"not": {"type": "exact"}, "weight": 0}]}
                {"id": "t3", "vars": {}, "checks": {"type": "exact"}}
                """);

        assertThatThrownBy(() -> Trials.fromJsonl(file)).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("line 1: trial 't1': checks[1] (contains): field 'threshold' must be a number in [0, 1]")
                .hasMessageContaining("line 2: trial 't2': checks[0] (exact): field 'weight' must be a finite number > 0")
                .hasMessageContaining("line 3").hasMessageContaining("'checks' must be an array of checks");
    }
}
