/**
 * bench4j's JUnit 5 extension: a {@code @BenchmarkTest} method runs a benchmark and gates it on
 * thresholds and a committed baseline. JUnit instantiates {@code BenchExtension} through its
 * public constructor, so nothing needs to be opened.
 */
module dev.bench4j.junit {
    exports dev.bench4j.junit;

    requires transitive dev.bench4j.core;
    requires transitive org.junit.jupiter.api;
    requires static transitive org.jspecify;

    requires dev.bench4j.scoring;
    requires dev.bench4j.store.json;
}
