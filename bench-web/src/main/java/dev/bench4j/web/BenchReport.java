package dev.bench4j.web;

import dev.bench4j.core.json.AtomicFiles;
import dev.bench4j.store.json.InvalidRunFileException;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.web.internal.ReportWriter;
import dev.bench4j.web.internal.Viewer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Writes runs of a store as one self-contained HTML file with the views of {@link BenchServer}
 * (summary, charts, criteria, cells, side-by-side answers, trends, agreement): all script, style and
 * data inline, so it opens from {@code file://} with no network, for CI artifacts and e-mail. It is
 * read-only, except that a reviewer can rate and rank answers in it and download their reviews as a
 * {@code reviews.jsonl} file, which {@code bench review RUN --import FILE} (or
 * {@link JsonRunStore#importReviews}) adds to the run.
 *
 * <pre>{@code
 * BenchReport.write(JsonRunStore.at(Path.of("runs")), List.of(runId), Path.of("target/report.html"));
 * }</pre>
 *
 * <p>Everything from the runs is shown as text: a model's output holding {@code </script>} or
 * markup cannot escape its place, and the page's Content-Security-Policy allows only its own
 * inline scripts, by their hashes.
 */
public final class BenchReport {

    private BenchReport() {
    }

    /**
     * Builds the report's HTML.
     *
     * @param store the store
     * @param runIds the runs to hold, at least one
     * @return the page
     * @throws NullPointerException if an argument or an id is {@code null}
     * @throws IllegalArgumentException naming the run if an id is not valid or not in the store, or none is given
     * @throws InvalidRunFileException if a file of a run is damaged
     */
    public static String html(JsonRunStore store, List<String> runIds) {
        Objects.requireNonNull(store, "store");
        List<String> ids = List.copyOf(Objects.requireNonNull(runIds, "runIds"));
        Viewer viewer = new Viewer(store, 64L << 20, Clock.systemUTC());
        try {
            return ReportWriter.html(viewer, ids, Clock.systemUTC());
        } finally {
            viewer.close();
        }
    }

    /**
     * Writes the report to a file atomically (a temporary file forced to disk and renamed into place,
     * see {@link AtomicFiles}), replacing it.
     *
     * @param store the store
     * @param runIds the runs to hold, at least one
     * @param file the file to write; its folder must exist
     * @throws NullPointerException if an argument or an id is {@code null}
     * @throws IllegalArgumentException naming the run if an id is not valid or not in the store, or
     *     naming the file if it is a folder or its folder is missing
     * @throws InvalidRunFileException if a file of a run is damaged
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(JsonRunStore store, List<String> runIds, Path file) {
        Objects.requireNonNull(file, "file");
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("report file " + file + " is a folder");
        }
        if (!Files.isDirectory(target.getParent())) {
            throw new IllegalArgumentException("report file " + file + ": its folder " + target.getParent() + " does not exist");
        }
        String html = html(store, runIds);
        try {
            AtomicFiles.write(target, html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }
}
