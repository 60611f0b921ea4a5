package dev.bench4j.store.json.internal;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Result;
import dev.bench4j.store.json.InvalidRunFileException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each cell's result starts in a run's {@code results.jsonl}, so that one result can be read
 * without scanning the file. Built by one scan on first use; as the file only grows, later uses scan
 * only what was appended since, and start over if the file got shorter (a torn line was cut), was
 * replaced (another inode or creation time, e.g. an import with replace), or a line is not where the
 * index says.
 *
 * <p>Thread-safe.
 */
public final class CellOffsets {

    private static final int MAX_LINE = 1 << 30;

    private final Path file;
    private final Map<CellId, Long> offsets = new HashMap<>();
    /** Names seen, shared by the cells' ids, so an index costs about 80 bytes a cell. */
    private final Map<String, String> names = new HashMap<>();
    private long scanned;
    /** How many lines end before {@link #scanned}, blank ones included. */
    private long linesScanned;
    /** How many results are superseded by a later line for the same cell. */
    private long superseded;
    /** The identity of the file scanned (its inode and creation time where the system has them). */
    private Object identity;

    /**
     * Makes an empty index of a results file.
     *
     * @param file the run's {@code results.jsonl}
     */
    public CellOffsets(Path file) {
        this.file = file;
    }

    /**
     * Reads one cell's result.
     *
     * @param cell the cell
     * @return its result, or empty if the file has none (yet)
     * @throws InvalidRunFileException naming the file and line if a line is not a result
     */
    public synchronized Optional<Result> find(CellId cell) {
        refresh();
        Long at = offsets.get(cell);
        if (at == null) {
            return Optional.empty();
        }
        Result r;
        try {
            r = readAt(at);
        } catch (InvalidRunFileException e) {
            r = null;   // the file changed under the index: start over once
        }
        if (r == null || !r.cell().equals(cell)) {
            reset();
            refresh();
            at = offsets.get(cell);
            return at == null ? Optional.empty() : Optional.of(readAt(at));
        }
        return Optional.of(r);
    }

    /**
     * Tells whether a cell has a result.
     *
     * @param cell the cell
     * @return whether the file holds its result
     * @throws InvalidRunFileException naming the file and line if a line is not a result
     */
    public synchronized boolean has(CellId cell) {
        refresh();
        return offsets.containsKey(cell);
    }

    /**
     * Returns how many cells are indexed, for weighing the index in a cache.
     *
     * @return the count
     */
    public synchronized int size() {
        return offsets.size();
    }

    private void reset() {
        offsets.clear();
        names.clear();
        scanned = 0;
        linesScanned = 0;
        superseded = 0;
    }

    /**
     * Brings the index up to date and returns what it knows of the file now, for reading every
     * result with the later line of a cell winning.
     *
     * @return the snapshot
     * @throws InvalidRunFileException naming the file and line if a line is not a result
     */
    public synchronized Snapshot snapshot() {
        refresh();
        return new Snapshot(scanned, superseded > 0);
    }

    /**
     * Tells whether the result starting at a position of the file is the latest of its cell.
     *
     * @param cell the result's cell
     * @param position where its line starts
     * @return whether no later line holds a result of the cell
     */
    public synchronized boolean isLatest(CellId cell, long position) {
        Long at = offsets.get(cell);
        return at == null || at == position;
    }

    /**
     * What the index knew of the file when taken.
     *
     * @param size the length of the file's complete lines
     * @param hasSuperseded whether some cell has more than one result
     */
    public record Snapshot(long size, boolean hasSuperseded) {
    }

    private void refresh() {
        Object now = identity();
        if (!Objects.equals(now, identity)) {
            reset();
            identity = now;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < scanned) {
                reset();
            }
            if (size == scanned) {
                return;
            }
            ch.position(scanned);
            long from = scanned;
            try (LineReader lines = new LineReader(Channels.newInputStream(ch))) {
                while (lines.next() && lines.complete()) {
                    long at = from + lines.position();
                    if (lines.blank()) {
                        scanned = at + lines.length() + 1;
                        linesScanned++;
                        continue;
                    }
                    try {
                        CellId c = ResultLines.readCell(lines.buffer(), lines.offset(), lines.length());
                        if (offsets.put(new CellId(name(c.prompt()), name(c.model()), name(c.trial()), c.repetition()), at)
                                != null) {
                            superseded++;
                        }
                    } catch (BadLineException e) {
                        throw new InvalidRunFileException(file + ": line " + (linesScanned + 1) + ": " + e.getMessage()
                                + "; the file is corrupt there (only a torn last line is repaired automatically)", e);
                    }
                    scanned = at + lines.length() + 1;
                    linesScanned++;
                }
            }
        } catch (NoSuchFileException e) {
            reset();
        } catch (IOException e) {
            throw new InvalidRunFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private String name(String s) {
        return names.computeIfAbsent(s, k -> k);
    }

    /** The file's inode (or other key) and creation time: a file renamed into place has another. */
    private Object identity() {
        try {
            BasicFileAttributes a = Files.readAttributes(file,
                    BasicFileAttributes.class);
            return Arrays.asList(a.fileKey(), a.creationTime());
        } catch (IOException e) {
            return null;
        }
    }

    private Result readAt(long at) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            int chunk = 1 << 14;
            byte[] line = new byte[0];
            long pos = at;
            while (true) {
                long left = ch.size() - pos;
                if (left <= 0) {
                    throw new InvalidRunFileException(file + ": the line at byte " + at + " has no line end");
                }
                byte[] more = JsonLinesFile.read(ch, pos, Math.min(chunk, left));
                int nl = indexOf(more, (byte) '\n');
                int take = nl < 0 ? more.length : nl;
                byte[] grown = Arrays.copyOf(line, line.length + take);
                System.arraycopy(more, 0, grown, line.length, take);
                line = grown;
                if (nl >= 0) {
                    break;
                }
                if (line.length > MAX_LINE) {
                    throw new InvalidRunFileException(file + ": the line at byte " + at + " is longer than 1 GiB");
                }
                pos += more.length;
                chunk = Math.min(chunk * 4, 1 << 24);
            }
            try {
                return ResultLines.read(line, 0, line.length);
            } catch (BadLineException e) {
                throw new InvalidRunFileException(file + ": the line at byte " + at + ": " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new InvalidRunFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
