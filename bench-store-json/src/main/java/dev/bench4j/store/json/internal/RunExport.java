package dev.bench4j.store.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanSnapshot;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Review;
import dev.bench4j.core.Trial;
import dev.bench4j.core.json.AtomicFiles;
import dev.bench4j.core.json.JsonFields;
import dev.bench4j.core.json.ResultJson;
import dev.bench4j.store.json.InvalidRunFileException;
import dev.bench4j.store.json.RunMetadata;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Writes a run as one portable file and reads such a file back into a store.
 *
 * <pre>
 * {"schema": "bench4j.run-export/1",
 *  "run": {"schema": "bench4j.run/1", "run_id": "...", ...},     the run's run.json
 *  "results": [{"prompt": "p", "model": "m", ...}, ...],         the lines of its results.jsonl
 *  "trials": [{"id": "t1", "vars": {...}, "expected": ...}, ...],  its trials.jsonl, when it has one
 *  "reviews": [{"kind": "rating", ...}, ...]}                      its reviews.jsonl, when it has reviews
 * </pre>
 *
 * <p>Both directions stream: memory does not grow with the number of results.
 */
public final class RunExport {

    /** The schema this version writes and reads. */
    public static final String SCHEMA = "bench4j.run-export/1";
    /** Folders being imported start with this, so that nobody mistakes them for a run. */
    static final String STAGING_PREFIX = ".importing-";

    /** Reads a value inside the export: strict about repeated keys, and the export goes on after it. */
    private static final ObjectReader NESTED = RunFiles.STRICT.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RunExport() {
    }

    // ---- export ---------------------------------------------------------------------------------

    /**
     * Writes a run's export file atomically.
     *
     * @param runFolder the run's folder
     * @param results streams the run's results to an action
     * @param file the export file to create or replace
     * @throws InvalidRunFileException if the run's files are malformed
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path runFolder, Consumer<Consumer<Result>> results, Path file) {
        RunFiles.read(runFolder);   // validates run.json before it is copied
        JsonNode run = RunFiles.readTree(runFolder.resolve(RunFiles.NAME));
        try {
            AtomicFiles.write(file, out -> {
                try (JsonGenerator g = ResultLines.FACTORY.createGenerator(out)) {
                    g.setRootValueSeparator(null);
                    g.writeStartObject();
                    g.writeStringField("schema", SCHEMA);
                    g.writeFieldName("run");
                    g.writeTree(run);
                    g.writeFieldName("results");
                    g.writeStartArray();
                    try {
                        results.accept(r -> {
                            try {
                                g.writeRaw('\n');
                                ResultJson.write(g, r);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                    } catch (UncheckedIOException e) {
                        throw e.getCause();
                    }
                    g.writeEndArray();
                    writeArrayIfAny(g, "trials", TrialsFile.read(runFolder), TrialsFile::writeTrial);
                    writeArrayIfAny(g, "reviews", ReviewsFile.read(runFolder), (gen, r) -> gen.writeTree(ReviewLines.toNode(r)));
                    g.writeEndObject();
                    g.writeRaw('\n');
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export of run " + runFolder.getFileName() + " to " + file
                    + ": " + e.getMessage(), e);
        }
    }

    /** Writes one element of an array into a generator. */
    @FunctionalInterface
    private interface ElementWriter<T> {
        void write(JsonGenerator g, T element) throws IOException;
    }

    /** Writes a field holding an array, one element per line, unless the list is empty. */
    private static <T> void writeArrayIfAny(JsonGenerator g, String field, List<T> elements, ElementWriter<T> writer)
            throws IOException {
        if (elements.isEmpty()) {
            return;
        }
        g.writeFieldName(field);
        g.writeStartArray();
        for (T e : elements) {
            g.writeRaw('\n');
            writer.write(g, e);
        }
        g.writeEndArray();
    }

    // ---- import ---------------------------------------------------------------------------------

