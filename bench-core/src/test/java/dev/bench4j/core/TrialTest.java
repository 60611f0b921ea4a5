package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A trial deep-copies its JSON-like variables, expected answer and metadata, and is immutable. */
class TrialTest {

    @Test
    void ofHasVariablesAndNoExpectedAnswer() {
        Trial t = Trial.of("t1", Map.of("text", "Patient with type 2 diabetes."));

        assertThat(t.id()).isEqualTo("t1");
        assertThat(t.vars()).containsExactly(Map.entry("text", "Patient with type 2 diabetes."));
        assertThat(t.expected()).isEmpty();
        assertThat(t.metadata()).isEmpty();
    }

    @Test
    void withMethodsReturnCopiesAndLeaveTheOriginalUnchanged() {
        Trial base = Trial.of("t1", Map.of("text", "x"));

        Trial changed = base.withExpected("diabetes").withVar("lang", "en").withMetadata("source", "mimic");

        assertThat(base.expected()).isEmpty();
        assertThat(base.vars()).containsOnlyKeys("text");
        assertThat(base.metadata()).isEmpty();
        assertThat(changed.expected()).hasValue("diabetes");
        assertThat(changed.vars()).containsEntry("text", "x").containsEntry("lang", "en");
        assertThat(changed.metadata()).containsEntry("source", "mimic");
    }

    @Test
    void withVarReplacesAnExistingVariable() {
        assertThat(Trial.of("t1", Map.of("text", "a")).withVar("text", "b").vars()).containsExactly(Map.entry("text", "b"));
    }

    @Test
    void blankIdIsRefused() {
        assertThatThrownBy(() -> Trial.of(" ", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("trial id must not be blank");
    }

    @Test
    void nullArgumentsAreRefusedNamingTheParameter() {
        Trial t = Trial.of("t1", Map.of());

        assertThatThrownBy(() -> Trial.of(null, Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> new Trial("t1", null, Optional.empty(), Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("vars");
        assertThatThrownBy(() -> new Trial("t1", Map.of(), null, Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("expected");
        assertThatThrownBy(() -> new Trial("t1", Map.of(), Optional.empty(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("metadata");
        assertThatThrownBy(() -> t.withExpected(null))
                .isInstanceOf(NullPointerException.class).hasMessage("gold");
        assertThatThrownBy(() -> t.withVar(null, "x"))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> t.withVar("x", null))
                .isInstanceOf(NullPointerException.class).hasMessage("value");
        assertThatThrownBy(() -> t.withMetadata(null, "x"))
                .isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThatThrownBy(() -> t.withMetadata("k", null))
                .isInstanceOf(NullPointerException.class).hasMessage("value");
    }

    @Test
    void nullVariableValueIsRefusedNamingTheTrialAndVariable() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("text", null);

        assertThatThrownBy(() -> new Trial("t1", vars, Optional.empty(), Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("trial 't1' variable 'text' is null");
    }

    @Test
    void ofWithNullVariableValueIsRefusedNamingTheTrialAndVariable() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("text", null);

        assertThatThrownBy(() -> Trial.of("t1", vars))
                .isInstanceOf(NullPointerException.class).hasMessage("trial 't1' variable 'text' is null");
    }

    @Test
    void ofKeepsTheVariablesInTheCallersOrder() {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (String k : List.of("k", "j", "i", "h", "g", "f", "e", "d", "c", "b", "a")) {
            vars.put(k, k);
        }

        assertThat(Trial.of("t1", vars).vars().keySet()).containsExactlyElementsOf(vars.keySet());
    }

    @Test
    void constructorKeepsTheVariablesInTheCallersOrder() {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (String k : List.of("k", "j", "i", "h", "g", "f", "e", "d", "c", "b", "a")) {
            vars.put(k, k);
        }

        assertThat(new Trial("t1", vars, Optional.empty(), Map.of()).vars().keySet())
                .containsExactlyElementsOf(vars.keySet());
    }

    @Test
    void nonJsonValuesAreRefusedNamingTheTrialAndPlace() {
        Trial t = Trial.of("t1", Map.of());

        assertThatThrownBy(() -> Trial.of("t1", Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trial 't1' variable 'when' must be a JSON value (string, number, boolean, list or map) but was a java.lang.Object");
        assertThatThrownBy(() -> t.withExpected(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trial 't1' expected must be a JSON value (string, number, boolean, list or map) but was a java.lang.Object");
        assertThatThrownBy(() -> t.withMetadata("m", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trial 't1' metadata 'm' must be a JSON value (string, number, boolean, list or map) but was a java.lang.Object");
        assertThatThrownBy(() -> t.withVar("ratio", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trial 't1' variable 'ratio' must be a finite number but was NaN");
        assertThatThrownBy(() -> t.withExpected(Map.of(1, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trial 't1' expected has a key that is not a string: 1");
    }

    @Test
    void nestedVariablesAreDeepCopiedSoTheCallersCollectionsDoNotLeakIn() {
        List<Object> tags = new ArrayList<>(List.of("a"));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("tags", tags);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("record", inner);
        Trial viaOf = Trial.of("t1", vars);
        Trial viaConstructor = new Trial("t2", vars, Optional.empty(), Map.of());

        tags.add("later");
        inner.put("later", true);
        vars.put("later", "x");

        for (Trial t : List.of(viaOf, viaConstructor)) {
            assertThat(t.vars()).containsOnlyKeys("record");
            assertThat(t.vars().get("record")).isEqualTo(Map.of("tags", List.of("a")));
        }
    }

    @Test
    void expectedIsDeepCopiedSoTheCallersCollectionsDoNotLeakIn() {
        List<Object> labels = new ArrayList<>(List.of("diabetes"));
        Map<String, Object> gold = new LinkedHashMap<>();
        gold.put("labels", labels);
        Trial t = Trial.of("t1", Map.of()).withExpected(gold);

        labels.add("later");
        gold.put("later", 1);

        assertThat(t.expected()).hasValue(Map.of("labels", List.of("diabetes")));
    }

    @Test
    void metadataIsDeepCopiedSoTheCallersCollectionsDoNotLeakIn() {
        List<Object> sources = new ArrayList<>(List.of("a"));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("sources", sources);
        Trial t = new Trial("t1", Map.of(), Optional.empty(), meta);

        sources.add("later");
        meta.put("later", 1);

        assertThat(t.metadata()).isEqualTo(Map.of("sources", List.of("a")));
    }

    @Test
    void returnedCollectionsAreUnmodifiableAllTheWayDown() {
        Trial t = Trial.of("t1", Map.of("tags", List.of("a"), "record", Map.of("k", "v")))
                .withExpected(new ArrayList<>(List.of("x")))
                .withMetadata("m", new ArrayList<>(List.of("y")));

        assertThatThrownBy(() -> t.vars().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> castList(t.vars().get("tags")).add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> castMap(t.vars().get("record")).put("k2", "v"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> castList(t.expected().orElseThrow()).add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.metadata().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> castList(t.metadata().get("m")).add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object o) {
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void expectedMayHoldNullInsideAList() {
        Trial t = Trial.of("t1", Map.of()).withExpected(Arrays.asList("a", null));

        assertThat(t.expected()).hasValue(Arrays.asList("a", null));
    }
}
