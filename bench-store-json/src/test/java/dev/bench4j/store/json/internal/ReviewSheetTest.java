package dev.bench4j.store.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Review;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewSheetTest {

    private static final Instant AT = Instant.parse("2026-12-07T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void emptyCellsInTheMiddleOfARowLeaveEveryLaterValueInItsColumn() throws Exception {
        Path sheet = dir.resolve("sheet.csv");
        Files.writeString(sheet, String.join(",", ReviewSheet.COLUMNS) + "\n"
                + "p,echo:m,t0,,,,,alice,,,,yes,,\n"
                + "p,echo:n,t0,1,,,,bob,4,,,,\"good, short\",\n", StandardCharsets.UTF_8);

        assertThat(ReviewSheet.read(sheet, Optional.empty(), AT)).containsExactly(
                new Review.Verdict("alice", AT, new CellId("p", "echo:m", "t0", 0), true),
                new Review.Rating("bob", AT, new CellId("p", "echo:n", "t0", 1), 4, 1, 5),
                new Review.Comment("bob", AT, new CellId("p", "echo:n", "t0", 1), "good, short"));
    }

    @Test
    void aWrittenSheetKeepsEmptyCellsInPlace() throws Exception {
        Path sheet = dir.resolve("out.csv");
        CsvExport.write(sheet, ReviewSheet.COLUMNS, rows -> rows.accept(
                new String[] {"p", "echo:m", "t0", "0", "true", null, null, "alice", null, null, null, "yes", null, "1"}));

        assertThat(Files.readAllLines(sheet, StandardCharsets.UTF_8)).containsExactly(
                String.join(",", ReviewSheet.COLUMNS), "p,echo:m,t0,0,true,,,alice,,,,yes,,1");
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsMadeInert() {
        assertThat(ReviewSheet.inert("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(ReviewSheet.inert("+1")).isEqualTo("'+1");
        assertThat(ReviewSheet.inert("-1")).isEqualTo("'-1");
        assertThat(ReviewSheet.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReviewSheet.inert("\tx")).isEqualTo("'\tx");
        assertThat(ReviewSheet.inert("{\"conditions\": []}")).isEqualTo("{\"conditions\": []}");
        assertThat(ReviewSheet.inert("")).isEmpty();
    }
}
