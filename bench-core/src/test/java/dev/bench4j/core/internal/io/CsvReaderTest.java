package dev.bench4j.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.internal.io.CsvReader.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting CSV text into rows and cells: {@link CsvReader}. */
class CsvReaderTest {

    private static List<Row> parse(String text) {
        return CsvReader.parse(text, "t.csv");
    }

    @Test
    void splitsRowsOnLineBreaksAndCellsOnCommas() {
        assertThat(parse("a,b,c\n1,2,3\n")).containsExactly(
                new Row(1, List.of("a", "b", "c")), new Row(2, List.of("1", "2", "3")));
    }

    @Test
    void readsALastRowWithoutLineBreak() {
        assertThat(parse("a,b\n1,2")).containsExactly(new Row(1, List.of("a", "b")), new Row(2, List.of("1", "2")));
    }

    @Test
    void keepsEmptyCellsIncludingATrailingOne() {
        assertThat(parse("a,,c\n,b,\n")).containsExactly(
                new Row(1, List.of("a", "", "c")), new Row(2, List.of("", "b", "")));
    }

    @Test
    void quotedCellsHoldCommasDoubledQuotesAndLineBreaks() {
        assertThat(parse("\"a, b\",\"say \"\"hi\"\"\",\"x\ny\"\nnext,\"\",\"\"\"\"\n")).containsExactly(
                new Row(1, List.of("a, b", "say \"hi\"", "x\ny")), new Row(3, List.of("next", "", "\"")));
    }

    @Test
    void acceptsCrlfAndLoneCrLineBreaks() {
        assertThat(parse("a,b\r\n1,\"x\r\ny\"\r2,3\r\n")).containsExactly(
                new Row(1, List.of("a", "b")), new Row(2, List.of("1", "x\r\ny")), new Row(4, List.of("2", "3")));
    }

    @Test
    void skipsBlankLinesButNotALineHoldingAnEmptyQuotedCell() {
        assertThat(parse("a\n\n   \n\"\"\n\nb\n")).containsExactly(
                new Row(1, List.of("a")), new Row(4, List.of("")), new Row(6, List.of("b")));
    }

    @Test
    void keepsNonAsciiTextAsItIs() {
        assertThat(parse("é,中文,\"🙂, ok\"\n")).containsExactly(new Row(1, List.of("é", "中文", "🙂, ok")));
    }

    @Test
    void keepsAQuoteInsideAnUnquotedCellAsItIs() {
        assertThat(parse("5'10\",x\"y\n")).containsExactly(new Row(1, List.of("5'10\"", "x\"y")));
    }

    @Test
    void ignoresSpacesAfterAClosingQuote() {
        assertThat(parse("\"a\"  ,b\n")).containsExactly(new Row(1, List.of("a", "b")));
    }

    @Test
    void refusesTextAfterAClosingQuoteNamingLineAndColumn() {
        assertThatThrownBy(() -> parse("ok\n\"a\"b,c\n")).isInstanceOf(InvalidPlanException.class)
                .hasMessage("t.csv: line 2, column 4: unexpected 'b' after a closing quote;"
                        + " write a quote inside a quoted cell as two quotes (\"\")");
    }

    @Test
    void refusesAQuotedCellThatIsNeverClosed() {
        assertThatThrownBy(() -> parse("a\n\"b\n\nc\n"))
                .hasMessage("t.csv: line 2: a quoted cell starts on this line but its closing quote is missing");
    }

    @Test
    void readsNothingFromEmptyText() {
        assertThat(parse("")).isEmpty();
    }
}
