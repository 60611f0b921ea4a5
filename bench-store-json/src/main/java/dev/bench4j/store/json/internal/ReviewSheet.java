package dev.bench4j.store.json.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Result;
import dev.bench4j.core.Review;
import dev.bench4j.core.Trial;
import dev.bench4j.store.json.InvalidRunFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reviews in a spreadsheet: a sheet with one row per answer to fill in, and the reading of a
 * filled-in sheet (or of a {@code reviews.jsonl} file a report downloaded) into {@link Review}s.
 *
 * <p>The sheet's columns are {@code prompt, model, trial, repetition, ok, output, expected} (to
 * read; text a spreadsheet would run as a formula starts with an apostrophe) and {@code reviewer, rating, scale_min, scale_max, acceptable, comment, rank} (to fill in).
 * A row becomes a rating when {@code rating} is set (on {@code scale_min}..{@code scale_max},
 * default 1..5), a verdict when {@code acceptable} is set ({@code yes/no}, {@code true/false},
 * {@code 1/0}, {@code acceptable/unacceptable}), a comment when {@code comment} is set; the rows of
 * one reviewer, trial and repetition with a {@code rank} (1 = best, no ties) become one ranking.
 */
public final class ReviewSheet {

    /** The sheet's columns, in order. */
    public static final List<String> COLUMNS = List.of("prompt", "model", "trial", "repetition", "ok", "output", "expected",
            "reviewer", "rating", "scale_min", "scale_max", "acceptable", "comment", "rank");

    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectWriter JSON = new ObjectMapper().writer();

    private ReviewSheet() {
    }

