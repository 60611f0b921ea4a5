package dev.bench4j.store.json.internal;

import dev.bench4j.core.Result;
import dev.bench4j.store.json.InvalidRunFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code results.jsonl} line by line in constant memory, and repairs a torn last line.
 *
 * <p>A line that is not a result is an error naming the file and line, never skipped. The one
 * exception is the last line when it is torn (a write cut short by a crash or power cut: no line
 * end, or NUL bytes where the data never came): {@link #repairTail} cuts it off, keeping its bytes in
 * {@code results.jsonl.torn}, so the run can go on from its last complete result.
 */
public final class ResultsFile {

    /** The file name of a run's results. */
    public static final String NAME = "results.jsonl";
    /** Where the bytes of torn lines are kept for diagnosis. */
    public static final String TORN = "results.jsonl.torn";

    private static final Logger LOG = LoggerFactory.getLogger(ResultsFile.class);

    private ResultsFile() {
    }

    /**
     * Passes every result of a file to an action, in file order. Blank lines are skipped; a last
     * line without its line end is left out (it is being written, or is torn and could not be repaired).
     *
     * @param file the results file
     * @param action receives each result; its exceptions pass through unchanged
     * @return how many results were read
     * @throws InvalidRunFileException naming the file and line if a complete line is not a result,
     *     or the file cannot be read
     */
    public static long forEach(Path file, Consumer<Result> action) {
        return forEach(file, Long.MAX_VALUE, (r, at) -> true, action);
    }

    /** Chooses the results to pass on by where their line starts. */
    @FunctionalInterface
    public interface Filter {
        /**
         * Tells whether to pass a result on.
         *
         * @param r the result
         * @param position where its line starts in the file
         * @return whether to pass it
         */
        boolean keep(Result r, long position);
    }

    /**
     * Passes the results of the file's first {@code limit} bytes that a filter keeps to an action, in
     * file order, as {@link #forEach(Path, Consumer)} does.
     *
     * @param file the results file
     * @param limit where to stop: lines starting at or after it are not read
     * @param filter which results to pass on
     * @param action receives each result kept
     * @return how many results were passed on
     * @throws InvalidRunFileException naming the file and line if a complete line is not a result
     */
    public static long forEach(Path file, long limit, Filter filter, Consumer<Result> action) {
        long count = 0;
        try (LineReader lines = new LineReader(Files.newInputStream(file))) {
            while (lines.next() && lines.position() < limit) {
                if (!lines.complete()) {
                    LOG.debug("{}: line {} has no line end yet; left out", file, lines.lineNumber());
                    break;
                }
                if (lines.blank()) {
                    continue;
                }
                Result r;
                try {
                    r = ResultLines.read(lines.buffer(), lines.offset(), lines.length());
                } catch (BadLineException e) {
                    throw new InvalidRunFileException(file + ": line " + lines.lineNumber() + ": " + e.getMessage()
                            + "; the file is corrupt there (only a torn last line is repaired automatically)", e);
                }
                if (filter.keep(r, lines.position())) {
                    count++;
                    action.accept(r);
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new InvalidRunFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return count;
    }

    /**
     * Cuts a torn last line off the file: a last line without its line end, or a whole one holding
     * NUL bytes. A whole last line that is simply not a result is left for the reader to report. Its
     * bytes are appended to {@code results.jsonl.torn} next to the file, and a warning names the file
     * and line. The caller must be the only writer (hold the run's lock).
     *
     * @param file the results file
     * @return whether a torn line was cut off
     * @throws UncheckedIOException if the file cannot be read or truncated
     */
    public static boolean repairTail(Path file) {
        return JsonLinesFile.repairTail(file, TORN, ResultsFile::isResult);
    }

    private static boolean isResult(byte[] line) {
        try {
            ResultLines.read(line, 0, line.length);
            return true;
        } catch (BadLineException e) {
            return false;
        }
    }
}
