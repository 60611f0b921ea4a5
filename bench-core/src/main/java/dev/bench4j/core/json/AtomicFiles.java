package dev.bench4j.core.json;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces whole files so that a reader sees either the old content or the new one, never a part,
 * even after a crash or power cut: the content goes to a temporary file in the same folder, is
 * forced to disk, and is renamed over the target; the rename is then forced too.
 *
 * <pre>{@code
 * AtomicFiles.write(dir.resolve("run.json"), bytes);
 * AtomicFiles.write(dir.resolve("trials.jsonl"), out -> out.write(line));
 * }</pre>
 *
 * <p>Temporary files are named {@code .tmp-<file name>-<random hex>}, so that nobody mistakes one
 * for the file itself; a failed write deletes its temporary file. Every method is thread-safe; two
 * writers of one file at once leave one of the two contents whole.
 */
public final class AtomicFiles {

    private static final String TEMP_PREFIX = ".tmp-";

    private AtomicFiles() {
    }

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param out the stream, buffered; closing it only flushes it
         * @throws IOException if the content cannot be written
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file atomically.
     *
     * @param target the file to replace or create; its folder must exist
     * @param content its new content
     * @throws NullPointerException if an argument is {@code null}
     * @throws IOException if the content cannot be written or renamed into place; the target is then as it was
     */
    public static void write(Path target, byte[] content) throws IOException {
        Objects.requireNonNull(content, "content");
        write(target, out -> out.write(content));
    }

    /**
     * Writes a file atomically from a stream, in constant memory: the content goes to a temporary
     * file next to the target, is forced to disk and renamed over the target. If {@code content}
     * fails, the temporary file is deleted and the target is left as it was.
     *
     * @param target the file to replace or create; its folder must exist
     * @param content writes the file's content
     * @throws NullPointerException if an argument is {@code null}
     * @throws IOException if the content cannot be written or renamed into place, or {@code content}
     *     throws it; the target is then as it was
     */
    public static void write(Path target, Content content) throws IOException {
        replace(target, content, true);
    }

    /**
     * Replaces a file atomically for its readers without forcing anything to disk: a reader sees the
     * old content or the new, never a part, but a power cut may lose the new content (or, on some
     * file systems, leave the file empty). For files that can be made again, such as cache entries,
     * where a force per write would cost more than the file is worth.
     *
     * @param target the file to replace or create; its folder must exist
     * @param content its new content
     * @throws NullPointerException if an argument is {@code null}
     * @throws IOException if the content cannot be written or renamed into place; the target is then as it was
     */
    public static void writeUnforced(Path target, byte[] content) throws IOException {
        Objects.requireNonNull(content, "content");
        replace(target, out -> out.write(content), false);
    }

    private static void replace(Path target, Content content, boolean force) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(TEMP_PREFIX + target.getFileName() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush();   // the channel is forced and closed below
                    }
                });
                out.flush();
                if (force) {
                    ch.force(true);
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (force) {
            forceDirectory(dir);
        }
    }

    /**
     * Makes the renames and creations in a folder durable by forcing the folder to disk, where the
     * platform allows it; on Windows, which cannot open a folder, it does nothing (NTFS journals
     * renames itself). Never fails: a folder that cannot be forced is left as it is.
     *
     * @param dir the folder
     * @throws NullPointerException if {@code dir} is {@code null}
     */
    public static void forceDirectory(Path dir) {
        Objects.requireNonNull(dir, "dir");
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // Windows cannot open a folder as a channel; NTFS journals renames itself
        }
    }

    /**
     * Deletes a folder and everything in it: the second half of removing a folder atomically, after
     * an atomic rename has moved it out of readers' way.
     *
     * @param dir the folder
     * @throws NullPointerException if {@code dir} is {@code null}
     * @throws IOException if something cannot be deleted; what was deleted stays deleted
     */
    public static void deleteTree(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
