package dev.bench4j.core.internal.io;

import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Provenance.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Describes the files a plan was read from for its run's provenance: path, SHA-256 and trial ids. */
final class SourceFiles {

    private SourceFiles() {
    }

    /**
     * Describes one file.
     *
     * @param file the file, as the plan named it resolved against the plan's folder
     * @param trialIds the ids of the trials it holds, or none for the plan file itself
     * @return the description
     * @throws InvalidPlanException naming the file if it cannot be read
     */
    static SourceFile of(Path file, List<String> trialIds) {
        return new SourceFile(file.toString(), sha256(file), trialIds);
    }

    private static String sha256(Path file) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        byte[] buffer = new byte[8192];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new InvalidPlanException(file + ": could not be read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
