package dev.bench4j.core.internal.io;

import static dev.bench4j.core.testing.TestFiles.fixture;
import static dev.bench4j.core.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Trial;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TrialFiles#readCsv} and the {@link CsvTrials} behind it. */
class TrialFilesCsvTest {

    @TempDir
    Path dir;

    private Path csv(String text) {
        return write(dir, "trials.csv", text);
    }

    @Test
    void readsIdExpectedMetadataAndEveryOtherColumnAsAStringVariable() {
        assertThat(TrialFiles.readCsv(fixture("trials.csv"))).containsExactly(
                Trial.of("t1", Map.of("text", "Patient with type 2 diabetes, and hypertension."))
                        .withExpected(List.of("diabetes", "hypertension")).withMetadata("source", "synthetic"),
                Trial.of("2", Map.of("text", "Fièvre et toux, 发烧 🤒\nsecond line"))
                        .withExpected(Map.of("conditions", List.of())),
                Trial.of("t3", Map.of("text", "He said \"no complaints\".")));
    }

    @Test
    void parsesExpectedAsJsonWhenItIsJsonAndKeepsOtherTextAsItIs() {
        Path file = csv("""
                id,expected
                a,"[""x"", ""y""]"
                b,42
                c,true
                d,\"\"\"quoted\"\"\"
                e,plain text
                f,007
                g,null
                h,true story
                i,
                j,"{""k"": 1.5}"
                """);

        assertThat(TrialFiles.readCsv(file)).extracting(Trial::expected).containsExactly(
                Optional.of(List.of("x", "y")), Optional.of(42L), Optional.of(true), Optional.of("quoted"),
                Optional.of("plain text"), Optional.of("007"), Optional.of("null"), Optional.of("true story"),
                Optional.empty(), Optional.of(Map.of("k", 1.5)));
    }

    @Test
    void keepsAnEmptyVariableCellAsAnEmptyString() {
        Path file = csv("id,text,note\na,,\" \"\n");

        assertThat(TrialFiles.readCsv(file)).containsExactly(Trial.of("a", Map.of("text", "", "note", " ")));
    }

    @Test
    void readsAFileWithByteOrderMarkAndCrlfLineEnds() {
        Path file = csv("\uFEFFid,text\r\nt1,\"line one\r\nline two\"\r\nt2,café\r\n");

        assertThat(TrialFiles.readCsv(file)).containsExactly(
                Trial.of("t1", Map.of("text", "line one\r\nline two")), Trial.of("t2", Map.of("text", "café")));
    }

    @Test
    void trimsHeaderNames() {
        Path file = csv("id , text\na,b\n");

        assertThat(TrialFiles.readCsv(file)).containsExactly(Trial.of("a", Map.of("text", "b")));
    }

    @Test
    void refusesAHeaderWithoutIdColumnListingTheColumns() {
        Path file = csv("ID,text\na,b\n");

        assertThatThrownBy(() -> TrialFiles.readCsv(file)).isInstanceOf(InvalidPlanException.class)
                .hasMessage(file + ": the header has no 'id' column (is 'ID' meant to be 'id'?); columns are ID, text");
    }

    @Test
    void refusesAHeaderWithARepeatedOrEmptyColumn() {
        Path repeated = csv("id,text,text\n");
        assertThatThrownBy(() -> TrialFiles.readCsv(repeated))
                .hasMessage(repeated + ": line 1: column 'text' appears twice in the header");

        Path unnamed = csv("id,,text\n");
        assertThatThrownBy(() -> TrialFiles.readCsv(unnamed)).hasMessage(unnamed + ": line 1: column 2 of the header has no name");
    }

    @Test
    void refusesARowWithTooManyCellsNamingTheRowAndHintingAtQuotes() {
        Path file = csv("id,text\na,b\nc,d,e\n");

        assertThatThrownBy(() -> TrialFiles.readCsv(file))
                .hasMessage(file + ": row 3 (line 3): has 3 cells but the header has 2; quote a cell that holds a comma");
    }

    @Test
    void refusesARowWithTooFewCells() {
        Path file = csv("id,text,expected\na,b\n");

        assertThatThrownBy(() -> TrialFiles.readCsv(file)).hasMessage(file + ": row 2 (line 2): has 2 cells but the header has 3");
    }

    @Test
    void namesTheStartingLineOfARowAfterCellsThatSpanLines() {
        Path file = csv("id,text\na,\"one\ntwo\nthree\"\n\nb\n");

        assertThatThrownBy(() -> TrialFiles.readCsv(file)).hasMessage(file + ": row 3 (line 6): has 1 cell but the header has 2");
    }

    @Test
    void refusesDuplicateIdsNamingBothRows() {
        Path file = csv("id,text\nt1,a\nt2,b\nt1,c\n");

        assertThatThrownBy(() -> TrialFiles.readCsv(file))
                .hasMessage(file + ": row 4 (line 4): duplicate trial id 't1', first in row 2 (line 2)");
    }

    @Test
    void refusesAnEmptyId() {
        Path file = csv("id,text\n,a\n");

        assertThatThrownBy(() -> TrialFiles.readCsv(file)).hasMessage(file + ": row 2 (line 2): the 'id' cell is empty");
    }

    @Test
    void refusesMetadataThatIsNotAJsonObject() {
        Path file = csv("id,metadata\na,source=x\n");

        assertThatThrownBy(() -> TrialFiles.readCsv(file)).hasMessage(file
                + ": row 2 (line 2): the 'metadata' cell must hold a JSON object like {\"source\": \"x\"} but was \"source=x\"");
    }

    @Test
    void refusesANullMetadataValue() {
        Path file = csv("id,metadata\na,\"{\"\"k\"\": null}\"\n");

        assertThatThrownBy(() -> TrialFiles.readCsv(file)).hasMessage(file
                + ": row 2 (line 2): the 'metadata' cell has a null value for 'k'; remove the entry or give it a value");
    }

    @Test
    void reportsEveryBadRowAtOnce() {
        Path file = csv("id,text\n,a\nb\n");

        assertThatThrownBy(() -> TrialFiles.readCsv(file)).isInstanceOf(InvalidPlanException.class)
                .hasMessage("2 problems:\n  - " + file + ": row 2 (line 2): the 'id' cell is empty\n  - "
                        + file + ": row 3 (line 3): has 1 cell but the header has 2");
    }

    @Test
    void refusesAnEmptyFile() {
        Path file = csv("\uFEFF\r\n");

        assertThatThrownBy(() -> TrialFiles.readCsv(file))
                .hasMessage(file + ": the file is empty; expected a header row with an 'id' column");
    }

    @Test
    void readsAHeaderWithoutRowsAsNoTrials() {
        assertThat(TrialFiles.readCsv(csv("id,text\n"))).isEmpty();
    }

    @Test
    void reportsAnUnclosedQuoteWithItsLine() {
        Path file = csv("id,text\na,\"never closed\nb,c\n");

        assertThatThrownBy(() -> TrialFiles.readCsv(file))
                .hasMessage(file + ": line 2: a quoted cell starts on this line but its closing quote is missing");
    }
}
