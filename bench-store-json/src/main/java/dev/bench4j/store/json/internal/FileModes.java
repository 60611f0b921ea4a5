package dev.bench4j.store.json.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The POSIX permissions of the files and folders a store writes (by default {@code rw-------} and
 * {@code rwx------}: run files hold prompts, answers and trial data), applied right after a file or
 * folder is created or replaced, never through a symbolic link. On a file system without POSIX
 * permissions (Windows) nothing is changed.
 */
public final class FileModes {

    /** The default permissions of the store's files. */
    public static final Set<PosixFilePermission> DEFAULT_FILES = Set.copyOf(PosixFilePermissions.fromString("rw-------"));

    private final Set<PosixFilePermission> files;
    private final Set<PosixFilePermission> folders;
    private final boolean posix;

    private FileModes(Set<PosixFilePermission> files, boolean posix) {
        this.files = Set.copyOf(files);
        this.folders = folderModeOf(files);
        this.posix = posix;
    }

    /**
     * Makes the modes for a store's folder.
     *
     * @param files the permissions of files; folders get these plus search (execute) wherever read is granted
     * @param root a folder on the store's file system
     * @return the modes; they change nothing if the file system has no POSIX permissions
     */
    public static FileModes of(Set<PosixFilePermission> files, Path root) {
        Objects.requireNonNull(files, "files");
        boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        return new FileModes(files, posix);
    }

    /**
     * Returns the folder permissions that go with file permissions: the same, plus execute for each
     * class (owner, group, others) that may read.
     *
     * @param files the file permissions
     * @return the folder permissions
     */
    public static Set<PosixFilePermission> folderModeOf(Set<PosixFilePermission> files) {
        Set<PosixFilePermission> f = files.isEmpty() ? EnumSet.noneOf(PosixFilePermission.class) : EnumSet.copyOf(files);
        if (f.contains(PosixFilePermission.OWNER_READ)) {
            f.add(PosixFilePermission.OWNER_EXECUTE);
        }
        if (f.contains(PosixFilePermission.GROUP_READ)) {
            f.add(PosixFilePermission.GROUP_EXECUTE);
        }
        if (f.contains(PosixFilePermission.OTHERS_READ)) {
            f.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        return Set.copyOf(f);
    }

    /**
     * Sets a file's permissions (a missing file or a symbolic link is left alone).
     *
     * @param file the file
     * @throws UncheckedIOException if they cannot be set
     */
    public void file(Path file) {
        apply(file, files);
    }

    /**
     * Sets a folder's permissions (a missing folder or a symbolic link is left alone).
     *
     * @param folder the folder
     * @throws UncheckedIOException if they cannot be set
     */
    public void folder(Path folder) {
        apply(folder, folders);
    }

    /**
     * Sets the permissions of a folder and of everything in it (e.g. a run being imported).
     *
     * @param folder the folder
     * @throws UncheckedIOException if they cannot be set
     */
    public void tree(Path folder) {
        if (!posix) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    folder(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        file(f);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot set the permissions of its files: " + e.getMessage(), e);
        }
    }

    private void apply(Path path, Set<PosixFilePermission> perms) {
        if (!posix) {
            return;
        }
        try {
            if (Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isSymbolicLink()) {
                return;
            }
            // by path (chmod), never through a file descriptor: closing any descriptor of a lock file
            // would drop this process's lock on it (POSIX)
            Files.setPosixFilePermissions(path, perms);
        } catch (NoSuchFileException e) {
            // gone meanwhile (e.g. a temporary file renamed into place by another writer)
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot set its permissions to "
                    + PosixFilePermissions.toString(perms) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return PosixFilePermissions.toString(files) + "/" + PosixFilePermissions.toString(folders)
                + (posix ? "" : " (not applied: no POSIX permissions)");
    }
}
