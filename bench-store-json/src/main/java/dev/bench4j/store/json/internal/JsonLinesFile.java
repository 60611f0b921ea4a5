package dev.bench4j.store.json.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the append-only JSON Lines files of a run ({@code results.jsonl}, {@code reviews.jsonl})
 * share: writing a whole buffer, and repairing a torn last line (a write cut short by a crash or a
 * power cut: no line end, or NUL bytes where the data never came), whose bytes are kept in a
 * {@code .torn} file beside it.
 */
final class JsonLinesFile {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFile.class);
    private static final int CHUNK = 1 << 16;

    private JsonLinesFile() {
    }

    /**
     * Cuts a torn last line off a file: a last line without its line end, or a whole one that is not
     * valid and holds NUL bytes. A whole last line that is simply not valid is left for the reader to
     * report. The torn bytes are appended to {@code tornName} beside the file, and a warning names
     * the file and line. The caller must be the only writer.
     *
     * @param file the file
     * @param tornName the file name the torn bytes are kept in
     * @param valid tells whether a whole line (without its line end) is a valid entry
     * @return whether a torn line was cut off
     * @throws UncheckedIOException if the file cannot be read or truncated
     */
    static boolean repairTail(Path file, String tornName, Predicate<byte[]> valid) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            if (size == 0) {
                return false;
            }
            long lastNl = lastNewline(ch, size);
            long cut;
            String why;
            if (lastNl == size - 1) {
                long prevNl = lastNewline(ch, lastNl);
                byte[] line = read(ch, prevNl + 1, lastNl - prevNl - 1);
                if (isBlank(line) || !containsNul(line) || valid.test(line)) {
                    return false;   // a whole line that is not valid is damage, not a torn write: the reader reports it
                }
                cut = prevNl + 1;
                why = "is not valid";
            } else {
                cut = lastNl + 1;
                why = "has no line end";
            }
            byte[] torn = read(ch, cut, size - cut);
            long line = countNewlines(ch, cut) + 1;
            Path tornFile = file.resolveSibling(tornName);
            try (FileChannel out = FileChannel.open(tornFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS)) {
                writeFully(out, ByteBuffer.wrap(torn));
                if (torn.length == 0 || torn[torn.length - 1] != '\n') {
                    writeFully(out, ByteBuffer.wrap(new byte[] {'\n'}));
                }
                out.force(true);
            }
            ch.truncate(cut);
            ch.force(true);
            LOG.warn("{}: line {} was torn (it {}: a write cut short when it was interrupted); cut it off"
                    + " ({} bytes), keeping the {} complete lines before it; the torn bytes are kept in {}",
                    file, line, why, torn.length, line - 1, tornFile);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot repair its torn last line: " + e.getMessage(), e);
        }
    }

    /** A crash can leave a tail of NUL bytes (the size grew, the data never came); a kill cannot. */
    private static boolean containsNul(byte[] line) {
        for (byte b : line) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Finds the last {@code \n} before position {@code before}, or -1. */
    private static long lastNewline(FileChannel ch, long before) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        long end = before;
        while (end > 0) {
            long from = Math.max(0, end - CHUNK);
            buf.clear().limit((int) (end - from));
            readFully(ch, buf, from);
            for (int i = buf.limit() - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    return from + i;
                }
            }
            end = from;
        }
        return -1;
    }

    private static long countNewlines(FileChannel ch, long before) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        long count = 0;
        for (long pos = 0; pos < before; pos += buf.limit()) {
            buf.clear().limit((int) Math.min(CHUNK, before - pos));
            readFully(ch, buf, pos);
            for (int i = 0; i < buf.limit(); i++) {
                if (buf.get(i) == '\n') {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Reads {@code length} bytes from {@code from}.
     *
     * @throws IOException if they cannot be read, or the length is too large for an array
     */
    static byte[] read(FileChannel ch, long from, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException("a line of " + length + " bytes is too long");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        readFully(ch, buf, from);
        return buf.array();
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + pos);
            }
            pos += n;
        }
    }

    /** Writes the whole buffer. */
    static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
