package dev.bench4j.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Provenance;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The provenance object of run.json round-trips, leaves out what is unknown, and names a bad field. */
class ProvenanceJsonTest {

    private static final String SHA = "a".repeat(64);
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private static Provenance full() {
        return Provenance.none().withDescription("nightly").withTags(List.of("ci"))
                .withGit(Optional.of(new Provenance.GitState(COMMIT, Optional.of(true))))
                .withCommandLine(List.of("run", "plan.json")).withHostAndUser(Optional.of("h1"), Optional.of("ana"))
                .withFiles(Optional.of(new Provenance.SourceFile("plan.json", SHA, List.of())),
                        List.of(new Provenance.SourceFile("trials.jsonl", SHA, List.of("t1", "t2"))));
    }

    private static Provenance read(ObjectNode n) {
        return ProvenanceJson.read(JsonFields.of(n, "run.json: provenance", InvalidPlanException::new));
    }

    @Test
    void everyPartRoundTrips() {
        assertThat(read(ProvenanceJson.toNode(full()))).isEqualTo(full());
    }

    @Test
    void anUnknownDirtyFlagIsWrittenAsNull() {
        Provenance p = Provenance.none().withGit(Optional.of(new Provenance.GitState(COMMIT, Optional.empty())));

        ObjectNode n = ProvenanceJson.toNode(p);

        assertThat(n.get("git").get("dirty").isNull()).isTrue();
        assertThat(read(n)).isEqualTo(p);
    }

    @Test
    void nothingKnownIsAnEmptyObject() {
        assertThat(ProvenanceJson.toNode(Provenance.none())).isEmpty();
        assertThat(read(new ObjectMapper().createObjectNode())).isEqualTo(Provenance.none());
    }

    @Test
    void aBadHashNamesTheField() {
        ObjectNode n = ProvenanceJson.toNode(full());
        ((ObjectNode) n.get("plan_file")).put("sha256", "xyz");

        assertThatThrownBy(() -> read(n)).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("run.json: provenance").hasMessageContaining("sha256");
    }
}