    /**
     * Writes a sheet with one row per result, to be filled in.
     *
     * @param file the CSV file to create or replace
     * @param results the results, in the order of the rows
     * @param trials the run's trials by id, for the expected answers
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, List<Result> results, Map<String, Trial> trials) {
        CsvExport.write(file, COLUMNS, rows -> {
            for (Result r : results) {
                CellId c = r.cell();
                Trial t = trials.get(c.trial());
                String expected = t == null || t.expected().isEmpty() ? ""
                        : t.expected().get() instanceof String s ? s : json(t.expected().get());
                rows.accept(new String[] {c.prompt(), c.model(), c.trial(), Integer.toString(c.repetition()),
                        Boolean.toString(r.succeeded()), inert(r.succeeded() ? r.output()
                        : r.error().map(e -> "[" + e.kind().wireName() + "] " + e.message()).orElse("")),
                        inert(expected), "", "", "", "", "", "", ""});
            }
        });
    }

    /**
     * Reads reviews from a filled-in sheet ({@code .csv}) or from review lines ({@code .jsonl},
     * {@code .ndjson}, one {@code reviews.jsonl} line each).
     *
     * @param file the file
     * @param reviewer the reviewer of sheet rows that name none
     * @param at when the sheet's reviews count as made (review lines carry their own time)
     * @return the reviews, in file order (a sheet's rankings after its other reviews)
     * @throws InvalidRunFileException naming the file, the row or line and the column if it cannot be read
     */
    public static List<Review> read(Path file, Optional<String> reviewer, Instant at) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return lines(file);
        }
        if (!name.endsWith(".csv")) {
            throw new InvalidRunFileException(file + ": expected a .csv sheet or a .jsonl file of reviews");
        }
        return sheet(file, reviewer, at);
    }

    private static List<Review> lines(Path file) {
        List<Review> out = new ArrayList<>();
        try (LineReader lines = new LineReader(Files.newInputStream(file))) {
            while (lines.next()) {
                if (lines.blank()) {
                    continue;
                }
                try {
                    out.add(ReviewLines.decode(lines.buffer(), lines.offset(), lines.length()));
                } catch (BadLineException e) {
                    throw new InvalidRunFileException(file + ": line " + lines.lineNumber() + ": "
                            + e.getMessage().replaceFirst("^review: ", ""), e);
                }
            }
        } catch (NoSuchFileException e) {
            throw new InvalidRunFileException(file + ": file not found", e);
        } catch (IOException e) {
            throw new InvalidRunFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    private static List<Review> sheet(Path file, Optional<String> reviewer, Instant at) {
        List<Review> out = new ArrayList<>();
        // reviewer, trial, repetition -> rank -> cell
        Map<List<Object>, TreeMap<Integer, CellId>> ranks = new LinkedHashMap<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (InputStream in = Files.newInputStream(file);
             MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(schema)
                     .with(CsvParser.Feature.TRIM_SPACES).readValues(in)) {
            int row = 1;
            while (rows.hasNext()) {
                row++;
                Map<String, String> r = rows.next();
                String where = file + ": row " + row;
                for (String required : List.of("prompt", "model", "trial")) {
                    if (blank(r.get(required))) {
                        throw new InvalidRunFileException(where + ": column '" + required + "' is empty"
                                + (r.containsKey(required) ? "" : " (the sheet has no such column; expected " + COLUMNS + ")"));
                    }
                }
                String who = !blank(r.get("reviewer")) ? r.get("reviewer")
                        : reviewer.orElse(null);
                boolean anything = !blank(r.get("rating")) || !blank(r.get("acceptable")) || !blank(r.get("comment"))
                        || !blank(r.get("rank"));
                if (!anything) {
                    continue;
                }
                if (who == null) {
                    throw new InvalidRunFileException(where + ": column 'reviewer' is empty; fill it in or name the reviewer"
                            + " of the whole sheet (bench review --reviewer NAME)");
                }
                CellId cell = new CellId(r.get("prompt"), r.get("model"), r.get("trial"),
                        whole(where, "repetition", blank(r.get("repetition")) ? "0" : r.get("repetition"), 0));
                try {
                    if (!blank(r.get("rating"))) {
                        double min = blank(r.get("scale_min")) ? 1 : number(where, "scale_min", r.get("scale_min"));
                        double max = blank(r.get("scale_max")) ? 5 : number(where, "scale_max", r.get("scale_max"));
                        out.add(new Review.Rating(who, at, cell, number(where, "rating", r.get("rating")), min, max));
                    }
                    if (!blank(r.get("acceptable"))) {
                        out.add(new Review.Verdict(who, at, cell, acceptable(where, r.get("acceptable"))));
                    }
                    if (!blank(r.get("comment"))) {
                        out.add(new Review.Comment(who, at, cell, r.get("comment")));
                    }
                } catch (IllegalArgumentException e) {
                    throw new InvalidRunFileException(where + ": " + e.getMessage(), e);
                }
                if (!blank(r.get("rank"))) {
                    int rank = whole(where, "rank", r.get("rank"), 1);
                    TreeMap<Integer, CellId> group = ranks.computeIfAbsent(List.of(who, cell.trial(), cell.repetition()),
                            k -> new TreeMap<>());
                    CellId other = group.putIfAbsent(rank, cell);
                    if (other != null) {
                        throw new InvalidRunFileException(where + ": rank " + rank + " is given twice by " + who + " for trial "
                                + cell.trial() + " (also to " + other.prompt() + " / " + other.model() + "); ranks must differ");
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new InvalidRunFileException(file + ": file not found", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidRunFileException x) {
                throw x;
            }
            throw new InvalidRunFileException(file + ": not a readable CSV sheet: " + e.getMessage(), e);
        }
        ranks.forEach((key, group) -> {
            if (group.size() < 2) {
                throw new InvalidRunFileException(file + ": " + key.get(0) + " ranked only one answer of trial " + key.get(1)
                        + (((Integer) key.get(2)) == 0 ? "" : " #" + key.get(2)) + "; a ranking orders at least two");
            }
            try {
                out.add(new Review.Ranking((String) key.get(0), at, List.copyOf(group.values()), Duration.ZERO));
            } catch (IllegalArgumentException e) {
                throw new InvalidRunFileException(file + ": the ranking of trial " + key.get(1) + " by " + key.get(0) + ": "
                        + e.getMessage(), e);
            }
        });
        return out;
    }

    /**
     * Text a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, a tab or
     * a carriage return first) gets a leading apostrophe, so a model's output cannot run in the
     * reviewer's spreadsheet; these columns are only read by people, never imported.
     */
    static String inert(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static double number(String where, String column, String value) {
        try {
            double d = Double.parseDouble(value.trim().replace(',', '.'));
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidRunFileException(where + ": column '" + column + "' must be a number but was '" + value + "'");
        }
    }

    private static int whole(String where, String column, String value, int min) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidRunFileException(where + ": column '" + column + "' must be a whole number >= " + min
                    + " but was '" + value + "'");
        }
    }

    private static boolean acceptable(String where, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "acceptable", "ok" -> true;
            case "no", "n", "false", "0", "unacceptable" -> false;
            default -> throw new InvalidRunFileException(where + ": column 'acceptable' must be yes or no (or true/false, 1/0,"
                    + " acceptable/unacceptable) but was '" + value + "'");
        };
    }
}
