package dev.bench4j.store.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bench4j.core.Check;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Trial;
import dev.bench4j.core.Trials;
import dev.bench4j.core.json.AtomicFiles;
import dev.bench4j.store.json.InvalidRunFileException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's {@code trials.jsonl}: the plan's trials in the trials file format ({@code {"id", "vars",
 * "expected", "metadata", "checks"}}, one per line), written once when the run starts so that the run's
 * answers can be shown with their variables and expected answer. Runs kept before bench4j wrote it
 * have none.
 */
public final class TrialsFile {

    /** The file name of a run's trials. */
    public static final String NAME = "trials.jsonl";

    private TrialsFile() {
    }

    /**
     * Writes the trials to a run's folder atomically.
     *
     * @param runFolder the run's folder
     * @param trials the trials, in plan order
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path runFolder, List<Trial> trials) {
        Path file = runFolder.resolve(NAME);
        try {
            AtomicFiles.write(file, out -> write(out, trials));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the run's trials: " + e.getMessage(), e);
        }
    }

    /**
     * Writes trials as JSON Lines to a stream.
     *
     * @param out the stream; left open
     * @param trials the trials
     * @throws IOException if the stream cannot be written
     */
    static void write(OutputStream out, List<Trial> trials) throws IOException {
        try (JsonGenerator g = ResultLines.FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(null);
            for (Trial t : trials) {
                writeTrial(g, t);
                g.writeRaw('\n');
            }
        }
    }

    /**
     * Writes one trial as a JSON object.
     *
     * @param g the generator
     * @param t the trial
     * @throws IOException if the generator cannot write
     */
    static void writeTrial(JsonGenerator g, Trial t) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        g.writeObjectField("vars", t.vars());
        if (t.expected().isPresent()) {
            g.writeObjectField("expected", t.expected().get());
        }
        if (!t.metadata().isEmpty()) {
            g.writeObjectField("metadata", t.metadata());
        }
        if (!t.checks().isEmpty()) {
            g.writeArrayFieldStart("checks");
            for (Check c : t.checks()) {
                g.writeObject(c.toJson());
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /**
     * Reads only the ids of a run's trials, in plan order, stopping on each line at its {@code id}
     * (which the store writes first): a fraction of reading the trials whole.
     *
     * @param runFolder the run's folder
     * @return the ids in plan order; empty when the run kept no trials
     * @throws InvalidRunFileException naming the file and line if a line has no id or the file is malformed
     */
    public static List<String> readIds(Path runFolder) {
        Path file = runFolder.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try (LineReader lines = new LineReader(Files.newInputStream(file))) {
            while (lines.next()) {
                if (lines.blank()) {
                    continue;
                }
                String id = id(lines.buffer(), lines.offset(), lines.length());
                if (id == null) {
                    read(runFolder);   // says what is wrong with the file, naming it and the line
                    throw new InvalidRunFileException(file + ": line " + lines.lineNumber() + ": a trial without an id");
                }
                ids.add(id);
            }
        } catch (IOException e) {
            throw new InvalidRunFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return ids;
    }

    /** A trial line's {@code id} (a string, or an integer as its decimal digits), reading no further; null if there is none. */
    private static String id(byte[] bytes, int offset, int length) {
        try (JsonParser p = ResultLines.FACTORY.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("id")) {
                    return v == JsonToken.VALUE_STRING ? p.getText() : v == JsonToken.VALUE_NUMBER_INT ? p.getText() : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Reads a run's trials, for the folder of the run.
     *
     * @param runFolder the run's folder
     * @return the trials in plan order; empty when the run kept none
     * @throws InvalidRunFileException naming the file and line if it is malformed
     */
    public static List<Trial> read(Path runFolder) {
        Path file = runFolder.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Trials.fromJsonl(file);
        } catch (InvalidPlanException e) {
            throw new InvalidRunFileException(e.getMessage(), e);
        }
    }
}
