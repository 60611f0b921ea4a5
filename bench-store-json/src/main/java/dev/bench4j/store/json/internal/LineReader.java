package dev.bench4j.store.json.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ending in {@code \n}, without decoding them, in constant memory
 * (a buffer as large as the longest line). A last line without its {@code \n} is reported as
 * incomplete.
 */
final class LineReader implements Closeable {

    private static final int INITIAL = 1 << 16;

    private final InputStream in;
    private byte[] buf = new byte[INITIAL];
    private int start;
    private int end;
    private boolean eof;
    private int lineStart;
    private int lineLength;
    private boolean complete;
    private long lineNumber;
    /** The position in the stream of {@code buf[0]}. */
    private long base;

    LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * Moves to the next line.
     *
     * @return false at the end of the stream
     * @throws IOException if the stream cannot be read
     */
    boolean next() throws IOException {
        int scanFrom = start;
        while (true) {
            for (int i = scanFrom; i < end; i++) {
                if (buf[i] == '\n') {
                    lineStart = start;
                    lineLength = i - start;
                    complete = true;
                    start = i + 1;
                    lineNumber++;
                    return true;
                }
            }
            if (eof) {
                if (start == end) {
                    return false;
                }
                lineStart = start;
                lineLength = end - start;
                complete = false;
                start = end;
                lineNumber++;
                return true;
            }
            scanFrom = end - start;
            fill();
        }
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            base += start;
            start = 0;
        }
        if (end == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    /** @return the buffer holding the current line */
    byte[] buffer() {
        return buf;
    }

    /** @return where the current line starts in {@link #buffer()} */
    int offset() {
        return lineStart;
    }

    /** @return the current line's length, without its line end */
    int length() {
        return lineLength;
    }

    /** @return where the current line starts in the stream, from 0 */
    long position() {
        return base + lineStart;
    }

    /** @return whether the current line ended with {@code \n} */
    boolean complete() {
        return complete;
    }

    /** @return the current line's number, from 1 */
    long lineNumber() {
        return lineNumber;
    }

    /** @return whether the current line holds only spaces, tabs and carriage returns */
    boolean blank() {
        for (int i = lineStart; i < lineStart + lineLength; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
