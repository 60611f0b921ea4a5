package dev.bench4j.store.json.internal;

import dev.bench4j.core.Review;
import dev.bench4j.core.json.AtomicFiles;
import dev.bench4j.store.json.InvalidRunFileException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's {@code reviews.jsonl}: people's judgments of its answers, one {@link Review} per line
 * ({@link ReviewLines}), appended and never rewritten.
 *
 * <p>Appends have the crash safety of {@code results.jsonl}: each line is handed to the file in one
 * write and forced to disk before the append returns; a torn last line (a crash mid-write) is cut
 * off, kept in {@code reviews.jsonl.torn}, before the next append. Writers, in this process or
 * others, take turns on {@code reviews.lock}, so two reviewers saving at once both keep their line.
 */
public final class ReviewsFile {

    /** The file name of a run's reviews. */
    public static final String NAME = "reviews.jsonl";
    /** Where the bytes of torn lines are kept. */
    public static final String TORN = "reviews.jsonl.torn";
    /** The lock file appends take turns on. */
    public static final String LOCK = "reviews.lock";

    private static final long LOCK_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Logger LOG = LoggerFactory.getLogger(ReviewsFile.class);

    private ReviewsFile() {
    }

    /**
     * Reads every review of a run's folder, in the order they were added. A last line without its
     * line end (being written, or torn), or a whole last line holding NUL bytes (torn by a crash), is
     * left out.
     *
     * @param runFolder the run's folder
     * @return the reviews; empty when the run has none
     * @throws InvalidRunFileException naming the file and line if a complete line is not a review
     */
    public static List<Review> read(Path runFolder) {
        Path file = runFolder.resolve(NAME);
        List<Review> out = new ArrayList<>();
        try (LineReader lines = new LineReader(Files.newInputStream(file))) {
            while (lines.next() && lines.complete()) {
                if (lines.blank()) {
                    continue;
                }
                try {
                    out.add(ReviewLines.decode(lines.buffer(), lines.offset(), lines.length()));
                } catch (BadLineException e) {
                    long number = lines.lineNumber();
                    if (hasNul(lines) && !lines.next()) {
                        LOG.warn("{}: line {} was torn by a crash (it holds NUL bytes); left out, and cut off at the next"
                                + " review", file, number);
                        break;
                    }
                    throw new InvalidRunFileException(file + ": line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new InvalidRunFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Appends reviews to a run's folder as whole lines, forced to disk, after repairing a torn last
     * line. Waits up to 10 seconds for another writer to finish.
     *
     * @param runFolder the run's folder, which must exist
     * @param reviews the reviews to append, in order
     * @throws UncheckedIOException if the file cannot be written, or another writer holds the lock too long
     */
    public static void append(Path runFolder, List<? extends Review> reviews) {
        if (reviews.isEmpty()) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Review r : reviews) {
            bytes.writeBytes(ReviewLines.encode(r));
        }
        Path file = runFolder.resolve(NAME);
        try (RunLock lock = lock(runFolder)) {
            JsonLinesFile.repairTail(file, TORN, ReviewsFile::isReview);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS)) {
                long before = ch.size();
                try {
                    JsonLinesFile.writeFully(ch, ByteBuffer.wrap(bytes.toByteArray()));
                    ch.force(true);
                } catch (IOException e) {
                    try {
                        ch.truncate(before);   // never leave part of a line
                    } catch (IOException again) {
                        e.addSuppressed(again);
                    }
                    throw e;
                }
            }
            AtomicFiles.forceDirectory(runFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot append " + (reviews.size() == 1 ? "a review" : reviews.size()
                    + " reviews") + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a run's reviews into a new file (an import's staging folder), forced to disk.
     *
     * @param runFolder the folder
     * @param reviews the reviews, in order
     * @throws IOException if the file cannot be written
     */
    static void create(Path runFolder, List<? extends Review> reviews) throws IOException {
        AtomicFiles.write(runFolder.resolve(NAME), out -> {
            for (Review r : reviews) {
                out.write(ReviewLines.encode(r));
            }
        });
    }

    private static boolean hasNul(LineReader lines) {
        for (int i = lines.offset(); i < lines.offset() + lines.length(); i++) {
            if (lines.buffer()[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReview(byte[] line) {
        try {
            ReviewLines.decode(line, 0, line.length);
            return true;
        } catch (BadLineException e) {
            return false;
        }
    }

    /** Takes {@code reviews.lock}, polling while another writer holds it. */
    private static RunLock lock(Path runFolder) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT_NANOS;
        long pause = 1;
        while (true) {
            Optional<RunLock> lock = RunLock.tryAcquire(runFolder, LOCK);
            if (lock.isPresent()) {
                return lock.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(runFolder.resolve(LOCK) + " is held by another writer for more than 10 s");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + runFolder.resolve(LOCK), e);
            }
            pause = Math.min(pause * 2, 50);
        }
    }
}