    /**
     * A run read from an export file into a staging folder of the store, ready to be renamed into place.
     *
     * @param staging the staging folder, holding {@code run.json} and {@code results.jsonl}
     * @param metadata the run's metadata, with its final folder
     * @param results how many results it holds
     */
    public record Staged(Path staging, RunMetadata metadata, long results) {
        /**
         * Returns the run's id.
         *
         * @return the id
         */
        public String runId() {
            return metadata.info().id();
        }

        /**
         * Deletes the staging folder if it is still there.
         *
         * @throws IOException if it cannot be deleted
         */
        public void discard() throws IOException {
            if (Files.exists(staging)) {
                AtomicFiles.deleteTree(staging);
            }
        }
    }

    /**
     * Reads an export file into a new staging folder of the store, validating everything: the
     * export's and the run's schema, every field of the run, the run id, every result, and that each
     * result is a cell of the run's plan. On any error the staging folder is deleted, so the store
     * is left as it was.
     *
     * @param file the export file
     * @param root the store's folder
     * @param idCheck called with the run's id as soon as it is known (before the results are read,
     *     if the file has {@code run} first, as exports do), to refuse it early
     * @return the staged run
     * @throws InvalidRunFileException naming the file and the JSON path or result index of the problem
     * @throws UncheckedIOException if the staging folder cannot be written
     */
    public static Staged stage(Path file, Path root, Consumer<String> idCheck) {
        Path staging = root.resolve(STAGING_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot create a folder to import " + file + " into: " + e.getMessage(), e);
        }
        try {
            return new Reader(file, root, staging, idCheck).read();
        } catch (RuntimeException e) {
            try {
                AtomicFiles.deleteTree(staging);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Reads one export file. */
    private static final class Reader {
        private final Path file;
        private final String where;
        private final Path root;
        private final Path staging;
        private final Consumer<String> idCheck;
        private String schema;
        private RunMetadata run;
        private JsonNode runNode;
        private SummaryBuilder plan;
        private long results = -1;
        private long pending;
        private long trials = -1;
        private final List<Review> reviews = new ArrayList<>();

        Reader(Path file, Path root, Path staging, Consumer<String> idCheck) {
            this.file = file;
            this.where = file.toString();
            this.root = root;
            this.staging = staging;
            this.idCheck = idCheck;
        }

        Staged read() {
            try (InputStream in = Files.newInputStream(file);
                 JsonParser p = RunFiles.STRICT.createParser(in);
                 FileChannel ch = FileChannel.open(staging.resolve(ResultsFile.NAME), StandardOpenOption.CREATE_NEW,
                         StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                JsonToken t = p.nextToken();
                if (t == null) {
                    throw new InvalidRunFileException(where + ": the file is empty");
                }
                if (t != JsonToken.START_OBJECT) {
                    throw new InvalidRunFileException(where + ": expected a JSON object (a bench4j run export) but found "
                            + p.getText());
                }
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (field) {
                        case "schema" -> schema(p, v);
                        case "run" -> run(p, v);
                        case "results" -> results(p, v, out);
                        case "trials" -> trials(p, v);
                        case "reviews" -> reviews(p, v);
                        default -> p.skipChildren();
                    }
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new InvalidRunFileException(where + ": the export object is not closed");
                }
                if (p.nextToken() != null) {
                    throw new InvalidRunFileException(where + ": " + at(p.currentLocation())
                            + "unexpected content after the end of the JSON value");
                }
                out.flush();
                ch.force(true);
            } catch (NoSuchFileException e) {
                throw new InvalidRunFileException(where + ": file not found", e);
            } catch (JsonProcessingException e) {
                String msg = e.getOriginalMessage();
                if (msg.startsWith("Unexpected end-of-input")) {
                    msg = "the file ends in the middle of the JSON value (truncated?): " + msg;
                }
                throw new InvalidRunFileException(where + ": " + at(e.getLocation()) + "invalid JSON: " + msg, e);
            } catch (IOException e) {
                throw new UncheckedIOException(where + ": cannot import: " + e.getMessage(), e);
            }
            if (schema == null) {
                throw new InvalidRunFileException(where + ": missing field 'schema'; expected \"" + SCHEMA
                        + "\" (is this a bench4j run export?)");
            }
            if (run == null) {
                throw new InvalidRunFileException(where + ": missing field 'run' (the run's metadata)");
            }
            if (results < 0) {
                throw new InvalidRunFileException(where + ": missing field 'results' (an array of results, may be empty)");
            }
            if (pending > 0) {
                checkStaged();
            }
            checkTrialsAndReviews();
            try {
                byte[] json = RunFiles.PRETTY.writeValueAsBytes(runNode);
                byte[] bytes = Arrays.copyOf(json, json.length + 1);
                bytes[json.length] = '\n';
                AtomicFiles.write(staging.resolve(RunFiles.NAME), bytes);
                AtomicFiles.forceDirectory(staging);
            } catch (IOException e) {
                throw new UncheckedIOException(staging + ": cannot write the imported run: " + e.getMessage(), e);
            }
            return new Staged(staging, run, results);
        }

        private void schema(JsonParser p, JsonToken v) throws IOException {
            if (v != JsonToken.VALUE_STRING) {
                throw new InvalidRunFileException(where + ": field 'schema' must be a string but was " + p.getText());
            }
            String s = p.getText();
            if (!s.equals(SCHEMA)) {
                throw new InvalidRunFileException(where + ": field 'schema' must be \"" + SCHEMA + "\" but was \"" + s + "\""
                        + (s.startsWith("bench4j.run-export/") ? "; this file was written by another bench4j version"
                                : s.startsWith("bench4j.") ? "; this is not a run export" : ""));
            }
            schema = s;
        }

        private void run(JsonParser p, JsonToken v) throws IOException {
            JsonNode node = NESTED.readTree(p);
            JsonFields f = JsonFields.of(node, where, "run", InvalidRunFileException::new);
            // the id becomes a folder name: check it before anything else uses it
            String id = f.string("run_id");
            Path folder;
            try {
                folder = StorePaths.runFolder(root, id);
            } catch (IllegalArgumentException e) {
                throw f.problem("run_id", "is not a valid run id: " + e.getMessage());
            }
            run = RunFiles.parse(f, folder);
            runNode = node;
            idCheck.accept(id);
            plan = new SummaryBuilder(run.info().plan());
        }

        private void results(JsonParser p, JsonToken v, OutputStream out) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                throw new InvalidRunFileException(where + ": field 'results' must be an array but was " + p.getText());
            }
            JsonGenerator g = ResultLines.FACTORY.createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(null);
            long i = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new InvalidRunFileException(where + ": results[" + i + "]: the file ends inside the results array (truncated?)");
                }
                Result r;
                try {
                    r = ResultLines.readObject(p);
                } catch (BadLineException e) {
                    throw new InvalidRunFileException(where + ": results[" + i + "]: " + e.getMessage(), e);
                }
                if (plan != null) {
                    check(r, i);
                } else {
                    pending++;
                }
                ResultJson.write(g, r);
                g.writeRaw('\n');
                i++;
            }
            g.flush();
            results = i;
        }

