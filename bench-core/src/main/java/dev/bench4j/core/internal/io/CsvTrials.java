package dev.bench4j.core.internal.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Trial;
import dev.bench4j.core.json.JsonFields;
import dev.bench4j.core.json.JsonValues;
import dev.bench4j.core.spi.Names;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the rows of a CSV file into trials: an {@code id} column, an optional {@code expected}
 * column (JSON when the cell is valid JSON, else its text), an optional {@code metadata} column (a
 * JSON object), and every other column a string variable. Rows are counted from the header (row 1).
 */
final class CsvTrials {

    private static final String ID = "id";
    private static final String EXPECTED = "expected";
    private static final String METADATA = "metadata";

    private final List<String> header;
    private final int idColumn;

    private CsvTrials(List<String> header, int idColumn) {
        this.header = header;
        this.idColumn = idColumn;
    }

    /**
     * Reads the trials of a CSV file.
     *
     * @param file the file
     * @return the trials in file order
     * @throws InvalidPlanException listing every problem found, each naming the file and the row
     */
    static List<Trial> read(Path file) {
        String where = file.toString();
        List<CsvReader.Row> rows = CsvReader.parse(JsonFiles.readText(file), where);
        if (rows.isEmpty()) {
            throw new InvalidPlanException(where + ": the file is empty; expected a header row with an 'id' column");
        }
        List<String> header = header(rows.get(0), where);
        CsvTrials reader = new CsvTrials(header, idColumn(header, where));
        TrialCollector trials = new TrialCollector();
        for (int i = 1; i < rows.size(); i++) {
            CsvReader.Row row = rows.get(i);
            String place = "row " + (i + 1) + " (line " + row.line() + ")";
            trials.add(where + ": " + place, "in " + place, () -> reader.trial(row, where + ": " + place));
        }
        return trials.trials();
    }

    private static List<String> header(CsvReader.Row row, String where) {
        List<String> names = new ArrayList<>(row.cells().size());
        for (int i = 0; i < row.cells().size(); i++) {
            String name = row.cells().get(i).trim();
            if (name.isEmpty()) {
                throw new InvalidPlanException(where + ": line " + row.line() + ": column " + (i + 1)
                        + " of the header has no name");
            }
            if (names.contains(name)) {
                throw new InvalidPlanException(where + ": line " + row.line() + ": column '" + name
                        + "' appears twice in the header");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static int idColumn(List<String> names, String where) {
        int index = names.indexOf(ID);
        if (index < 0) {
            String hint = Names.closest(ID, names).map(s -> " (is '" + s + "' meant to be 'id'?)").orElse("");
            throw new InvalidPlanException(where + ": the header has no 'id' column" + hint
                    + "; columns are " + String.join(", ", names));
        }
        return index;
    }

    private Trial trial(CsvReader.Row row, String where) {
        List<String> cells = row.cells();
        if (cells.size() != header.size()) {
            throw new InvalidPlanException(where + ": has " + cells.size() + (cells.size() == 1 ? " cell" : " cells")
                    + " but the header has "
                    + header.size() + (cells.size() > header.size() ? "; quote a cell that holds a comma" : ""));
        }
        String id = cells.get(idColumn);
        if (id.isBlank()) {
            throw new InvalidPlanException(where + ": the 'id' cell is empty");
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        Optional<Object> expected = Optional.empty();
        Map<String, Object> metadata = Map.of();
        for (int c = 0; c < cells.size(); c++) {
            String column = header.get(c);
            String cell = cells.get(c);
            if (column.equals(EXPECTED)) {
                expected = expected(cell);
            } else if (column.equals(METADATA)) {
                metadata = metadata(cell, where);
            } else if (c != idColumn) {
                vars.put(column, cell);
            }
        }
        return TrialFiles.build(where, id, vars, expected, metadata);
    }

    private static Optional<Object> expected(String cell) {
        if (cell.isBlank()) {
            return Optional.empty();
        }
        Optional<JsonNode> json = JsonFiles.tryParse(cell).filter(n -> !n.isNull());
        return Optional.of(json.map(JsonValues::fromNode).orElse(cell));
    }

    private static Map<String, Object> metadata(String cell, String where) {
        if (cell.isBlank()) {
            return Map.of();
        }
        JsonNode node = JsonFiles.tryParse(cell).filter(JsonNode::isObject).orElseThrow(() -> new InvalidPlanException(
                where + ": the 'metadata' cell must hold a JSON object like {\"source\": \"x\"} but was "
                + JsonFields.describe(JsonValues.toNode(cell))));
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getValue().isNull()) {
                throw new InvalidPlanException(where + ": the 'metadata' cell has a null value for '" + e.getKey()
                        + "'; remove the entry or give it a value");
            }
            map.put(e.getKey(), JsonValues.fromNode(e.getValue()));
        }
        return map;
    }
}
