package dev.bench4j.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.InvalidPlanException;
import org.junit.jupiter.api.Test;

/** YAML files: anchors, aliases and merge keys resolved as YAML defines them; bombs and ambiguities refused. */
class YamlFilesTest {

    private static JsonNode yaml(String text) {
        return YamlFiles.parse(text, "plan.yaml");
    }

    @Test
    void anAliasIsTheAnchoredValueNotItsName() {
        JsonNode n = yaml("""
                system: &c "You are a triage nurse."
                messages:
                  - role: user
                    content: *c
                """);

        assertThat(n.at("/messages/0/content").textValue()).isEqualTo("You are a triage nurse.");
        assertThat(n.at("/system").textValue()).isEqualTo("You are a triage nurse.");
    }

    @Test
    void anAliasOfAMappingOrListIsACopyOfIt() {
        JsonNode n = yaml("""
                base: &m {provider: echo, params: {latency_ms: 1}}
                list: &l [1, 2]
                models: [*m, *m]
                again: *l
                """);

        assertThat(n.at("/models/1/params/latency_ms").intValue()).isEqualTo(1);
        assertThat(n.at("/again").toString()).isEqualTo("[1,2]");
    }

    @Test
    void mergeKeysAddTheMergedEntriesThatTheMappingDoesNotSet() {
        JsonNode n = yaml("""
                defaults: &d {provider: echo, model: echo-1, temperature: 0}
                other: &o {seed: 7, model: never}
                a:
                  model: echo-2
                  <<: *d
                b:
                  <<: [*d, *o]
                """);

        assertThat(n.at("/a").toString()).isEqualTo("{\"model\":\"echo-2\",\"provider\":\"echo\",\"temperature\":0}");
        assertThat(n.at("/b/model").textValue()).isEqualTo("echo-1");
        assertThat(n.at("/b/seed").intValue()).isEqualTo(7);
    }

    @Test
    void aMergeOfSomethingOtherThanAMappingIsRefused() {
        assertThatThrownBy(() -> yaml("x: &s text\ny:\n  <<: *s\n"))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessage("plan.yaml: line 3, column 7: the merge key \"<<\" takes a mapping (e.g. <<: *defaults) or a list "
                        + "of mappings, not \"text\"");
    }

    @Test
    void anAliasBombIsRefusedByTheExpansionLimit() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 10; k++) {
                bomb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        long start = System.nanoTime();

        assertThatThrownBy(() -> yaml(bomb.toString()))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageStartingWith("plan.yaml: line ")
                .hasMessageContaining("the aliases expand to more than " + YamlFiles.MAX_ALIAS_VALUES + " values; refused as an alias bomb");
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void anAliasWithoutAnAnchorIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> yaml("name: x\ncontent: *c\n"))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessage("plan.yaml: line 2, column 10: the alias *c names no anchor defined before it "
                        + "(write &c on an earlier value)");
    }

    @Test
    void aRepeatedKeyIsRefusedAsInJson() {
        assertThatThrownBy(() -> yaml("name: a\nrepetitions: 2\nname: b\n"))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessage("plan.yaml: line 3, column 5: invalid YAML: Duplicate field 'name'");
    }

    @Test
    void aSecondDocumentIsRefused() {
        assertThatThrownBy(() -> yaml("name: a\n---\nname: b\n"))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("plan.yaml: line 3")
                .hasMessageContaining("a second YAML document");
    }

    @Test
    void deepNestingIsRefusedWithoutAStackOverflow() {
        String deep = "x: " + "[".repeat(5000) + "]".repeat(5000) + "\n";

        assertThatThrownBy(() -> yaml(deep)).isInstanceOf(InvalidPlanException.class).hasMessageStartingWith("plan.yaml: ");
    }

    @Test
    void scalarsAreTypedAsBefore() {
        JsonNode n = yaml("a: 1\nb: 2.5\nc: true\nd: ~\ne: '10'\nf: 12345678901234\ng: 1e100\n");

        assertThat(n.get("a").isInt()).isTrue();
        assertThat(n.get("b").doubleValue()).isEqualTo(2.5);
        assertThat(n.get("c").booleanValue()).isTrue();
        assertThat(n.get("d").isNull()).isTrue();
        assertThat(n.get("e").textValue()).isEqualTo("10");
        assertThat(n.get("f").longValue()).isEqualTo(12345678901234L);
        assertThat(n.get("g").isNumber() || n.get("g").isTextual()).isTrue();
    }
}
