package dev.bench4j.core;

import dev.bench4j.core.internal.io.TrialFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads trials from the files people keep them in: JSON Lines, JSON arrays and CSV.
 *
 * <p>A JSON trial is {@code {"id": "t1", "vars": {"text": "..."}, "expected": ..., "metadata": {...}}};
 * a CSV file has an {@code id} column, an optional {@code expected} column (parsed as JSON when it
 * is valid JSON, else kept as text), and every other column is a variable.
 *
 * <pre>{@code
 * List<Trial> trials = Trials.fromJsonl(Path.of("trials.jsonl"));
 * }</pre>
 */
public final class Trials {

    private Trials() {
    }

    /**
     * Loads trials from a JSON Lines file, one trial per line; blank lines are skipped.
     *
     * @param file the file
     * @return the trials in file order
     * @throws InvalidPlanException if the file cannot be read, a line is not a valid trial, or two
     *     trials share an id; the message names the file, the line and the field
     */
    public static List<Trial> fromJsonl(Path file) {
        return TrialFiles.readJsonl(file);
    }

    /**
     * Loads trials from a file holding one JSON array of trials.
     *
     * @param file the file
     * @return the trials in file order
     * @throws InvalidPlanException if the file cannot be read, an element is not a valid trial, or
     *     two trials share an id; the message names the file, the index and the field
     */
    public static List<Trial> fromJsonArray(Path file) {
        return TrialFiles.readJsonArray(file);
    }

    /**
     * Loads trials from a CSV file with a header row.
     *
     * @param file the file
     * @return the trials in file order
     * @throws InvalidPlanException if the file cannot be read, lacks an {@code id} column, a row has
     *     the wrong number of cells, or two trials share an id; the message names the file and row
     */
    public static List<Trial> fromCsv(Path file) {
        return TrialFiles.readCsv(file);
    }

    /**
     * Loads trials choosing the format by the file's extension: {@code .jsonl}/{@code .ndjson},
     * {@code .json} or {@code .csv}.
     *
     * @param file the file
     * @return the trials in file order
     * @throws InvalidPlanException if the extension is none of these or the file is invalid
     */
    public static List<Trial> fromFile(Path file) {
        return TrialFiles.read(file);
    }
}
