package dev.bench4j.store.json.internal;

import dev.bench4j.store.json.InvalidRunFileException;
import dev.bench4j.store.json.InvalidStorePathException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks names that become paths (run ids) and resolves them under the store's folder, so nothing
 * is ever read or written outside it.
 */
public final class StorePaths {

    /** The longest run id accepted. */
    static final int MAX_ID_LENGTH = 128;

    private StorePaths() {
    }

    /**
     * Checks a run id: 1 to 128 letters, digits, {@code .}, {@code _} and {@code -}, starting with a
     * letter or digit, without {@code ..}.
     *
     * @param id the run id
     * @return the id
     * @throws NullPointerException if {@code id} is {@code null}
     * @throws InvalidStorePathException naming the id and the reason if it is not a valid run id
     */
    public static String checkRunId(String id) {
        Objects.requireNonNull(id, "runId");
        Optional<String> problem = problem(id);
        if (problem.isPresent()) {
            throw new InvalidStorePathException(id.isEmpty() ? "run id must not be empty"
                    : "run id '" + shown(id) + "' is not allowed: " + problem.get()
                    + "; a run id is letters, digits, '.', '_' and '-' (e.g. bench_3f9a1c2e_20261122_184501)");
        }
        return id;
    }

    /**
     * Tells whether a name is a valid run id (e.g. to skip foreign folders when scanning a store).
     *
     * @param id the name
     * @return whether {@link #checkRunId} accepts it
     */
    public static boolean isRunId(String id) {
        return problem(id).isEmpty();
    }

    private static Optional<String> problem(String id) {
        if (id.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (id.length() > MAX_ID_LENGTH) {
            return Optional.of("it is longer than " + MAX_ID_LENGTH + " characters");
        }
        if (id.startsWith("/") || id.startsWith("\\") || id.length() > 1 && id.charAt(1) == ':') {
            return Optional.of("it is an absolute path");
        }
        if (id.contains("..")) {
            return Optional.of("it contains '..'");
        }
        if (id.equals("index.json") || id.equals("index.lock")) {
            return Optional.of("it is a name the store uses for its own files");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '\\') {
                return Optional.of("it contains a path separator");
            }
            if (Character.isISOControl(c)) {
                return Optional.of("it contains a control character");
            }
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return Optional.of("it contains '" + c + "'");
            }
        }
        if (id.charAt(0) == '.' || id.charAt(0) == '-') {
            return Optional.of("it starts with '" + id.charAt(0) + "'");
        }
        return Optional.empty();
    }

    /**
     * Resolves a checked run id to its folder and makes sure the folder is a direct child of the store.
     *
     * @param root the store's folder, absolute and normalized
     * @param id the run id
     * @return the run's folder
     * @throws InvalidStorePathException if the id is not valid or would leave the store
     */
    public static Path runFolder(Path root, String id) {
        Path folder = root.resolve(checkRunId(id)).normalize();
        if (!root.equals(folder.getParent())) {
            throw new InvalidStorePathException("run id '" + shown(id) + "' resolves to " + folder
                    + ", outside the store " + root);
        }
        return folder;
    }

    /** Shows a value in a message with control characters replaced by '?'. */
    static String shown(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 200));
        for (int i = 0; i < s.length() && i < 200; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return s.length() > 200 ? sb + "..." : sb.toString();
    }

    /**
     * Checks a path the store is about to write, without following symbolic links: the path and
     * every folder between the store's folder and it must not be a symbolic link, a folder must be a
     * folder and a file a regular file (or not exist yet). The store's folder itself may be reached
     * through links (it is resolved to its real path when the store opens).
     *
     * @param root the store's folder, real
     * @param path a file or folder inside the store
     * @param folder whether {@code path} must be a folder (else a regular file)
     * @return the path
     * @throws InvalidRunFileException naming the path if a component is a symbolic link or of the wrong kind
     * @throws UncheckedIOException if the attributes cannot be read
     */
    public static Path checkWritable(Path root, Path path, boolean folder) {
        Path rel = root.relativize(path);
        Path at = root;
        for (int i = 0; i < rel.getNameCount(); i++) {
            at = at.resolve(rel.getName(i));
            boolean last = i == rel.getNameCount() - 1;
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return path;
            } catch (IOException e) {
                throw new UncheckedIOException(at + ": cannot be read: " + e.getMessage(), e);
            }
            if (a.isSymbolicLink()) {
                throw new InvalidRunFileException(at + " is a symbolic link; the store never writes through a link"
                        + " (it could write outside the store); replace it with a real " + (last && !folder ? "file"
                        : "folder"));
            }
            if ((!last || folder) && !a.isDirectory()) {
                throw new InvalidRunFileException(at + " is not a folder; the store expected a folder there");
            }
            if (last && !folder && !a.isRegularFile()) {
                throw new InvalidRunFileException(at + " is " + (a.isDirectory() ? "a folder" : "not a regular file")
                        + "; the store expected a file there");
            }
        }
        return path;
    }
}
