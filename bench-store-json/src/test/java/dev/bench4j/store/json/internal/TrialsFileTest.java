package dev.bench4j.store.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.Check;
import dev.bench4j.core.Trial;
import dev.bench4j.store.json.InvalidRunFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading only the ids of a run's trials gives the ids of reading them whole, in the same order. */
class TrialsFileTest {

    @TempDir
    Path dir;

    @Test
    void theIdsAreThoseOfTheTrialsInPlanOrder() {
        List<Trial> trials = List.of(Trial.of("t2", Map.of("q", "a \"quoted\" {\"id\": \"no\"}")),
                Trial.of("t10", Map.of()).withExpected(List.of("x")).withCheck(Check.of("json_valid")), Trial.of("a", Map.of()));
        TrialsFile.write(dir, trials);

        assertThat(TrialsFile.readIds(dir)).containsExactly("t2", "t10", "a")
                .isEqualTo(TrialsFile.read(dir).stream().map(Trial::id).toList());
    }

    @Test
    void anIdAfterOtherFieldsOrAnIntegerIdIsReadAndBlankLinesAreSkipped() throws Exception {
        Files.writeString(dir.resolve(TrialsFile.NAME), "{\"vars\": {\"id\": \"inner\"}, \"id\": \"outer\"}\n\n{\"id\": 12345678901234567890}\n");

        assertThat(TrialsFile.readIds(dir)).containsExactly("outer", "12345678901234567890")
                .isEqualTo(TrialsFile.read(dir).stream().map(Trial::id).toList());
    }

    @Test
    void aRunWithoutTrialsHasNoIdsAndABadLineIsNamed() throws Exception {
        assertThat(TrialsFile.readIds(dir)).isEmpty();
        Files.writeString(dir.resolve(TrialsFile.NAME), "{\"id\": \"a\"}\n{\"vars\": {}}\n");

        assertThatThrownBy(() -> TrialsFile.readIds(dir)).isInstanceOf(InvalidRunFileException.class)
                .hasMessageContaining(TrialsFile.NAME).hasMessageContaining("line 2");
    }
}
