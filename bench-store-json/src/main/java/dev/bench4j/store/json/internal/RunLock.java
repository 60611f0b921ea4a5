package dev.bench4j.store.json.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import dev.bench4j.store.json.RunInUseException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lock a run's writer holds on {@code run.lock} in the run's folder for as long as it writes,
 * so that no other writer, in this process or another, appends to the run at the same time, and a
 * reader can tell a live run (whose last line may be half written) from an interrupted one.
 *
 * <p>POSIX drops every lock a process holds on a file when the process closes any channel on that
 * file. So within this JVM, lock files are only ever opened and closed under one monitor, and only
 * when no lock of this JVM is held on them.
 */
public final class RunLock implements Closeable {

    /** The lock file's name in a run's folder. */
    public static final String NAME = "run.lock";

    /** The locks this JVM holds, by lock file; guarded by itself. */
    private static final Map<Path, RunLock> HELD = new HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes a run's lock if nobody holds it.
     *
     * @param runFolder the run's folder, which must exist
     * @return the lock, or empty if a writer in this or another process holds it
     * @throws IOException if the lock file cannot be opened
     */
    public static Optional<RunLock> tryAcquire(Path runFolder) throws IOException {
        return tryAcquire(runFolder, NAME);
    }

    /**
     * Takes a lock named by a file of a run's folder (e.g. {@code reviews.lock}, which guards
     * appends to {@code reviews.jsonl}) if nobody holds it.
     *
     * @param runFolder the run's folder, which must exist
     * @param name the lock file's name
     * @return the lock, or empty if a holder in this or another process has it
     * @throws IOException if the lock file cannot be opened
     */
    public static Optional<RunLock> tryAcquire(Path runFolder, String name) throws IOException {
        Path file = runFolder.resolve(name).toAbsolutePath().normalize();
        synchronized (HELD) {
            if (HELD.containsKey(file)) {
                return Optional.empty();
            }
            // never through a link: a run.lock linked elsewhere would create or lock a file outside the store
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                // held in this JVM through another path to the same file: closing ch would drop that
                // lock (POSIX), so ch stays open; store folders are real paths, so this is rare
                return Optional.empty();
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            if (lock == null) {
                ch.close();
                return Optional.empty();
            }
            RunLock held = new RunLock(file, ch, lock);
            HELD.put(file, held);
            return Optional.of(held);
        }
    }

    /**
     * Tells whether a writer holds a run's lock now.
     *
     * @param runFolder the run's folder
     * @return true if a writer in this or another process holds it, or if the lock file cannot be
     *     opened to tell (a reader without write access must not call a live run interrupted); false
     *     if nobody holds it
     */
    public static boolean isHeld(Path runFolder) {
        try {
            Optional<RunLock> lock = tryAcquire(runFolder);
            if (lock.isPresent()) {
                lock.get().close();
                return false;
            }
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Tells whether a writer holds a run's lock now, without creating the lock file: a run folder
     * without {@code run.lock} has never been opened by a writer that is still alive.
     *
     * @param runFolder the run's folder
     * @return true if a writer in this or another process holds it
     */
    public static boolean isHeldIfPresent(Path runFolder) {
        if (!Files.isRegularFile(runFolder.resolve(NAME), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        return isHeld(runFolder);
    }

    /**
     * Makes the exception for a run whose lock another writer holds.
     *
     * @param runId the run's id
     * @param runFolder its folder
     * @return the exception, naming the run and its lock file
     */
    public static RunInUseException inUse(String runId, Path runFolder) {
        return new RunInUseException("run " + runId + " is being written by another process or store ("
                + runFolder.resolve(NAME) + " is locked); a run can have one writer at a time");
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
            } finally {
                channel.close();
                HELD.remove(file);
            }
        }
    }
}
