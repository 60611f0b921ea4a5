package dev.bench4j.core;

import dev.bench4j.core.internal.Versions;
import java.util.Objects;

/**
 * Where a run ran: bench4j, Java and operating system versions, so results can be compared
 * knowingly later. The host name is not recorded.
 *
 * @param bench4jVersion the bench4j version
 * @param javaVersion {@code java.version}
 * @param javaVendor {@code java.vendor}
 * @param os operating system name and version
 * @param arch {@code os.arch}
 * @param processors available processors
 */
public record Environment(String bench4jVersion, String javaVersion, String javaVendor, String os, String arch,
        int processors) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public Environment {
        Objects.requireNonNull(bench4jVersion, "bench4jVersion");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(javaVendor, "javaVendor");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
    }

    /**
     * Describes the running JVM.
     *
     * @return this JVM's environment
     */
    public static Environment current() {
        return new Environment(Versions.bench4j(), System.getProperty("java.version", "unknown"),
                System.getProperty("java.vendor", "unknown"),
                System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", ""),
                System.getProperty("os.arch", "unknown"), Runtime.getRuntime().availableProcessors());
    }
}
