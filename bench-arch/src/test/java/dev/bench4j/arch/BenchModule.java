package dev.bench4j.arch;

import java.util.Arrays;
import java.util.Optional;

/** bench4j's modules, each identified by the one package prefix its classes live under. */
enum BenchModule {
    CORE("bench-core", "dev.bench4j.core"),
    PROVIDERS("bench-providers", "dev.bench4j.providers"),
    SCORING("bench-scoring", "dev.bench4j.scoring"),
    STORE("bench-store-json", "dev.bench4j.store"),
    JUNIT("bench-junit", "dev.bench4j.junit"),
    WEB("bench-web", "dev.bench4j.web"),
    EXAMPLES("bench-examples", "dev.bench4j.examples"),
    PERF("bench-perf", "dev.bench4j.perf"),
    LANGCHAIN4J("bench-langchain4j", "dev.bench4j.langchain4j"),
    SPRING_AI("bench-spring-ai", "dev.bench4j.springai"),
    EMBEDDINGS("bench-embeddings", "dev.bench4j.embeddings");

    private final String artifactId;
    private final String packagePrefix;

    BenchModule(String artifactId, String packagePrefix) {
        this.artifactId = artifactId;
        this.packagePrefix = packagePrefix;
    }

    /** Returns the Maven artifact id, e.g. {@code bench-store-json}. */
    String artifactId() {
        return artifactId;
    }

    /** Returns the package prefix, e.g. {@code dev.bench4j.store}. */
    String packagePrefix() {
        return packagePrefix;
    }

    /** Returns the ArchUnit package pattern of every package of this module, e.g. {@code dev.bench4j.store..}. */
    String packages() {
        return packagePrefix + "..";
    }

    /** Says whether a package belongs to this module. */
    boolean contains(String packageName) {
        return packageName.equals(packagePrefix) || packageName.startsWith(packagePrefix + ".");
    }

    /** Returns the module a package belongs to, or empty for a package of no module (a library's, a JDK's). */
    static Optional<BenchModule> of(String packageName) {
        return Arrays.stream(values()).filter(m -> m.contains(packageName)).findFirst();
    }

    /** Says whether a package is internal: one of its segments is {@code internal}. */
    static boolean isInternal(String packageName) {
        return Arrays.asList(packageName.split("\\.")).contains("internal");
    }

    @Override
    public String toString() {
        return artifactId + " (" + packagePrefix + ")";
    }
}
