package dev.bench4j.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The bench4j version, from a resource the build writes. */
public final class Versions {

    private static final String VERSION = load();

    private Versions() {
    }

    /**
     * Returns bench4j's version.
     *
     * @return e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} outside a built jar
     */
    public static String bench4j() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Versions.class.getResourceAsStream("/dev/bench4j/core/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
