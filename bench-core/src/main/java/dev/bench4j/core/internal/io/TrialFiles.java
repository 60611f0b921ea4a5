package dev.bench4j.core.internal.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Check;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Trial;
import dev.bench4j.core.json.JsonFields;
import dev.bench4j.core.json.JsonValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads trials from JSON Lines, JSON arrays and CSV files, and from inline lists in plan files.
 *
 * <p>A JSON trial is {@code {"id": "t1", "vars": {...}, "expected": <any JSON>, "metadata": {...},
 * "checks": [...]}} (checks as {@link dev.bench4j.core.Check#fromJson} reads them);
 * an integer id becomes its decimal string. Every problem in a file is reported at once, each naming
 * the file and the line, index or row; two trials with one id are an error naming both.
 */
public final class TrialFiles {

    private static final List<String> FIELDS = List.of("id", "vars", "expected", "metadata", "checks");

    private TrialFiles() {
    }

    /**
     * Reads a JSON Lines file: one trial object per line; blank lines are skipped.
     *
     * @param file the file
     * @return the trials in file order
     * @throws NullPointerException if {@code file} is {@code null}
     * @throws InvalidPlanException if the file cannot be read, a line is not a valid trial, or two
     *     trials share an id; each problem names the file and the 1-based line
     */
    public static List<Trial> readJsonl(Path file) {
        Objects.requireNonNull(file, "file");
        String text = JsonFiles.readText(file);
        TrialCollector trials = new TrialCollector();
        int number = 0;
        for (int start = 0; ; ) {
            int end = lineEnd(text, start);
            String line = text.substring(start, end);
            int n = ++number;
            if (!line.isBlank()) {
                String where = file + ": line " + n;
                trials.add(where, "on line " + n, () -> fromObject(JsonFiles.parse(line, file.toString(), n), where));
            }
            if (end == text.length()) {
                break;
            }
            start = lineAfter(text, end);
        }
        return trials.trials();
    }

    /** Where the line starting at {@code start} ends: at its line break (\n, \r\n or \r) or the text's end. */
    private static int lineEnd(String text, int start) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }

    /** Where the line after the break at {@code end} starts. */
    private static int lineAfter(String text, int end) {
        return text.startsWith("\r\n", end) ? end + 2 : end + 1;
    }

    /**
     * Reads a file holding one JSON array of trial objects.
     *
     * @param file the file
     * @return the trials in file order
     * @throws NullPointerException if {@code file} is {@code null}
     * @throws InvalidPlanException if the file cannot be read, is not an array, an element is not a
     *     valid trial, or two trials share an id; each problem names the file and the 0-based index
     */
    public static List<Trial> readJsonArray(Path file) {
        Objects.requireNonNull(file, "file");
        JsonNode root = JsonFiles.readTree(file);
        if (!root.isArray()) {
            throw new InvalidPlanException(file + ": expected a JSON array of trials but found " + JsonFields.describe(root)
                    + (root.isObject() ? "; for one trial object per line, use a .jsonl file" : ""));
        }
        return elements(root, file + ": ");
    }

    /**
     * Reads trials from an already parsed JSON array, e.g. a list written inline in a plan file.
     *
     * @param arrayNode the array of trial objects
     * @param where what the array is, e.g. {@code plan.json: trials}; an element's messages start
     *     with it and the index, e.g. {@code plan.json: trials[2]}
     * @return the trials in order
     * @throws NullPointerException if an argument is {@code null}
     * @throws InvalidPlanException if the node is not an array, an element is not a valid trial, or
     *     two trials share an id
     */
    public static List<Trial> fromNode(JsonNode arrayNode, String where) {
        Objects.requireNonNull(arrayNode, "arrayNode");
        Objects.requireNonNull(where, "where");
        if (!arrayNode.isArray()) {
            throw new InvalidPlanException(where + " must be an array of trials but was " + JsonFields.describe(arrayNode));
        }
        return elements(arrayNode, where);
    }

    /**
     * Reads a CSV file with a header row: an {@code id} column, an optional {@code expected} column
     * (JSON when the cell is valid JSON, else the text; empty means none), an optional
     * {@code metadata} column (a JSON object), and every other column a string variable.
     *
     * @param file the file
     * @return the trials in file order
     * @throws NullPointerException if {@code file} is {@code null}
     * @throws InvalidPlanException if the file cannot be read, is not valid CSV, lacks an {@code id}
     *     column, a row has the wrong number of cells, or two trials share an id; each problem names
     *     the file and the row
     */
    public static List<Trial> readCsv(Path file) {
        Objects.requireNonNull(file, "file");
        return CsvTrials.read(file);
    }

    /**
     * Reads trials choosing the format by the file's extension: {@code .jsonl} or {@code .ndjson}
     * (JSON Lines), {@code .json} (an array) or {@code .csv}.
     *
     * @param file the file
     * @return the trials in file order
     * @throws NullPointerException if {@code file} is {@code null}
     * @throws InvalidPlanException if the extension is none of these, or as the chosen reader does
     */
    public static List<Trial> read(Path file) {
        Objects.requireNonNull(file, "file");
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return readJsonl(file);
        }
        if (name.endsWith(".json")) {
            return readJsonArray(file);
        }
        if (name.endsWith(".csv")) {
            return readCsv(file);
        }
        throw new InvalidPlanException(file + ": unsupported trials file; the name must end with"
                + " .jsonl, .ndjson (one JSON trial per line), .json (a JSON array of trials) or .csv");
    }

    private static List<Trial> elements(JsonNode array, String prefix) {
        TrialCollector trials = new TrialCollector();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            String where = prefix + "[" + i + "]";
            trials.add(where, "at index " + i, () -> fromObject(element, where));
        }
        return trials.trials();
    }

    /** Reads one trial object. */
    private static Trial fromObject(JsonNode node, String where) {
        JsonFields f = JsonFields.of(node, where, InvalidPlanException::new).allowOnly(FIELDS);
        String id = id(f);
        Map<String, Object> vars = vars(f, id);
        Optional<Object> expected = f.get("expected").map(JsonValues::fromNode);
        List<Check> checks = checks(f, id);
        return build(where, id, vars, expected, f.map("metadata")).withChecks(checks);
    }

    /** Reads the optional {@code checks} array; a message names the trial, the check's index and type, and the field. */
    private static List<Check> checks(JsonFields f, String id) {
        Optional<JsonNode> array = f.get("checks");
        if (array.isEmpty() || array.get().isNull()) {
            return List.of();
        }
        if (!array.get().isArray()) {
            throw f.problem("checks", "must be an array of checks but was " + JsonFields.describe(array.get()));
        }
        List<Check> out = new ArrayList<>();
        for (int i = 0; i < array.get().size(); i++) {
            JsonNode item = array.get().get(i);
            String at = "trial '" + id + "': checks[" + i + "]";
            if (!item.isObject()) {
                throw new InvalidPlanException(f.where() + ": " + at + " must be an object like {\"type\": \"contains\","
                        + " \"value\": \"...\"} but was " + JsonFields.describe(item));
            }
            JsonNode type = item.has("type") ? item.get("type") : item.path("not").get("type");
            String named = type != null && type.isTextual() ? " (" + type.textValue() + ")" : "";
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> json = (Map<String, Object>) JsonValues.fromNode(item);
                out.add(Check.fromJson(json));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidPlanException(f.where() + ": " + at + named + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Creates a trial, turning a refusal of its constructor into a message naming the place. */
    static Trial build(String where, String id, Map<String, Object> vars, Optional<Object> expected,
            Map<String, Object> metadata) {
        try {
            return new Trial(id, vars, expected, metadata);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidPlanException(where + ": trial '" + id + "': " + e.getMessage(), e);
        }
    }

    private static String id(JsonFields f) {
        JsonNode id = f.get("id").orElseThrow(() -> f.missing("id", "; every trial needs an id, e.g. \"id\": \"t1\""));
        if (id.isTextual()) {
            if (id.textValue().isBlank()) {
                throw f.problem("id", "must not be blank");
            }
            return id.textValue();
        }
        if (id.isIntegralNumber()) {
            return id.bigIntegerValue().toString();
        }
        throw f.problem("id", "must be a string or an integer but was " + JsonFields.describe(id));
    }

    private static Map<String, Object> vars(JsonFields f, String id) {
        Optional<JsonNode> vars = f.get("vars");
        if (vars.isEmpty()) {
            return Map.of();
        }
        if (!vars.get().isObject()) {
            throw f.problem("vars", "must be an object of variables but was " + JsonFields.describe(vars.get()));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : vars.get().properties()) {
            if (e.getValue().isNull()) {
                throw new InvalidPlanException(f.where() + ": trial '" + id + "': variable '" + e.getKey()
                        + "' is null; use \"\" for an empty value");
            }
            map.put(e.getKey(), JsonValues.fromNode(e.getValue()));
        }
        return map;
    }
}
