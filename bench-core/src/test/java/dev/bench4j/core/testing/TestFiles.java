package dev.bench4j.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test files into temporary folders and finds the fixtures under {@code src/test/resources/io}. */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * Writes UTF-8 text to a new file in a folder.
     *
     * @param dir the folder
     * @param name the file's name
     * @param text its content
     * @return the file's path
     */
    public static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes raw bytes to a new file in a folder.
     *
     * @param dir the folder
     * @param name the file's name
     * @param bytes its content
     * @return the file's path
     */
    public static Path writeBytes(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the path of a fixture in bench-core's {@code src/test/resources/io}.
     *
     * @param name the fixture's file name
     * @return its path
     */
    public static Path fixture(String name) {
        URL url = TestFiles.class.getResource("/io/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
