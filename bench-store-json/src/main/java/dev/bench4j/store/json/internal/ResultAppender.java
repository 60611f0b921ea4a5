package dev.bench4j.store.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bench4j.core.Result;
import dev.bench4j.core.json.ResultJson;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends results to {@code results.jsonl}: each result is written by a streaming generator into a
 * reused buffer and handed to the file in one write with its line end, so a process that dies
 * loses at most the line being written; the file is forced to disk when {@code fsyncEveryNanos}
 * has passed since it last was (every line when 0), and on {@link #close()}.
 *
 * <p>Not thread-safe: one run's results come from one thread at a time.
 */
final class ResultAppender implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final LineBuffer buffer = new LineBuffer();
    private JsonGenerator generator;
    private final long fsyncEveryNanos;
    private long lastSync = System.nanoTime();
    private boolean dirty;

    ResultAppender(Path file, long fsyncEveryNanos) throws IOException {
        this.file = file;
        this.fsyncEveryNanos = fsyncEveryNanos;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS);
        this.generator = newGenerator();
    }

    private JsonGenerator newGenerator() throws IOException {
        JsonGenerator g = ResultLines.FACTORY.createGenerator(buffer);
        g.setRootValueSeparator(null);
        return g;
    }

    /**
     * Appends one result as a line.
     *
     * @param r the result
     * @throws IOException if it cannot be written
     */
    private boolean failed;

    void append(Result r) throws IOException {
        buffer.reset();
        try {
            ResultJson.write(generator, r);
            generator.writeRaw('\n');
            generator.flush();
        } catch (IOException | RuntimeException e) {
            generator = newGenerator();   // the failed one may be in the middle of an object
            buffer.reset();
            throw new IOException("cannot encode the result of cell " + r.cell() + ": " + e.getMessage(), e);
        }
        if (failed) {
            throw new IOException("an earlier write to " + file + " failed; no more results are appended to it");
        }
        long before = channel.position();
        try {
            JsonLinesFile.writeFully(channel, buffer.asBuffer());
        } catch (IOException e) {
            failed = true;
            try {
                channel.truncate(before);   // never leave part of a line for later lines to follow
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        dirty = true;
        long now = System.nanoTime();
        if (fsyncEveryNanos == 0 || now - lastSync >= fsyncEveryNanos) {
            channel.force(false);
            lastSync = now;
            dirty = false;
        }
    }

    /**
     * Forces what was appended to disk.
     *
     * @throws IOException if the file cannot be forced
     */
    void force() throws IOException {
        if (dirty) {
            channel.force(false);
            lastSync = System.nanoTime();
            dirty = false;
        }
    }

    /** @return the file appended to */
    Path file() {
        return file;
    }

    /** Forces the file to disk and closes it. */
    @Override
    public void close() throws IOException {
        try {
            force();
        } finally {
            channel.close();
        }
    }
}