        private void trials(JsonParser p, JsonToken v) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                throw new InvalidRunFileException(where + ": field 'trials' must be an array but was " + p.getText());
            }
            Path target = staging.resolve(TrialsFile.NAME);
            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                 JsonGenerator g = ResultLines.FACTORY.createGenerator(out)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.setRootValueSeparator(null);
                long i = 0;
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new InvalidRunFileException(where + ": trials[" + i + "]: the file ends inside the trials array (truncated?)");
                    }
                    if (t != JsonToken.START_OBJECT) {
                        throw new InvalidRunFileException(where + ": trials[" + i + "] must be an object (a trial) but was "
                                + p.getText());
                    }
                    g.writeTree(NESTED.readTree(p));
                    g.writeRaw('\n');
                    i++;
                }
                g.flush();
                out.flush();
                ch.force(true);
                trials = i;
            }
        }

        private void reviews(JsonParser p, JsonToken v) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                throw new InvalidRunFileException(where + ": field 'reviews' must be an array but was " + p.getText());
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                String at = where + ": reviews[" + reviews.size() + "]";
                if (t == null) {
                    throw new InvalidRunFileException(at + ": the file ends inside the reviews array (truncated?)");
                }
                reviews.add(ReviewLines.fromNode(NESTED.readTree(p), at));
            }
        }

        /** Checks the trials against the run's plan and the reviews against the plan and trials, then writes the reviews. */
        private void checkTrialsAndReviews() {
            PlanSnapshot plan = run.info().plan();
            Set<String> trialIds = null;
            if (trials >= 0) {
                Path file = staging.resolve(TrialsFile.NAME);
                List<Trial> kept;
                try {
                    kept = TrialsFile.read(staging);
                } catch (InvalidRunFileException e) {
                    throw new InvalidRunFileException(e.getMessage().replace(file.toString(), where + ": trials (line n is trials[n - 1])"), e);
                }
                if (kept.size() != plan.trialCount()) {
                    throw new InvalidRunFileException(where + ": field 'trials' holds " + kept.size()
                            + " trials but the run's plan has " + plan.trialCount());
                }
                trialIds = new HashSet<>();
                for (Trial k : kept) {
                    trialIds.add(k.id());
                }
                Set<String> known = trialIds;
                long[] index = {0};
                ResultsFile.forEach(staging.resolve(ResultsFile.NAME), r -> {
                    if (!known.contains(r.cell().trial())) {
                        throw new InvalidRunFileException(where + ": results[" + index[0] + "]: the result of cell "
                                + r.cell() + " names trial '" + r.cell().trial() + "', which the run's trials"
                                + " (field 'trials') do not have");
                    }
                    index[0]++;
                });
            }
            Set<CellId> answered = new HashSet<>();
            if (!reviews.isEmpty()) {
                ResultsFile.forEach(staging.resolve(ResultsFile.NAME), r -> answered.add(r.cell()));
            }
            Set<String> prompts = new HashSet<>(plan.prompts().stream().map(Prompt::name).toList());
            Set<String> models = new HashSet<>(plan.models().stream().map(ModelConfig::id).toList());
            for (int i = 0; i < reviews.size(); i++) {
                for (CellId c : reviews.get(i).cells()) {
                    String problem = !prompts.contains(c.prompt()) ? "the run has no prompt '" + c.prompt() + "'"
                            : !models.contains(c.model()) ? "the run has no model '" + c.model() + "'"
                            : c.repetition() >= plan.repetitions() ? "the run has " + plan.repetitions() + " repetitions"
                            : trialIds != null && !trialIds.contains(c.trial()) ? "the run has no trial '" + c.trial() + "'"
                            : !answered.contains(c) ? "the run has no answer for it"
                            : null;
                    if (problem != null) {
                        throw new InvalidRunFileException(where + ": reviews[" + i + "] names cell " + c + ", but " + problem);
                    }
                }
            }
            if (!reviews.isEmpty()) {
                try {
                    ReviewsFile.create(staging, reviews);
                } catch (IOException e) {
                    throw new UncheckedIOException(staging + ": cannot write the imported reviews: " + e.getMessage(), e);
                }
            }
        }

        private void check(Result r, long index) {
            boolean first;
            try {
                first = plan.add(r);
            } catch (IllegalArgumentException e) {
                throw new InvalidRunFileException(where + ": results[" + index + "]: " + e.getMessage(), e);
            }
            if (!first) {
                throw new InvalidRunFileException(where + ": results[" + index + "]: a second result for cell " + r.cell()
                        + "; an export holds one result per cell (the latest), so the file was edited or damaged");
            }
        }

        /** Checks the results that came before the run's plan against it. */
        private void checkStaged() {
            long[] index = {0};
            ResultsFile.forEach(staging.resolve(ResultsFile.NAME), r -> {
                if (index[0] < pending) {
                    check(r, index[0]);
                }
                index[0]++;
            });
        }

        private static String at(JsonLocation l) {
            return l == null || l.getLineNr() < 1 ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr() + ": ";
        }
    }
}
