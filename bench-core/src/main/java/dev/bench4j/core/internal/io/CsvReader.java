package dev.bench4j.core.internal.io;

import dev.bench4j.core.InvalidPlanException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small RFC 4180 reader: comma-separated cells, cells in double quotes may hold commas, line
 * breaks and doubled quotes ({@code ""}); rows end with LF, CRLF or CR. Blank lines (empty or
 * only spaces) are skipped.
 *
 * <p>Written by hand so bench-core needs no CSV library. It is lenient where spreadsheets are: a
 * quote inside an unquoted cell is kept as it is, and spaces after a closing quote are ignored.
 */
final class CsvReader {

    /**
     * One row of cells.
     *
     * @param line the file's line number where the row starts
     * @param cells the cells, unquoted
     */
    record Row(int line, List<String> cells) {
    }

    private final String text;
    private final String where;
    private final List<Row> rows = new ArrayList<>();
    private List<String> cells = new ArrayList<>();
    private final StringBuilder cell = new StringBuilder();
    private boolean cellQuoted;
    private int line = 1;
    private int lineStart;
    private int rowLine = 1;

    private CsvReader(String text, String where) {
        this.text = text;
        this.where = where;
    }

    /**
     * Splits CSV text into rows of cells.
     *
     * @param text the text, without a byte order mark
     * @param where the file, for messages
     * @return the rows, blank lines left out
     * @throws InvalidPlanException naming the file and line if a quoted cell is never closed or a
     *     closing quote is followed by something other than a comma or a line break
     */
    static List<Row> parse(String text, String where) {
        return new CsvReader(text, where).rows();
    }

    private List<Row> rows() {
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == ',') {
                endCell();
                i++;
            } else if (ch == '\r' || ch == '\n') {
                endRow();
                i = newLine(i);
                rowLine = line;
            } else if (ch == '"' && cell.length() == 0 && !cellQuoted) {
                i = quoted(i + 1);
            } else if (cellQuoted) {
                if (ch != ' ' && ch != '\t') {
                    throw new InvalidPlanException(where + ": line " + line + ", column " + (i - lineStart + 1)
                            + ": unexpected " + shown(ch) + " after a closing quote;"
                            + " write a quote inside a quoted cell as two quotes (\"\")");
                }
                i++;
            } else {
                cell.append(ch);
                i++;
            }
        }
        endRow();
        return rows;
    }

    /** Reads a quoted cell from just after its opening quote; returns the index after its closing quote. */
    private int quoted(int start) {
        int openedOn = line;
        cellQuoted = true;
        int i = start;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (ch == '\r' || ch == '\n') {
                int next = newLine(i);
                cell.append(text, i, next);
                i = next;
            } else {
                cell.append(ch);
                i++;
            }
        }
        throw new InvalidPlanException(where + ": line " + openedOn + ": a quoted cell starts on this line"
                + " but its closing quote is missing");
    }

    /** Steps over one line break (CRLF, LF or CR) at {@code i}; returns the index after it. */
    private int newLine(int i) {
        int next = text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        line++;
        lineStart = next;
        return next;
    }

    private void endCell() {
        cells.add(cell.toString());
        cell.setLength(0);
        cellQuoted = false;
    }

    private void endRow() {
        boolean blank = cells.isEmpty() && cell.toString().isBlank() && !cellQuoted;
        if (!blank) {
            endCell();
            rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        cells = new ArrayList<>();
        cell.setLength(0);
        cellQuoted = false;
    }

    private static String shown(char ch) {
        return Character.isISOControl(ch) ? String.format(Locale.ROOT, "character U+%04X", (int) ch) : "'" + ch + "'";
    }
}
